package io.github.zohokit.spring;

import java.time.Duration;

/**
 * The {@code zoho.session-cache.*} properties: how many users' sessions (each user's token in memory, generated APIs
 * and HTTP client) are kept while the application holds none of them, and for how long after their last use. A
 * dropped session costs one token store read when its user comes back; what the application holds keeps working.
 */
public class ZohoSessionCacheProperties {
  /** The most users' sessions kept: the most recently used ones. Zero keeps only those the application holds. */
  private int maxUsers = 10_000;

  /** How long after its last use a user's session is kept. Default 1h, an access token's lifetime. */
  private Duration idleTime = Duration.ofHours(1);

  public int getMaxUsers() { return maxUsers; }
  public void setMaxUsers(int maxUsers) { this.maxUsers = maxUsers; }

  public Duration getIdleTime() { return idleTime; }
  public void setIdleTime(Duration idleTime) { this.idleTime = idleTime; }
}

package io.github.zohokit.token;

import java.util.Objects;

/**
 * Identifies one set of tokens: the Zoho client that obtained them and the user they belong to. The user key is
 * chosen by the application (a user id, an email, a tenant name); single-user integrations use
 * {@link #DEFAULT_USER}.
 *
 * @param clientId the client id from the API Console, not blank
 * @param userKey the application's key for the user, not blank
 */
public record TokenKey(String clientId, String userKey) {
  /** The user key of single-user integrations (self client, a one-account device login). */
  public static final String DEFAULT_USER = "default";

  /**
   * Checks both parts.
   *
   * @param clientId the client id, not blank
   * @param userKey the user key, not blank
   * @throws NullPointerException when either is null
   * @throws IllegalArgumentException when either is blank
   */
  public TokenKey {
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(userKey, "userKey");
    if (clientId.isBlank()) {
      throw new IllegalArgumentException("client id is empty");
    }
    if (userKey.isBlank()) {
      throw new IllegalArgumentException("user key is empty; use TokenKey.DEFAULT_USER for a single user");
    }
  }

  @Override
  public String toString() {
    return clientId + "/" + userKey;
  }
}

package io.github.zohokit;

import java.time.Duration;
import java.util.Optional;

/**
 * A limit was hit: Zoho's API answered 429 {@code TOO_MANY_REQUESTS} (credits or concurrency), Zoho Accounts
 * answered its {@code "Access Denied"} throttle, or zohokit refused to spend more of Zoho's budget of access
 * tokens per refresh token. {@link #retryAfter()} says when trying again makes sense, when that is known.
 */
public class RateLimitException extends ZohoException {
  private static final long serialVersionUID = 1L;

  /** How long to wait, or null when unknown. */
  private final Duration retryAfter;

  /**
   * A limit that was hit.
   *
   * @param message which limit and what to do
   * @param retryAfter how long to wait before trying again, or null when unknown
   */
  public RateLimitException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /**
   * How long to wait before trying again, when known.
   *
   * @return the wait, or empty
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}

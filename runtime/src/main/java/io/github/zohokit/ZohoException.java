package io.github.zohokit;

/**
 * Base of every exception zohokit throws. Messages say what went wrong and what to do about it, and never
 * carry a secret (client secret, grant token, access or refresh token).
 */
public class ZohoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An exception with a message saying what failed and what to do.
   *
   * @param message the message; it must not hold a secret
   */
  public ZohoException(String message) {
    super(message);
  }

  /**
   * An exception caused by {@code cause}.
   *
   * @param message the message; it must not hold a secret
   * @param cause the underlying failure
   */
  public ZohoException(String message, Throwable cause) {
    super(message, cause);
  }
}

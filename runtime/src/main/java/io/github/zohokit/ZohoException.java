package io.github.zohokit;

/**
 * Base of every exception zohokit throws. Messages say what went wrong and what to do about it, and never
 * carry a secret (client secret, grant token, access or refresh token).
 */
public class ZohoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ZohoException(String message) {
    super(message);
  }

  public ZohoException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.github.zohokit;

/**
 * Zoho Accounts refused an OAuth request: a bad or used grant token ({@code invalid_code}), an unknown client
 * ({@code invalid_client}), a wrong secret, an unregistered redirect URI, a missing {@code soid}, a user who
 * denied consent, and so on. {@link #error()} is Zoho's own error code, exactly as Zoho sent it.
 */
public class ZohoAuthException extends ZohoException {
  private static final long serialVersionUID = 1L;

  private final String error;

  public ZohoAuthException(String error, String message) {
    super(message);
    this.error = error;
  }

  public ZohoAuthException(String error, String message, Throwable cause) {
    super(message, cause);
    this.error = error;
  }

  /** Zoho's error code (for example {@code invalid_code}), or {@code null} when the failure was local. */
  public String error() {
    return error;
  }
}

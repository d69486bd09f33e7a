package io.github.zohokit;

/**
 * Zoho Accounts refused an OAuth request: a bad or used grant token ({@code invalid_code}), an unknown client
 * ({@code invalid_client}), a wrong secret, an unregistered redirect URI, a missing {@code soid}, a user who
 * denied consent, and so on. {@link #error()} is Zoho's own error code, exactly as Zoho sent it.
 */
public class ZohoAuthException extends ZohoException {
  private static final long serialVersionUID = 1L;

  /** Zoho's error code, or null. */
  private final String error;

  /**
   * A refusal by Zoho Accounts, or a local check that failed in its place.
   *
   * @param error Zoho's error code (such as {@code invalid_client}), zohokit's own (such as {@code state_mismatch}), or
   *     null
   * @param message what failed and what to do
   */
  public ZohoAuthException(String error, String message) {
    super(message);
    this.error = error;
  }

  /**
   * A refusal with the exception that reported it.
   *
   * @param error Zoho's error code, zohokit's own, or null
   * @param message what failed and what to do
   * @param cause the underlying failure, or null
   */
  public ZohoAuthException(String error, String message, Throwable cause) {
    super(message, cause);
    this.error = error;
  }

  /**
   * Zoho's error code (for example {@code invalid_code}), or {@code null} when the failure was local.
   *
   * @return the code, or null
   */
  public String error() {
    return error;
  }
}

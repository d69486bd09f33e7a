package io.github.zohokit.sync;

import io.github.zohokit.ZohoException;

/**
 * A sync or bulk job could not go on: Zoho refused a request, a job failed, a download was cut, a CSV row did not
 * fit, the state store failed. The message says what happened and what to do; what was committed before stays
 * committed (the cursor never moves past records the handler has not taken), so running again resumes.
 */
public class SyncException extends ZohoException {
  private static final long serialVersionUID = 1L;

  /** Zoho's error code, or null. */
  private final String code;

  /**
   * An error without a Zoho code.
   *
   * @param message what happened and what to do
   */
  public SyncException(String message) {
    this(message, null, null);
  }

  /**
   * An error with Zoho's code and a cause.
   *
   * @param message what happened and what to do
   * @param code Zoho's error code, such as {@code PAGINATION_LIMIT_EXCEEDED}; null when there is none
   * @param cause the cause; null when there is none
   */
  public SyncException(String message, String code, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /**
   * Zoho's error code, when Zoho answered with one.
   *
   * @return the code, such as {@code TOO_MANY_REQUESTS}, or null
   */
  public String code() {
    return code;
  }
}

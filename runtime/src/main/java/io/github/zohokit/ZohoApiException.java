package io.github.zohokit;

import java.util.Map;

/**
 * A Zoho API call failed as a whole. Carries the HTTP status and Zoho's error body: {@code code} (for example
 * {@code INVALID_DATA}, {@code REQUIRED_PARAM_MISSING}), {@code details} and {@code message}.
 */
public class ZohoApiException extends ZohoException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status code; 0 when nothing was sent. */
  private final int status;
  /** Zoho's error code, or null. */
  private final String code;
  private final transient Map<String, Object> details;
  /** Zoho's own message, or null. */
  private final String zohoMessage;

  /**
   * An exception for a failed call.
   *
   * @param message the exception's message: what failed and what to do
   * @param status the HTTP status, or 0 when nothing was sent
   * @param code Zoho's error code, or null
   * @param details Zoho's {@code details}, copied; null for none
   * @param zohoMessage Zoho's {@code message}, or null
   */
  public ZohoApiException(String message, int status, String code, Map<String, Object> details, String zohoMessage) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details == null ? Map.of() : Map.copyOf(details);
    this.zohoMessage = zohoMessage;
  }

  /**
   * The HTTP status code.
   *
   * @return the status, or 0 when the call was stopped before it was sent
   */
  public int status() {
    return status;
  }

  /**
   * Zoho's error code, for example {@code INVALID_DATA}; {@code null} when the body was not a Zoho error.
   *
   * @return the code, or null
   */
  public String code() {
    return code;
  }

  /**
   * Zoho's {@code details} object, for example {@code {"param_name": "fields"}}; empty when absent.
   *
   * @return an unmodifiable map, never null
   */
  public Map<String, Object> details() {
    return details == null ? Map.of() : details;
  }

  /**
   * Zoho's own {@code message}; {@code null} when absent.
   *
   * @return the message, or null
   */
  public String zohoMessage() {
    return zohoMessage;
  }
}

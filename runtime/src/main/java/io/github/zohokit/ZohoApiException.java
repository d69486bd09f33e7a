package io.github.zohokit;

import java.util.Map;

/**
 * A Zoho API call failed as a whole. Carries the HTTP status and Zoho's error body: {@code code} (for example
 * {@code INVALID_DATA}, {@code REQUIRED_PARAM_MISSING}), {@code details} and {@code message}.
 */
public class ZohoApiException extends ZohoException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final transient Map<String, Object> details;
  private final String zohoMessage;

  public ZohoApiException(String message, int status, String code, Map<String, Object> details, String zohoMessage) {
    super(message);
    this.status = status;
    this.code = code;
    this.details = details == null ? Map.of() : Map.copyOf(details);
    this.zohoMessage = zohoMessage;
  }

  /** The HTTP status code. */
  public int status() {
    return status;
  }

  /** Zoho's error code, for example {@code INVALID_DATA}; {@code null} when the body was not a Zoho error. */
  public String code() {
    return code;
  }

  /** Zoho's {@code details} object, for example {@code {"param_name": "fields"}}; empty when absent. */
  public Map<String, Object> details() {
    return details == null ? Map.of() : details;
  }

  /** Zoho's own {@code message}; {@code null} when absent. */
  public String zohoMessage() {
    return zohoMessage;
  }
}

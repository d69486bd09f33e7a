package io.github.zohokit.notifications;

import io.github.zohokit.ZohoException;

/**
 * A watch channel could not be subscribed, renewed or disabled, or the channel store failed. The message says what
 * happened and what to do; it never holds a channel token.
 */
public class NotificationException extends ZohoException {
  private static final long serialVersionUID = 1L;

  /** Zoho's error code, or null. */
  private final String code;

  /**
   * An error with Zoho's code and a cause.
   *
   * @param message what happened and what to do
   * @param code Zoho's error code, such as {@code NOT_SUBSCRIBED}; null when there is none
   * @param cause the cause; null when there is none
   */
  public NotificationException(String message, String code, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /**
   * Zoho's error code, when Zoho answered with one.
   *
   * @return the code, such as {@code NOT_SUBSCRIBED}, or null
   */
  public String code() {
    return code;
  }
}

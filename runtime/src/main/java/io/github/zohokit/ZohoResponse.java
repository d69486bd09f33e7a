package io.github.zohokit;

import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.Headers;

/**
 * A decoded body with the status and headers it came with, for calls that need them — for example to watch
 * {@code X-API-CREDITS-REMAINING}. {@link #body()} is null for 204 No Content and 304 Not Modified.
 *
 * @param <T> the body's type
 * @param status the HTTP status, such as 200, 204 or 304
 * @param headers the response headers
 * @param body the decoded body, or null for 204 and 304
 */
public record ZohoResponse<T>(int status, Headers headers, T body) {

  /**
   * A header's value, or empty.
   *
   * @param name the header's name, case-insensitive
   * @return the last value of the header, or empty when absent
   */
  public Optional<String> header(String name) {
    return Optional.ofNullable(headers.get(name));
  }

  /**
   * The API credits left in the organisation's 24-hour window; Zoho sends it once half are used.
   *
   * @return the credits, or empty when Zoho did not send the header or it is not a number
   */
  public OptionalLong creditsRemaining() {
    String value = headers.get("X-API-CREDITS-REMAINING");
    if (value == null) {
      return OptionalLong.empty();
    }
    try {
      return OptionalLong.of(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}

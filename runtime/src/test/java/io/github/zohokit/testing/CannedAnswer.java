package io.github.zohokit.testing;

import java.nio.charset.StandardCharsets;

/**
 * An HTTP answer as a fuzz input, readable in a seed file: the first line is the status and, after a space, the
 * Content-Type ({@code 200 application/json}; a missing or unreadable status is 200, a missing type none); the
 * rest is the body.
 *
 * @param status the HTTP status, 100 to 599
 * @param contentType the Content-Type, or null
 * @param body the body
 */
public record CannedAnswer(int status, String contentType, String body) {
  /**
   * Reads a fuzz input.
   *
   * @param input the bytes, UTF-8
   * @return the answer
   */
  public static CannedAnswer of(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    int newline = text.indexOf('\n');
    String first = newline < 0 ? text : text.substring(0, newline);
    String body = newline < 0 ? "" : text.substring(newline + 1);
    int space = first.indexOf(' ');
    String code = space < 0 ? first : first.substring(0, space);
    String type = space < 0 ? null : first.substring(space + 1).trim();
    int status = 200;
    try {
      status = Math.floorMod(Integer.parseInt(code.trim()) - 100, 500) + 100;
    } catch (NumberFormatException e) {
      // not a number: 200
    }
    return new CannedAnswer(status, type == null || type.isEmpty() ? null : type, body);
  }
}

package io.github.zohokit.internal.call;

import io.github.zohokit.Operation;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Checks a {@code @Path} value before anything is sent: a value that is, or decodes to, a {@code .} or {@code ..}
 * segment would move the call to another endpoint of the API, past the compile-time scope check.
 */
final class PathValues {
  private PathValues() {}

  /** {@code value} of {@code {name}} checked, as text, not yet percent-encoded. */
  static String check(String name, Object value, Operation operation) {
    if (value == null) {
      throw new IllegalArgumentException("the @Path(\"" + name + "\") argument of " + operation + " is null");
    }
    String text = ZohoCall.text(value);
    if (hasDotSegment(text)) {
      throw new IllegalArgumentException("the @Path(\"" + name + "\") argument of " + operation + " is '" + text
          + "', which is or decodes to a '.' or '..' path segment and would send the call to another endpoint; "
          + "pass the id or name itself");
    }
    return text;
  }

  /** Path separators a server may read in a decoded path value. */
  private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");

  /** Whether {@code value}, or any percent-decoding of it, has a {@code .} or {@code ..} segment. */
  static boolean hasDotSegment(String value) {
    if (value.indexOf('.') < 0 && value.indexOf('%') < 0) {
      return false;   // the usual value (a record id, a module name): no dot, nothing that could decode to one
    }
    String current = value;
    for (int round = 0; round < 4; round++) {
      for (String segment : SEPARATORS.split(current, -1)) {
        if (segment.equals(".") || segment.equals("..")) {
          return true;
        }
      }
      String decoded = percentDecode(current);
      if (decoded.equals(current)) {
        return false;
      }
      current = decoded;
    }
    return true;
  }

  /** Decodes {@code %XX} escapes once (as bytes, UTF-8); leaves malformed escapes as they are. */
  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int hi = i + 2 < bytes.length ? Character.digit(bytes[i + 1], 16) : -1;
      int lo = i + 2 < bytes.length ? Character.digit(bytes[i + 2], 16) : -1;
      if (bytes[i] == '%' && hi >= 0 && lo >= 0) {
        out.write(hi * 16 + lo);
        i += 2;
      } else {
        out.write(bytes[i]);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}

package io.github.zohokit.token;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A secret value: a client secret, grant token, access token or refresh token. It never shows itself:
 * {@link #toString()} gives a redacted form such as {@code 1000.ab…f3} that is safe for logs, exception messages
 * and build output. Only {@link #reveal()} returns the value, and only code that sends it to Zoho calls it.
 */
public final class Secret {
  private final String value;

  private Secret(String value) {
    this.value = value;
  }

  /**
   * Wraps a secret value.
   *
   * @param value the secret value, not null
   * @return the wrapped value
   * @throws NullPointerException when {@code value} is null
   * @throws IllegalArgumentException when the value is blank or contains whitespace (Zoho rejects such values
   *     with {@code invalid_client}, and they are usually a copy-and-paste accident)
   */
  public static Secret of(String value) {
    Objects.requireNonNull(value, "secret value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("a secret value is empty");
    }
    for (int i = 0; i < value.length(); i++) {
      if (Character.isWhitespace(value.charAt(i))) {
        throw new IllegalArgumentException("the secret " + redact(value)
            + " contains whitespace at position " + i + "; copy it again without spaces or line breaks");
      }
    }
    return new Secret(value);
  }

  /**
   * {@link #of(String)}, or {@code null} for a {@code null} or empty value.
   *
   * @param value the secret value, may be null or empty
   * @return the secret, or null when there is no value
   */
  public static Secret ofNullable(String value) {
    return value == null || value.isEmpty() ? null : of(value);
  }

  /**
   * The secret itself. Send it to Zoho; never log it.
   *
   * @return the value, never null
   */
  public String reveal() {
    return value;
  }

  /** Redacted form: Zoho's {@code 1000.} prefix, two leading and two trailing characters. */
  @Override
  public String toString() {
    return redact(value);
  }

  /**
   * Redacts any string the way {@link #toString()} does.
   *
   * @param value any string, or null
   * @return the redacted form: {@code null} for null, the {@code 1000.} prefix and {@code …} alone for values shorter
   *     than 12 characters after it
   */
  public static String redact(String value) {
    if (value == null) {
      return "null";
    }
    String prefix = "";
    String rest = value;
    int dot = value.indexOf('.');
    if (dot > 0 && dot <= 5 && value.substring(0, dot).chars().allMatch(Character::isDigit)) {
      prefix = value.substring(0, dot + 1);
      rest = value.substring(dot + 1);
    }
    if (rest.length() < 12) {
      return prefix + "…";
    }
    return prefix + rest.substring(0, 2) + "…" + rest.substring(rest.length() - 2);
  }

  /** Constant-time comparison, so equality checks do not leak the value through timing. */
  @Override
  public boolean equals(Object o) {
    return o instanceof Secret && MessageDigest.isEqual(
        value.getBytes(StandardCharsets.UTF_8), ((Secret) o).value.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }
}

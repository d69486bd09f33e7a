package io.github.zohokit.schema;

/**
 * A snapshot or an overrides file that cannot be used: malformed JSON, a key of the wrong type, a missing or unknown
 * key, a module file missing. The message names the file and the key, and says what to do.
 */
public final class SchemaException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * An error with its message.
   *
   * @param message what is wrong, naming the file and the key
   */
  public SchemaException(String message) {
    super(message);
  }

  /**
   * An error with its message and cause.
   *
   * @param message what is wrong, naming the file and the key
   * @param cause the underlying failure
   */
  public SchemaException(String message, Throwable cause) {
    super(message, cause);
  }
}

package io.github.zohokit;

/**
 * Zoho answered, but the body could not be mapped to (or the request body from) the Java type the method declares:
 * a field of a type the {@link com.fasterxml.jackson.databind.ObjectMapper} cannot handle (a {@code java.time} type
 * on a mapper without Jackson's {@code JavaTimeModule}), a JSON value of another type than the field's, or a body
 * that is not JSON at all. The call itself did not fail at Zoho: {@link #status()} is the status of the answer
 * (often 200), and retrying will not help; fix the type or the mapper.
 *
 * <p>The message names the operation, the Java type, what Jackson could not do, and how to configure the mapper.
 * zohokit's default mapper reads and writes {@code java.time} types in Zoho's formats; a mapper given to
 * {@code ZohoOAuth.Builder.objectMapper(...)} is used as given.
 */
public class ZohoMappingException extends ZohoException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status of the answer that could not be read, or 0 for a request body that could not be written. */
  private final int status;
  /** The Java type, as Jackson names it ({@code java.util.List<com.example.Lead>}). */
  private final String javaType;

  /**
   * A body that could not be mapped.
   *
   * @param message what could not be mapped and how to fix it
   * @param status the HTTP status of the answer, or 0 when a request body could not be written
   * @param javaType the Java type the body was mapped to or from, as text
   * @param cause Jackson's exception
   */
  public ZohoMappingException(String message, int status, String javaType, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.javaType = javaType;
  }

  /**
   * The HTTP status of the answer whose body could not be read.
   *
   * @return the status, or 0 when it was a request body that could not be written
   */
  public int status() {
    return status;
  }

  /**
   * The Java type the body was read as (or written from), as Jackson names it, for example
   * {@code com.example.Lead} or {@code java.util.List<com.example.Lead>}.
   *
   * @return the type's name, never null
   */
  public String javaType() {
    return javaType;
  }
}

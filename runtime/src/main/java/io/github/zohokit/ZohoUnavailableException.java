package io.github.zohokit;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Zoho could not be asked, or did not really answer: the accounts server answered HTTP 5xx, an HTML page or an
 * empty body (an outage, a proxy, a captive portal), the call timed out, or the connection failed. Unlike a
 * {@link ZohoAuthException}, which is Zoho refusing a request, this failure is <em>transient</em>: the same request
 * may well succeed later, and nothing about the credentials or tokens needs to change.
 *
 * <p>The message names the HTTP status when there was one ({@link #status()}); {@link #retryAfter()} says when
 * zohokit will try again, when it holds further attempts back (it backs off exponentially after failures instead
 * of asking a failing server on every call).
 */
public class ZohoUnavailableException extends ZohoException {
  private static final long serialVersionUID = 1L;

  /** The HTTP status, or 0 when there was no answer. */
  private final int status;
  /** When trying again makes sense, or null when unknown. */
  private final Duration retryAfter;

  /**
   * An exception for a request Zoho could not answer.
   *
   * @param message what failed, for the log: the server, and the status when there was one
   * @param status the HTTP status Zoho answered with, or 0 when there was no answer (timeout, connection error)
   * @param retryAfter when trying again makes sense, or null when unknown
   * @param cause the I/O failure, or null
   */
  public ZohoUnavailableException(String message, int status, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.retryAfter = retryAfter;
  }

  /**
   * The HTTP status of the answer, or empty when there was none (timeout, connection error).
   *
   * @return the status, or empty
   */
  public OptionalInt status() {
    return status > 0 ? OptionalInt.of(status) : OptionalInt.empty();
  }

  /**
   * How long until zohokit tries again, when it holds attempts back.
   *
   * @return the delay until the next attempt, or empty when zohokit does not hold attempts back
   */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}

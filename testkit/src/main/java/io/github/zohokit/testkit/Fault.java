package io.github.zohokit.testkit;

import java.time.Duration;

/** A failure the fake injects into its next answers: see {@link FakeZoho#failNext}. */
public final class Fault {
  enum Kind { SERVER_ERROR, DELAY, DROP_CONNECTION, NON_JSON, THROTTLE, OAUTH_SERVER_ERROR, TRICKLE }

  final Kind kind;
  final Duration delay;

  private Fault(Kind kind, Duration delay) {
    this.kind = kind;
    this.delay = delay;
  }

  /**
   * HTTP 500 with Zoho's {@code INTERNAL_ERROR} body.
   *
   * @return the fault
   */
  public static Fault serverError() {
    return new Fault(Kind.SERVER_ERROR, Duration.ZERO);
  }

  /**
   * The normal answer, after {@code delay}.
   *
   * @param delay how long the fake waits before it handles the request, in whole milliseconds; not null
   * @return the fault
   */
  public static Fault delay(Duration delay) {
    return new Fault(Kind.DELAY, delay);
  }

  /**
   * The connection is closed without an answer.
   *
   * @return the fault
   */
  public static Fault dropConnection() {
    return new Fault(Kind.DROP_CONNECTION, Duration.ZERO);
  }

  /**
   * HTTP 502 with an HTML page, as a proxy in the way would answer.
   *
   * @return the fault
   */
  public static Fault nonJson() {
    return new Fault(Kind.NON_JSON, Duration.ZERO);
  }

  /**
   * HTTP 500 with an OAuth-shaped body, {@code {"error":"internal_error"}}, as Zoho Accounts answers during an
   * outage: an error member, yet no refusal.
   *
   * @return the fault
   */
  public static Fault oauthServerError() {
    return new Fault(Kind.OAUTH_SERVER_ERROR, Duration.ZERO);
  }

  /**
   * HTTP 200 with a JSON body sent one byte every {@code perByte}: a server that keeps the connection alive but
   * never finishes answering (each byte arrives well within any read timeout). The body is 100 bytes.
   *
   * @param perByte the pause after each byte, in whole milliseconds; not null
   * @return the fault
   */
  public static Fault trickle(Duration perByte) {
    return new Fault(Kind.TRICKLE, perByte);
  }

  /**
   * Zoho's token throttle: {@code "Access Denied"} with HTTP 400.
   *
   * @return the fault
   */
  public static Fault throttle() {
    return new Fault(Kind.THROTTLE, Duration.ZERO);
  }

  /** Which answers a fault applies to. */
  public enum Target {
    /** {@code POST /oauth/v2/token}. */
    TOKEN,
    /** {@code POST /oauth/v3/device/code} and {@code /token}. */
    DEVICE,
    /** Every CRM API call. */
    API
  }

  @Override
  public String toString() {
    return kind + (kind == Kind.DELAY || kind == Kind.TRICKLE ? " " + delay : "");
  }
}

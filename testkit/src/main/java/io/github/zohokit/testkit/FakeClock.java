package io.github.zohokit.testkit;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves: real time (UTC) plus whatever {@link #advance} added. The fake Zoho runs on one
 * ({@link FakeZoho#advanceClock}); a test gives the code under test its own and moves both together when the two
 * sides must agree on the time (a channel expiry, a lease).
 */
public final class FakeClock extends Clock {
  private volatile Duration offset = Duration.ZERO;

  /** A clock at real time. */
  public FakeClock() {}

  /**
   * Moves the clock.
   *
   * @param duration how far forward; a negative duration moves it back
   */
  public void advance(Duration duration) {
    offset = offset.plus(duration);
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return this;
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset);
  }
}

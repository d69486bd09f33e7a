package io.github.zohokit.sync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Zoho's Bulk Read download limit: 10 downloads per minute per organisation, past which every download fails with
 * 429 for a minute. Share one limiter between the exports of one organisation in a process.
 */
public final class DownloadLimiter {
  private final int perMinute;
  private final Clock clock;
  private final Deque<Instant> window = new ArrayDeque<>();

  /**
   * Zoho's limit: 10 per minute.
   *
   * @return a new limiter
   */
  public static DownloadLimiter zoho() {
    return new DownloadLimiter(10, Clock.systemUTC());
  }

  DownloadLimiter(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
  }

  /** Waits (through {@code sleeper}) until a download is allowed, and counts it. */
  synchronized void acquire(ZohoRequests.Sleeper sleeper) {
    while (true) {
      Instant now = clock.instant();
      while (!window.isEmpty() && !window.peekFirst().isAfter(now.minusSeconds(60))) {
        window.removeFirst();
      }
      if (window.size() < perMinute) {
        window.addLast(now);
        return;
      }
      // a second more than the window: Zoho counts by its own clock, which is not ours to the millisecond
      Duration wait = Duration.between(now, window.peekFirst().plusSeconds(60)).plusSeconds(1);
      sleeper.sleep(wait);
    }
  }
}

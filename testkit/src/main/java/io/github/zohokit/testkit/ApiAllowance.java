package io.github.zohokit.testkit;

import io.github.zohokit.token.DataCenter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** Zoho CRM's per-organisation limits: requests per minute (429 past it) and API credits per day. */
final class ApiAllowance {
  private final FakeClock clock;
  private final Map<DataCenter, Deque<Instant>> calls = new EnumMap<>(DataCenter.class);
  private final Map<DataCenter, AtomicInteger> creditsUsed = new EnumMap<>(DataCenter.class);
  private volatile int requestsPerMinute;
  private volatile int creditsPerDay;

  ApiAllowance(FakeClock clock, Collection<DataCenter> dataCenters, int requestsPerMinute, int creditsPerDay) {
    this.clock = clock;
    for (DataCenter dc : dataCenters) {
      calls.put(dc, new ArrayDeque<>());
      creditsUsed.put(dc, new AtomicInteger());
    }
    this.requestsPerMinute = requestsPerMinute;
    this.creditsPerDay = creditsPerDay;
  }

  /** Requests per minute per organisation; 0 for no limit. */
  void requestsPerMinute(int perMinute) {
    this.requestsPerMinute = perMinute;
  }

  /** API credits per organisation; 0 for no limit. */
  void creditsPerDay(int perDay) {
    this.creditsPerDay = perDay;
  }

  /** Spends one API call of {@code dc}'s rate limit and credits; false when over the limit. */
  boolean take(DataCenter dc, Http http) {
    int perMinute = requestsPerMinute;
    if (perMinute > 0) {
      Deque<Instant> window = calls.get(dc);
      synchronized (window) {
        Instant now = clock.instant();
        while (!window.isEmpty() && !window.peekFirst().isAfter(now.minusSeconds(60))) {
          window.removeFirst();
        }
        if (window.size() >= perMinute) {
          return false;
        }
        window.addLast(now);
      }
    }
    int credits = creditsPerDay;
    if (credits > 0) {
      int used = creditsUsed.get(dc).incrementAndGet();
      if (used > credits) {
        return false;
      }
      if (used * 2 >= credits) {
        http.header("X-API-CREDITS-REMAINING", String.valueOf(credits - used));
      }
    }
    return true;
  }
}

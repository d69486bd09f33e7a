package io.github.zohokit.testkit;

import io.github.zohokit.token.DataCenter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Zoho CRM's per-organisation limits: concurrent calls and the separate pool of heavy calls (Kaizen #203: by edition,
 * 10 for the heavy ones), requests per minute, and API credits priced per call ({@link CallPrice}). Past any of them,
 * 429 {@code TOO_MANY_REQUESTS} (the same answer for every cause, no {@code Retry-After}). Once half the credits are
 * spent, answers carry {@code X-API-CREDITS-REMAINING} (the v8 API limits page as quoted by third parties: the header
 * "appears ... once usage reaches at least 50% of the daily available credit limit").
 */
final class ApiAllowance {
  private final FakeClock clock;
  private final Map<DataCenter, Deque<Instant>> calls = new EnumMap<>(DataCenter.class);
  private final Map<DataCenter, AtomicInteger> creditsUsed = new EnumMap<>(DataCenter.class);
  private final Map<DataCenter, AtomicInteger> inFlight = new EnumMap<>(DataCenter.class);
  private final Map<DataCenter, AtomicInteger> heavyInFlight = new EnumMap<>(DataCenter.class);
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger maxHeavyInFlight = new AtomicInteger();
  private volatile int requestsPerMinute;
  private volatile int creditsPerDay;
  private volatile int concurrency;
  private volatile int heavyConcurrency;
  private final AtomicLong latencyMillis = new AtomicLong();

  ApiAllowance(FakeClock clock, Collection<DataCenter> dataCenters, int requestsPerMinute, int creditsPerDay) {
    this.clock = clock;
    for (DataCenter dc : dataCenters) {
      calls.put(dc, new ArrayDeque<>());
      creditsUsed.put(dc, new AtomicInteger());
      inFlight.put(dc, new AtomicInteger());
      heavyInFlight.put(dc, new AtomicInteger());
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

  /** Concurrent calls per organisation and concurrent heavy calls; 0 for no limit. */
  void concurrency(int calls, int heavyCalls) {
    this.concurrency = calls;
    this.heavyConcurrency = heavyCalls;
  }

  /** How long each CRM call takes at least, its answer held back while it counts as in flight. */
  void latency(Duration latency) {
    this.latencyMillis.set(latency.toMillis());
  }

  /** The most CRM calls in flight at once in one organisation since the start or {@link #resetObservations()}. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  /** The most heavy calls in flight at once in one organisation. */
  int maxHeavyInFlight() {
    return maxHeavyInFlight.get();
  }

  /** The credits spent in {@code dc}'s organisation. */
  int creditsUsed(DataCenter dc) {
    return creditsUsed.get(dc).get();
  }

  void resetObservations() {
    maxInFlight.set(0);
    maxHeavyInFlight.set(0);
  }

  /**
   * Lets a CRM call in if the organisation's concurrency allows it (counted whether limited or not, for
   * {@link #maxInFlight()}), after the configured latency.
   *
   * @return what to run once the call's answer is ready (idempotent), or null when the call is over a pool's limit
   *     (it was not counted)
   */
  Runnable admit(DataCenter dc, Http http) {
    boolean heavy = CallPrice.of(http).heavy();
    AtomicInteger all = inFlight.get(dc);
    AtomicInteger heavies = heavyInFlight.get(dc);
    int now = all.incrementAndGet();
    int heavyNow = heavy ? heavies.incrementAndGet() : 0;
    maxInFlight.accumulateAndGet(now, Math::max);
    maxHeavyInFlight.accumulateAndGet(heavyNow, Math::max);
    int limit = concurrency;
    int heavyLimit = heavyConcurrency;
    if (limit > 0 && now > limit || heavy && heavyLimit > 0 && heavyNow > heavyLimit) {
      all.decrementAndGet();
      if (heavy) {
        heavies.decrementAndGet();
      }
      return null;
    }
    long latency = latencyMillis.get();
    if (latency > 0) {
      try {
        Thread.sleep(latency);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    AtomicBoolean done = new AtomicBoolean();
    return () -> {
      if (done.compareAndSet(false, true)) {
        all.decrementAndGet();
        if (heavy) {
          heavies.decrementAndGet();
        }
      }
    };
  }

  /** Spends one API call of {@code dc}'s rate limit and its price in credits; false when over the limit. */
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
      int price = CallPrice.of(http).credits();
      AtomicInteger spent = creditsUsed.get(dc);
      int used;
      do {
        used = spent.get();
        if (used + price > credits) {
          return false;
        }
      } while (!spent.compareAndSet(used, used + price));
      used += price;
      if (used * 2 >= credits) {
        http.header("X-API-CREDITS-REMAINING", String.valueOf(credits - used));
      }
    }
    return true;
  }
}

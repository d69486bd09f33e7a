package io.github.zohokit.spring;

import io.github.zohokit.limits.ApiCreditsExhaustedException;
import io.github.zohokit.limits.ApiLimits;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the governor reported last, for the meters ({@link ZohoMetrics}) and the health details
 * ({@link ZohoHealthIndicator}): permits in use per pool (this instance's), waits, 429s, credits left, refusals.
 */
final class ZohoLimitsState implements ApiLimits.Listener {
  static final long UNKNOWN = Long.MIN_VALUE;

  final Map<String, AtomicLong> inUse = new ConcurrentHashMap<>();
  final Map<String, AtomicLong> size = new ConcurrentHashMap<>();
  final AtomicLong waits = new AtomicLong();
  final AtomicLong waitedNanos = new AtomicLong();
  final AtomicLong tooManyRequests = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong creditsRemaining = new AtomicLong(UNKNOWN);
  final AtomicLong dailyCredits = new AtomicLong(UNKNOWN);
  private volatile String lastRefusal;

  ZohoLimitsState() {
    for (String pool : new String[] {"calls", "heavy"}) {
      inUse.put(pool, new AtomicLong());
      size.put(pool, new AtomicLong());
    }
  }

  @Override
  public void permitsInUse(String pool, int held, int poolSize) {
    inUse.computeIfAbsent(pool, p -> new AtomicLong()).set(held);
    size.computeIfAbsent(pool, p -> new AtomicLong()).set(poolSize);
  }

  @Override
  public void waited(Duration waited) {
    waits.incrementAndGet();
    waitedNanos.addAndGet(waited.toNanos());
  }

  @Override
  public void tooManyRequests() {
    tooManyRequests.incrementAndGet();
  }

  @Override
  public void creditsRemaining(long remaining, long daily) {
    creditsRemaining.set(remaining);
    dailyCredits.set(daily);
  }

  @Override
  public void refused(ApiCreditsExhaustedException e) {
    refused.incrementAndGet();
    lastRefusal = e.getMessage();
  }

  String lastRefusal() {
    return lastRefusal;
  }

  @Override
  public String toString() {
    return "ZohoLimitsState";
  }
}

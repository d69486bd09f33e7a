package io.github.zohokit.internal.http;

import io.github.zohokit.spi.LimitsLedger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The ledger of one process: permits counted per pool, credits per hour of the rolling 24 hours, the cool-down.
 * Nothing expires except credits: a process that dies takes its permits with it.
 */
final class InMemoryLedger implements LimitsLedger {
  private static final long HOUR = Duration.ofHours(1).toMillis();
  private static final long DAY = Duration.ofDays(1).toMillis();

  private final Clock clock;
  private final Map<String, boolean[]> pools = new HashMap<>();
  private final TreeMap<Long, Long> spentPerHour = new TreeMap<>();
  private final AtomicLong owners = new AtomicLong();
  private long reportedSpent = -1;
  private long reportedAt;
  private long spentSinceReport;
  private volatile Instant coolDownUntil = Instant.EPOCH;

  InMemoryLedger(Clock clock) {
    this.clock = clock;
  }

  @Override
  public synchronized Permit tryAcquire(String pool, int size, Duration lease) {
    boolean[] slots = pools.computeIfAbsent(pool, p -> new boolean[size]);
    for (int slot = 0; slot < Math.min(size, slots.length); slot++) {
      if (!slots[slot]) {
        slots[slot] = true;
        return new Permit(pool, slot, "local-" + owners.incrementAndGet(), System.nanoTime(),
            clock.millis() + lease.toMillis(), coolDownUntil);
      }
    }
    return null;
  }

  @Override
  public synchronized void release(Permit permit) {
    boolean[] slots = pools.get(permit.pool());
    if (slots != null && permit.slot() < slots.length) {
      slots[permit.slot()] = false;
    }
  }

  @Override
  public synchronized Grant reserve(long min, long max, long ceiling, long daily) {
    long now = clock.millis();
    spentPerHour.headMap(now - DAY - HOUR, true).clear(); // an hour's credits free up within 25 hours
    long windowSpent = 0;
    for (long hour : spentPerHour.values()) {
      windowSpent += hour;
    }
    long spent = windowSpent;
    if (reportedSpent >= 0 && now - reportedAt < DAY) {
      spent = Math.max(spent, reportedSpent + spentSinceReport);
    }
    Instant freesUpAt = spentPerHour.isEmpty() ? null : Instant.ofEpochMilli(spentPerHour.firstKey() + DAY + HOUR);
    long grant = Math.min(max, ceiling - spent);
    if (grant < min) {
      return new Grant(0, spent, freesUpAt);
    }
    long hour = now - now % HOUR;
    spentPerHour.merge(hour, grant, Long::sum);
    spentSinceReport += grant;
    return new Grant(grant, spent + grant, freesUpAt != null ? freesUpAt : Instant.ofEpochMilli(hour + DAY + HOUR));
  }

  @Override
  public synchronized void reconcile(long remaining, long daily) {
    reportedSpent = Math.max(0, daily - remaining);
    reportedAt = clock.millis();
    spentSinceReport = 0;
  }

  @Override
  public void coolDown(Instant until) {
    synchronized (this) {
      if (until.isAfter(coolDownUntil)) {
        coolDownUntil = until;
      }
    }
  }

  @Override
  public Instant coolDownUntil() {
    return coolDownUntil;
  }

  @Override
  public String toString() {
    return "this process's memory";
  }
}

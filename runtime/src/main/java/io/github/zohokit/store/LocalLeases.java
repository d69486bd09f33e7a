package io.github.zohokit.store;

import io.github.zohokit.spi.RefreshLease;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** Refresh leases that coordinate the threads of one process; enough for stores no other process shares. */
final class LocalLeases<K> {
  private final ConcurrentHashMap<K, Long> expiries = new ConcurrentHashMap<>();

  Optional<RefreshLease> tryAcquire(K key, Duration ttl) {
    long now = System.nanoTime();
    long expiry = now + ttl.toNanos();
    AtomicBoolean acquired = new AtomicBoolean();
    expiries.compute(key, (k, held) -> {
      if (held == null || held - now <= 0) {
        acquired.set(true);
        return expiry;
      }
      return held;
    });
    if (!acquired.get()) {
      return Optional.empty();
    }
    AtomicBoolean closed = new AtomicBoolean();
    return Optional.of(() -> {
      if (closed.compareAndSet(false, true)) {
        expiries.remove(key, expiry);
      }
    });
  }
}

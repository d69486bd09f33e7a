package io.github.zohokit.store;

import io.github.zohokit.token.TokenKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * What one encrypted store instance knows about the sealed records of each key: the highest {@code sealed_at} it has
 * read or written (the record's serial, which only moves forward). A record of a key sealed earlier than that is a
 * rollback (a writer without the key put back an older sealed value, or a backup was restored); any record of a key
 * that has a mark must be a versioned sealed one, so a downgrade to an earlier format is refused too.
 *
 * <p>The knowledge lives in memory only: a process that starts after the store was rolled back cannot tell (it
 * never saw the newer record). It is bounded: past {@link #MAX_KEYS} keys, the least recently used is forgotten
 * (that key is then checked as by a process that just started).
 */
final class SealWatermarks {
  /** The most keys remembered; each costs one map entry. */
  static final int MAX_KEYS = 100_000;

  private final LongSupplier clock;
  /** Key to highest serial seen; access order, guarded by itself. */
  private final Map<TokenKey, Long> highest = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<TokenKey, Long> eldest) {
      return size() > MAX_KEYS;
    }
  };

  SealWatermarks() {
    this(System::currentTimeMillis);
  }

  SealWatermarks(LongSupplier clock) {
    this.clock = clock;
  }

  /** The serial to seal the next record of {@code key} with: now (epoch millis), and above any serial seen. */
  long next(TokenKey key) {
    long now = clock.getAsLong();
    synchronized (highest) {
      Long seen = highest.get(key);
      return seen == null ? now : Math.max(now, seen + 1);
    }
  }

  /** Whether a versioned sealed record of {@code key} was read or written here: no earlier format is accepted. */
  boolean known(TokenKey key) {
    synchronized (highest) {
      return highest.containsKey(key);
    }
  }

  /**
   * A record of {@code key} sealed at {@code serial} was read: accepted and remembered unless it is older than one
   * seen before.
   *
   * @return the serial it must not be below, or -1 when it is accepted
   */
  long read(TokenKey key, long serial) {
    synchronized (highest) {
      Long seen = highest.get(key);
      if (seen != null && serial < seen) {
        return seen;
      }
      highest.put(key, serial);
      return -1;
    }
  }

  /** A record of {@code key} sealed at {@code serial} was written (the store accepted the write). */
  void wrote(TokenKey key, long serial) {
    synchronized (highest) {
      highest.merge(key, serial, Math::max);
    }
  }
}

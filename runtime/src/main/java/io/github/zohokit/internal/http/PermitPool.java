package io.github.zohokit.internal.http;

import io.github.zohokit.spi.LimitsLedger;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * This process's side of one pool of permits: takes permits from the {@link LimitsLedger} and, while its threads
 * queue for more, hands a returned permit straight to the next of them instead of giving it back and asking again
 * (no round trip to a shared ledger per call). A permit is handed on only during its first 500 ms (or the first half
 * of its lease, when shorter), so a process keeps one no longer than that while other processes wait for it: every
 * process gets its turn, and one whose holder dies expires with its lease. Only one thread at a time asks the ledger; the others wait to be handed a permit or for their turn.
 */
final class PermitPool {
  private static final long MIN_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final long MAX_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  /** The longest a permit passes from thread to thread in this process before it goes back to the ledger. */
  private static final long MAX_HAND_ON_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

  private final String name;
  private final int size;
  private final LimitsLedger ledger;
  private final Duration lease;
  private final long handOnNanos;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<LimitsLedger.Permit> handedOn = new ArrayDeque<>();
  private int waiting;
  private int inUse;
  private boolean asking;
  private long nextAskNanos;
  private long pollNanos = MIN_POLL_NANOS;

  PermitPool(String name, int size, LimitsLedger ledger, Duration lease) {
    this.name = name;
    this.size = size;
    this.ledger = ledger;
    this.lease = lease;
    this.handOnNanos = Math.min(MAX_HAND_ON_NANOS, lease.toNanos() / 2);
  }

  String name() {
    return name;
  }

  int size() {
    return size;
  }

  /** The permits this process holds now. */
  int inUse() {
    lock.lock();
    try {
      return inUse;
    } finally {
      lock.unlock();
    }
  }

  /**
   * A permit, waiting until {@code deadlineNanos} ({@link System#nanoTime()}) at most.
   *
   * @return the permit, or null when none came in time
   */
  LimitsLedger.Permit acquire(long deadlineNanos) throws InterruptedException {
    List<LimitsLedger.Permit> stale = new ArrayList<>();
    lock.lock();
    try {
      while (true) {
        LimitsLedger.Permit permit = takeHandedOn(stale);
        if (permit != null) {
          return permit;
        }
        long now = System.nanoTime();
        if (!asking && now - nextAskNanos >= 0) {
          asking = true;
          lock.unlock();
          LimitsLedger.Permit taken = null;
          try {
            releaseAll(stale);
            taken = ledger.tryAcquire(name, size, lease);
          } finally {
            lock.lock();
            asking = false;
          }
          if (taken != null) {
            inUse++;
            pollNanos = MIN_POLL_NANOS;
            nextAskNanos = System.nanoTime();
            changed.signal(); // another waiter may ask now
            return taken;
          }
          nextAskNanos = System.nanoTime() + ThreadLocalRandom.current().nextLong(pollNanos / 2, pollNanos + 1);
          pollNanos = Math.min(MAX_POLL_NANOS, pollNanos * 2);
        }
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          if (waiting == 0) {
            stale.addAll(handedOn); // nobody left to hand them to
            handedOn.clear();
          }
          return null;
        }
        long untilAsk = Math.max(nextAskNanos - System.nanoTime(), MIN_POLL_NANOS);
        waiting++;
        try {
          changed.awaitNanos(Math.min(left, asking ? MAX_POLL_NANOS : untilAsk));
        } finally {
          waiting--;
        }
      }
    } finally {
      lock.unlock();
      releaseAll(stale);
    }
  }

  private LimitsLedger.Permit takeHandedOn(List<LimitsLedger.Permit> stale) {
    LimitsLedger.Permit permit;
    while ((permit = handedOn.pollFirst()) != null) {
      if (System.nanoTime() - permit.acquiredNanos() < handOnNanos) {
        inUse++;
        return permit;
      }
      stale.add(permit);
    }
    return null;
  }

  /** Gives {@code permit} back: to a waiting thread of this process while its lease is young, else to the ledger. */
  void release(LimitsLedger.Permit permit) {
    lock.lock();
    try {
      inUse--;
      // only to a waiter no permit is already waiting for: a permit nobody takes would sit idle, taken in the ledger
      if (waiting > handedOn.size() && System.nanoTime() - permit.acquiredNanos() < handOnNanos) {
        handedOn.addLast(permit);
        changed.signal();
        return;
      }
    } finally {
      lock.unlock();
    }
    ledger.release(permit);
  }

  private void releaseAll(List<LimitsLedger.Permit> permits) {
    for (LimitsLedger.Permit permit : permits) {
      try {
        ledger.release(permit);
      } catch (RuntimeException e) {
        // the lease expires on its own
      }
    }
    permits.clear();
  }
}

package io.github.zohokit.spi;

import java.time.Duration;
import java.time.Instant;

/**
 * Where the API-limits governor ({@link io.github.zohokit.limits.ApiLimits}) keeps one organisation's permits, credit
 * ledger and cool-down: this process's memory, or the database of a {@link io.github.zohokit.store.JdbcTokenStore}
 * that every process of a fleet shares ({@code ApiLimits.Builder.sharedThrough(store)}, which asks the store's
 * {@code limitsLedger}). Applications neither call nor implement it; it is here so that the governor and the stores
 * meet on an interface of the runtime's public core instead of the stores reaching into its internals. Every method
 * is one short step (one transaction for the database); the governor decides when to call them.
 */
public interface LimitsLedger {
  /**
   * Takes one free permit of {@code pool}, if one is free now (never waits).
   *
   * @param pool the pool's name
   * @param size the pool's size for the organisation
   * @param lease how long the permit lasts at most if it is never released
   * @return the permit, or null when all {@code size} are taken
   */
  Permit tryAcquire(String pool, int size, Duration lease);

  /**
   * Gives {@code permit} back; a permit already expired and taken by another is left alone.
   *
   * @param permit a permit this ledger handed out
   */
  void release(Permit permit);

  /**
   * Reserves between {@code min} and {@code max} credits of the rolling 24 hours, as many as fit under
   * {@code ceiling}; none when not even {@code min} fit.
   *
   * @param min the credits needed
   * @param max the credits wanted (for later calls of this process), at least {@code min}
   * @param ceiling the most credits that may count as spent
   * @param daily the organisation's daily credits, to turn a reported remainder into credits spent
   * @return what was granted and what is now spent
   */
  Grant reserve(long min, long max, long ceiling, long daily);

  /**
   * Zoho said how many credits remain ({@code X-API-CREDITS-REMAINING}): the ledger counts
   * {@code daily - remaining} as spent from now on, plus what is reserved after this.
   *
   * @param remaining the header's value
   * @param daily the organisation's daily credits
   */
  void reconcile(long remaining, long daily);

  /**
   * Every call of the organisation waits until {@code until} (kept when a later cool-down is already set).
   *
   * @param until the end of the cool-down
   */
  void coolDown(Instant until);

  /**
   * The end of the current cool-down.
   *
   * @return the instant; in the past when there is none
   */
  Instant coolDownUntil();

  /** One permit: which pool and slot, who holds it, until when at most. */
  final class Permit {
    private final String pool;
    private final int slot;
    private final String owner;
    private final long acquiredNanos;
    private final long expiresAtMillis;
    private final Instant coolDownUntil;

    /**
     * A permit a ledger hands out.
     *
     * @param pool the pool
     * @param slot the slot within the pool
     * @param owner who holds it (unique per permit handed out)
     * @param acquiredNanos {@link System#nanoTime()} when it was taken
     * @param expiresAtMillis when the lease ends, epoch milliseconds
     * @param coolDownUntil the organisation's cool-down as read with the permit, or null when not read
     */
    public Permit(String pool, int slot, String owner, long acquiredNanos, long expiresAtMillis,
        Instant coolDownUntil) {
      this.pool = pool;
      this.slot = slot;
      this.owner = owner;
      this.acquiredNanos = acquiredNanos;
      this.expiresAtMillis = expiresAtMillis;
      this.coolDownUntil = coolDownUntil;
    }

    /**
     * The pool.
     *
     * @return the pool's name
     */
    public String pool() {
      return pool;
    }

    /**
     * The slot.
     *
     * @return the slot, 0 to the pool's size - 1
     */
    public int slot() {
      return slot;
    }

    /**
     * Who holds it.
     *
     * @return the owner string written with the lease
     */
    public String owner() {
      return owner;
    }

    /**
     * When it was taken.
     *
     * @return {@link System#nanoTime()} at that moment
     */
    public long acquiredNanos() {
      return acquiredNanos;
    }

    /**
     * When its lease ends at most.
     *
     * @return epoch milliseconds
     */
    public long expiresAtMillis() {
      return expiresAtMillis;
    }

    /**
     * The organisation's cool-down, as read with the permit.
     *
     * @return its end, or null when it was not read
     */
    public Instant coolDownUntil() {
      return coolDownUntil;
    }

    @Override
    public String toString() {
      return pool + "#" + slot;
    }
  }

  /**
   * The answer to {@link #reserve}.
   *
   * @param granted the credits reserved, 0 when not even the minimum fit
   * @param spent the credits counted as spent over the rolling 24 hours, the grant included
   * @param freesUpAt when the oldest credits counted free up, or null when unknown
   */
  record Grant(long granted, long spent, Instant freesUpAt) {}
}

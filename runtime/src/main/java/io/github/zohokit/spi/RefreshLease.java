package io.github.zohokit.spi;

/**
 * The right to refresh one key's token, held by one process at a time. Closing it lets others refresh. A lease
 * also ends on its own when its holder dies (a file lock is released by the OS, a database lease expires), so a
 * crashed process never blocks the others for longer than the lease's time to live.
 */
public interface RefreshLease extends AutoCloseable {
  /** Releases the lease. Idempotent. */
  @Override
  void close();
}

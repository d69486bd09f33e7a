package io.github.zohokit.sync;

/**
 * The right to advance one sync key's cursor, held by one worker at a time (a row lease in the JDBC store, an OS
 * file lock in the file store). Closing it lets another worker take over; a worker that dies loses it (the JDBC
 * lease expires after its time-to-live, the OS drops the file lock).
 */
public interface SyncLease extends AutoCloseable {
  /**
   * The sync key the lease is for.
   *
   * @return the key
   */
  String key();

  /** Gives the lease up; never throws. */
  @Override
  void close();
}

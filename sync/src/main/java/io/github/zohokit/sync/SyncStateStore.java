package io.github.zohokit.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * Where sync cursors live, one per sync key (a module, or a module and a target), shared by every worker that may
 * run the sync. Implementations: {@link FileSyncStateStore} (one host), {@link JdbcSyncStateStore} (a fleet, and the
 * user's writes and the cursor in one transaction).
 */
public interface SyncStateStore {
  /**
   * The saved cursor.
   *
   * @param key the sync key
   * @return it, or empty before the first batch
   * @throws SyncException when the store cannot be read
   */
  Optional<SyncCursor> load(String key);

  /**
   * Takes the lease of {@code key} if no other worker holds it.
   *
   * @param key the sync key
   * @param ttl how long the lease lasts without a commit (stores that rely on the OS may ignore it)
   * @return the lease, or empty when another worker holds it
   * @throws SyncException when the store cannot be reached
   */
  Optional<SyncLease> tryLease(String key, Duration ttl);

  /**
   * Hands {@code batch} to {@code handler}, then saves {@code cursor} — atomically with the handler's writes through
   * {@link SyncBatch#connection()} when the store can (JDBC), otherwise right after the handler returned (a crash in
   * between delivers the batch again: at-least-once). Also renews the lease.
   *
   * @param lease the lease of the cursor's key, held by the caller
   * @param cursor the cursor to save after the batch
   * @param batch what to hand over
   * @param handler who takes it
   * @throws SyncException when the handler throws (wrapped, with the cursor not saved), the lease was lost to
   *     another worker (nothing saved), or the store fails
   */
  void commit(SyncLease lease, SyncCursor cursor, SyncBatch batch, SyncHandler handler);
}

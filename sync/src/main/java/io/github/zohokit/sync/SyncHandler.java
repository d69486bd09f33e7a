package io.github.zohokit.sync;

/**
 * Takes what a sync read and writes it to the other system. Called once per page, in order; the cursor is saved
 * only after it returns, and with a {@link JdbcSyncStateStore} in the same transaction as the writes made through
 * {@link SyncBatch#connection()}. Throwing stops the sync; nothing of that batch counts as done.
 */
@FunctionalInterface
public interface SyncHandler {
  /**
   * Applies one batch.
   *
   * @param batch the records, deletions or reconciliation
   * @throws Exception to stop the sync; the batch is delivered again next time
   */
  void handle(SyncBatch batch) throws Exception;
}

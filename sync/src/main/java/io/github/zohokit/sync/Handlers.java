package io.github.zohokit.sync;

/** Runs a {@link SyncHandler}, wrapping what it throws. */
final class Handlers {
  private Handlers() {}

  static void apply(SyncHandler handler, SyncBatch batch) {
    if (batch.isEmpty()) {
      return;
    }
    try {
      handler.handle(batch);
    } catch (SyncException e) {
      throw e;
    } catch (Exception e) {
      throw new SyncException("the sync handler failed on a batch of " + batch.module() + " (" + batch.upserts().size()
          + " records, " + batch.deletes().size() + " deletions): " + e + ". The cursor was not moved: the batch "
          + "comes again on the next run", null, e);
    }
  }
}

package io.github.zohokit.notifications;

/**
 * What the {@link ChannelManager} runs for a module after a gap in its notifications (the first subscription, a
 * lapsed or deleted channel, the start of the process): typically one run of zoho-sync's {@code IncrementalSync},
 * whose cursor reads everything changed since the last run, so nothing changed during the gap is lost
 * ({@link ChannelManager.Builder#watch(String, io.github.zohokit.sync.IncrementalSync,
 * io.github.zohokit.sync.SyncHandler)} wires exactly that).
 */
@FunctionalInterface
public interface CatchUp {
  /**
   * Reads what changed in {@code module} while no notification came.
   *
   * @param module the module's API name
   * @throws Exception when the catch-up failed; the manager reports it and tries again at its next maintenance
   */
  void run(String module) throws Exception;
}

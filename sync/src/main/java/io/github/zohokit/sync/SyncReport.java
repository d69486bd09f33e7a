package io.github.zohokit.sync;

/**
 * What one run of an {@link IncrementalSync} did.
 *
 * @param module the module
 * @param ran false when another worker held the lease and this run did nothing
 * @param fullPass the kind of full pass this run made or continued ({@code load}, {@code refresh},
 *     {@code reconcile}), or null for an incremental run
 * @param recordsRead record versions Zoho sent
 * @param upserted versions handed to the handler (read minus those already delivered)
 * @param deleted deletions handed to the handler
 * @param reconciled true when a full reconciliation finished (the handler got the live ids)
 * @param requests HTTP requests sent to Zoho
 * @param credits API credits those requests cost by Zoho's documented table (1 per list call, 1 per deleted-records
 *     call, 50 per Bulk Read job and 1 per status read of it; Zoho's own counter is {@code creditsRemaining})
 * @param creditsRemaining the last {@code X-API-CREDITS-REMAINING} Zoho sent (it sends it past half the daily
 *     credits), or -1
 */
public record SyncReport(String module, boolean ran, String fullPass, long recordsRead, long upserted, long deleted,
    boolean reconciled, long requests, long credits, long creditsRemaining) {

  @Override
  public String toString() {
    if (!ran) {
      return module + ": not run, another worker holds the lease";
    }
    return module + ": " + (fullPass == null ? "incremental" : "full " + fullPass) + ", records read " + recordsRead
        + ", upserted " + upserted + ", deleted " + deleted + (reconciled ? ", reconciled" : "") + ", requests "
        + requests + ", credits " + credits + (creditsRemaining >= 0 ? " (" + creditsRemaining + " left)" : "");
  }
}

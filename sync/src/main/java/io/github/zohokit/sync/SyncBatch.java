package io.github.zohokit.sync;

import java.sql.Connection;
import java.util.List;
import java.util.Optional;

/**
 * What one step of a sync hands to the {@link SyncHandler}: new record versions (one page), deletions, or the end
 * of a full reconciliation. The cursor moves past it only after the handler returned.
 */
public final class SyncBatch {
  private final String module;
  private final List<SyncRecord> upserts;
  private final List<DeletedRecord> deletes;
  private final LiveIds reconciliation;
  private Connection connection;

  SyncBatch(String module, List<SyncRecord> upserts, List<DeletedRecord> deletes, LiveIds reconciliation) {
    this.module = module;
    this.upserts = List.copyOf(upserts);
    this.deletes = List.copyOf(deletes);
    this.reconciliation = reconciliation;
  }

  /**
   * The module's API name.
   *
   * @return such as {@code Leads}
   */
  public String module() {
    return module;
  }

  /**
   * Records created or changed, in ascending {@code Modified_Time}; each version once in the normal case, again
   * after a crash before the cursor was saved (see {@link SyncRecord#versionKey()}).
   *
   * @return possibly empty
   */
  public List<SyncRecord> upserts() {
    return upserts;
  }

  /**
   * Records deleted in Zoho.
   *
   * @return possibly empty
   */
  public List<DeletedRecord> deletes() {
    return deletes;
  }

  /**
   * Present when a full reconciliation finished (the deletes cursor was older than Zoho's 60-day recycle-bin
   * retention, or more deletes happened than Zoho lists): delete every row of the module whose id is not in it.
   *
   * @return the ids Zoho holds now, or empty
   */
  public Optional<LiveIds> reconciliation() {
    return Optional.ofNullable(reconciliation);
  }

  /**
   * The JDBC connection whose transaction also saves the cursor, with a {@link JdbcSyncStateStore}: write through
   * it and the writes and the cursor commit together (or roll back together).
   *
   * @return the connection; do not commit, roll back or close it
   * @throws IllegalStateException when the state store is not a JDBC store
   */
  public Connection connection() {
    if (connection == null) {
      throw new IllegalStateException("this sync's state store is not a JdbcSyncStateStore: there is no transaction "
          + "to join; write with your own connection (at-least-once, see SyncRecord.versionKey())");
    }
    return connection;
  }

  SyncBatch withConnection(Connection connection) {
    this.connection = connection;
    return this;
  }

  /**
   * Whether there is nothing to do.
   *
   * @return true when there are no upserts, no deletes and no reconciliation
   */
  public boolean isEmpty() {
    return upserts.isEmpty() && deletes.isEmpty() && reconciliation == null;
  }
}

package io.github.zohokit.sync;

import io.github.zohokit.spi.JdbcTransactions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Sync cursors in a relational database (PostgreSQL, MySQL/MariaDB, H2), shared by a fleet of workers, with the same
 * discipline as zohokit's {@code JdbcTokenStore}:
 *
 * <ul>
 *   <li>one row per sync key: the cursor and a lease (owner, expiry) taken by an atomic {@code UPDATE ... WHERE
 *       lease_until < now} or an {@code INSERT}; no transaction stays open across a call to Zoho, and the lease of a
 *       worker that died expires after its time-to-live;
 *   <li>{@link #commit} runs the handler and saves the cursor in <em>one</em> transaction on one connection: the
 *       handler writes through {@link SyncBatch#connection()} and its rows and the cursor commit or roll back
 *       together, so a crash anywhere loses nothing and delivers nothing twice. The save is fenced by the lease
 *       owner: a worker whose lease was taken over cannot overwrite the new holder's cursor (its transaction is
 *       rolled back);
 *   <li>parameterised SQL only; auto-commit off for each operation and restored after it; a query timeout on every
 *       statement.
 * </ul>
 *
 * Lease expiry compares the hosts' clocks (epoch milliseconds): keep them synchronised and the time-to-live well
 * above their skew. The table is created on first use unless {@link Builder#createSchema(boolean)
 * createSchema(false)}; the DDL ships in {@code META-INF/zohokit/sql/sync.sql}.
 */
public final class JdbcSyncStateStore implements SyncStateStore {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,50}");

  private final DataSource dataSource;
  private final String table;
  private final boolean createSchema;
  private final Clock clock;
  private final int queryTimeoutSeconds;
  private final AtomicBoolean schemaReady = new AtomicBoolean();

  private JdbcSyncStateStore(Builder b) {
    this.dataSource = b.dataSource;
    this.table = b.table;
    this.createSchema = b.createSchema;
    this.clock = b.clock;
    this.queryTimeoutSeconds = b.queryTimeoutSeconds;
  }

  /**
   * A builder for a store on {@code dataSource}.
   *
   * @param dataSource where the table is, not null; connections are taken per operation and closed after it (use a
   *     pool)
   * @return a new builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  @Override
  public Optional<SyncCursor> load(String key) {
    String json = run("read the cursor of " + key, connection -> {
      try (PreparedStatement select = prepare(connection,
          "SELECT cursor_json FROM " + table + " WHERE sync_key = ?")) {
        select.setString(1, key);
        try (ResultSet row = select.executeQuery()) {
          return row.next() ? row.getString(1) : null;
        }
      }
    });
    return json == null ? Optional.empty() : Optional.of(SyncCursor.fromJson(json));
  }

  @Override
  public Optional<SyncLease> tryLease(String key, Duration ttl) {
    String owner = UUID.randomUUID().toString();
    long ttlMillis = ttl.toMillis();
    boolean acquired = run("take the lease of " + key, connection -> {
      long now = clock.millis();
      try (PreparedStatement update = prepare(connection, "UPDATE " + table
          + " SET lease_owner = ?, lease_until = ? WHERE sync_key = ? AND (lease_owner IS NULL OR lease_until < ?)")) {
        update.setString(1, owner);
        update.setLong(2, now + ttlMillis);
        update.setString(3, key);
        update.setLong(4, now);
        if (update.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement insert = prepare(connection, "INSERT INTO " + table
          + " (sync_key, cursor_json, lease_owner, lease_until, updated_at) VALUES (?, NULL, ?, ?, ?)")) {
        insert.setString(1, key);
        insert.setString(2, owner);
        insert.setLong(3, now + ttlMillis);
        insert.setLong(4, now);
        insert.executeUpdate();
        return true;
      } catch (SQLException e) {
        if (isDuplicateKey(e)) {
          connection.rollback(); // PostgreSQL aborts the transaction on the failed insert
          return false;
        }
        throw e;
      }
    });
    if (!acquired) {
      return Optional.empty();
    }
    return Optional.of(new Lease(key, owner, ttlMillis));
  }

  @Override
  public void commit(SyncLease lease, SyncCursor cursor, SyncBatch batch, SyncHandler handler) {
    Lease held = (Lease) lease;
    String json = cursor.toJson();
    run("save the cursor of " + held.key, connection -> {
      Handlers.apply(handler, batch.withConnection(connection));
      long now = clock.millis();
      try (PreparedStatement update = prepare(connection, "UPDATE " + table
          + " SET cursor_json = ?, lease_until = ?, updated_at = ? WHERE sync_key = ? AND lease_owner = ?")) {
        update.setString(1, json);
        update.setLong(2, now + held.ttlMillis);
        update.setLong(3, now);
        update.setString(4, held.key);
        update.setString(5, held.owner);
        if (update.executeUpdate() != 1) {
          throw new SyncException("the lease of sync " + held.key + " was taken over by another worker (this one "
              + "held it longer than its time-to-live without committing); this batch was rolled back and the "
              + "other worker goes on. Raise the lease time-to-live above the longest batch");
        }
      }
      return null;
    });
  }

  private final class Lease implements SyncLease {
    final String key;
    final String owner;
    final long ttlMillis;
    final AtomicBoolean released = new AtomicBoolean();

    Lease(String key, String owner, long ttlMillis) {
      this.key = key;
      this.owner = owner;
      this.ttlMillis = ttlMillis;
    }

    @Override
    public String key() {
      return key;
    }

    @Override
    public void close() {
      if (!released.compareAndSet(false, true)) {
        return;
      }
      try {
        run("release the lease of " + key, connection -> {
          try (PreparedStatement update = prepare(connection, "UPDATE " + table
              + " SET lease_owner = NULL, lease_until = 0 WHERE sync_key = ? AND lease_owner = ?")) {
            update.setString(1, key);
            update.setString(2, owner);
            return update.executeUpdate();
          }
        });
      } catch (SyncException e) {
        // the lease expires on its own
      }
    }
  }

  private static boolean isDuplicateKey(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      String state = x.getSQLState();
      if (state != null && state.startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  /** One transaction ({@link JdbcTransactions#run}), the table created first when it is not yet. */
  private <T> T run(String what, JdbcTransactions.Work<T> work) {
    try {
      return JdbcTransactions.run(dataSource, connection -> {
        ensureSchema(connection);
        return work.apply(connection);
      });
    } catch (SQLException e) {
      throw new SyncException("Sync state store '" + table + "' could not " + what + ": " + e.getMessage()
          + " (SQLState " + e.getSQLState() + "). Nothing of this batch was committed; check that the database is "
          + "reachable and the user may use the table " + table, null, e);
    }
  }

  private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout(queryTimeoutSeconds);
    return statement;
  }

  private void ensureSchema(Connection connection) throws SQLException {
    if (!createSchema || schemaReady.get()) {
      return;
    }
    synchronized (schemaReady) {
      if (schemaReady.get()) {
        return;
      }
      JdbcTransactions.createSchema(connection, schema(table), queryTimeoutSeconds);
      schemaReady.set(true);
    }
  }

  static List<String> schema(String table) {
    String text;
    try (InputStream in = JdbcSyncStateStore.class.getResourceAsStream("/META-INF/zohokit/sql/sync.sql")) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("META-INF/zohokit/sql/sync.sql is missing from zoho-sync", e);
    }
    List<String> statements = new ArrayList<>();
    for (String statement : text.replaceAll("--[^\n]*", "").replace("zohokit_sync_state", table).split(";")) {
      if (!statement.isBlank()) {
        statements.add(statement.trim());
      }
    }
    return statements;
  }

  @Override
  public String toString() {
    return "JdbcSyncStateStore{" + table + "}";
  }

  /** Configures a {@link JdbcSyncStateStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private String table = "zohokit_sync_state";
    private boolean createSchema = true;
    private Clock clock = Clock.systemUTC();
    private int queryTimeoutSeconds = 30;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The table, default {@code zohokit_sync_state}.
     *
     * @param table a plain SQL identifier
     * @return this builder
     */
    public Builder table(String table) {
      if (table == null || !IDENTIFIER.matcher(table).matches()) {
        throw new IllegalArgumentException("the table name '" + table + "' must be a plain SQL identifier "
            + "(letters, digits, '_', at most 51 characters)");
      }
      this.table = table;
      return this;
    }

    /**
     * Create the table on first use (default), or leave it to a migration tool.
     *
     * @param createSchema false to leave the schema to a migration tool
     * @return this builder
     */
    public Builder createSchema(boolean createSchema) {
      this.createSchema = createSchema;
      return this;
    }

    /**
     * The longest one of the store's statements may take (default 30 s).
     *
     * @param timeout at least 1 second
     * @return this builder
     */
    public Builder queryTimeout(Duration timeout) {
      long seconds = Objects.requireNonNull(timeout, "timeout").toSeconds();
      if (seconds < 1 || seconds > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("the query timeout must be at least 1 second, was " + timeout);
      }
      this.queryTimeoutSeconds = (int) seconds;
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /**
     * The store; it touches the database on first use.
     *
     * @return a new store
     */
    public JdbcSyncStateStore build() {
      return new JdbcSyncStateStore(this);
    }
  }
}

package io.github.zohokit.store;

import io.github.zohokit.spi.JdbcTransactions;
import io.github.zohokit.spi.LimitsLedger;
import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
 * Tokens in a relational database (PostgreSQL, MySQL/MariaDB, H2), shared by every process of a fleet.
 *
 * <ul>
 *   <li>One row per (client id, user key) with a version; writes are compare-and-set on it, so processes never
 *       silently overwrite each other.
 *   <li>Refresh leases live in a second table, {@code <table>_leases}: a row with an owner and an expiry, taken by
 *       an atomic {@code UPDATE ... WHERE expires_at < now} or {@code INSERT}. No transaction stays open across the
 *       HTTP call to Zoho, and a lease whose holder crashed simply expires.
 *   <li>Only parameterised SQL, portable across the three databases; each operation is one short transaction on a
 *       connection from the application's {@link DataSource} (use a pool), committed explicitly whatever the
 *       pool's auto-commit setting (Spring and HikariCP set-ups often turn it off), and every statement has a
 *       {@linkplain Builder#queryTimeout query timeout}.
 *   <li>Optionally the tokens are encrypted at rest with a {@link TokenCipher}. The client secret is never stored.
 * </ul>
 *
 * The tables are created on first use unless {@link Builder#createSchema(boolean) createSchema(false)}; the same
 * DDL ships in {@code META-INF/zohokit/sql/tokens.sql} for migration tools.
 *
 * <p>Lease expiry compares the hosts' clocks (epoch milliseconds): keep them synchronised (NTP) and the lease
 * time-to-live well above their skew.
 */
public final class JdbcTokenStore implements TokenStore {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,50}");

  private final DataSource dataSource;
  private final String table;
  private final String leases;
  private final TokenCipher cipher;
  /** The sealed rows this instance has read and written: refuses a rolled-back or downgraded row. */
  private final SealWatermarks marks = new SealWatermarks();
  private final boolean createSchema;
  private final Clock clock;
  private final int queryTimeoutSeconds;
  private final String owner = UUID.randomUUID().toString();
  private final Jdbc jdbc;

  private JdbcTokenStore(Builder b) {
    this.dataSource = b.dataSource;
    this.table = b.table;
    this.leases = b.table + "_leases";
    this.cipher = b.cipher;
    this.createSchema = b.createSchema;
    this.clock = b.clock;
    this.queryTimeoutSeconds = b.queryTimeoutSeconds;
    this.jdbc = new Jdbc(dataSource, queryTimeoutSeconds, createSchema ? schema(table) : List.of());
  }

  /**
   * A builder for a store on {@code dataSource}.
   *
   * @param dataSource where the tables are, not null; connections are taken per operation and closed after it
   * @return a new builder
   * @throws NullPointerException when {@code dataSource} is null
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  @Override
  public Optional<StoredToken> load(TokenKey key) {
    return run("read the token of " + key, connection -> {
      try (PreparedStatement select = prepare(connection, 
          "SELECT token, version FROM " + table + " WHERE client_id = ? AND user_key = ?")) {
        select.setString(1, key.clientId());
        select.setString(2, key.userKey());
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          return Optional.of(new StoredToken(key, decode(row.getString(1), key, row.getLong(2)), row.getLong(2)));
        }
      }
    });
  }

  @Override
  public Optional<StoredToken> compareAndSet(TokenKey key, long expectedVersion, ZohoToken token) {
    long serial = marks.next(key);
    String json = encode(token, key, expectedVersion + 1, serial);
    Optional<StoredToken> written = run("write the token of " + key, connection -> {
      long now = clock.millis();
      if (expectedVersion == 0) {
        try (PreparedStatement insert = prepare(connection, "INSERT INTO " + table
            + " (client_id, user_key, version, token, updated_at) VALUES (?, ?, 1, ?, ?)")) {
          insert.setString(1, key.clientId());
          insert.setString(2, key.userKey());
          insert.setString(3, json);
          insert.setLong(4, now);
          insert.executeUpdate();
          return Optional.of(new StoredToken(key, token, 1));
        } catch (SQLException e) {
          if (isDuplicateKey(e)) {
            connection.rollback(); // PostgreSQL aborts the transaction on the failed insert
            return Optional.empty();
          }
          throw e;
        }
      }
      try (PreparedStatement update = prepare(connection, "UPDATE " + table
          + " SET token = ?, version = ?, updated_at = ? WHERE client_id = ? AND user_key = ? AND version = ?")) {
        update.setString(1, json);
        update.setLong(2, expectedVersion + 1);
        update.setLong(3, now);
        update.setString(4, key.clientId());
        update.setString(5, key.userKey());
        update.setLong(6, expectedVersion);
        return update.executeUpdate() == 1 ? Optional.of(new StoredToken(key, token, expectedVersion + 1))
            : Optional.empty();
      }
    });
    if (written.isPresent() && cipher != null) {
      marks.wrote(key, serial);
    }
    return written;
  }

  @Override
  public boolean delete(TokenKey key) {
    return run("delete the token of " + key, connection -> {
      try (PreparedStatement delete = prepare(connection, 
          "DELETE FROM " + table + " WHERE client_id = ? AND user_key = ?")) {
        delete.setString(1, key.clientId());
        delete.setString(2, key.userKey());
        return delete.executeUpdate() > 0;
      }
    });
  }

  @Override
  public List<TokenKey> keys() {
    return run("list the stored keys", connection -> {
      List<TokenKey> keys = new ArrayList<>();
      try (Statement select = statement(connection);
          ResultSet rows = select.executeQuery("SELECT client_id, user_key FROM " + table)) {
        while (rows.next()) {
          keys.add(new TokenKey(rows.getString(1), rows.getString(2)));
        }
      }
      return keys;
    });
  }

  @Override
  public Optional<RefreshLease> tryAcquireRefreshLease(TokenKey key, Duration ttl) {
    String holder = owner + "/" + Thread.currentThread().getId();
    boolean acquired = run("take the refresh lease of " + key, connection -> {
      long now = clock.millis();
      try (PreparedStatement update = prepare(connection, "UPDATE " + leases
          + " SET owner = ?, expires_at = ? WHERE client_id = ? AND user_key = ? AND expires_at < ?")) {
        update.setString(1, holder);
        update.setLong(2, now + ttl.toMillis());
        update.setString(3, key.clientId());
        update.setString(4, key.userKey());
        update.setLong(5, now);
        if (update.executeUpdate() == 1) {
          return true;
        }
      }
      try (PreparedStatement insert = prepare(connection, "INSERT INTO " + leases
          + " (client_id, user_key, owner, expires_at) VALUES (?, ?, ?, ?)")) {
        insert.setString(1, key.clientId());
        insert.setString(2, key.userKey());
        insert.setString(3, holder);
        insert.setLong(4, now + ttl.toMillis());
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
    AtomicBoolean released = new AtomicBoolean();
    return Optional.of(() -> {
      if (released.compareAndSet(false, true)) {
        try {
          run("release the refresh lease of " + key, connection -> {
            try (PreparedStatement delete = prepare(connection, "DELETE FROM " + leases
                + " WHERE client_id = ? AND user_key = ? AND owner = ?")) {
              delete.setString(1, key.clientId());
              delete.setString(2, key.userKey());
              delete.setString(3, holder);
              return delete.executeUpdate();
            }
          });
        } catch (TokenStoreException e) {
          // the lease expires on its own
        }
      }
    });
  }

  private String encode(ZohoToken token, TokenKey key, long version, long serial) {
    try {
      return TokenJson.MAPPER.writeValueAsString(TokenJson.write(token, cipher, key, version, serial));
    } catch (IOException e) {
      throw new TokenStoreException("cannot encode the token of " + key, e);
    }
  }

  private ZohoToken decode(String json, TokenKey key, long version) {
    try {
      return TokenJson.read(TokenJson.MAPPER.readTree(json), cipher, key, version, marks);
    } catch (TokenStoreException e) {
      throw new TokenStoreException("table " + table + ": " + e.getMessage(), e);
    } catch (IOException | IllegalArgumentException e) {
      throw new TokenStoreException("the stored token of " + key + " in table " + table + " is unreadable: "
          + e.getMessage() + ". It was left as it is; delete the row and authorize again", e);
    }
  }

  private static boolean isDuplicateKey(SQLException e) {
    return Jdbc.isDuplicateKey(e);
  }

  /** One transaction of {@link Jdbc}, its failure as a {@link TokenStoreException} saying what could not be done. */
  private <T> T run(String what, JdbcTransactions.Work<T> operation) {
    try {
      return jdbc.transaction(operation);
    } catch (SQLException e) {
      throw new TokenStoreException("Token store '" + table + "' could not " + what + ": " + e.getMessage()
          + " (SQLState " + e.getSQLState() + "). Check that the database is reachable and the user may use the "
          + "tables " + table + " and " + leases, e);
    }
  }

  private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    return jdbc.prepare(connection, sql);
  }

  private Statement statement(Connection connection) throws SQLException {
    return jdbc.statement(connection);
  }

  /** The DDL for {@code table} and its lease table, portable across PostgreSQL, MySQL/MariaDB and H2. */
  static List<String> schema(String table) {
    return Jdbc.ddl("tokens.sql", table);
  }

  /**
   * Not API: may change in any release. The ledger of the governor of {@code ApiLimits.sharedThrough(this)}: the
   * API-limit permits, credits and cool-down of one organisation in this store's database (tables
   * {@code <table>_permits}, {@code <table>_credits}, {@code <table>_limits}; DDL in
   * {@code META-INF/zohokit/sql/limits.sql}), created on first use unless {@code createSchema(false)}.
   *
   * @param organization the name the organisation's rows are kept under
   * @return the ledger; it touches the database only on first use
   */
  public LimitsLedger limitsLedger(String organization) {
    return new JdbcLimitsLedger(new Jdbc(dataSource, queryTimeoutSeconds,
        createSchema ? Jdbc.ddl("limits.sql", table) : List.of()), table, organization, clock);
  }

  @Override
  public String toString() {
    return "JDBC token store '" + table + "'" + (cipher == null ? "" : " (encrypted)");
  }

  /** Configures a {@link JdbcTokenStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private String table = "zohokit_tokens";
    private TokenCipher cipher;
    private boolean createSchema = true;
    private Clock clock = Clock.systemUTC();
    private int queryTimeoutSeconds = 10;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The token table; the leases go to {@code <table>_leases}. Default {@code zohokit_tokens}.
     *
     * @param table a plain SQL identifier: letters, digits and {@code _}, at most 51 characters, not starting with a
     *     digit
     * @return this builder
     * @throws IllegalArgumentException when {@code table} is null or not such an identifier
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
     * Encrypt tokens at rest with this cipher. Default: stored as they are.
     *
     * @param cipher the cipher; null (the default) stores tokens unencrypted
     * @return this builder
     */
    public Builder encryption(TokenCipher cipher) {
      this.cipher = cipher;
      return this;
    }

    /**
     * Create the tables on first use if they do not exist (default), or leave the schema to a migration tool.
     *
     * @param createSchema false to leave the schema to a migration tool
     * @return this builder
     */
    public Builder createSchema(boolean createSchema) {
      this.createSchema = createSchema;
      return this;
    }

    /**
     * The most one statement may take before the driver cancels it (JDBC's query timeout, whole seconds, at least
     * 1). Default 10 seconds: token reads and writes touch one row.
     *
     * @param timeout the timeout, not null; fractions of a second are dropped
     * @return this builder
     * @throws IllegalArgumentException when {@code timeout} is shorter than 1 second
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
     * The configured store. It touches the database only on first use.
     *
     * @return a new store
     */
    public JdbcTokenStore build() {
      return new JdbcTokenStore(this);
    }
  }
}

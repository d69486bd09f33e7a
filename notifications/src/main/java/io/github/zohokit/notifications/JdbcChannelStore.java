package io.github.zohokit.notifications;

import io.github.zohokit.spi.JdbcTransactions;
import io.github.zohokit.token.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Channels in a relational database (PostgreSQL, MySQL/MariaDB, H2), for a fleet whose receivers run on several
 * hosts: one row per application and module, read by every receiver. The discipline of zohokit's JDBC stores:
 * parameterised SQL only, one short transaction per operation with auto-commit restored after it, a query timeout
 * on every statement, the table created on first use unless {@link Builder#createSchema(boolean)
 * createSchema(false)} (DDL in {@code META-INF/zohokit/sql/notifications.sql}). The token is kept in clear: grant
 * the table to the application's database user only.
 */
public final class JdbcChannelStore implements ChannelStore {
  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,50}");
  private static final String COLUMNS = "channel_key, module, channel_id, token, expiry, notify_url, events";

  private final DataSource dataSource;
  private final String table;
  private final boolean createSchema;
  private final int timeoutSeconds;
  private volatile boolean schemaReady;

  private JdbcChannelStore(Builder b) {
    this.dataSource = b.dataSource;
    this.table = b.table;
    this.createSchema = b.createSchema;
    this.timeoutSeconds = b.timeoutSeconds;
  }

  /**
   * A builder for a store on {@code dataSource}.
   *
   * @param dataSource where the table is; connections are taken per operation and closed after it (use a pool)
   * @return a new builder
   */
  public static Builder builder(DataSource dataSource) {
    return new Builder(dataSource);
  }

  @Override
  public Optional<Channel> load(String key) {
    return select("channel_key = ?", statement -> statement.setString(1, key));
  }

  @Override
  public Optional<Channel> findByChannelId(long channelId) {
    return select("channel_id = ?", statement -> statement.setLong(1, channelId));
  }

  @Override
  public void save(Channel c) {
    transaction("save the channel of " + c.key(), connection -> {
      try (PreparedStatement update = prepare(connection, "UPDATE " + table + " SET module = ?, channel_id = ?, "
          + "token = ?, expiry = ?, notify_url = ?, events = ?, updated_at = ? WHERE channel_key = ?")) {
        bind(update, c, 1);
        update.setString(8, c.key());
        if (update.executeUpdate() == 1) {
          return null;
        }
      }
      try (PreparedStatement insert = prepare(connection, "INSERT INTO " + table + " (module, channel_id, token, "
          + "expiry, notify_url, events, updated_at, channel_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
        bind(insert, c, 1);
        insert.setString(8, c.key());
        insert.executeUpdate();
      }
      return null;
    });
  }

  @Override
  public void delete(String key) {
    transaction("delete the channel of " + key, connection -> {
      try (PreparedStatement delete = prepare(connection, "DELETE FROM " + table + " WHERE channel_key = ?")) {
        delete.setString(1, key);
        return delete.executeUpdate();
      }
    });
  }

  private static void bind(PreparedStatement s, Channel c, int from) throws SQLException {
    s.setString(from, c.module());
    s.setLong(from + 1, c.channelId());
    s.setString(from + 2, c.token().reveal());
    s.setLong(from + 3, c.expiry().toEpochMilli());
    s.setString(from + 4, c.notifyUrl());
    s.setString(from + 5, String.join(",", c.events()));
    s.setLong(from + 6, System.currentTimeMillis());
  }

  private interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  private Optional<Channel> select(String where, Binder binder) {
    return transaction("read a channel", connection -> {
      try (PreparedStatement select = prepare(connection, "SELECT " + COLUMNS + " FROM " + table + " WHERE "
          + where)) {
        binder.bind(select);
        try (ResultSet row = select.executeQuery()) {
          if (!row.next()) {
            return Optional.empty();
          }
          return Optional.of(new Channel(row.getString(1), row.getString(2), row.getLong(3),
              Secret.of(row.getString(4)), Instant.ofEpochMilli(row.getLong(5)), row.getString(6),
              Arrays.asList(row.getString(7).split(","))));
        }
      }
    });
  }

  /** One short transaction ({@link JdbcTransactions#run}), the table created first when it is not yet. */
  private <T> T transaction(String what, JdbcTransactions.Work<T> work) {
    try {
      return JdbcTransactions.run(dataSource, connection -> {
        if (createSchema && !schemaReady) {
          createTable(connection);
        }
        return work.apply(connection);
      });
    } catch (SQLException e) {
      throw new NotificationException("the channel store '" + table + "' could not " + what + ": " + e.getMessage()
          + " (SQLState " + e.getSQLState() + "); check that the database is reachable and the user may use the "
          + "table", null, e);
    }
  }

  private PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout(timeoutSeconds);
    return statement;
  }

  private synchronized void createTable(Connection connection) throws SQLException {
    if (schemaReady) {
      return;
    }
    String ddl;
    try (InputStream in = JdbcChannelStore.class.getResourceAsStream("/META-INF/zohokit/sql/notifications.sql")) {
      ddl = new String(Objects.requireNonNull(in, "notifications.sql").readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("META-INF/zohokit/sql/notifications.sql is missing from zoho-notifications", e);
    }
    JdbcTransactions.createSchema(connection, List.of(ddl.replaceAll("--[^\n]*", "")
        .replace("zohokit_notification_channels", table).trim().replaceAll(";$", "")), timeoutSeconds);
    schemaReady = true;
  }

  @Override
  public String toString() {
    return "JdbcChannelStore{" + table + "}";
  }

  /** Configures a {@link JdbcChannelStore}. */
  public static final class Builder {
    private final DataSource dataSource;
    private String table = "zohokit_notification_channels";
    private boolean createSchema = true;
    private int timeoutSeconds = 30;

    private Builder(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /**
     * The table, default {@code zohokit_notification_channels}.
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
     * The store.
     *
     * @return a new store; it touches the database on first use
     */
    public JdbcChannelStore build() {
      return new JdbcChannelStore(this);
    }
  }
}

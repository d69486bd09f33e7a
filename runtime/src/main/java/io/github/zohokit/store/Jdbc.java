package io.github.zohokit.store;

import io.github.zohokit.spi.JdbcTransactions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * What the JDBC store and the JDBC limits ledger share: short transactions on connections from the application's
 * {@link DataSource}, committed explicitly whatever the pool's auto-commit setting, statements with a query
 * timeout, duplicate-key detection, and their DDL read from {@code META-INF/zohokit/sql}, created on first use.
 */
final class Jdbc {
  private final DataSource dataSource;
  private final int queryTimeoutSeconds;
  private final List<String> ddl;
  private final AtomicBoolean schemaReady = new AtomicBoolean();

  /**
   * @param ddl the statements to run once before the first operation; empty to leave the schema alone
   */
  Jdbc(DataSource dataSource, int queryTimeoutSeconds, List<String> ddl) {
    this.dataSource = dataSource;
    this.queryTimeoutSeconds = queryTimeoutSeconds;
    this.ddl = ddl;
  }

  /**
   * Runs {@code work} as one transaction ({@link JdbcTransactions#run}), the schema created first when it is not yet.
   */
  <T> T transaction(JdbcTransactions.Work<T> work) throws SQLException {
    return JdbcTransactions.run(dataSource, connection -> {
      ensureSchema(connection);
      return work.apply(connection);
    });
  }

  PreparedStatement prepare(Connection connection, String sql) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(sql);
    statement.setQueryTimeout(queryTimeoutSeconds);
    return statement;
  }

  Statement statement(Connection connection) throws SQLException {
    Statement statement = connection.createStatement();
    statement.setQueryTimeout(queryTimeoutSeconds);
    return statement;
  }

  private void ensureSchema(Connection connection) throws SQLException {
    if (ddl.isEmpty() || schemaReady.get()) {
      return;
    }
    synchronized (schemaReady) {
      if (schemaReady.get()) {
        return;
      }
      JdbcTransactions.createSchema(connection, ddl, queryTimeoutSeconds);
      schemaReady.set(true);
    }
  }

  static boolean isDuplicateKey(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      String state = x.getSQLState();
      if (state != null && state.startsWith("23")) {
        return true;
      }
    }
    return false;
  }

  /**
   * The statements of {@code META-INF/zohokit/sql/<file>}, portable across PostgreSQL, MySQL/MariaDB and H2, with
   * {@code zohokit_tokens} replaced by {@code table}.
   */
  static List<String> ddl(String file, String table) {
    String text;
    try (InputStream in = Jdbc.class.getResourceAsStream("/META-INF/zohokit/sql/" + file)) {
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("META-INF/zohokit/sql/" + file + " is missing from zoho-runtime", e);
    }
    List<String> statements = new ArrayList<>();
    String withoutComments = text.replaceAll("--[^\n]*", "");
    for (String statement : withoutComments.replace("zohokit_tokens", table).split(";")) {
      String sql = statement.trim();
      if (!sql.isEmpty()) {
        statements.add(sql);
      }
    }
    return statements;
  }
}

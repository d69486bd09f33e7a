package io.github.zohokit.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;

/**
 * One short transaction on a connection of the application's {@link DataSource}, as zohokit's JDBC stores run every
 * operation (the token store and API-limits ledger, {@code zoho-sync}'s sync state store, {@code
 * zoho-notifications}' channel store), and as a store of your own may:
 *
 * <pre>{@code
 * String cursor = JdbcTransactions.run(dataSource, connection -> {
 *   try (PreparedStatement select = connection.prepareStatement("SELECT ...")) {
 *     ...
 *   }
 * });
 * }</pre>
 *
 * The transaction is committed explicitly whatever the pool's auto-commit setting, and the connection goes back to
 * the pool as it came. {@link #run} runs the work once, at the connection's isolation level: nothing is retried.
 * {@link #createSchema} runs a store's DDL, again after a concurrent creation of the same tables.
 */
public final class JdbcTransactions {
  private JdbcTransactions() {}

  /**
   * The statements of one transaction.
   *
   * @param <T> what they return
   */
  @FunctionalInterface
  public interface Work<T> {
    /**
     * Runs the statements; neither commits nor closes {@code connection} (it may roll it back and go on, as after
     * a failed insert PostgreSQL requires).
     *
     * @param connection the transaction's connection, auto-commit off
     * @return the result of the transaction
     * @throws SQLException when a statement fails: the transaction is rolled back
     */
    T apply(Connection connection) throws SQLException;
  }

  /**
   * Runs {@code work} as one transaction: takes a connection, turns auto-commit off, commits when {@code work}
   * returns and rolls back when it throws anything, an {@link Error} included (a failed rollback is added to that
   * exception as suppressed, and the exception is rethrown as it is); the connection's auto-commit setting is
   * restored once the transaction ended (after a failed rollback it is left off, so that closing the connection does
   * not commit the half-done work), and the connection is closed, in every case.
   *
   * @param dataSource where the connection comes from (a pool, ideally)
   * @param work the statements
   * @param <T> what they return
   * @return what {@code work} returned, once committed
   * @throws SQLException when the connection cannot be had, a statement, the commit or the restore fails
   */
  public static <T> T run(DataSource dataSource, Work<T> work) throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      boolean autoCommit = connection.getAutoCommit();
      if (autoCommit) {
        connection.setAutoCommit(false);
      }
      boolean ended = false; // committed or rolled back: turning auto-commit on again cannot commit half of it
      try {
        T result = work.apply(connection);
        connection.commit();
        ended = true;
        return result;
      } catch (Throwable e) { // an Error too: restoring auto-commit on an open transaction would commit it
        try {
          connection.rollback();
          ended = true;
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
        }
        throw e;
      } finally {
        if (autoCommit && ended) {
          connection.setAutoCommit(true);
        }
      }
    }
  }

  /**
   * Runs {@code ddl}, statements such as {@code CREATE TABLE IF NOT EXISTS}, on {@code connection} and commits them;
   * once more when another process created the same objects at the same moment. PostgreSQL's {@code IF NOT EXISTS} is
   * not safe against a concurrent creation: the second one fails with a unique violation on its catalog
   * ({@code pg_type_typname_nsp_index}, SQLState 23505) or {@code 42P07}/{@code 42710} (already exists) instead of
   * skipping. The transaction is rolled back, and the statements run again, now seeing what the other process
   * committed: each such failure means one more of the objects exists, so they run at most once per statement, plus
   * once.
   *
   * <p>A statement that fails for another reason is not run again; the transaction is rolled back and its exception
   * thrown (a failed rollback added to it as suppressed).
   *
   * @param connection a connection with auto-commit off (as {@link #run} gives), nothing uncommitted on it
   * @param ddl DDL only, each statement safe to run again (a data statement's duplicate key, 23505, would be run
   *     again too before it is thrown)
   * @param queryTimeoutSeconds the timeout of each statement, 0 for none
   * @throws SQLException when a statement fails for another reason, still fails after the last attempt, or
   *     {@code connection} is in auto-commit mode (the commit fails)
   */
  public static void createSchema(Connection connection, List<String> ddl, int queryTimeoutSeconds)
      throws SQLException {
    for (int attempt = 1; ; attempt++) {
      try (Statement statement = connection.createStatement()) {
        statement.setQueryTimeout(queryTimeoutSeconds);
        for (String sql : ddl) {
          statement.execute(sql);
        }
        connection.commit();
        return;
      } catch (SQLException e) {
        try {
          connection.rollback();
        } catch (SQLException rollback) {
          e.addSuppressed(rollback);
          throw e;
        }
        if (attempt > ddl.size() || !createdConcurrently(e)) {
          throw e;
        }
      }
    }
  }

  private static boolean createdConcurrently(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      String state = x.getSQLState();
      if ("23505".equals(state) || "42P07".equals(state) || "42710".equals(state)) {
        return true;
      }
    }
    return false;
  }
}

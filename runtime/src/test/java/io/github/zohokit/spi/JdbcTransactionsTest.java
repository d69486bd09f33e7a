package io.github.zohokit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One transaction on H2: committed on return, rolled back on an exception, the connection handed back as it came. */
class JdbcTransactionsTest {
  private final JdbcDataSource h2 = new JdbcDataSource();

  @BeforeEach
  void table() throws SQLException {
    h2.setURL("jdbc:h2:mem:jdbc-transactions;DB_CLOSE_DELAY=-1");
    try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS t");
      s.execute("CREATE TABLE t (v INT)");
    }
  }

  private int rows() throws SQLException {
    try (Connection c = h2.getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t")) {
      r.next();
      return r.getInt(1);
    }
  }

  private static int insert(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate("INSERT INTO t VALUES (1)");
    }
  }

  /** Hands out {@code connection} every time and ignores close(), like a pool of one; rollback() fails if asked. */
  private static DataSource single(Connection connection, boolean rollbackFails) {
    Connection kept = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) -> {
          if (method.getName().equals("close")) {
            return null;
          }
          if (rollbackFails && method.getName().equals("rollback")) {
            connection.rollback();
            throw new SQLException("rollback refused");
          }
          try {
            return method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> method.getName().equals("getConnection") ? kept : null);
  }

  @Test
  void whatTheWorkDidIsCommittedAndItsResultReturned() throws SQLException {
    assertThat(JdbcTransactions.run(h2, JdbcTransactionsTest::insert)).isEqualTo(1);
    assertThat(rows()).as("seen from another connection").isEqualTo(1);
  }

  @Test
  void anExceptionRollsBackAndIsRethrownAsItIs() throws SQLException {
    IllegalStateException failure = new IllegalStateException("the handler failed");
    assertThatThrownBy(() -> JdbcTransactions.run(h2, c -> {
      insert(c);
      throw failure;
    })).isSameAs(failure);
    SQLException statement = new SQLException("constraint");
    assertThatThrownBy(() -> JdbcTransactions.run(h2, c -> {
      insert(c);
      throw statement;
    })).isSameAs(statement);
    assertThat(rows()).isZero();
  }

  @Test
  void anErrorRollsBackTooInsteadOfBeingCommittedByTheAutoCommitRestore() throws SQLException {
    AssertionError failure = new AssertionError("the handler's assertion");
    assertThatThrownBy(() -> JdbcTransactions.run(h2, c -> {
      insert(c);
      throw failure;
    })).isSameAs(failure);
    assertThat(rows()).isZero();
  }

  @Test
  void aFailedRollbackIsSuppressedUnderTheFailure() throws SQLException {
    try (Connection connection = h2.getConnection()) {
      IllegalStateException failure = new IllegalStateException("the handler failed");
      assertThatThrownBy(() -> JdbcTransactions.run(single(connection, true), c -> {
        insert(c);
        throw failure;
      })).isSameAs(failure);
      assertThat(failure.getSuppressed()).extracting(Throwable::getMessage).containsExactly("rollback refused");
      // the transaction may still be open: auto-commit on would commit it, so it stays off for the pool to discard
      assertThat(connection.getAutoCommit()).isFalse();
    }
  }

  @Test
  void theConnectionKeepsTheAutoCommitSettingItCameWith() throws SQLException {
    try (Connection connection = h2.getConnection()) {
      DataSource one = single(connection, false);
      connection.setAutoCommit(true);
      JdbcTransactions.run(one, c -> {
        assertThat(c.getAutoCommit()).isFalse();
        return insert(c);
      });
      assertThat(connection.getAutoCommit()).isTrue();
      assertThatThrownBy(() -> JdbcTransactions.run(one, c -> {
        throw new SQLException("failed");
      })).isInstanceOf(SQLException.class);
      assertThat(connection.getAutoCommit()).as("after a failure too").isTrue();

      connection.setAutoCommit(false);
      JdbcTransactions.run(one, JdbcTransactionsTest::insert);
      assertThat(connection.getAutoCommit()).isFalse();
      assertThat(rows()).as("committed although auto-commit was off").isEqualTo(2);
    }
  }

  /**
   * A connection whose statements fail with {@code state} on their first {@code failures} executions, as PostgreSQL's
   * {@code CREATE TABLE IF NOT EXISTS} does when another process creates the table at the same moment.
   */
  private static Connection failingFirst(Connection connection, int failures, String state, int[] executions) {
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          Object result;
          try {
            result = method.invoke(connection, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
          if (!method.getName().equals("createStatement")) {
            return result;
          }
          Statement statement = (Statement) result;
          return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
              (p, m, a) -> {
                if (m.getName().equals("execute") && ++executions[0] <= failures) {
                  throw new SQLException("ERROR: duplicate key value violates unique constraint "
                      + "\"pg_type_typname_nsp_index\"", state);
                }
                try {
                  return m.invoke(statement, a);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
        });
  }

  private static final List<String> DDL = List.of("CREATE TABLE IF NOT EXISTS made (v INT)",
      "CREATE INDEX IF NOT EXISTS made_v ON made (v)");

  private boolean made() throws SQLException {
    try (Connection c = h2.getConnection(); ResultSet r = c.getMetaData().getTables(null, null, "MADE", null)) {
      return r.next();
    }
  }

  @Test
  void createSchemaRunsTheStatementsAgainWhenAnotherProcessCreatedTheSameObjectsAtOnce() throws SQLException {
    for (String state : List.of("23505", "42P07", "42710")) {
      try (Connection c = h2.getConnection(); Statement s = c.createStatement()) {
        s.execute("DROP TABLE IF EXISTS made");
      }
      int[] executions = {0};
      try (Connection connection = h2.getConnection()) {
        connection.setAutoCommit(false);
        JdbcTransactions.createSchema(failingFirst(connection, 2, state, executions), DDL, 5);
      }
      assertThat(executions[0]).as(state).isEqualTo(2 + DDL.size());
      assertThat(made()).as(state).isTrue();
    }
  }

  @Test
  void createSchemaGivesUpAfterOneAttemptPerStatementPlusOneAndDoesNotRetryOtherErrors() throws SQLException {
    // each concurrent-creation failure means one more object exists: more failures than statements is something else
    int[] executions = {0};
    try (Connection connection = h2.getConnection()) {
      connection.setAutoCommit(false);
      assertThatThrownBy(() -> JdbcTransactions.createSchema(failingFirst(connection, 3, "23505", executions), DDL,
          5)).isInstanceOf(SQLException.class).hasMessageContaining("pg_type_typname_nsp_index");
    }
    assertThat(executions[0]).isEqualTo(DDL.size() + 1);

    int[] once = {0};
    try (Connection connection = h2.getConnection()) {
      connection.setAutoCommit(false);
      assertThatThrownBy(() -> JdbcTransactions.createSchema(failingFirst(connection, 1, "42501", once), DDL, 5))
          .isInstanceOf(SQLException.class);
    }
    assertThat(once[0]).as("a permission error is not a concurrent creation").isEqualTo(1);
  }

  @Test
  void createSchemaStopsWhenTheRollbackFailsAndKeepsBothExceptions() throws SQLException {
    int[] executions = {0};
    try (Connection connection = h2.getConnection()) {
      connection.setAutoCommit(false);
      Connection refusingRollback = single(connection, true).getConnection();
      assertThatThrownBy(() -> JdbcTransactions.createSchema(failingFirst(refusingRollback, 1, "23505", executions),
          DDL, 5)).isInstanceOf(SQLException.class).hasMessageContaining("pg_type_typname_nsp_index")
          .satisfies(e -> assertThat(e.getSuppressed()).extracting(Throwable::getMessage)
              .containsExactly("rollback refused"));
    }
    assertThat(executions[0]).as("not run again on a connection in an unknown state").isEqualTo(1);
  }
}

package io.github.zohokit.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
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
}

package io.github.zohokit.store;

import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.TokenKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.zohokit.testing.MutableClock;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The JDBC store's transactions on real databases (H2 in memory, an embedded PostgreSQL): what a failed operation
 * leaves behind, the connection as the store hands it back, lease expiry on the store's clock, statement timeouts.
 * Some tests use one connection for every call, as a pool of one or Spring's {@code SingleConnectionDataSource} does.
 */
@Timeout(60)
class JdbcTokenStoreTransactionsTest {
  private static final TokenKey KEY = new TokenKey("1000.CLIENT", "alice");
  private static final TokenKey TOO_LONG = new TokenKey("1000.CLIENT", "u".repeat(300));
  private static final DataSource H2 = Databases.h2("transactions");

  private String table;

  @BeforeEach
  void freshTable() {
    table = "zt_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
  }

  private static DataSource postgres() {
    return Databases.postgres().getPostgresDatabase();
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** A data source that hands out {@code connection} every time and ignores {@code close()}, like a pool of one. */
  private static DataSource single(Connection connection) {
    Connection kept = (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
        new Class<?>[] {Connection.class}, (proxy, method, args) ->
            method.getName().equals("close") ? null : call(connection, method, args));
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          if (method.getName().equals("getConnection")) {
            return kept;
          }
          throw new UnsupportedOperationException(method.getName());
        });
  }

  /** {@code database}, recording the SQL of every plain {@link Statement#execute(String)} (the store's DDL). */
  private static DataSource recordingDdl(DataSource database, List<String> executed) {
    return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
        (proxy, method, args) -> {
          Object result = call(database, method, args);
          if (!method.getName().equals("getConnection")) {
            return result;
          }
          Connection connection = (Connection) result;
          return Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
              (p, m, a) -> {
                Object made = call(connection, m, a);
                if (!m.getName().equals("createStatement")) {
                  return made;
                }
                Statement statement = (Statement) made;
                return Proxy.newProxyInstance(Statement.class.getClassLoader(), new Class<?>[] {Statement.class},
                    (sp, sm, sa) -> {
                      if (sm.getName().equals("execute")) {
                        executed.add((String) sa[0]);
                      }
                      return call(statement, sm, sa);
                    });
              });
        });
  }

  @Test
  void aLeaseTakenOverAfterExpiryHoldsForItsOwnTimeToLive() {
    MutableClock clock = new MutableClock();
    JdbcTokenStore a = JdbcTokenStore.builder(H2).table(table).clock(clock).build();
    JdbcTokenStore b = JdbcTokenStore.builder(H2).table(table).clock(clock).build();
    JdbcTokenStore c = JdbcTokenStore.builder(H2).table(table).clock(clock).build();
    assertThat(a.tryAcquireRefreshLease(KEY, Duration.ofSeconds(10))).isPresent();
    clock.advance(Duration.ofSeconds(11));
    assertThat(b.tryAcquireRefreshLease(KEY, Duration.ofSeconds(10))).as("a's lease expired").isPresent();
    clock.advance(Duration.ofSeconds(2));
    assertThat(c.tryAcquireRefreshLease(KEY, Duration.ofSeconds(10))).as("b's lease runs 10 s from its taking")
        .isEmpty();
    clock.advance(Duration.ofSeconds(9));
    assertThat(c.tryAcquireRefreshLease(KEY, Duration.ofSeconds(10))).isPresent();
  }

  @Test
  void aFirstWriteThatFailsForAnotherReasonThanARaceIsAnError() {
    JdbcTokenStore store = JdbcTokenStore.builder(H2).table(table).build();
    assertThatThrownBy(() -> store.compareAndSet(TOO_LONG, 0, JdbcTokenStoreContract.token("1000.a1a1.x")))
        .isInstanceOf(TokenStoreException.class).hasMessageContaining("could not write the token of 1000.CLIENT/uuu");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void theConnectionIsHandedBackWithTheAutoCommitSettingItCameWith() throws Exception {
    // one call, one transaction: save() would be two (a load, then the write), which could hide a swap
    try (Connection connection = H2.getConnection()) {
      JdbcTokenStore store = JdbcTokenStore.builder(single(connection)).table(table).build();
      connection.setAutoCommit(true);
      store.compareAndSet(KEY, 0, JdbcTokenStoreContract.token("1000.aaaa1111bbbb2222cccc3333dddd4444.x"));
      assertThat(connection.getAutoCommit()).isTrue();
      assertThatThrownBy(() -> store.compareAndSet(TOO_LONG, 0, JdbcTokenStoreContract.token("1000.a1a1.x")))
          .isInstanceOf(TokenStoreException.class);
      assertThat(connection.getAutoCommit()).as("restored after a failure too").isTrue();

      connection.setAutoCommit(false);
      store.compareAndSet(KEY, 1, JdbcTokenStoreContract.token("1000.bbbb1111bbbb2222cccc3333dddd4444.y"));
      assertThat(connection.getAutoCommit()).isFalse();
      assertThat(JdbcTokenStore.builder(H2).table(table).build().load(KEY).get().version())
          .as("committed, seen from another connection").isEqualTo(2);
      assertThatThrownBy(() -> store.compareAndSet(TOO_LONG, 0, JdbcTokenStoreContract.token("1000.a1a1.x")))
          .isInstanceOf(TokenStoreException.class);
      assertThat(connection.getAutoCommit()).as("left off after a failure too").isFalse();
    }
  }

  @Test
  void afterAFailedOperationTheSameConnectionStillWorks() throws Exception {
    try (Connection connection = postgres().getConnection()) {
      connection.setAutoCommit(false);
      JdbcTokenStore store = JdbcTokenStore.builder(single(connection)).table(table).build();
      store.save(KEY, JdbcTokenStoreContract.token("1000.aaaa1111bbbb2222cccc3333dddd4444.x"));
      assertThatThrownBy(() -> store.compareAndSet(TOO_LONG, 0, JdbcTokenStoreContract.token("1000.a1a1.x")))
          .isInstanceOf(TokenStoreException.class);
      // PostgreSQL refuses every statement of a transaction after a failed one, until it is rolled back
      assertThat(store.load(KEY).get().version()).isEqualTo(1);
    }
  }

  @Test
  void theTablesStayWhenTheFirstOperationOfAStoreFails() {
    JdbcTokenStore store = JdbcTokenStore.builder(postgres()).table(table).build();
    assertThatThrownBy(() -> store.compareAndSet(TOO_LONG, 0, JdbcTokenStoreContract.token("1000.a1a1.x")))
        .isInstanceOf(TokenStoreException.class);
    // PostgreSQL's DDL is transactional: rolling back the failed write must not take the new tables with it
    assertThat(store.save(KEY, JdbcTokenStoreContract.token("1000.aaaa1111bbbb2222cccc3333dddd4444.x")).version())
        .isEqualTo(1);
    assertThat(store.keys()).containsExactly(KEY);
  }

  @Test
  void theSchemaIsCreatedOnceNotOnEveryCall() {
    List<String> ddl = new CopyOnWriteArrayList<>();
    JdbcTokenStore store = JdbcTokenStore.builder(recordingDdl(H2, ddl)).table(table).build();
    store.save(KEY, JdbcTokenStoreContract.token("1000.aaaa1111bbbb2222cccc3333dddd4444.x"));
    store.load(KEY);
    store.keys();
    store.tryAcquireRefreshLease(KEY, Duration.ofSeconds(5)).get().close();
    assertThat(ddl).hasSize(2).allSatisfy(sql -> assertThat(sql).startsWith("CREATE TABLE IF NOT EXISTS " + table));
  }

  @Test
  void listingTheKeysBlockedByATableLockEndsAtTheQueryTimeout() throws Exception {
    JdbcTokenStore store = JdbcTokenStore.builder(postgres()).table(table).queryTimeout(Duration.ofSeconds(1)).build();
    store.save(KEY, JdbcTokenStoreContract.token("1000.aaaa1111bbbb2222cccc3333dddd4444.x"));
    try (Connection other = postgres().getConnection()) {
      other.setAutoCommit(false);
      try (Statement lock = other.createStatement()) {
        lock.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
      }
      // PostgreSQL waits for a table lock without limit; only the store's query timeout ends the wait
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(store::keys)
          .isInstanceOf(TokenStoreException.class).hasMessageContaining("could not list the stored keys"));
      other.rollback();
    }
    assertThat(store.keys()).containsExactly(KEY);
  }

  @Test
  void theQueryTimeoutTakesWholeSecondsFromOne() {
    JdbcTokenStore.Builder builder = JdbcTokenStore.builder(H2);
    assertThat(builder.queryTimeout(Duration.ofSeconds(1))).isSameAs(builder);
    assertThat(builder.queryTimeout(Duration.ofSeconds(Integer.MAX_VALUE))).isSameAs(builder);
    assertThatThrownBy(() -> builder.queryTimeout(Duration.ofMillis(999))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> builder.queryTimeout(Duration.ofSeconds(Integer.MAX_VALUE + 1L)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 second");
  }

  @Test
  void itDescribesItselfByItsTableAndWhetherItEncrypts() {
    byte[] key = new byte[32];
    assertThat(JdbcTokenStore.builder(H2).table("tokens").build()).hasToString("JDBC token store 'tokens'");
    assertThat(JdbcTokenStore.builder(H2).table("tokens").encryption(TokenCipher.aesGcm(key)).build())
        .hasToString("JDBC token store 'tokens' (encrypted)");
  }
}

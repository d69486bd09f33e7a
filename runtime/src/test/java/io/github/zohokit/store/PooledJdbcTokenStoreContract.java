package io.github.zohokit.store;

import io.github.zohokit.token.TokenKey;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.github.zohokit.spi.RefreshLease;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * The JDBC store on a HikariCP pool with auto-commit off, as Spring and Hikari set-ups often configure it: every
 * write must be committed by the store itself, or the pool rolls it back when the connection returns.
 */
abstract class PooledJdbcTokenStoreContract {
  static final TokenKey KEY = new TokenKey("1000.CLIENT", "alice");

  protected String table;
  private HikariDataSource pool;

  /** The database itself, without a pool. */
  abstract DataSource database();

  @BeforeEach
  void openPool() {
    table = "zk_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    HikariConfig config = new HikariConfig();
    config.setDataSource(database());
    config.setAutoCommit(false);
    config.setMaximumPoolSize(3);
    config.setPoolName("auto-commit-off");
    pool = new HikariDataSource(config);
  }

  @AfterEach
  void closePool() {
    pool.close();
  }

  JdbcTokenStore.Builder pooledStore() {
    return JdbcTokenStore.builder(pool).table(table);
  }

  /** The version of {@code KEY}'s row as a connection outside the pool sees it, or -1 when there is none. */
  long committedVersion() throws SQLException {
    try (Connection c = database().getConnection();
        PreparedStatement select = c.prepareStatement("SELECT version FROM " + table
            + " WHERE client_id = ? AND user_key = ?")) {
      select.setString(1, KEY.clientId());
      select.setString(2, KEY.userKey());
      try (ResultSet row = select.executeQuery()) {
        return row.next() ? row.getLong(1) : -1;
      }
    }
  }

  @Test
  void writesOnAPoolWithoutAutoCommitAreCommitted() throws Exception {
    JdbcTokenStore store = pooledStore().build();

    store.save(KEY, JdbcTokenStoreContract.token("1000.aaaa1111bbbb2222cccc3333dddd4444.x"));
    assertThat(committedVersion()).isEqualTo(1);
    store.save(KEY, JdbcTokenStoreContract.token("1000.bbbb1111bbbb2222cccc3333dddd4444.y"));
    assertThat(committedVersion()).isEqualTo(2);
    assertThat(JdbcTokenStore.builder(database()).table(table).build().load(KEY).get().token().accessToken()
        .reveal()).isEqualTo("1000.bbbb1111bbbb2222cccc3333dddd4444.y");

    assertThat(store.delete(KEY)).isTrue();
    assertThat(committedVersion()).isEqualTo(-1);
  }

  @Test
  void aLeaseTakenOnAPoolWithoutAutoCommitIsSeenByOtherProcesses() {
    JdbcTokenStore mine = pooledStore().build();
    JdbcTokenStore theirs = JdbcTokenStore.builder(database()).table(table).build();

    try (RefreshLease lease = mine.tryAcquireRefreshLease(KEY, Duration.ofMinutes(1)).orElseThrow()) {
      assertThat(theirs.tryAcquireRefreshLease(KEY, Duration.ofMinutes(1))).isEmpty();
    }
    assertThat(theirs.tryAcquireRefreshLease(KEY, Duration.ofMinutes(1))).isPresent();
  }

  @Test
  void aConnectionComesBackToThePoolWithItsAutoCommitSetting() throws Exception {
    pooledStore().build().save(KEY, JdbcTokenStoreContract.token("1000.aaaa1111bbbb2222cccc3333dddd4444.x"));
    try (Connection c = pool.getConnection()) {
      assertThat(c.getAutoCommit()).isFalse();
    }
  }
}

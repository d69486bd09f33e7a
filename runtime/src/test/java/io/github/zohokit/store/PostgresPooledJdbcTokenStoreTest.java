package io.github.zohokit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.zohokit.spi.TokenStoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class PostgresPooledJdbcTokenStoreTest extends PooledJdbcTokenStoreContract {
  @Override
  DataSource database() {
    return Databases.postgres().getPostgresDatabase();
  }

  @Test
  void aStatementBlockedByAnotherTransactionsLockEndsAtTheQueryTimeout() throws Exception {
    JdbcTokenStore store = pooledStore().queryTimeout(Duration.ofSeconds(1)).build();
    store.save(KEY, JdbcTokenStoreContract.token("1000.aaaa1111bbbb2222cccc3333dddd4444.x"));
    try (Connection other = database().getConnection()) {
      other.setAutoCommit(false);
      try (PreparedStatement lock = other.prepareStatement("UPDATE " + table + " SET updated_at = 0 WHERE user_key = ?")) {
        lock.setString(1, KEY.userKey());
        assertThat(lock.executeUpdate()).isEqualTo(1);
      }
      // PostgreSQL waits for a row lock without limit; only the store's query timeout ends the wait
      assertTimeoutPreemptively(Duration.ofSeconds(30), () ->
          assertThatThrownBy(() -> store.compareAndSet(KEY, 1,
              JdbcTokenStoreContract.token("1000.bbbb1111bbbb2222cccc3333dddd4444.y")))
              .isInstanceOf(TokenStoreException.class)
              .hasMessageContaining("could not write the token of"));
      other.rollback();
    }
    assertThat(store.load(KEY).get().version()).isEqualTo(1);
  }

  @Test
  void theQueryTimeoutIsWholePositiveSeconds() {
    assertThatThrownBy(() -> pooledStore().queryTimeout(Duration.ofMillis(500)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 second");
  }
}

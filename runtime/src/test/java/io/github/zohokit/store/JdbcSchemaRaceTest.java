package io.github.zohokit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.token.TokenKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Processes that start together on a new PostgreSQL database each create zohokit's tables on first use. PostgreSQL's
 * {@code CREATE TABLE IF NOT EXISTS} is not safe against a concurrent one (the loser fails on
 * {@code pg_type_typname_nsp_index}; seen in CI as a failed first permit of a three-process governor). Here stores
 * with their own connections race on fresh tables: every first call succeeds.
 */
class JdbcSchemaRaceTest {
  private static final int STORES = 6;
  private static final int ROUNDS = 15;

  @Test
  void storesCreatingTheSameTablesAtOnceAllSucceed() throws Exception {
    DataSource postgres = Databases.postgres().getPostgresDatabase();
    ExecutorService pool = Executors.newFixedThreadPool(STORES);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        String table = "race_" + round;
        CyclicBarrier start = new CyclicBarrier(STORES);
        List<Future<?>> firstCalls = new ArrayList<>();
        for (int i = 0; i < STORES; i++) {
          JdbcTokenStore store = JdbcTokenStore.builder(postgres).table(table).build();
          firstCalls.add(pool.submit(() -> {
            start.await();
            assertThat(store.load(new TokenKey("1000.CLIENT", "alice"))).isEmpty();
            store.limitsLedger("org").tryAcquire("api", 2, Duration.ofSeconds(1));
            return null;
          }));
        }
        for (Future<?> call : firstCalls) {
          call.get(); // an exception here is a store whose table creation lost the race
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}

package io.github.zohokit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.testkit.FakeClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * The JDBC state store on real databases: H2, PostgreSQL (embedded), MariaDB when ZOHOKIT_MARIADB_URL is set (under
 * CI=true it must be).
 */
class JdbcSyncStateStoreTest {
  private static EmbeddedPostgres postgres;

  static synchronized DataSource postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new IllegalStateException("embedded PostgreSQL did not start: " + e.getMessage(), e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM ends anyway
        }
      }));
    }
    return postgres.getPostgresDatabase();
  }

  /** The embedded PostgreSQL's JDBC URL, for another process. */
  static String postgresUrl() {
    postgres();
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  static Stream<Arguments> databases() {
    List<Arguments> all = new ArrayList<>();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:sync" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    all.add(Arguments.of("H2", h2));
    all.add(Arguments.of("PostgreSQL", postgres()));
    String maria = System.getenv("ZOHOKIT_MARIADB_URL");
    if (maria != null && !maria.isBlank()) {
      try {
        all.add(Arguments.of("MariaDB", new MariaDbDataSource(maria)));
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    } else if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but ZOHOKIT_MARIADB_URL is not set: the MariaDB run is missing");
    }
    return all.stream();
  }

  private static String table() {
    return "sync_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
  }

  private static void sql(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute(sql);
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
  }

  private static List<String> ids(DataSource db, String table) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT id FROM " + table + " ORDER BY id")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  private static SyncBatch batchOf(String id) {
    return new SyncBatch("Leads", List.of(new SyncRecord("Leads", id, java.time.OffsetDateTime.parse(
        "2026-01-05T09:30:00+05:30"), new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode())),
        List.of(), null);
  }

  private static SyncHandler insertInto(String table) {
    return batch -> {
      try (PreparedStatement insert = batch.connection().prepareStatement("INSERT INTO " + table + " (id) VALUES (?)")) {
        for (SyncRecord r : batch.upserts()) {
          insert.setString(1, r.id());
          insert.executeUpdate();
        }
      }
    };
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void theHandlersWritesAndTheCursorCommitTogetherOrNotAtAll(String name, DataSource db) throws Exception {
    String table = table();
    sql(db, "CREATE TABLE " + table + "_rows (id VARCHAR(40) PRIMARY KEY)");
    JdbcSyncStateStore store = JdbcSyncStateStore.builder(db).table(table).build();
    SyncLease lease = store.tryLease("Leads", Duration.ofMinutes(1)).orElseThrow();
    SyncCursor first = new SyncCursor();
    first.watermarkId = "1";

    store.commit(lease, first, batchOf("1"), insertInto(table + "_rows"));
    assertThat(ids(db, table + "_rows")).containsExactly("1");
    assertThat(store.load("Leads").orElseThrow().watermarkId()).contains("1");

    SyncCursor second = new SyncCursor();
    second.watermarkId = "2";
    assertThatThrownBy(() -> store.commit(lease, second, batchOf("2"), batch -> {
      insertInto(table + "_rows").handle(batch);
      throw new IllegalStateException("crash after the write");
    })).isInstanceOf(SyncException.class).hasMessageContaining("crash after the write");
    assertThat(ids(db, table + "_rows")).containsExactly("1");
    assertThat(store.load("Leads").orElseThrow().watermarkId()).contains("1");
    lease.close();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void oneWorkerHoldsAKeyAtATimeAndADeadWorkersLeaseExpires(String name, DataSource db) throws Exception {
    String table = table();
    FakeClock clock = new FakeClock();
    JdbcSyncStateStore a = JdbcSyncStateStore.builder(db).table(table).clock(clock).build();
    JdbcSyncStateStore b = JdbcSyncStateStore.builder(db).table(table).clock(clock).build();

    SyncLease held = a.tryLease("Leads", Duration.ofMinutes(1)).orElseThrow();
    assertThat(b.tryLease("Leads", Duration.ofMinutes(1))).isEmpty();
    Optional<SyncLease> other = b.tryLease("Contacts", Duration.ofMinutes(1));
    assertThat(other).isPresent(); // other modules run in parallel

    clock.advance(Duration.ofMinutes(2)); // a's worker died without committing
    SyncLease taken = b.tryLease("Leads", Duration.ofMinutes(1)).orElseThrow();
    sql(db, "CREATE TABLE " + table + "_rows (id VARCHAR(40) PRIMARY KEY)");
    assertThatThrownBy(() -> a.commit(held, new SyncCursor(), batchOf("9"), insertInto(table + "_rows")))
        .isInstanceOf(SyncException.class).hasMessageContaining("taken over");
    assertThat(ids(db, table + "_rows")).isEmpty(); // the late worker's writes were rolled back

    taken.close();
    assertThat(a.tryLease("Leads", Duration.ofMinutes(1))).isPresent();
  }
}

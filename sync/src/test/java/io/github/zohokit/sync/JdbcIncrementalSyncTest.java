package io.github.zohokit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.Zoho;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.token.DataCenter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A sync into a real table through the cursor's own transaction: a failure after the handler wrote leaves neither
 * the rows nor the cursor, and the next run makes the table equal to Zoho's module.
 */
class JdbcIncrementalSyncTest {
  private static final DataCenter US = DataCenter.US;

  static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> databases() {
    return JdbcSyncStateStoreTest.databases();
  }

  private static SyncHandler copyInto(String table) {
    return batch -> {
      Connection c = batch.connection();
      try (PreparedStatement delete = c.prepareStatement("DELETE FROM " + table + " WHERE id = ?");
          PreparedStatement insert = c.prepareStatement("INSERT INTO " + table + " (id, email, modified) "
              + "VALUES (?, ?, ?)")) {
        for (SyncRecord r : batch.upserts()) {
          delete.setString(1, r.id());
          delete.executeUpdate();
          insert.setString(1, r.id());
          insert.setString(2, r.text("Email"));
          insert.setString(3, r.versionKey());
          insert.executeUpdate();
        }
        for (DeletedRecord d : batch.deletes()) {
          delete.setString(1, d.id());
          delete.executeUpdate();
        }
      }
    };
  }

  private static Set<String> ids(DataSource db, String table) throws SQLException {
    Set<String> ids = new TreeSet<>();
    try (Connection c = db.getConnection(); Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("SELECT id FROM " + table)) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void aFailureAfterTheHandlerWroteLeavesNothingAndTheNextRunMakesTheTableEqualToZoho(String name, DataSource db)
      throws Exception {
    String table = "leads_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + " (id VARCHAR(40) PRIMARY KEY, email VARCHAR(200), modified VARCHAR(60))");
      if (!c.getAutoCommit()) {
        c.commit();
      }
    }
    try (FakeZoho fake = FakeZoho.builder().dataCenters(US).seedLeads(0).start()) {
      List<String> ids = fake.sync().seed(US, "Leads", 1_000);
      Zoho zoho = Fixtures.connect(fake);
      JdbcSyncStateStore store = JdbcSyncStateStore.builder(db).table(table + "_state").build();
      IncrementalSync sync = IncrementalSync.builder(zoho, "Leads").fields(List.of("Email")).stateStore(store)
          .build();
      int[] pages = {0};
      SyncHandler copy = copyInto(table);
      assertThatThrownBy(() -> sync.run(batch -> {
        copy.handle(batch); // written in the cursor's transaction ...
        if (!batch.upserts().isEmpty() && ++pages[0] == 3) {
          throw new IllegalStateException("killed after writing page 3"); // ... and rolled back with it
        }
      })).isInstanceOf(SyncException.class);
      assertThat(ids(db, table)).hasSizeBetween(2 * 199, 400);

      fake.sync().update(US, "Leads", ids.get(5), java.util.Map.of("Email", "changed@example.com"));
      fake.sync().delete(US, "Leads", List.of(ids.get(6)));
      sync.run(copy);
      sync.run(copy);

      Set<String> zohoIds = fake.sync().records(US, "Leads").stream().map(r -> r.path("id").asText())
          .collect(Collectors.toCollection(TreeSet::new));
      assertThat(ids(db, table)).isEqualTo(zohoIds).hasSize(999);
    }
  }
}

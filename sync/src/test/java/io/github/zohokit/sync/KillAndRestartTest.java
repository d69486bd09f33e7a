package io.github.zohokit.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.token.DataCenter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real process syncing into a real PostgreSQL table is killed with SIGKILL mid-sync; a second process finishes the job; the
 * table then equals the fake's records, each once.
 */
class KillAndRestartTest {
  @TempDir
  Path dir;

  /** The worker process: args = api base, client id, client secret, token file, JDBC URL, per-page pause millis. */
  public static void main(String[] args) throws Exception {
    ZohoOAuth oauth = ZohoOAuth.builder(io.github.zohokit.auth.ClientType.SELF_CLIENT).clientId(args[1])
        .clientSecret(args[2]).endpoints(io.github.zohokit.auth.ZohoEndpoints.zoho()
            .withAccountsUrl(DataCenter.US, args[0]).withApiBase(DataCenter.US, args[0]))
        .tokenStore(TokenStores.file(Path.of(args[3]))).build();
    Zoho zoho = Zoho.connect(oauth);
    org.postgresql.ds.PGSimpleDataSource db = new org.postgresql.ds.PGSimpleDataSource();
    db.setURL(args[4]);
    long pause = Long.parseLong(args[5]);
    IncrementalSync sync = IncrementalSync.builder(zoho, "Leads").fields(List.of("Email"))
        .stateStore(JdbcSyncStateStore.builder(db).build()).leaseTtl(Duration.ofSeconds(1)).build();
    SyncHandler copy = batch -> {
      try (Statement s = batch.connection().createStatement()) {
        for (SyncRecord r : batch.upserts()) {
          s.executeUpdate("DELETE FROM leads WHERE id = '" + r.id() + "'");
          s.executeUpdate("INSERT INTO leads (id, version) VALUES ('" + r.id() + "', '" + r.versionKey() + "')");
        }
        for (DeletedRecord d : batch.deletes()) {
          s.executeUpdate("DELETE FROM leads WHERE id = '" + d.id() + "'");
        }
      }
      Thread.sleep(pause);
    };
    SyncReport report;
    do {
      report = sync.run(copy); // a killed worker's lease expires after its 1-second time-to-live
      if (!report.ran()) {
        Thread.sleep(200);
      }
    } while (!report.ran());
    System.out.println(report);
  }

  private static int rows(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM leads")) {
      r.next();
      return r.getInt(1);
    }
  }

  @Test
  void aWorkerKilledMidSyncLosesNothingAndTheNextOneMakesTheTableEqualToZoho() throws Exception {
    JdbcSyncStateStoreTest.postgres();
    String url = JdbcSyncStateStoreTest.postgresUrl();
    try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS leads");
      s.execute("DROP TABLE IF EXISTS zohokit_sync_state");
      s.execute("CREATE TABLE leads (id VARCHAR(40) PRIMARY KEY, version VARCHAR(60))");
    }
    try (FakeZoho fake = FakeZoho.builder().dataCenters(DataCenter.US).seedLeads(0).start()) {
      fake.sync().seed(DataCenter.US, "Leads", 3_000);
      FakeClient client = fake.registerSelfClient();
      Path tokens = dir.resolve("tokens.json");
      ZohoOAuth oauth = ZohoOAuth.builder(client.type()).clientId(client.clientId())
          .clientSecret(client.clientSecret()).endpoints(fake.endpoints()).tokenStore(TokenStores.file(tokens))
          .build();
      oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL")));
      String base = fake.baseUrl(DataCenter.US);

      Process first = worker(base, client, tokens, url, 200);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (rows(url) < 600 && first.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      first.destroyForcibly(); // SIGKILL: no shutdown hook, no finally
      first.waitFor();
      int afterKill = rows(url);
      assertThat(afterKill).isBetween(1, 2_999); // killed mid-sync

      Process second = worker(base, client, tokens, url, 0);
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isZero();

      Set<String> zohoIds = fake.sync().records(DataCenter.US, "Leads").stream().map(r -> r.path("id").asText())
          .collect(Collectors.toCollection(TreeSet::new));
      Set<String> tableIds = new TreeSet<>();
      try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
          ResultSet r = s.executeQuery("SELECT id FROM leads")) {
        while (r.next()) {
          tableIds.add(r.getString(1));
        }
      }
      assertThat(tableIds).isEqualTo(zohoIds).hasSize(3_000);
    }
  }

  private Process worker(String base, FakeClient client, Path tokens, String url, long pause) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), KillAndRestartTest.class.getName(),
        base, client.clientId(), client.clientSecret(), tokens.toString(), url, String.valueOf(pause))
        .redirectErrorStream(true).redirectOutput(dir.resolve("worker-" + pause + ".log").toFile()).start();
  }
}

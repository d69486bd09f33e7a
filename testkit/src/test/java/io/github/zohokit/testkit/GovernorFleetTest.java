package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.JdbcTokenStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Processes (separate JVMs) sharing one governor through PostgreSQL against the fake's concurrency limit of 10: no
 * 429, never more than 10 calls in flight; a process killed (SIGKILL) while it holds permits blocks the others only
 * until its leases end.
 */
class GovernorFleetTest {
  private static EmbeddedPostgres postgres;

  @RegisterExtension
  final FakeZohoExtension zoho = FakeZohoExtension.perTest();

  private String table;
  private FakeClient client;

  @BeforeAll
  static void startPostgres() throws IOException {
    postgres = EmbeddedPostgres.builder().start();
  }

  @AfterAll
  static void stopPostgres() throws IOException {
    postgres.close();
  }

  private String jdbcUrl() {
    return postgres.getJdbcUrl("postgres", "postgres");
  }

  /** A token in the shared store, as {@code mvn zoho:bootstrap-token} would leave it for the fleet. */
  private void bootstrap(FakeZoho fake) {
    table = "gov_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
    client = fake.registerSelfClient();
    JdbcTokenStore store = JdbcTokenStore.builder(postgres.getPostgresDatabase()).table(table).build();
    ZohoOAuth oauth = ZohoOAuth.selfClient(client.clientId(), client.clientSecret()).endpoints(fake.endpoints())
        .tokenStore(store).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.org.READ")));
  }

  private Process worker(FakeZoho fake, int threads, int calls, Duration lease) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        GovernorFleetWorker.class.getName(), fake.baseUrl(io.github.zohokit.token.DataCenter.US), client.clientId(),
        client.clientSecret(), jdbcUrl(), table, String.valueOf(threads), String.valueOf(calls),
        String.valueOf(lease.toMillis()), "10").redirectErrorStream(true).start();
  }

  /** The worker's output until it prints {@code until} (or ends); the lines read. */
  private static List<String> readUntil(Process process, String until) throws IOException {
    List<String> lines = new ArrayList<>();
    BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      lines.add(line);
      if (line.startsWith(until)) {
        break;
      }
    }
    return lines;
  }

  private static String done(Process process) throws Exception {
    List<String> lines = readUntil(process, "DONE");
    assertThat(process.waitFor(3, TimeUnit.MINUTES)).isTrue();
    return lines.isEmpty() ? "" : String.join("\n", lines);
  }

  @Test
  void threeProcessesShareTenPermitsWithoutA429(FakeZoho fake) throws Exception {
    bootstrap(fake);
    fake.limitConcurrency(10, 10);
    fake.apiLatency(Duration.ofMillis(5));
    List<Process> workers = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      workers.add(worker(fake, 20, 25, Duration.ofSeconds(30)));
    }
    for (Process w : workers) {
      assertThat(done(w)).endsWith("DONE ok=500 failed=0");
    }
    assertThat(fake.count("limit:concurrency")).isZero();
    assertThat(fake.maxConcurrentCalls()).isLessThanOrEqualTo(10);
    assertThat(fake.count("crm:GET /crm/v8/org")).isEqualTo(1500);
  }

  @Test
  void aProcessKilledWhileHoldingPermitsBlocksTheOthersOnlyUntilItsLeasesEnd(FakeZoho fake) throws Exception {
    bootstrap(fake);
    fake.limitConcurrency(10, 10);
    fake.apiLatency(Duration.ofMillis(1500));
    Process doomed = worker(fake, 10, 100, Duration.ofSeconds(3));
    readUntil(doomed, "STARTED");
    while (heldPermits() < 10) {
      Thread.sleep(20);
    }
    doomed.destroyForcibly(); // SIGKILL: no shutdown hook, no finally, its permits stay taken in the database
    doomed.waitFor(30, TimeUnit.SECONDS);
    assertThat(heldPermits()).as("the dead process's leases are still there").isEqualTo(10);
    fake.apiLatency(Duration.ofMillis(5));

    long start = System.nanoTime();
    Process survivor = worker(fake, 10, 10, Duration.ofSeconds(3));
    assertThat(done(survivor)).endsWith("DONE ok=100 failed=0");
    System.out.println("the survivor finished " + Duration.ofNanos(System.nanoTime() - start).toMillis()
        + " ms after the kill (leases of 3 s)");
    assertThat(fake.count("limit:concurrency")).isZero();
    assertThat(fake.maxConcurrentCalls()).isLessThanOrEqualTo(10);
  }

  private int heldPermits() throws Exception {
    try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table + "_permits WHERE pool = 'calls' AND "
            + "expires_at > " + System.currentTimeMillis())) {
      r.next();
      return r.getInt(1);
    } catch (java.sql.SQLException e) {
      return 0; // the tables are created by the first worker
    }
  }
}

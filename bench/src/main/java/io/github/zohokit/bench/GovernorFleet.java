package io.github.zohokit.bench;

import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.v8.OrgApi;
import io.github.zohokit.limits.ApiLimits;
import io.github.zohokit.store.JdbcTokenStore;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.token.DataCenter;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbPoolDataSource;

/**
 * The governor across a fleet (bench/run.sh section 7): the fake Zoho in this JVM with a concurrency limit of 10 and
 * a latency per call, then
 *
 * <ol>
 *   <li>governed: four worker JVMs × 50 threads, each call through a governor shared through MariaDB (10 permits);
 *   <li>baseline: four worker JVMs with 10 threads in all (3, 3, 2, 2) and no governor: an unthrottled run capped
 *       at 10 concurrent calls by its thread count;
 * </ol>
 *
 * each run three times, alternating, the same number of calls; it prints calls per second, the fake's 429s and its
 * observed maximum concurrency. Then what the governor adds to one call when nothing waits (the permit's round trip
 * to the ledger): one thread, no latency, without the governor, with it in this process, shared through MariaDB and
 * through H2. Args: {@code run <jdbc url> [calls per run] [latency ms]} or, internally,
 * {@code worker <fake url> <client id> <secret> <jdbc url> <table> <threads> <calls> <none|memory|shared>}.
 */
public final class GovernorFleet {
  private GovernorFleet() {}

  public static void main(String[] args) throws Exception {
    if (args[0].equals("worker")) {
      worker(args);
    } else {
      run(args[1], args.length > 2 ? Integer.parseInt(args[2]) : 6000, args.length > 3 ? Integer.parseInt(args[3]) : 20);
    }
  }

  /** The application's pooled DataSource, as the JDBC store asks for. */
  private static DataSource mariadb(String url) throws Exception {
    return new MariaDbPoolDataSource(url + (url.contains("?") ? "&" : "?") + "maxPoolSize=8");
  }

  private static void run(String jdbcUrl, int calls, int latencyMillis) throws Exception {
    String table = "bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
    try (FakeZoho fake = FakeZoho.builder().dataCenters(DataCenter.US).apiConcurrency(10, 10)
        .apiLatency(Duration.ofMillis(latencyMillis)).start()) {
      FakeClient client = fake.registerSelfClient();
      JdbcTokenStore store = JdbcTokenStore.builder(mariadb(jdbcUrl)).table(table).build();
      ZohoOAuth.selfClient(client.clientId(), client.clientSecret()).endpoints(fake.endpoints()).tokenStore(store)
          .build().selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.org.READ")));
      System.out.printf("fake Zoho: concurrency limit 10, latency %d ms per call; %d calls per run; ideal %.0f "
          + "calls/s%n", latencyMillis, calls, 10 * 1000.0 / latencyMillis);
      for (int round = 1; round <= 3; round++) {
        fleet(fake, client, jdbcUrl, table, "governed", new int[] {50, 50, 50, 50}, calls, "shared");
        fleet(fake, client, jdbcUrl, table, "baseline", new int[] {3, 3, 2, 2}, calls, "none");
        if (System.getenv("GOVERNOR_MEMORY") != null) {
          fleet(fake, client, jdbcUrl, table, "memory", new int[] {200}, calls, "memory");
        }
      }
      fake.apiLatency(Duration.ZERO);
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1");
      for (int round = 1; round <= 2; round++) {
        perCall(fake, client, "no governor", store, false, false);
        perCall(fake, client, "governor, this process", store, true, false);
        perCall(fake, client, "governor shared, MariaDB", store, true, true);
        perCall(fake, client, "governor shared, H2 in process", JdbcTokenStore.builder(h2).table(table).build(),
            true, true);
      }
    }
  }

  /** One run: the workers start and warm up, then all go at once; calls per second from go to the last done. */
  private static void fleet(FakeZoho fake, FakeClient client, String jdbcUrl, String table, String name,
      int[] threads, int calls, String governed) throws Exception {
    int total = Arrays.stream(threads).sum();
    List<Process> workers = new ArrayList<>();
    List<BufferedReader> outputs = new ArrayList<>();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int t : threads) {
      Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), GovernorFleet.class.getName(),
          "worker", fake.baseUrl(DataCenter.US), client.clientId(), client.clientSecret(), jdbcUrl, table,
          String.valueOf(t), String.valueOf(calls * t / total), String.valueOf(governed))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      workers.add(p);
      outputs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }
    for (BufferedReader out : outputs) {
      expect(out, "READY");
    }
    fake.resetObservations();
    long start = System.nanoTime();
    for (Process p : workers) {
      Writer go = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
      go.write("GO\n");
      go.flush();
    }
    int ok = 0;
    int failed = 0;
    for (BufferedReader out : outputs) {
      String[] done = expect(out, "DONE").split(" ");
      ok += Integer.parseInt(done[1]);
      failed += Integer.parseInt(done[2]);
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    for (Process p : workers) {
      p.waitFor();
    }
    int held = -1;
    try (java.sql.Connection c = mariadb(jdbcUrl).getConnection(); java.sql.Statement st = c.createStatement();
        java.sql.ResultSet r = st.executeQuery("SELECT COUNT(*) FROM " + table + "_permits WHERE expires_at > "
            + System.currentTimeMillis())) {
      r.next();
      held = r.getInt(1);
    } catch (java.sql.SQLException e) {
      held = 0; // no shared run yet: no table
    }
    System.out.printf("%-8s %-16s threads: %d calls ok, %d failed in %.2f s = %.0f calls/s; fake: 429s %d, max "
        + "concurrent %d; permits still leased after the run: %d%n", name, Arrays.toString(threads), ok, failed, seconds, ok / seconds,
        fake.count("limit:concurrency"), fake.maxConcurrentCalls(), held);
  }

  private static String expect(BufferedReader out, String prefix) throws Exception {
    String line;
    while ((line = out.readLine()) != null) {
      if (line.startsWith(prefix)) {
        return line;
      }
      System.out.println("  worker: " + line);
    }
    throw new IllegalStateException("a worker ended before " + prefix);
  }

  private static void worker(String[] a) throws Exception {
    String url = a[1];
    JdbcTokenStore store = JdbcTokenStore.builder(mariadb(a[4])).table(a[5]).build();
    int threads = Integer.parseInt(a[6]);
    int calls = Integer.parseInt(a[7]);
    ZohoOAuth.Builder builder = ZohoOAuth.selfClient(a[2], a[3])
        .endpoints(io.github.zohokit.auth.ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, url)
            .withApiBase(DataCenter.US, url))
        .tokenStore(store);
    // the same HTTP client in both runs: a pool that keeps the connections of 10 concurrent calls alive
    builder.httpClient(new okhttp3.OkHttpClient.Builder()
        .connectionPool(new okhttp3.ConnectionPool(20, 5, java.util.concurrent.TimeUnit.MINUTES)).build());
    if (!a[8].equals("none")) {
      ApiLimits.Builder limits = ApiLimits.builder().concurrency(10).detectEdition(false)
          .maxWait(Duration.ofMinutes(2));
      builder.apiLimits((a[8].equals("shared") ? limits.sharedThrough(store) : limits).build());
    }
    OrgApi org = Zoho.connect(builder.build()).api(OrgApi.class);
    for (int i = 0; i < 3; i++) {
      org.get(); // warm: token read, connection, classes
    }
    System.out.println("READY");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    AtomicInteger left = new AtomicInteger(calls);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch done = new CountDownLatch(threads);
    for (int t = 0; t < threads; t++) {
      pool.execute(() -> {
        try {
          while (left.getAndDecrement() > 0) {
            try {
              org.get();
              ok.incrementAndGet();
            } catch (RuntimeException e) {
              failed.incrementAndGet();
            }
          }
        } finally {
          done.countDown();
        }
      });
    }
    done.await();
    System.out.println("DONE " + ok + " " + failed);
    System.out.flush();
    System.exit(0);
  }

  /**
   * What the governor adds to one call: one thread, one call at a time against the fake without latency, so each
   * call takes a permit from the ledger and gives it back (no other thread to hand it to): 3,000 calls after 500 to
   * warm up, per mode, the median and p90 of the whole call.
   */
  private static void perCall(FakeZoho fake, FakeClient client, String mode, JdbcTokenStore store, boolean governed,
      boolean shared) {
    ZohoOAuth.Builder builder = ZohoOAuth.selfClient(client.clientId(), client.clientSecret())
        .endpoints(fake.endpoints()).tokenStore(store);
    if (governed) {
      ApiLimits.Builder limits = ApiLimits.builder().concurrency(10).detectEdition(false);
      builder.apiLimits((shared ? limits.sharedThrough(store) : limits).build());
    }
    ZohoOAuth oauth = builder.build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.org.READ")));
    OrgApi org = Zoho.connect(oauth).api(OrgApi.class);
    for (int i = 0; i < 500; i++) {
      org.get();
    }
    int n = 3000;
    long[] micros = new long[n];
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      org.get();
      micros[i] = (System.nanoTime() - start) / 1000;
    }
    Arrays.sort(micros);
    System.out.printf("one call, one thread, %-30s median %5d us, p90 %5d us (%d calls)%n", mode + ":", micros[n / 2],
        micros[n * 9 / 10], n);
  }
}

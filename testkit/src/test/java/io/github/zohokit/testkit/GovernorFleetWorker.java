package io.github.zohokit.testkit;

import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.v8.OrgApi;
import io.github.zohokit.limits.ApiLimits;
import io.github.zohokit.store.JdbcTokenStore;
import io.github.zohokit.token.DataCenter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One process of {@link GovernorFleetTest}: {@code threads × calls} calls of the org API through a governor shared
 * through PostgreSQL. Args: fake URL, client id, client secret, JDBC URL, table, threads, calls, lease millis,
 * concurrency. Prints {@code STARTED} once its threads run and {@code DONE ok=N failed=M} at the end.
 */
public final class GovernorFleetWorker {
  private GovernorFleetWorker() {}

  public static void main(String[] args) throws Exception {
    String url = args[0];
    PGSimpleDataSource postgres = new PGSimpleDataSource();
    postgres.setURL(args[3]);
    JdbcTokenStore store = JdbcTokenStore.builder(postgres).table(args[4]).build();
    int threads = Integer.parseInt(args[5]);
    int calls = Integer.parseInt(args[6]);
    ZohoOAuth oauth = ZohoOAuth.selfClient(args[1], args[2])
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, url).withApiBase(DataCenter.US, url))
        .tokenStore(store)
        .apiLimits(ApiLimits.builder().concurrency(Integer.parseInt(args[8])).sharedThrough(store)
            .leaseTime(Duration.ofMillis(Long.parseLong(args[7]))).maxWait(Duration.ofSeconds(60)).build())
        .build();
    OrgApi org = Zoho.connect(oauth).api(OrgApi.class);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        for (int i = 0; i < calls; i++) {
          try {
            org.get();
            ok.incrementAndGet();
          } catch (RuntimeException e) {
            failed.incrementAndGet();
            System.out.println("FAILED " + e);
          }
        }
      }));
    }
    System.out.println("STARTED");
    System.out.flush();
    for (Future<?> f : done) {
      f.get(5, TimeUnit.MINUTES);
    }
    System.out.println("DONE ok=" + ok + " failed=" + failed);
    System.out.flush();
    System.exit(0);
  }
}

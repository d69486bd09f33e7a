package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.RateLimitException;
import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.CrmRecord;
import io.github.zohokit.crm.Records;
import io.github.zohokit.crm.v8.CoqlApi;
import io.github.zohokit.crm.v8.OrgApi;
import io.github.zohokit.crm.v8.RecordsApi;
import io.github.zohokit.limits.ApiCreditsExhaustedException;
import io.github.zohokit.limits.ApiLimits;
import io.github.zohokit.token.DataCenter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The governor against the fake Zoho's limits, in one process: the fake sees it work. */
class GovernorAgainstFakeTest {
  private static final List<String> SCOPES = List.of("ZohoCRM.org.READ", "ZohoCRM.modules.ALL", "ZohoCRM.coql.READ");

  @RegisterExtension
  final FakeZohoExtension zoho = FakeZohoExtension.perTest();

  private static Zoho connect(FakeZoho fake, ApiLimits limits) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth.Builder builder = AccountsTokenEndpointTest.oauth(fake, client);
    if (limits != null) {
      builder.apiLimits(limits);
    }
    ZohoOAuth oauth = builder.build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, SCOPES));
    return Zoho.connect(oauth);
  }

  /** Runs {@code calls} calls on each of {@code threads} threads; the failures, each as its exception. */
  private static List<Throwable> inParallel(int threads, int calls, Runnable call) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Throwable> failures = java.util.Collections.synchronizedList(new ArrayList<>());
    List<Future<?>> done = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      done.add(pool.submit(() -> {
        for (int i = 0; i < calls; i++) {
          try {
            call.run();
          } catch (RuntimeException e) {
            failures.add(e);
          }
        }
      }));
    }
    for (Future<?> f : done) {
      f.get(120, TimeUnit.SECONDS);
    }
    pool.shutdown();
    return failures;
  }

  @Test
  void fiftyThreadsStayWithinTheOrganisationsConcurrency(FakeZoho fake) throws Exception {
    fake.limitConcurrency(10, 10);
    fake.apiLatency(Duration.ofMillis(10));
    OrgApi org = connect(fake, ApiLimits.builder().concurrency(10).build()).api(OrgApi.class);

    List<Throwable> failures = inParallel(50, 10, org::get);

    assertThat(failures).isEmpty();
    assertThat(fake.count("limit:concurrency")).isZero();
    assertThat(fake.maxConcurrentCalls()).isLessThanOrEqualTo(10);
    assertThat(fake.count("crm:GET /crm/v8/org")).isEqualTo(500);
  }

  @Test
  void withoutTheGovernorTheSameLoadGets429(FakeZoho fake) throws Exception {
    fake.limitConcurrency(10, 10);
    fake.apiLatency(Duration.ofMillis(10));
    OrgApi org = connect(fake, null).api(OrgApi.class);

    List<Throwable> failures = inParallel(50, 10, org::get);

    assertThat(failures).isNotEmpty().allMatch(e -> e instanceof RateLimitException);
    assertThat(fake.count("limit:concurrency")).isEqualTo(failures.size());
  }

  @Test
  void heavyCallsKeepToTheirOwnPool(FakeZoho fake) throws Exception {
    fake.limitConcurrency(10, 3);
    fake.apiLatency(Duration.ofMillis(10));
    Zoho zoho = connect(fake, ApiLimits.builder().concurrency(10).heavyConcurrency(3).build());
    CoqlApi coql = zoho.api(CoqlApi.class);
    OrgApi org = zoho.api(OrgApi.class);
    AtomicInteger n = new AtomicInteger();

    List<Throwable> failures = inParallel(20, 10, () -> {
      if (n.incrementAndGet() % 2 == 0) {
        coql.query("select Last_Name from Leads where Last_Name is not null limit 5");
      } else {
        org.get();
      }
    });

    assertThat(failures).isEmpty();
    assertThat(fake.count("limit:concurrency")).isZero();
    assertThat(fake.maxConcurrentHeavyCalls()).isLessThanOrEqualTo(3);
    assertThat(fake.count("crm:POST /crm/v8/coql")).isEqualTo(100);
  }

  @Test
  void atTheStopRuleCallsFailFastAndTheFakeSeesNoneOfThem(FakeZoho fake) {
    fake.apiCredits(100);
    OrgApi org = connect(fake, ApiLimits.builder().concurrency(10).dailyCredits(100).stopAtPercent(90).build())
        .api(OrgApi.class);
    for (int i = 0; i < 90; i++) {
      org.get();
    }
    fake.resetObservations();

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(org::get).isInstanceOf(ApiCreditsExhaustedException.class)
          .hasMessageContaining("GET /crm/v8/org was not sent: it costs 1 API credit, and 10 of the organisation's "
              + "100 daily credits are left, of which zohokit keeps back 10 (stop at 90 %")
          .hasMessageContaining("Credits free up from ");
    }
    assertThat(fake.requests()).isEmpty();
    assertThat(fake.apiCreditsUsed(DataCenter.US)).isEqualTo(90);
  }

  @Test
  void whatZohoSaysIsLeftCorrectsTheLedger(FakeZoho fake) {
    fake.apiCredits(100);
    OrgApi other = connect(fake, null).api(OrgApi.class); // another integration of the same organisation
    for (int i = 0; i < 60; i++) {
      other.get();
    }
    OrgApi org = connect(fake, ApiLimits.builder().concurrency(10).dailyCredits(100).stopAtPercent(90).build())
        .api(OrgApi.class);
    int sent = 0;
    try {
      while (sent < 100) {
        org.get();
        sent++;
      }
    } catch (ApiCreditsExhaustedException expected) {
      // the stop rule
    }
    assertThat(sent).isEqualTo(30);
    assertThat(fake.apiCreditsUsed(DataCenter.US)).isEqualTo(90);
  }

  @Test
  void after429GetsWaitOutOneCoolDownAndPostsAreNeverSentAgain(FakeZoho fake) throws Exception {
    fake.limitConcurrency(2, 0); // the organisation allows fewer calls than the governor was told
    fake.apiLatency(Duration.ofMillis(20));
    Zoho zoho = connect(fake, ApiLimits.builder().concurrency(6)
        .coolDown(Duration.ofMillis(20), Duration.ofMillis(200)).build());
    OrgApi org = zoho.api(OrgApi.class);
    RecordsApi records = zoho.api(RecordsApi.class);

    List<Throwable> getFailures = inParallel(6, 5, org::get);
    assertThat(getFailures).isEmpty();
    assertThat(fake.count("limit:concurrency")).isPositive();

    fake.resetObservations();
    AtomicInteger inserts = new AtomicInteger();
    List<Throwable> postFailures = inParallel(6, 5, () -> {
      inserts.incrementAndGet();
      records.insert("Leads", Records.of(List.of(CrmRecord.of(java.util.Map.of("Last_Name", "Lee")))));
    });
    assertThat(postFailures).allMatch(e -> e instanceof RateLimitException);
    assertThat(fake.count("crm:POST /crm/v8/Leads") + fake.count("limit:concurrency"))
        .as("each insert reached the fake once: none was sent again").isEqualTo(inserts.get());
  }
}

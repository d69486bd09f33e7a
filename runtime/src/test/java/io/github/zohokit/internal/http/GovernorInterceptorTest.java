package io.github.zohokit.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.RateLimitException;
import io.github.zohokit.limits.ApiCreditsExhaustedException;
import io.github.zohokit.limits.ApiLimits;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The governor in front of a scripted Zoho. */
class GovernorInterceptorTest {
  private final MockWebServer server = new MockWebServer();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final AtomicInteger tooMany = new AtomicInteger();
  private volatile Dispatcher answers;

  @BeforeEach
  void start() throws IOException {
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        seen.add(request.getMethod() + " " + request.getUrl().encodedPath());
        return answers.dispatch(request);
      }
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private OkHttpClient http(ApiLimits limits) {
    return new OkHttpClient.Builder().addInterceptor(new GovernorInterceptor(limits,
        new InMemoryLedger(Clock.systemUTC()), Clock.systemUTC(), false)).build();
  }

  private Response call(OkHttpClient http, String method, String path) throws IOException {
    return http.newCall(new Request.Builder().url(server.url(path))
        .method(method, method.equals("GET") ? null : RequestBody.create("{\"data\":[{}]}",
            MediaType.get("application/json"))).build()).execute();
  }

  private static MockResponse ok(String body) {
    return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build();
  }

  private static MockResponse tooManyRequests() {
    return new MockResponse.Builder().code(429).setHeader("Content-Type", "application/json")
        .body("{\"code\":\"TOO_MANY_REQUESTS\",\"details\":{},\"message\":\"too many requests\",\"status\":\"error\"}")
        .build();
  }

  @Test
  void theEditionAndUsersAreReadFromTheOrgApiOnce() throws IOException {
    answers = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return ok(request.getUrl().encodedPath().equals("/crm/v8/org") ? "{\"org\":[{\"license_details\":"
            + "{\"paid\":true,\"paid_type\":\"enterprise\",\"trial_type\":null,\"users_license_purchased\":10}}]}"
            : "{\"data\":[]}");
      }
    };
    List<String> sizes = new CopyOnWriteArrayList<>();
    List<Long> credits = new CopyOnWriteArrayList<>();
    OkHttpClient http = http(ApiLimits.builder().headroom(2).listener(new ApiLimits.Listener() {
      @Override
      public void permitsInUse(String pool, int inUse, int size) {
        sizes.add(pool + "=" + size);
      }

      @Override
      public void creditsRemaining(long remaining, long dailyCredits) {
        credits.add(dailyCredits);
      }
    }).build());
    call(http, "GET", "/crm/v8/Leads").close();
    call(http, "GET", "/crm/v8/Leads").close();

    assertThat(seen).containsExactly("GET /crm/v8/org", "GET /crm/v8/Leads", "GET /crm/v8/Leads");
    assertThat(sizes).contains("calls=18"); // Enterprise 20, minus the headroom of 2
    assertThat(credits).contains(60_000L); // 50,000 + 10 users x 1,000
  }

  @Test
  void theLicenseNamesTheEdition() throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    assertThat(GovernorInterceptor.edition(json.readTree("{\"paid\":true,\"paid_type\":\"professional\"}")))
        .isEqualTo(ApiLimits.Edition.PROFESSIONAL);
    assertThat(GovernorInterceptor.edition(json.readTree(
        "{\"paid\":false,\"paid_type\":\"free\",\"trial_type\":\"enterprise\"}"))).isEqualTo(ApiLimits.Edition.ENTERPRISE);
    assertThat(GovernorInterceptor.edition(json.readTree("{\"paid\":true,\"paid_type\":\"Zoho One\"}")))
        .isEqualTo(ApiLimits.Edition.ENTERPRISE);
    assertThat(GovernorInterceptor.edition(json.readTree("{\"paid\":true,\"paid_type\":\"CRM Plus\"}")))
        .isEqualTo(ApiLimits.Edition.ULTIMATE);
    assertThat(GovernorInterceptor.edition(json.readTree("{\"paid\":true,\"paid_type\":\"standard\"}")))
        .isEqualTo(ApiLimits.Edition.STANDARD);
    assertThat(GovernorInterceptor.edition(json.readTree("{\"paid\":true,\"paid_type\":\"?\"}"))).isNull();
  }

  @Test
  void withoutTheOrgScopeTheConfiguredEditionIsUsed() throws IOException {
    answers = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getUrl().encodedPath().equals("/crm/v8/org") ? new MockResponse.Builder().code(401)
            .body("{\"code\":\"OAUTH_SCOPE_MISMATCH\"}").build() : ok("{}");
      }
    };
    List<String> sizes = new CopyOnWriteArrayList<>();
    OkHttpClient http = http(ApiLimits.builder().edition(ApiLimits.Edition.PROFESSIONAL)
        .listener(new ApiLimits.Listener() {
          @Override
          public void permitsInUse(String pool, int inUse, int size) {
            sizes.add(pool + "=" + size);
          }
        }).build());
    try (Response response = call(http, "GET", "/crm/v8/Leads")) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(sizes).contains("calls=15");
  }

  @Test
  void aGetIsSentAgainAfterTheCoolDownAndAPostNever() throws IOException {
    AtomicInteger n = new AtomicInteger();
    answers = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return n.incrementAndGet() % 2 == 1 ? tooManyRequests() : ok("{}");
      }
    };
    OkHttpClient http = http(ApiLimits.builder().concurrency(5).coolDown(Duration.ofMillis(20), Duration.ofMillis(40))
        .listener(new ApiLimits.Listener() {
          @Override
          public void tooManyRequests() {
            tooMany.incrementAndGet();
          }
        }).build());
    try (Response get = call(http, "GET", "/crm/v8/Leads")) {
      assertThat(get.code()).isEqualTo(200);
    }
    try (Response post = call(http, "POST", "/crm/v8/Leads")) {
      assertThat(post.code()).isEqualTo(429);
    }
    assertThat(seen).containsExactly("GET /crm/v8/Leads", "GET /crm/v8/Leads", "POST /crm/v8/Leads");
    assertThat(tooMany).hasValue(2);
  }

  @Test
  void theStopRuleRefusesACallBeforeItIsSent() throws IOException {
    answers = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return ok("{}");
      }
    };
    OkHttpClient http = http(ApiLimits.builder().concurrency(5).dailyCredits(10).stopAtPercent(50).build());
    for (int i = 0; i < 5; i++) {
      call(http, "GET", "/crm/v8/Leads").close();
    }
    assertThatThrownBy(() -> call(http, "GET", "/crm/v8/Leads"))
        .isInstanceOf(LimitRefusedException.class)
        .satisfies(e -> {
          ApiCreditsExhaustedException refused = (ApiCreditsExhaustedException) ((LimitRefusedException) e).zohoCause();
          assertThat(refused.remaining()).isEqualTo(5);
          assertThat(refused.dailyCredits()).isEqualTo(10);
          assertThat(refused.freesUpAt()).isNotNull();
          assertThat(refused.retryAfter()).isPresent();
          assertThat(refused).hasMessageContaining("GET /crm/v8/Leads was not sent: it costs 1 API credit, and 5 of "
              + "the organisation's 10 daily credits are left, of which zohokit keeps back 5 (stop at 50 %");
        });
    assertThat(seen).hasSize(5);
  }

  @Test
  void aCallThatGetsNoPermitWithinTheWaitIsNotSent() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    answers = new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        release.await(10, TimeUnit.SECONDS);
        return ok("{}");
      }
    };
    OkHttpClient http = http(ApiLimits.builder().concurrency(1).maxWait(Duration.ofMillis(100)).build());
    Thread holder = new Thread(() -> {
      try {
        call(http, "GET", "/crm/v8/Leads").close();
      } catch (IOException ignored) {
        // the test fails below if it did not get through
      }
    });
    holder.start();
    while (seen.isEmpty()) {
      Thread.sleep(5);
    }
    assertThatThrownBy(() -> call(http, "GET", "/crm/v8/Users"))
        .isInstanceOf(LimitRefusedException.class)
        .satisfies(e -> assertThat(((LimitRefusedException) e).zohoCause()).isInstanceOf(RateLimitException.class)
            .hasMessageContaining("GET /crm/v8/Users was not sent: all 1 permits of the organisation's concurrent "
                + "calls stayed taken for PT0.1S"));
    release.countDown();
    holder.join();
    assertThat(seen).containsExactly("GET /crm/v8/Leads");
  }
}

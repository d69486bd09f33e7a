package io.github.zohokit.internal.http;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.RateLimitException;
import io.github.zohokit.RetryPolicy;
import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.internal.call.Decoder;
import io.github.zohokit.internal.call.ZohoCall;
import io.github.zohokit.internal.call.ZohoCalls;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.Calls;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The opt-in retries of API calls (issue 26 item 12): 5xx, 429 and timeouts of idempotent requests, with a capped
 * exponential back-off and jitter, bounded in attempts and time; never a POST.
 */
class RetryPolicyTest {
  private static final String UNAVAILABLE = "{\"code\":\"INTERNAL_ERROR\",\"details\":{},\"message\":\"down\","
      + "\"status\":\"error\"}";
  private static final String TOO_MANY = "{\"code\":\"TOO_MANY_REQUESTS\",\"details\":{},\"message\":\"slow down\","
      + "\"status\":\"error\"}";
  private static final RetryPolicy FAST = RetryPolicy.idempotent().backoff(Duration.ofMillis(1), Duration.ofMillis(5));

  private final MockWebServer api = new MockWebServer();
  private final Decoder<JsonNode> decoder = Decoder.whole(new ObjectMapper(), JsonNode.class);

  @BeforeEach
  void start() throws Exception {
    api.start();
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ZohoOAuth oauth(RetryPolicy policy, OkHttpClient http) throws Exception {
    TokenStore store = TokenStores.inMemory();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of(ACCESS_TOKEN)).expiresAt(Instant.now().plusSeconds(3600))
        .dataCenter(DataCenter.US).build());
    return ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).retryPolicy(policy).httpClient(http)
        .endpoints(ZohoEndpoints.zoho().withApiBase(DataCenter.US, api.url("/").toString())).tokenStore(store)
        .build();
  }

  private ZohoCalls calls(RetryPolicy policy) throws Exception {
    return Calls.of(oauth(policy, new OkHttpClient()));
  }

  private JsonNode call(ZohoCalls calls, String method) {
    ZohoCall call = calls.start(Calls.route(method, "/crm/v8/Leads", "ZohoCRM.modules.leads.ALL"));
    if (method.equals("POST") || method.equals("PUT")) {
      call.body(new ObjectMapper().writer(), Map.of("data", List.of(Map.of("Last_Name", "Ng"))));
    }
    return call.fetch(decoder);
  }

  @Test
  void aGetAnswered503IsSentAgainAndSucceeds() throws Exception {
    api.enqueue(json(503, UNAVAILABLE));
    api.enqueue(json("{\"data\":[{\"id\":\"1\"}]}"));

    assertThat(call(calls(FAST), "GET").path("data").get(0).path("id").asText()).isEqualTo("1");
    assertThat(api.getRequestCount()).isEqualTo(2);
  }

  @Test
  void withoutAPolicyNothingIsSentAgain() throws Exception {
    api.enqueue(json(503, UNAVAILABLE));
    api.enqueue(json("{\"data\":[]}"));

    assertThatThrownBy(() -> call(calls(RetryPolicy.none()), "GET")).isInstanceOf(ZohoUnavailableException.class);
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aPostIsNeverSentAgain() throws Exception {
    ZohoCalls calls = calls(FAST.withPutAndDelete().maxAttempts(5));
    api.enqueue(json(503, UNAVAILABLE));
    api.enqueue(json(201, "{\"data\":[{\"code\":\"SUCCESS\"}]}"));

    assertThatThrownBy(() -> call(calls, "POST")).isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("HTTP 503");
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void putAndDeleteAreSentAgainOnlyWhenThePolicySaysSo() throws Exception {
    for (String method : List.of("PUT", "DELETE")) {
      api.enqueue(json(503, UNAVAILABLE));
      api.enqueue(json("{\"data\":[]}"));
      assertThatThrownBy(() -> call(calls(FAST), method)).isInstanceOf(ZohoUnavailableException.class);
      call(calls(FAST), method); // takes the answer a retry would have had

      api.enqueue(json(503, UNAVAILABLE));
      api.enqueue(json("{\"data\":[]}"));
      call(calls(FAST.withPutAndDelete()), method);
    }
    assertThat(api.getRequestCount()).as("per method: one, then one, then two").isEqualTo(8);
  }

  @Test
  void attemptsAreBounded() throws Exception {
    for (int i = 0; i < 5; i++) {
      api.enqueue(json(500, UNAVAILABLE));
    }

    assertThatThrownBy(() -> call(calls(FAST.maxAttempts(3)), "GET")).isInstanceOf(ZohoUnavailableException.class)
        .satisfies(e -> assertThat(((ZohoUnavailableException) e).status()).hasValue(500));
    assertThat(api.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRateLimitIsWaitedOutAndRetried() throws Exception {
    api.enqueue(json(429, TOO_MANY));
    api.enqueue(json("{\"data\":[]}"));

    call(calls(FAST), "GET");
    assertThat(api.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aRetryAfterLongerThanTheLongestBackOffIsNotWaitedFor() throws Exception {
    api.enqueue(json(429, TOO_MANY).newBuilder().setHeader("Retry-After", "120").build());
    api.enqueue(json("{\"data\":[]}"));

    assertThatThrownBy(() -> call(calls(FAST), "GET")).isInstanceOf(RateLimitException.class)
        .satisfies(e -> assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofSeconds(120)));
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void aTimeoutIsRetried() throws Exception {
    ZohoCalls calls = Calls.of(oauth(FAST.maxAttempts(2), new OkHttpClient.Builder()
        .readTimeout(Duration.ofMillis(200)).build()));
    // the first two time out: the interceptor's immediate resend of a GET, then the policy's retry succeeds
    api.enqueue(json("{}").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    api.enqueue(json("{}").newBuilder().headersDelay(2, TimeUnit.SECONDS).build());
    api.enqueue(json("{\"data\":[]}"));

    assertThat(call(calls, "GET").has("data")).isTrue();
    assertThat(api.getRequestCount()).isEqualTo(3);
  }

  @Test
  void theApplicationsHttpClientIsRetriedToo() throws Exception {
    OkHttpClient http = Zoho.connect(oauth(FAST, new OkHttpClient())).httpClient();
    api.enqueue(json(502, UNAVAILABLE));
    api.enqueue(json("{\"data\":[]}"));

    try (Response response = http.newCall(new Request.Builder().url(api.url("/crm/v8/Leads")).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(api.getRequestCount()).isEqualTo(2);
  }

  // --- the back-off, with a recorded sleeper and a clock that moves only when it sleeps ---

  private final List<Duration> slept = new ArrayList<>();
  private final AtomicLong nanos = new AtomicLong();

  private RetryInterceptor recording(RetryPolicy policy, double random) {
    return new RetryInterceptor(policy, d -> {
      slept.add(d);
      nanos.addAndGet(d.toNanos());
    }, nanos::get, () -> random);
  }

  private int send(RetryInterceptor interceptor) throws Exception {
    OkHttpClient http = new OkHttpClient.Builder().addInterceptor(interceptor).build();
    try (Response response = http.newCall(new Request.Builder().url(api.url("/crm/v8/Leads")).build()).execute()) {
      return response.code();
    }
  }

  @Test
  void theBackOffDoublesUpToItsCapWithJitterBetweenHalfAndAll() {
    RetryPolicy policy = RetryPolicy.idempotent().backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
    List<Long> most = new ArrayList<>();
    List<Long> least = new ArrayList<>();
    for (int attempt = 1; attempt <= 40; attempt++) {
      most.add(recording(policy, 0.999999).delay(attempt, null).toMillis());
      least.add(recording(policy, 0).delay(attempt, null).toMillis());
    }

    assertThat(most.subList(0, 5)).containsExactly(99L, 199L, 399L, 799L, 999L);
    assertThat(least.subList(0, 5)).containsExactly(50L, 100L, 200L, 400L, 500L);
    assertThat(most).allMatch(ms -> ms <= 1000);
    assertThat(least.subList(4, 40)).allMatch(ms -> ms == 500);
  }

  @Test
  void noAttemptStartsAfterTheTimeBudget() throws Exception {
    for (int i = 0; i < 10; i++) {
      api.enqueue(json(503, UNAVAILABLE));
    }
    RetryPolicy policy = RetryPolicy.idempotent().maxAttempts(10)
        .backoff(Duration.ofMillis(400), Duration.ofMillis(400)).maxElapsed(Duration.ofSeconds(1));

    assertThat(send(recording(policy, 1.0))).isEqualTo(503);
    // 400 ms, 400 ms; a third wait would end at 1.2 s
    assertThat(slept).containsExactly(Duration.ofMillis(400), Duration.ofMillis(400));
    assertThat(api.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aShortRetryAfterIsWaitedForWhenLongerThanTheBackOff() throws Exception {
    api.enqueue(json(503, UNAVAILABLE).newBuilder().setHeader("Retry-After", "2").build());
    api.enqueue(json("{}"));

    assertThat(send(recording(RetryPolicy.idempotent(), 1.0))).isEqualTo(200);
    assertThat(slept).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void aRetryAfterOverTheCapIsNotWaitedForEvenWithinTheTimeBudget() throws Exception {
    api.enqueue(json(503, UNAVAILABLE).newBuilder().setHeader("Retry-After", "120").build());
    api.enqueue(json("{}"));

    assertThat(send(recording(RetryPolicy.idempotent().maxElapsed(Duration.ofMinutes(10)), 1.0))).isEqualTo(503);
    assertThat(slept).isEmpty();
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void anInterruptDuringTheWaitEndsTheCall() {
    api.enqueue(json(503, UNAVAILABLE));
    api.enqueue(json("{}"));
    RetryInterceptor interrupted = new RetryInterceptor(RetryPolicy.idempotent(), d -> {
      throw new InterruptedException();
    }, System::nanoTime, () -> 0.5);

    assertThatThrownBy(() -> send(interrupted)).isInstanceOf(InterruptedIOException.class)
        .hasMessageContaining("GET /crm/v8/Leads again (attempt 2 of 3)");
    assertThat(Thread.interrupted()).as("the interrupt is kept (and cleared here)").isTrue();
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void thePolicyRefusesNonsense() {
    assertThatThrownBy(() -> RetryPolicy.idempotent().maxAttempts(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.idempotent().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.idempotent().maxElapsed(Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> RetryPolicy.none().maxAttempts(3)).isInstanceOf(IllegalStateException.class);
    assertThat(RetryPolicy.idempotent().retries("get")).isTrue();
    assertThat(RetryPolicy.idempotent().retries("POST")).isFalse();
    assertThat(RetryPolicy.idempotent().withPutAndDelete().retries("POST")).isFalse();
    assertThat(RetryPolicy.idempotent().withPutAndDelete().retries("PATCH")).isFalse();
    assertThat(RetryPolicy.idempotent().maxAttempts(1).retries("GET")).isFalse();
    assertThat(RetryPolicy.none().retries("GET")).isFalse();
  }
}

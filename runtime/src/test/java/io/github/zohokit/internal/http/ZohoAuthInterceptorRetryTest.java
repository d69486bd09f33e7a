package io.github.zohokit.internal.http;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN_2;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.form;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.Zoho;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.store.TokenStores;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
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
import okhttp3.ResponseBody;
import okio.BufferedSink;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The interceptor's retry on a rejected token against real HTTP servers: what it does not retry (a one-shot body),
 * that the rejected answer is closed before the retry is sent, and where it sends requests that are almost, but not
 * quite, on the user's API base.
 */
@Timeout(30)
class ZohoAuthInterceptorRetryTest {
  private static final String INVALID_TOKEN =
      "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\",\"status\":\"error\"}";
  private static final MediaType JSON = MediaType.get("application/json");

  private final MockWebServer accounts = new MockWebServer();
  private final MockWebServer api = new MockWebServer();
  private final MockWebServer elsewhere = new MockWebServer();
  private final TokenStore store = TokenStores.inMemory();
  private final AtomicInteger refreshes = new AtomicInteger();

  private Zoho connect(String apiBase) throws Exception {
    accounts.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        refreshes.incrementAndGet();
        return "refresh_token".equals(form(request).get("grant_type"))
            ? json("{\"access_token\":\"" + ACCESS_TOKEN_2 + "\",\"expires_in\":3600}")
            : json("{\"error\":\"invalid_client\"}");
      }
    });
    accounts.start();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(Instant.now().plusSeconds(3000)).scopes(Scope.parseList("ZohoCRM.modules.leads.ALL"))
        .apiDomain("https://www.zohoapis.eu").accountsServer("https://accounts.zoho.eu").dataCenter(DataCenter.EU)
        .build());
    ZohoOAuth oauth = ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).dataCenter(DataCenter.EU)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.EU, accounts.url("/").toString())
            .withApiBase(DataCenter.EU, apiBase))
        .tokenStore(store).build();
    return Zoho.connect(oauth);
  }

  @AfterEach
  void stop() {
    accounts.close();
    api.close();
    elsewhere.close();
  }

  /** A body that can be written once only (a stream being uploaded). */
  private static RequestBody oneShot(String content) {
    return new RequestBody() {
      @Override
      public MediaType contentType() {
        return JSON;
      }

      @Override
      public void writeTo(BufferedSink sink) throws java.io.IOException {
        sink.writeUtf8(content);
      }

      @Override
      public boolean isOneShot() {
        return true;
      }
    };
  }

  @Test
  void aRejectedTokenOnARequestWithAOneShotBodyIsReturnedNotRetried() throws Exception {
    api.start();
    Zoho zoho = connect(api.url("/").toString());
    api.enqueue(json(401, INVALID_TOKEN));
    api.enqueue(json("{\"data\":[]}"));
    try (Response response = zoho.httpClient().newCall(new Request.Builder()
        .url("https://www.zohoapis.com/crm/v8/Leads").post(oneShot("{\"data\":[]}")).build()).execute()) {
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.body().string()).contains("INVALID_TOKEN");
    }
    assertThat(api.getRequestCount()).isEqualTo(1);
    assertThat(refreshes).as("nothing renewed for a request that is not retried").hasValue(0);
  }

  @Test
  void aRejectedTokenOnARequestWithARepeatableBodyIsRetriedWithTheSameBody() throws Exception {
    api.start();
    Zoho zoho = connect(api.url("/").toString());
    api.enqueue(json(401, INVALID_TOKEN));
    api.enqueue(json("{\"data\":[]}"));
    try (Response response = zoho.httpClient().newCall(new Request.Builder()
        .url("https://www.zohoapis.com/crm/v8/Leads").post(RequestBody.create("{\"data\":[1]}", JSON)).build())
        .execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    api.takeRequest();
    RecordedRequest retry = api.takeRequest();
    assertThat(retry.getHeaders().get("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS_TOKEN_2);
    assertThat(retry.getBody().utf8()).isEqualTo("{\"data\":[1]}");
  }

  @Test
  void theRejectedAnswerIsClosedBeforeTheRetryIsSent() throws Exception {
    api.start();
    Zoho zoho = connect(api.url("/").toString());
    // larger than the interceptor peeks at, so only closing the answer ends its exchange (a smaller one is read to
    // its end by the peek, and its connection is reused whether or not it is closed). The order is observed
    // directly rather than through the connection index: reuse after a close depends on OkHttp discarding the
    // unread rest within 100 ms, a timing this test must not depend on.
    api.enqueue(json(401, INVALID_TOKEN + " ".repeat(40_000)));
    api.enqueue(json("{\"data\":[]}"));
    List<String> events = new CopyOnWriteArrayList<>();
    OkHttpClient client = zoho.httpClient().newBuilder().addNetworkInterceptor(chain -> {
      events.add("sent " + chain.request().header("Authorization"));
      Response response = chain.proceed(chain.request());
      int n = events.size();
      ResponseBody body = response.body();
      BufferedSource watched = Okio.buffer(new ForwardingSource(body.source()) {
        @Override
        public void close() throws java.io.IOException {
          events.add("closed answer " + n);
          super.close();
        }
      });
      return response.newBuilder().body(ResponseBody.create(watched, body.contentType(), body.contentLength()))
          .build();
    }).build();
    try (Response response = client.newCall(new Request.Builder()
        .url("https://www.zohoapis.com/crm/v8/Leads").build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    assertThat(events).startsWith("sent Zoho-oauthtoken " + ACCESS_TOKEN, "closed answer 1",
        "sent Zoho-oauthtoken " + ACCESS_TOKEN_2);
    assertThat(api.getRequestCount()).isEqualTo(2);
  }

  // ---- a URL is kept only when it is on the base: scheme, host, port and path prefix all count ----

  @Test
  void aUrlThatDiffersFromTheBaseOnlyInItsPortIsRouted() throws Exception {
    api.start();
    elsewhere.start();
    Zoho zoho = connect(api.url("/").toString());
    api.enqueue(json("{}"));
    String url = api.url("/crm/v8/Leads").newBuilder().port(elsewhere.getPort()).build().toString();
    get(zoho, url);
    assertThat(api.takeRequest().getUrl().encodedPath()).isEqualTo("/crm/v8/Leads");
    assertThat(elsewhere.getRequestCount()).isZero();
  }

  @Test
  void aUrlThatDiffersFromTheBaseOnlyInItsHostIsRouted() throws Exception {
    api.start();
    Zoho zoho = connect(api.url("/").toString());
    api.enqueue(json("{}"));
    // same server, other name: the Host header says where the request was meant to go
    String other = api.url("/").host().equals("localhost") ? "127.0.0.1" : "localhost";
    get(zoho, api.url("/crm/v8/Leads").newBuilder().host(other).build().toString());
    assertThat(api.takeRequest().getHeaders().get("Host")).startsWith(api.url("/").host() + ":");
  }

  @Test
  void aUrlThatDiffersFromTheBaseOnlyInItsSchemeIsRouted() throws Exception {
    api.start();
    Zoho zoho = connect(api.url("/").toString());
    api.enqueue(json("{}"));
    get(zoho, api.url("/crm/v8/Leads").newBuilder().scheme("https").build().toString());
    RecordedRequest request = api.takeRequest();
    assertThat(request.getUrl().scheme()).isEqualTo("http");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/crm/v8/Leads");
  }

  @Test
  void aUrlOnTheBasesOriginButOutsideItsPathPrefixIsMovedUnderThePrefix() throws Exception {
    api.start();
    Zoho zoho = connect(api.url("/fake-zoho/").toString());
    api.enqueue(json("{}"));
    get(zoho, api.url("/crm/v8/Leads?a=b").toString());
    RecordedRequest request = api.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/fake-zoho/crm/v8/Leads");
    assertThat(request.getUrl().queryParameter("a")).isEqualTo("b");
  }

  @Test
  void aUrlAlreadyUnderTheBasesPathPrefixIsKept() throws Exception {
    api.start();
    Zoho zoho = connect(api.url("/fake-zoho/").toString());
    api.enqueue(json("{}"));
    get(zoho, api.url("/fake-zoho/crm/v8/Leads").toString());
    assertThat(api.takeRequest().getUrl().encodedPath()).isEqualTo("/fake-zoho/crm/v8/Leads");
  }

  @Test
  void aPathThatOnlyStartsWithTheTextOfAPrefixWithoutSlashIsNotUnderIt() throws Exception {
    api.start();
    Zoho zoho = connect(api.url("/fake-zoho").toString());
    api.enqueue(json("{}"));
    get(zoho, api.url("/fake-zohoX/crm/v8/Leads").toString());
    assertThat(api.takeRequest().getUrl().encodedPath()).isEqualTo("/fake-zoho/fake-zohoX/crm/v8/Leads");
  }

  private static void get(Zoho zoho, String url) throws Exception {
    try (Response response = zoho.httpClient().newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
  }
}

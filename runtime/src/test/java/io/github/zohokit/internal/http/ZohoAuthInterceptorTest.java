package io.github.zohokit.internal.http;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN_2;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.form;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.ScopeMismatchException;
import io.github.zohokit.Zoho;
import io.github.zohokit.internal.session.Authorization;
import io.github.zohokit.ZohoException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZohoAuthInterceptorTest {
  private static final String INVALID_TOKEN =
      "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\",\"status\":\"error\"}";
  private static final String SCOPE_MISMATCH = "{\"code\":\"OAUTH_SCOPE_MISMATCH\",\"details\":{},\"message\":"
      + "\"The access token you have used to make this API call does not have the required scope.\","
      + "\"status\":\"error\"}";

  private final MockWebServer accounts = new MockWebServer();
  private final MockWebServer api = new MockWebServer();
  private final TokenStore store = TokenStores.inMemory();
  private final AtomicInteger refreshes = new AtomicInteger();
  private Zoho zoho;

  @BeforeEach
  void start() throws Exception {
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
    api.start();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(Instant.now().plusSeconds(3000)).scopes(Scope.parseList("ZohoCRM.modules.leads.READ"))
        .apiDomain("https://www.zohoapis.eu").accountsServer("https://accounts.zoho.eu").dataCenter(DataCenter.EU)
        .build());
    ZohoOAuth oauth = ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).dataCenter(DataCenter.EU)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.EU, accounts.url("/").toString())
            .withApiBase(DataCenter.EU, api.url("/").toString()))
        .tokenStore(store).build();
    zoho = Zoho.connect(oauth);
  }

  @AfterEach
  void stop() {
    accounts.close();
    api.close();
  }

  private Response get(String pathAndQuery) throws Exception {
    return zoho.httpClient().newCall(new Request.Builder()
        .url("https://www.zohoapis.com" + pathAndQuery).build()).execute();
  }

  @Test
  void addsZohosHeaderAndRoutesToTheUsersApiDomain() throws Exception {
    api.enqueue(json("{\"data\":[]}"));
    try (Response response = get("/crm/v8/Leads?fields=Last_Name,Email")) {
      assertThat(response.code()).isEqualTo(200);
    }
    RecordedRequest request = api.takeRequest();
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS_TOKEN);
    assertThat(request.getUrl().encodedPath()).isEqualTo("/crm/v8/Leads");
    assertThat(request.getUrl().queryParameter("fields")).isEqualTo("Last_Name,Email");
    assertThat(refreshes).hasValue(0);
  }

  @Test
  void invalidTokenIsRefreshedAtTheTokensAccountsServerAndRetriedOnce() throws Exception {
    api.enqueue(json(401, INVALID_TOKEN));
    api.enqueue(json("{\"data\":[{\"id\":\"1\"}]}"));
    try (Response response = get("/crm/v8/Leads/1")) {
      assertThat(response.code()).isEqualTo(200);
      assertThat(response.body().string()).contains("\"id\":\"1\"");
    }
    assertThat(api.takeRequest().getHeaders().get("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS_TOKEN);
    assertThat(api.takeRequest().getHeaders().get("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS_TOKEN_2);
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void aSecondRejectionIsReturnedNotRetriedAgain() throws Exception {
    api.enqueue(json(401, INVALID_TOKEN));
    api.enqueue(json(401, INVALID_TOKEN));
    api.enqueue(json("{}"));
    try (Response response = get("/crm/v8/Leads")) {
      assertThat(response.code()).isEqualTo(401);
      ZohoException error = decode(response, "GET /crm/v8/Leads", List.of("ZohoCRM.modules.leads.READ"));
      assertThat(error).hasMessageContaining("INVALID_TOKEN").hasMessageContaining("even after zohokit renewed it");
    }
    assertThat(api.getRequestCount()).isEqualTo(2);
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void scopeMismatchIsNeverRefreshedAndNamesTheMissingScope() throws Exception {
    api.enqueue(json(401, SCOPE_MISMATCH));
    try (Response response = get("/crm/v8/Leads")) {
      ZohoException error = decode(response, "POST /crm/v8/Leads",
          List.of("ZohoCRM.modules.leads.CREATE"));
      assertThat(error).isInstanceOf(ScopeMismatchException.class)
          .hasMessageContaining("POST /crm/v8/Leads failed: HTTP 401 OAUTH_SCOPE_MISMATCH")
          .hasMessageContaining("lacks a scope this call needs: ZohoCRM.modules.leads.CREATE")
          .hasMessageContaining("granted: [ZohoCRM.modules.leads.READ]");
      assertThat(((ScopeMismatchException) error).requiredScopes()).containsExactly("ZohoCRM.modules.leads.CREATE");
    }
    assertThat(refreshes).hasValue(0);
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void withoutATokenTheCallFailsWithTheReason() {
    Zoho stranger = zoho.forUser("nobody");
    assertThatThrownBy(() -> stranger.httpClient().newCall(new Request.Builder()
        .url("https://www.zohoapis.com/crm/v8/Leads").build()).execute())
        .isInstanceOf(TokenUnavailableException.class)
        .satisfies(e -> assertThat(((TokenUnavailableException) e).zohoCause())
            .isInstanceOf(ReauthorizationRequiredException.class)
            .hasMessageContaining("No token is stored for " + CLIENT_ID + "/nobody"));
    assertThat(api.getRequestCount()).isZero();
  }

  @Test
  void routingKeepsAPathPrefixOfTheBase() {
    HttpUrl routed = ZohoAuthInterceptor.route(HttpUrl.get("https://www.zohoapis.com/crm/v8/Leads?a=b"),
        HttpUrl.get("http://localhost:8080/fake-zoho/"));
    assertThat(routed.toString()).isEqualTo("http://localhost:8080/fake-zoho/crm/v8/Leads?a=b");
    assertThat(ZohoAuthInterceptor.route(routed, HttpUrl.get("http://localhost:8080/fake-zoho/")))
        .isEqualTo(routed);
  }

  /** The error of a failed answer, as generated calls decode it: with the scopes of the token the request carried. */
  private static ZohoException decode(Response response, String operation, List<String> scopes) {
    return ZohoErrorDecoder.decode(response, operation, scopes,
        response.request().tag(Authorization.class).token().scopes());
  }
}

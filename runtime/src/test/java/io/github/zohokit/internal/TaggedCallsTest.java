package io.github.zohokit.internal;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN_2;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zohokit.ScopeMismatchException;
import io.github.zohokit.internal.session.Authorization;
import io.github.zohokit.internal.session.Session;
import io.github.zohokit.internal.session.SessionHttp;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.internal.call.Decoder;
import io.github.zohokit.internal.call.Route;
import io.github.zohokit.internal.call.ZohoCalls;
import io.github.zohokit.testing.Calls;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The path of generated calls: built on the user's {@link Authorization}, tagged with it, sent with its token; the
 * 401 retry and error decoding use the authorization of the request actually sent, with no reach-back.
 */
class TaggedCallsTest {
  private static final String INVALID_TOKEN = "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid\","
      + "\"status\":\"error\"}";
  private static final String SCOPE_MISMATCH = "{\"code\":\"OAUTH_SCOPE_MISMATCH\",\"details\":{},\"message\":"
      + "\"no scope\",\"status\":\"error\"}";
  private static final Route LEADS = Calls.route("GET", "/crm/v8/Leads", "ZohoCRM.modules.leads.READ");

  private final MockWebServer accounts = new MockWebServer();
  private final MockWebServer api = new MockWebServer();
  private final TokenStore store = TokenStores.inMemory();
  private final MutableClock clock = new MutableClock();
  private final AtomicInteger refreshes = new AtomicInteger();
  private ZohoOAuth oauth;
  private ZohoCalls calls;
  private Session session;

  @BeforeEach
  void start() throws Exception {
    accounts.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        refreshes.incrementAndGet();
        // the renewed token was granted more than the first: an error must name the scopes of the token it used
        return json("{\"access_token\":\"" + ACCESS_TOKEN_2 + "\",\"expires_in\":3600,"
            + "\"scope\":\"ZohoCRM.modules.leads.READ ZohoCRM.users.READ\"}");
      }
    });
    accounts.start();
    api.start();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(clock.instant().plus(Duration.ofMinutes(50))).scopes(Scope.parseList("ZohoCRM.modules.leads.READ"))
        .dataCenter(DataCenter.US).build());
    oauth = ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).clock(clock)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString())
            .withApiBase(DataCenter.US, api.url("/").toString()))
        .tokenStore(store).renewalExecutor(Runnable::run).build();
    calls = Calls.of(oauth);
    session = SessionHttp.of(oauth).session(TokenKey.DEFAULT_USER);
  }

  @AfterEach
  void stop() {
    accounts.close();
    api.close();
  }

  @Test
  void aCallIsBuiltOnTheUsersApiBaseAndSentWithTheTokenOfItsTag() throws Exception {
    Authorization authorization = session.authorization();
    assertThat(authorization.apiBase()).isEqualTo(api.url("/"));
    assertThat(session.authorization()).as("the same object while the token is valid").isSameAs(authorization);
    api.enqueue(json("{}"));

    calls.start(LEADS).send();

    RecordedRequest sent = api.takeRequest();
    assertThat(sent.getUrl().encodedPath()).isEqualTo("/crm/v8/Leads");
    assertThat(sent.getHeaders().get("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS_TOKEN);
    assertThat(refreshes).hasValue(0);
  }

  @Test
  void aRejectedCallIsRetriedOnceWithTheSessionsNewTokenAndItsErrorNamesTheScopesOfThatToken() throws Exception {
    api.enqueue(json(401, INVALID_TOKEN));
    api.enqueue(json(401, SCOPE_MISMATCH));

    assertThatThrownBy(() -> calls.start(LEADS).send())
        .isInstanceOf(ScopeMismatchException.class)
        .hasMessageContaining("granted: [ZohoCRM.modules.leads.READ, ZohoCRM.users.READ]");

    assertThat(api.takeRequest().getHeaders().get("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS_TOKEN);
    assertThat(api.takeRequest().getHeaders().get("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS_TOKEN_2);
    assertThat(api.getRequestCount()).isEqualTo(2);
    assertThat(refreshes).hasValue(1);
    assertThat(session.authorization().token().accessToken().reveal()).isEqualTo(ACCESS_TOKEN_2);
  }

  @Test
  void aPageReadAfterTheTokenExpiredCarriesTheTokenOfThatMoment() throws Exception {
    api.enqueue(json("{\"data\":[{\"id\":\"1\"}],\"info\":{\"more_records\":true,\"page\":1}}"));
    api.enqueue(json("{\"data\":[{\"id\":\"2\"}],\"info\":{\"more_records\":false,\"page\":2}}"));
    Iterator<JsonNode> records = calls.start(LEADS).fetchPages(Decoder.<RecordPage<JsonNode>>whole(
        calls.objectMapper(), calls.objectMapper().getTypeFactory().constructParametricType(RecordPage.class,
            JsonNode.class))).iterator();

    assertThat(records.next().get("id").asText()).isEqualTo("1");
    clock.advance(Duration.ofMinutes(55));   // the first page's token has expired
    assertThat(records.next().get("id").asText()).isEqualTo("2");

    assertThat(api.takeRequest().getHeaders().get("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS_TOKEN);
    RecordedRequest second = api.takeRequest();
    assertThat(second.getHeaders().get("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS_TOKEN_2);
    assertThat(second.getUrl().queryParameter("page")).isEqualTo("2");
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void theSharedClientOfGeneratedCallsRefusesARequestWithoutItsAuthorization() {
    Request untagged = new Request.Builder().url(api.url("/crm/v8/Leads")).build();
    assertThatThrownBy(() -> SessionHttp.of(oauth).callHttp().newCall(untagged).execute())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("without an Authorization tag");
    assertThat(api.getRequestCount()).isZero();
  }
}

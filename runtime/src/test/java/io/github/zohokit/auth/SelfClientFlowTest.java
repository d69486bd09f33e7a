package io.github.zohokit.auth;
import io.github.zohokit.scope.Scope;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.DataCenter;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN_2;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.GRANT_TOKEN;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.form;
import static io.github.zohokit.testing.Fixtures.json;
import static io.github.zohokit.testing.Fixtures.tokenAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SelfClientFlowTest {
  private final MockWebServer accounts = new MockWebServer();
  private final MutableClock clock = new MutableClock();
  private final TokenStore store = TokenStores.inMemory();

  @BeforeEach
  void start() throws Exception {
    accounts.start();
  }

  @AfterEach
  void stop() {
    accounts.close();
  }

  private ZohoOAuth.Builder oauth() {
    return ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).dataCenter(DataCenter.EU)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.EU, accounts.url("/").toString()))
        .tokenStore(store).clock(clock);
  }

  @Test
  void grantTokenIsExchangedWithoutRedirectUriAndStored() throws Exception {
    accounts.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.eu", "ZohoCRM.modules.ALL")));
    ZohoOAuth oauth = oauth().build();

    ZohoToken token = oauth.selfClientFlow().exchangeGrantToken(GRANT_TOKEN);

    RecordedRequest request = accounts.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/oauth/v2/token");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/x-www-form-urlencoded");
    assertThat(request.getUrl().query()).isNull();
    assertThat(form(request)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "grant_type", "authorization_code",
        "code", GRANT_TOKEN));
    assertThat(token.refreshToken().reveal()).isEqualTo(REFRESH_TOKEN);
    assertThat(token.dataCenter()).isEqualTo(DataCenter.EU);
    assertThat(token.accountsServer()).isEqualTo(accounts.url("/").toString());
    assertThat(store.load(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER))).get()
        .satisfies(s -> assertThat(s.token()).isEqualTo(token));
    assertThat(oauth.accessToken(TokenKey.DEFAULT_USER).reveal()).isEqualTo(ACCESS_TOKEN);
    assertThat(accounts.getRequestCount()).isEqualTo(1);
  }

  @Test
  void usedGrantTokenSaysGenerateANewOne() {
    accounts.enqueue(json("{\"error\":\"invalid_code\"}"));
    assertThatThrownBy(() -> oauth().build().selfClientFlow().exchangeGrantToken(GRANT_TOKEN))
        .isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("Generate a new one")
        .hasMessageNotContaining(GRANT_TOKEN)
        .hasMessageNotContaining(CLIENT_SECRET);
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void expiredTokenIsRefreshedAtTheIssuingServerKeepingTheRefreshToken() throws Exception {
    accounts.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.eu", "ZohoCRM.modules.ALL")));
    accounts.enqueue(json("{\"access_token\":\"" + ACCESS_TOKEN_2
        + "\",\"api_domain\":\"https://www.zohoapis.eu\",\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    ZohoOAuth oauth = oauth().build();
    oauth.selfClientFlow().exchangeGrantToken(GRANT_TOKEN);
    accounts.takeRequest();

    clock.advance(Duration.ofMinutes(60));
    ZohoToken refreshed = oauth.token(TokenKey.DEFAULT_USER);

    RecordedRequest refresh = accounts.takeRequest();
    assertThat(form(refresh)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "grant_type", "refresh_token",
        "refresh_token", REFRESH_TOKEN));
    assertThat(refreshed.accessToken().reveal()).isEqualTo(ACCESS_TOKEN_2);
    assertThat(refreshed.refreshToken().reveal()).isEqualTo(REFRESH_TOKEN);
    assertThat(refreshed.scopes()).extracting(Scope::toString).containsExactly("ZohoCRM.modules.ALL");
    assertThat(store.load(new TokenKey(oauth.clientId(), TokenKey.DEFAULT_USER)).get().token().accessToken().reveal())
        .isEqualTo(ACCESS_TOKEN_2);
  }

  @Test
  void withNothingStoredTheErrorSaysHowToBootstrap() {
    assertThatThrownBy(() -> oauth().build().token(TokenKey.DEFAULT_USER))
        .isInstanceOf(ReauthorizationRequiredException.class)
        .hasMessageContaining("No token is stored for " + CLIENT_ID + "/default")
        .hasMessageContaining("mvn zoho:bootstrap-token");
    assertThat(accounts.getRequestCount()).isZero();
  }

  @Test
  void clientCredentialsSendSoidAndScopesAndAreRequestedAgainOnExpiry() throws Exception {
    String answer = "{\"access_token\":\"%s\",\"scope\":\"ZohoCRM.modules.ALL\",\"api_domain\":"
        + "\"https://www.zohoapis.eu\",\"token_type\":\"Bearer\",\"expires_in\":3600}";
    accounts.enqueue(json(String.format(answer, ACCESS_TOKEN)));
    accounts.enqueue(json(String.format(answer, ACCESS_TOKEN_2)));
    ZohoOAuth oauth = oauth().clientCredentials("600123456", List.of("ZohoCRM.modules.ALL")).build();

    assertThat(oauth.accessToken("default").reveal()).isEqualTo(ACCESS_TOKEN);
    clock.advance(Duration.ofMinutes(60));
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(ACCESS_TOKEN_2);

    RecordedRequest first = accounts.takeRequest();
    assertThat(form(first)).containsExactlyInAnyOrderEntriesOf(Map.of(
        "client_id", CLIENT_ID, "client_secret", CLIENT_SECRET, "grant_type", "client_credentials",
        "scope", "ZohoCRM.modules.ALL", "soid", "ZohoCRM.600123456"));
    assertThat(form(accounts.takeRequest())).containsEntry("grant_type", "client_credentials");
    assertThat(accounts.getRequestCount()).isEqualTo(2);
  }

  @Test
  void missingOrgInfoExplainsSoid() {
    accounts.enqueue(json("{\"error\":\"missing_org_info\"}"));
    assertThatThrownBy(() -> oauth().build().selfClientFlow()
        .clientCredentials(List.of("ZohoCRM.modules.ALL"), "ZohoCRM.600123", "default"))
        .hasMessageContaining("soid as ZohoCRM.<orgId>");
  }

  @Test
  void aWrongSoidSaysWhatTheSoidIsAndWhereTheOrgIdIsFound() {
    accounts.enqueue(json("{\"error\":\"invalid_org_info\"}"));
    assertThatThrownBy(() -> oauth().build().selfClientFlow()
        .clientCredentials(List.of("ZohoCRM.modules.ALL"), "ZohoCRM.600999", "default"))
        .isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("'invalid_org_info'")
        .hasMessageContaining("soid as ZohoCRM.<orgId>")
        .hasMessageContaining("Setup > Company Details")
        .hasMessageContaining("zgid in GET /crm/v8/org")
        .hasMessageNotContaining("See Zoho's OAuth documentation");
  }

  @Test
  void nonJsonAnswerIsAClearError() {
    accounts.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body("<html><body>Bad gateway</body></html>").build());
    assertThatThrownBy(() -> oauth().build().selfClientFlow().exchangeGrantToken(GRANT_TOKEN))
        .isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("HTTP 502")
        .hasMessageContaining("not JSON (text/html")
        .hasMessageContaining("proxy");
  }

  @Test
  void unreachableAccountsServerIsAClearError() {
    HttpUrl dead = HttpUrl.get("http://127.0.0.1:1/");
    ZohoOAuth oauth = oauth().endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.EU, dead.toString())).build();
    assertThatThrownBy(() -> oauth.selfClientFlow().exchangeGrantToken(GRANT_TOKEN))
        .hasMessageContaining("could not reach Zoho Accounts at http://127.0.0.1:1/oauth/v2/token");
  }
}

package io.github.zohokit.auth;

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
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Zoho mints a refresh token on every consent and keeps at most 20 per user: zohokit asks for consent only when it
 * has no refresh token, keeps the stored one when a login brings none, and revokes the one it replaces.
 */
class RefreshTokenKeepingTest {
  private static final String REDIRECT = "https://app.example.com/zoho/callback";
  private static final String CODE = "1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210";
  private static final String NEW_REFRESH = "1000.77777777777777777777777777777777.88888888888888888888888888888888";
  private static final List<String> SCOPES = List.of("ZohoCRM.modules.ALL");

  private final MockWebServer accounts = new MockWebServer();
  private final TokenStore store = TokenStores.inMemory();
  private ZohoOAuth oauth;

  @BeforeEach
  void start() throws Exception {
    accounts.start();
    oauth = ZohoOAuth.serverBased(CLIENT_ID, CLIENT_SECRET, REDIRECT)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .tokenStore(store).build();
  }

  @AfterEach
  void stop() {
    accounts.close();
  }

  private ZohoToken login(String userKey, String refreshTokenInAnswer) {
    accounts.enqueue(json(tokenAnswer(ACCESS_TOKEN, refreshTokenInAnswer, "https://www.zohoapis.com", null)));
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(SCOPES, userKey);
    return oauth.authorizationCodeFlow().complete(request, "state=" + request.state() + "&code=" + CODE, userKey);
  }

  private static String prompt(AuthorizationRequest request) {
    return HttpUrl.get(request.url()).queryParameter("prompt");
  }

  @Test
  void consentIsAskedForOnlyWhenNoRefreshTokenIsStoredForThatUser() throws Exception {
    AuthorizationCodeFlow flow = oauth.authorizationCodeFlow();
    assertThat(prompt(flow.authorize(SCOPES, "alice"))).isEqualTo("consent");
    assertThat(HttpUrl.get(flow.authorize(SCOPES, "alice").url()).queryParameter("access_type")).isEqualTo("offline");

    login("alice", REFRESH_TOKEN);

    assertThat(prompt(flow.authorize(SCOPES, "alice"))).isNull();
    assertThat(prompt(flow.authorize(SCOPES, "bob"))).isEqualTo("consent");
    assertThat(prompt(flow.authorize(SCOPES))).as("the default user has none").isEqualTo("consent");
    assertThat(prompt(flow.authorize(SCOPES, AccessType.OFFLINE, true))).as("when asked").isEqualTo("consent");
  }

  @Test
  void aRequestWiderThanTheStoredTokenAsksForConsent() throws Exception {
    List<String> leads = List.of("ZohoCRM.modules.leads.READ");
    accounts.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.com", leads.get(0))));
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(leads, "alice");
    oauth.authorizationCodeFlow().complete(request, "state=" + request.state() + "&code=" + CODE, "alice");

    assertThat(prompt(oauth.authorizationCodeFlow().authorize(leads, "alice"))).isNull();
    assertThat(prompt(oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"), "alice")))
        .as("the stored refresh token was granted for less").isEqualTo("consent");
  }

  @Test
  void aLoginWithoutConsentKeepsTheStoredRefreshToken() throws Exception {
    login("alice", REFRESH_TOKEN);
    accounts.takeRequest();

    ZohoToken second = login("alice", null);

    assertThat(second.refreshToken().reveal()).isEqualTo(REFRESH_TOKEN);
    assertThat(oauth.storedToken("alice").get().refreshToken().reveal()).isEqualTo(REFRESH_TOKEN);
    assertThat(accounts.takeRequest().getUrl().encodedPath()).isEqualTo("/oauth/v2/token");
    assertThat(accounts.getRequestCount()).as("nothing revoked").isEqualTo(2);
  }

  @Test
  void aNewRefreshTokenReplacesTheStoredOneWhichIsRevoked() throws Exception {
    login("alice", REFRESH_TOKEN);
    accounts.takeRequest();
    accounts.enqueue(json(tokenAnswer(ACCESS_TOKEN_2, NEW_REFRESH, "https://www.zohoapis.com", null)));
    accounts.enqueue(json("{\"status\":\"success\"}"));
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(SCOPES, "alice");

    ZohoToken second = oauth.authorizationCodeFlow().complete(request, "state=" + request.state() + "&code=" + CODE,
        "alice");

    assertThat(second.refreshToken().reveal()).isEqualTo(NEW_REFRESH);
    assertThat(oauth.storedToken("alice").get().refreshToken().reveal()).isEqualTo(NEW_REFRESH);
    assertThat(accounts.getRequestCount()).as("exchange, then revocation").isEqualTo(3);
    accounts.takeRequest();
    RecordedRequest revoke = accounts.takeRequest();
    assertThat(revoke.getUrl().encodedPath()).isEqualTo("/oauth/v2/token/revoke");
    assertThat(form(revoke)).containsEntry("token", REFRESH_TOKEN);
  }

  @Test
  void aFailedRevocationOfTheReplacedTokenDoesNotFailTheLogin() throws Exception {
    login("alice", REFRESH_TOKEN);
    accounts.enqueue(json(tokenAnswer(ACCESS_TOKEN_2, NEW_REFRESH, "https://www.zohoapis.com", null)));
    accounts.enqueue(json(500, "{\"error\":\"server_error\"}"));
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(SCOPES, "alice");

    ZohoToken second = oauth.authorizationCodeFlow().complete(request, "state=" + request.state() + "&code=" + CODE,
        "alice");

    assertThat(second.refreshToken().reveal()).isEqualTo(NEW_REFRESH);
    assertThat(oauth.token("alice").accessToken().reveal()).isEqualTo(ACCESS_TOKEN_2);
    assertThat(accounts.getRequestCount()).isEqualTo(3);
  }

  @Test
  void aRefreshTokenZohoRefusedIsNeitherKeptNorAReasonToSkipConsent() throws Exception {
    ZohoToken first = login("alice", REFRESH_TOKEN);
    accounts.takeRequest();
    accounts.enqueue(json("{\"error\":\"invalid_code\"}"));
    assertThatThrownBy(() -> oauth.tokenRejected("alice", first.accessToken()))
        .isInstanceOf(ReauthorizationRequiredException.class).hasMessageContaining("no longer accepts");

    assertThat(prompt(oauth.authorizationCodeFlow().authorize(SCOPES, "alice"))).isEqualTo("consent");
    ZohoToken again = login("alice", null);
    assertThat(again.hasRefreshToken()).as("the dead refresh token is not kept").isFalse();
  }

  @Test
  void aForcedGrantTokenExchangeRevokesTheRefreshTokenItReplaces() throws Exception {
    ZohoOAuth self = ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .tokenStore(store).build();
    accounts.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.com", null)));
    self.selfClientFlow().exchangeGrantToken(GRANT_TOKEN);
    accounts.enqueue(json(tokenAnswer(ACCESS_TOKEN_2, NEW_REFRESH, "https://www.zohoapis.com", null)));
    accounts.enqueue(json("{\"status\":\"success\"}"));

    self.selfClientFlow().exchangeGrantToken(GRANT_TOKEN);

    assertThat(accounts.getRequestCount()).as("two exchanges, then revocation").isEqualTo(3);
    accounts.takeRequest();
    accounts.takeRequest();
    RecordedRequest revoke = accounts.takeRequest();
    assertThat(revoke.getUrl().encodedPath()).isEqualTo("/oauth/v2/token/revoke");
    assertThat(form(revoke)).containsEntry("token", REFRESH_TOKEN);
    assertThat(store.load(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER)).get().token().refreshToken().reveal())
        .isEqualTo(NEW_REFRESH);
  }
}

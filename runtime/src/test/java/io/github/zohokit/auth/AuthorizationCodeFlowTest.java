package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.DataCenter;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.form;
import static io.github.zohokit.testing.Fixtures.json;
import static io.github.zohokit.testing.Fixtures.tokenAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorizationCodeFlowTest {
  private static final String REDIRECT = "https://app.example.com/zoho/callback";
  private static final String CODE = "1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210";

  private final MockWebServer us = new MockWebServer();
  private final MockWebServer eu = new MockWebServer();
  private final TokenStore store = TokenStores.inMemory();

  @BeforeEach
  void start() throws Exception {
    us.start();
    eu.start();
  }

  @AfterEach
  void stop() {
    us.close();
    eu.close();
  }

  private ZohoEndpoints endpoints() {
    return ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, us.url("/").toString())
        .withAccountsUrl(DataCenter.EU, eu.url("/").toString());
  }

  private ZohoOAuth serverBased() {
    return ZohoOAuth.serverBased(CLIENT_ID, CLIENT_SECRET, REDIRECT).endpoints(endpoints()).tokenStore(store).build();
  }

  @Test
  void authorizationUrlCarriesZohosParameters() {
    AuthorizationRequest request = serverBased().authorizationCodeFlow()
        .authorize(List.of("ZohoCRM.modules.leads.READ", "ZohoCRM.users.READ"));

    HttpUrl url = HttpUrl.get(request.url());
    assertThat(url.encodedPath()).isEqualTo("/oauth/v2/auth");
    assertThat(url.port()).isEqualTo(us.getPort());
    assertThat(url.queryParameter("response_type")).isEqualTo("code");
    assertThat(url.queryParameter("client_id")).isEqualTo(CLIENT_ID);
    assertThat(url.queryParameter("scope")).isEqualTo("ZohoCRM.modules.leads.READ,ZohoCRM.users.READ");
    assertThat(url.queryParameter("redirect_uri")).isEqualTo(REDIRECT);
    assertThat(url.queryParameter("access_type")).isEqualTo("offline");
    assertThat(url.queryParameter("prompt")).isEqualTo("consent");
    assertThat(url.queryParameter("state")).isEqualTo(request.state()).hasSizeGreaterThanOrEqualTo(32);
    assertThat(url.queryParameter("code_challenge")).isNull();
    assertThat(request.codeVerifier()).isNull();
  }

  @Test
  void statesAreRandom() {
    AuthorizationCodeFlow flow = serverBased().authorizationCodeFlow();
    assertThat(flow.authorize(List.of("ZohoCRM.modules.ALL")).state())
        .isNotEqualTo(flow.authorize(List.of("ZohoCRM.modules.ALL")).state());
  }

  @Test
  void callbackCodeIsExchangedAtTheUsersAccountsServer() throws Exception {
    eu.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.eu", "ZohoCRM.modules.leads.READ")));
    ZohoOAuth oauth = serverBased();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
    String callback = REDIRECT + "?state=" + request.state() + "&code=" + CODE + "&location=eu&accounts-server="
        + URLEncoder.encode(eu.url("/").toString(), StandardCharsets.UTF_8);

    ZohoToken token = oauth.authorizationCodeFlow().complete(request, callback, "alice");

    RecordedRequest exchange = eu.takeRequest();
    assertThat(exchange.getUrl().encodedPath()).isEqualTo("/oauth/v2/token");
    assertThat(form(exchange)).containsExactlyInAnyOrderEntriesOf(Map.of("client_id", CLIENT_ID,
        "client_secret", CLIENT_SECRET, "grant_type", "authorization_code", "code", CODE, "redirect_uri", REDIRECT));
    assertThat(us.getRequestCount()).isZero();
    assertThat(token.dataCenter()).isEqualTo(DataCenter.EU);
    assertThat(oauth.storedToken("alice")).contains(token);
    assertThat(oauth.storedToken("bob")).isEmpty();
  }

  @Test
  void callbackWithOnlyALocationUsesThatDataCentre() throws Exception {
    eu.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.eu", null)));
    ZohoOAuth oauth = serverBased();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));
    oauth.authorizationCodeFlow().complete(request, "state=" + request.state() + "&code=" + CODE + "&location=eu", "u");
    assertThat(eu.getRequestCount()).isEqualTo(1);
  }

  /**
   * Found by fuzzing (seed location-custom-unconfigured.bin): {@code location=custom}, zohokit's name for a data
   * centre it has no URLs for, threw IllegalStateException out of {@code complete}; it is an unknown location, so the
   * code goes to the client's own accounts server.
   */
  @Test
  void aLocationNamingTheUnconfiguredCustomDataCentreIsAnUnknownLocation() throws Exception {
    us.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.com", null)));
    ZohoOAuth oauth = serverBased();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));
    oauth.authorizationCodeFlow().complete(request, "state=" + request.state() + "&code=" + CODE + "&location=custom",
        "u");
    assertThat(us.getRequestCount()).isEqualTo(1);
    assertThat(eu.getRequestCount()).isZero();
  }

  @Test
  void stateMismatchIsRefusedBeforeAnyExchange() {
    ZohoOAuth oauth = serverBased();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));
    assertThatThrownBy(() -> oauth.authorizationCodeFlow()
        .complete(request, REDIRECT + "?state=forged&code=" + CODE, "alice"))
        .isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("state does not match")
        .satisfies(e -> assertThat(((ZohoAuthException) e).error()).isEqualTo("state_mismatch"));
    assertThat(us.getRequestCount() + eu.getRequestCount()).isZero();
  }

  @Test
  void deniedConsentIsReported() {
    ZohoOAuth oauth = serverBased();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));
    assertThatThrownBy(() -> oauth.authorizationCodeFlow()
        .complete(request, REDIRECT + "?error=access_denied&state=" + request.state(), "alice"))
        .isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("the user denied access")
        .satisfies(e -> assertThat(((ZohoAuthException) e).error()).isEqualTo("access_denied"));
  }

  @Test
  void unknownAccountsServerNeverReceivesTheSecret() {
    ZohoOAuth oauth = serverBased();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));
    assertThatThrownBy(() -> oauth.authorizationCodeFlow().complete(request, REDIRECT + "?state=" + request.state()
        + "&code=" + CODE + "&accounts-server=https%3A%2F%2Faccounts.evil.example", "alice"))
        .isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("'https://accounts.evil.example'")
        .hasMessageContaining("does not send the client secret there");
  }

  @Test
  void mobileUsesPkceS256AndACustomSchemeRedirect() throws Exception {
    String redirect = "com.example.app://callback";
    us.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.com", null)));
    ZohoOAuth oauth = ZohoOAuth.mobile(CLIENT_ID, CLIENT_SECRET, redirect).endpoints(endpoints()).tokenStore(store)
        .build();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));

    HttpUrl url = HttpUrl.get(request.url());
    String verifier = request.codeVerifier().reveal();
    assertThat(verifier.length()).isBetween(43, 128);
    assertThat(url.queryParameter("code_challenge_method")).isEqualTo("S256");
    assertThat(url.queryParameter("code_challenge")).isEqualTo(Pkce.challenge(verifier));
    assertThat(url.queryParameter("redirect_uri")).isEqualTo(redirect);

    oauth.authorizationCodeFlow().complete(request, redirect + "?code=" + CODE + "&state=" + request.state(), "me");
    assertThat(form(us.takeRequest())).containsEntry("code_verifier", verifier).containsEntry("redirect_uri", redirect);
  }

  @Test
  void pkceChallengeMatchesRfc7636Example() {
    assertThat(Pkce.challenge("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk"))
        .isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
  }

  @Test
  void aRequestCanBeResumedFromItsStateAndVerifier() throws Exception {
    us.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.com", null)));
    ZohoOAuth oauth = ZohoOAuth.mobile(CLIENT_ID, CLIENT_SECRET, "com.example.app://callback").endpoints(endpoints())
        .tokenStore(store).build();
    AuthorizationRequest original = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));
    AuthorizationRequest resumed = AuthorizationRequest.resume(original.state(), original.codeVerifier().reveal());
    oauth.authorizationCodeFlow().complete(resumed, "code=" + CODE + "&state=" + original.state(), "me");
    assertThat(form(us.takeRequest())).containsEntry("code_verifier", original.codeVerifier().reveal());
  }
}

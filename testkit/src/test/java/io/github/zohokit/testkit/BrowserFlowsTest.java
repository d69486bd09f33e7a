package io.github.zohokit.testkit;

import static io.github.zohokit.testkit.AccountsTokenEndpointTest.oauth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.auth.AuthorizationRequest;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.IdToken;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import java.util.List;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The consent page and its redirects, driven over HTTP the way a browser would, completed by the runtime. */
class BrowserFlowsTest {
  private static final String REDIRECT = "https://app.example.com/zoho/callback";

  @RegisterExtension
  final FakeZohoExtension zoho = FakeZohoExtension.perTest();

  private final OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();

  /** Opens the authorization URL and submits the consent form; returns where Zoho redirects. */
  private String consent(String authorizationUrl, String decision, Map<String, String> extra) throws Exception {
    HttpUrl url = HttpUrl.get(authorizationUrl);
    try (Response page = browser.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(page.code()).isEqualTo(200);
      String html = page.body().string();
      assertThat(html).contains("id=\"accept\"").contains("id=\"deny\"");
    }
    FormBody.Builder form = new FormBody.Builder();
    for (String name : url.queryParameterNames()) {
      form.add(name, url.queryParameter(name));
    }
    form.add("decision", decision);
    extra.forEach(form::add);
    try (Response redirect = browser.newCall(new Request.Builder()
        .url(url.newBuilder().encodedPath("/oauth/v2/auth/consent").query(null).build()).post(form.build()).build())
        .execute()) {
      assertThat(redirect.code()).isEqualTo(302);
      return redirect.header("Location");
    }
  }

  @Test
  void serverBasedLoginGivesAPerUserTokenThroughTheConsentPage(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerServerBasedClient(REDIRECT);
    ZohoOAuth oauth = oauth(fake, client).redirectUri(REDIRECT).build();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));

    String callback = consent(request.url(), "accept", Map.of());

    HttpUrl redirect = HttpUrl.get(callback);
    assertThat(callback).startsWith(REDIRECT + "?code=1000.");
    assertThat(redirect.queryParameter("location")).isEqualTo("us");
    assertThat(redirect.queryParameter("accounts-server")).isEqualTo(fake.baseUrl(DataCenter.US));
    assertThat(redirect.queryParameter("state")).isEqualTo(request.state());
    ZohoToken token = oauth.authorizationCodeFlow().complete(request, callback, "ann");
    assertThat(token.hasRefreshToken()).isTrue();
    assertThat(oauth.storedToken("ann")).contains(token);
  }

  @Test
  void aUserOfAnotherDataCentreIsSentThereAndTheCodeWorksOnlyThere(FakeZoho fake) throws Exception {
    FakeUser eve = fake.addUser("eve@example.eu", "Eve Muller", DataCenter.EU);
    FakeClient client = fake.registerServerBasedClient(REDIRECT);
    ZohoOAuth oauth = oauth(fake, client).redirectUri(REDIRECT).build();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));

    String callback = consent(request.url(), "accept", Map.of("user", eve.email()));

    assertThat(HttpUrl.get(callback).queryParameter("location")).isEqualTo("eu");
    ZohoToken token = oauth.authorizationCodeFlow().complete(request, callback, "eve");
    assertThat(token.dataCenter()).isEqualTo(DataCenter.EU);
    assertThat(token.apiDomain()).isEqualTo(fake.baseUrl(DataCenter.EU));
    assertThat(fake.isValidAccessToken(token.accessToken().reveal(), DataCenter.EU)).isTrue();
    assertThat(fake.isValidAccessToken(token.accessToken().reveal(), DataCenter.US)).isFalse();
    assertThat(fake.requests()).anyMatch(c -> c.dataCenter() == DataCenter.EU && c.path().equals("/oauth/v2/token"));
  }

  @Test
  void denyRedirectsWithAccessDenied(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerServerBasedClient(REDIRECT);
    ZohoOAuth oauth = oauth(fake, client).redirectUri(REDIRECT).build();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));
    String callback = consent(request.url(), "deny", Map.of());
    assertThat(callback).isEqualTo(REDIRECT + "?error=access_denied&state=" + request.state());
    assertThatThrownBy(() -> oauth.authorizationCodeFlow().complete(request, callback, "ann"))
        .isInstanceOf(ZohoAuthException.class).hasMessageContaining("the user denied access");
  }

  @Test
  void anUnregisteredRedirectUriGetsZohosErrorPage(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerServerBasedClient(REDIRECT);
    ZohoOAuth oauth = oauth(fake, client).redirectUri("https://evil.example/cb").build();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));
    try (Response page = browser.newCall(new Request.Builder().url(request.url()).build()).execute()) {
      assertThat(page.code()).isEqualTo(400);
      assertThat(page.body().string()).contains("invalid_redirect_uri");
    }
  }

  @Test
  void withoutPromptConsentASecondLoginGetsNoNewRefreshToken(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerServerBasedClient(REDIRECT);
    ZohoOAuth oauth = oauth(fake, client).redirectUri(REDIRECT).build();
    var flow = oauth.authorizationCodeFlow();
    AuthorizationRequest first = flow.authorize(List.of("ZohoCRM.modules.ALL"), io.github.zohokit.auth.AccessType.OFFLINE, false);
    assertThat(flow.complete(first, consent(first.url(), "accept", Map.of()), "a").hasRefreshToken()).isTrue();
    AuthorizationRequest second = flow.authorize(List.of("ZohoCRM.modules.ALL"), io.github.zohokit.auth.AccessType.OFFLINE, false);
    assertThat(flow.complete(second, consent(second.url(), "accept", Map.of()), "b").hasRefreshToken()).isFalse();
    AuthorizationRequest third = flow.authorize(List.of("ZohoCRM.modules.ALL"));
    assertThat(flow.complete(third, consent(third.url(), "accept", Map.of()), "c").hasRefreshToken()).isTrue();
  }

  @Test
  void aReturningUserIsNotAskedToConsentAgainAndKeepsOneRefreshToken(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerServerBasedClient(REDIRECT);
    ZohoOAuth oauth = oauth(fake, client).redirectUri(REDIRECT).build();
    var flow = oauth.authorizationCodeFlow();
    AuthorizationRequest first = flow.authorize(List.of("ZohoCRM.modules.ALL", "email"), "ann");
    assertThat(HttpUrl.get(first.url()).queryParameter("prompt")).isEqualTo("consent");
    ZohoToken one = flow.complete(first, consent(first.url(), "accept", Map.of()), "ann");
    assertThat(one.idToken()).as("verified, nonce included, against the fake's keys").isNotNull();

    AuthorizationRequest again = flow.authorize(List.of("ZohoCRM.modules.ALL", "email"), "ann");
    assertThat(HttpUrl.get(again.url()).queryParameter("prompt")).isNull();
    ZohoToken two = flow.complete(again, consent(again.url(), "accept", Map.of()), "ann");

    assertThat(two.accessToken()).isNotEqualTo(one.accessToken());
    assertThat(two.refreshToken()).isEqualTo(one.refreshToken());
    assertThat(oauth.storedToken("ann").get().refreshToken()).isEqualTo(one.refreshToken());
    assertThat(fake.liveRefreshTokens(client)).isEqualTo(1);
  }

  @Test
  void mobilePkceWithACustomSchemeAndAWrongVerifierIsRejected(FakeZoho fake) throws Exception {
    String redirect = "com.example.app://callback";
    FakeClient client = fake.registerMobileClient(redirect);
    ZohoOAuth oauth = oauth(fake, client).redirectUri(redirect).build();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));

    String callback = consent(request.url(), "accept", Map.of());
    assertThat(callback).startsWith("com.example.app://callback?code=");

    AuthorizationRequest forged = AuthorizationRequest.resume(request.state(),
        "wrong-verifier-wrong-verifier-wrong-verifier-0000");
    assertThatThrownBy(() -> oauth.authorizationCodeFlow().complete(forged, callback, "me"))
        .hasMessageContaining("'invalid_code_verifier'");

    AuthorizationRequest again = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));
    ZohoToken token = oauth.authorizationCodeFlow().complete(again, consent(again.url(), "accept", Map.of()), "me");
    assertThat(token.hasRefreshToken()).isTrue();
  }

  @Test
  void clientBasedTokenArrivesInTheFragmentAndSilentRenewalWorksWhenAllowed(FakeZoho fake) throws Exception {
    String redirect = "http://localhost:8080/app.html";
    FakeClient client = fake.registerClientBasedClient(redirect, "http://localhost:8080");
    ZohoOAuth oauth = ZohoOAuth.clientBased(client.clientId(), redirect).endpoints(fake.endpoints())
        .tokenStore(io.github.zohokit.store.TokenStores.inMemory()).build();
    AuthorizationRequest request = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ", "email"));

    String location = consent(request.url(), "accept", Map.of("granted_for_session", "true"));

    assertThat(location).startsWith(redirect + "#access_token=1000.");
    ZohoToken token = oauth.implicitFlow().complete(request, location, "visitor");
    assertThat(token.grantedForSession()).isTrue();
    assertThat(token.idToken()).isNotNull();
    // complete() verified it against the fake's key set (signature, issuer, audience, expiry, nonce)
    IdToken id = IdToken.decodeUnverified(token.idToken().reveal());
    assertThat(id.email()).contains(fake.defaultUser().email());
    assertThat(id.nonce()).contains(request.nonce());

    HttpUrl silent = HttpUrl.get(request.url()).newBuilder().encodedPath("/oauth/v2/auth/refresh").build();
    try (Response renewal = browser.newCall(new Request.Builder().url(silent).build()).execute()) {
      assertThat(renewal.code()).isEqualTo(302);
      assertThat(renewal.header("Location")).startsWith(redirect + "#access_token=1000.")
          .contains("granted_for_session=true");
    }
  }

  @Test
  void oidcDiscoveryNamesTheEndpoints(FakeZoho fake) throws Exception {
    try (Response response = browser.newCall(new Request.Builder()
        .url(fake.baseUrl(DataCenter.US) + "/.well-known/openid-configuration").build()).execute()) {
      String doc = response.body().string();
      assertThat(doc).contains("\"jwks_uri\":\"" + fake.baseUrl(DataCenter.US) + "/oauth/v2/keys\"")
          .contains("\"code_challenge_methods_supported\":[\"plain\",\"S256\"]");
    }
  }
}

package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.DataCenter;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jwt.JWTClaimsSet;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The flows verify the id_token, nonce included, before storing anything; forgeries are signed with a test key. */
class IdTokenInFlowsTest {
  private static final String REDIRECT = "https://app.example.com/zoho/callback";
  private static final String CODE = "1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210";
  private static final SigningKey ZOHO = new SigningKey("586c62845273396afd23865db54272e5");
  private static final SigningKey FORGER = new SigningKey("586c62845273396afd23865db54272e5");

  private final MockWebServer accounts = new MockWebServer();
  private final TokenStore store = TokenStores.inMemory();
  /** The id_token the token endpoint answers with next. */
  private final AtomicReference<String> idToken = new AtomicReference<>();

  @BeforeEach
  void start() throws Exception {
    accounts.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/oauth/v2/keys")) {
          return json(ZOHO.jwks());
        }
        return json("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"refresh_token\":\"" + REFRESH_TOKEN
            + "\",\"api_domain\":\"https://www.zohoapis.com\",\"token_type\":\"Bearer\",\"expires_in\":3600,"
            + "\"id_token\":\"" + idToken.get() + "\"}");
      }
    });
    accounts.start();
  }

  @AfterEach
  void stop() {
    accounts.close();
  }

  private String issuer() {
    String url = accounts.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  private ZohoOAuth serverBased() {
    return ZohoOAuth.serverBased(CLIENT_ID, CLIENT_SECRET, REDIRECT)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .tokenStore(store).build();
  }

  private JWTClaimsSet.Builder claims(String nonce) {
    return SigningKey.claims(issuer(), CLIENT_ID, Instant.now()).claim("nonce", nonce);
  }

  private static String callback(AuthorizationRequest request) {
    return REDIRECT + "?state=" + request.state() + "&code=" + CODE;
  }

  @Test
  void authorizeSendsAFreshNonceAndKeepsIt() {
    AuthorizationCodeFlow flow = serverBased().authorizationCodeFlow();
    AuthorizationRequest first = flow.authorize(List.of("ZohoCRM.modules.ALL", "email"));
    AuthorizationRequest second = flow.authorize(List.of("ZohoCRM.modules.ALL", "email"));
    assertThat(HttpUrl.get(first.url()).queryParameter("nonce")).isEqualTo(first.nonce()).hasSizeGreaterThan(20);
    assertThat(second.nonce()).isNotEqualTo(first.nonce());
  }

  @Test
  void aValidIdTokenWithTheRequestsNonceIsVerifiedAgainstTheAccountsServersKeysAndStored() throws Exception {
    ZohoOAuth oauth = serverBased();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL", "email"));
    idToken.set(ZOHO.sign(claims(request.nonce()).build()));

    ZohoToken token = oauth.authorizationCodeFlow().complete(request, callback(request), "alice");

    assertThat(token.idToken().reveal()).isEqualTo(idToken.get());
    assertThat(oauth.storedToken("alice")).contains(token);
    assertThat(accounts.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anIdTokenOfAnotherLoginIsRefusedAndNothingIsStored() {
    ZohoOAuth oauth = serverBased();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL", "email"));
    idToken.set(ZOHO.sign(claims("nonce-of-another-login").build()));

    assertThatThrownBy(() -> oauth.authorizationCodeFlow().complete(request, callback(request), "alice"))
        .isInstanceOf(ZohoAuthException.class).hasMessageContaining("nonce is not the one")
        .satisfies(e -> assertThat(((ZohoAuthException) e).error()).isEqualTo("invalid_id_token"));
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void anIdTokenFromAnotherIssuerOrWithoutExpiryIsRefused() {
    ZohoOAuth oauth = serverBased();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL", "email"));
    idToken.set(ZOHO.sign(claims(request.nonce()).issuer("https://accounts.evil.example").build()));
    assertThatThrownBy(() -> oauth.authorizationCodeFlow().complete(request, callback(request), "alice"))
        .hasMessageContaining("issued by 'https://accounts.evil.example'");

    AuthorizationRequest again = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL", "email"));
    idToken.set(ZOHO.sign(claims(again.nonce()).expirationTime(null).build()));
    assertThatThrownBy(() -> oauth.authorizationCodeFlow().complete(again, callback(again), "alice"))
        .hasMessageContaining("exp");
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void mobileLoginsCheckTheNonceToo() {
    ZohoOAuth oauth = ZohoOAuth.mobile(CLIENT_ID, CLIENT_SECRET, "com.example.app://callback")
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .tokenStore(store).build();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL", "email"));
    idToken.set(ZOHO.sign(claims(null).build()));

    assertThatThrownBy(() -> oauth.authorizationCodeFlow().complete(request,
        "com.example.app://callback?code=" + CODE + "&state=" + request.state(), "me"))
        .hasMessageContaining("carries no nonce");
    assertThat(store.keys()).isEmpty();
  }

  // ---- implicit flow: the id_token arrives through the browser ----

  private ZohoOAuth clientBased() {
    return ZohoOAuth.clientBased(CLIENT_ID, "https://app.example.com/oauth.html")
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .idTokenVerifier(IdTokenVerifier.fromJwks(ZOHO.jwks())).tokenStore(store).build();
  }

  private static String fragment(AuthorizationRequest request, String idToken) {
    return "https://app.example.com/oauth.html#state=" + request.state() + "&access_token=" + ACCESS_TOKEN
        + "&expires_in=3600&location=us&id_token=" + idToken;
  }

  @Test
  void theImplicitFlowRefusesAForgedIdTokenBeforeStoringAnything() {
    ZohoOAuth oauth = clientBased();
    AuthorizationRequest request = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ", "email"));
    String forged = FORGER.sign(claims(request.nonce()).claim("email", "ceo@victim.example").build());

    assertThatThrownBy(() -> oauth.implicitFlow().complete(request, fragment(request, forged), "visitor"))
        .isInstanceOf(ZohoAuthException.class).hasMessageContaining("signature does not match");
    assertThat(store.load(new TokenKey(CLIENT_ID, "visitor"))).isEmpty();
  }

  @Test
  void theImplicitFlowStoresAVerifiedIdTokenWithItsNonce() {
    ZohoOAuth oauth = clientBased();
    AuthorizationRequest request = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ", "email"));
    assertThat(HttpUrl.get(request.url()).queryParameter("nonce")).isEqualTo(request.nonce());
    String jwt = ZOHO.sign(claims(request.nonce()).build());

    ZohoToken token = oauth.implicitFlow().complete(request, fragment(request, jwt), "visitor");
    assertThat(token.idToken().reveal()).isEqualTo(jwt);

    AuthorizationRequest replayTarget = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
    assertThatThrownBy(() -> oauth.implicitFlow().complete(replayTarget, fragment(replayTarget, jwt), "other"))
        .hasMessageContaining("nonce is not the one");
  }
}

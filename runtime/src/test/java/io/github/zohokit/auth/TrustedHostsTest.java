package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.testing.Calls;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.GRANT_TOKEN;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.json;
import static io.github.zohokit.testing.Fixtures.tokenAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.internal.call.ZohoCalls;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.store.TokenStores;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whoever can write the token store (or answer a login) cannot redirect the secrets: the client secret and refresh
 * token go only to trusted accounts servers, access tokens only to trusted API hosts. The hostile server runs on
 * loopback but is not named by the configuration.
 */
class TrustedHostsTest {
  private static final TokenKey KEY = new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER);

  private final MockWebServer accounts = new MockWebServer();
  private final MockWebServer api = new MockWebServer();
  private final MockWebServer hostile = new MockWebServer();

  @TempDir
  Path dir;

  private TokenStore store;
  private ZohoOAuth oauth;

  @BeforeEach
  void start() throws Exception {
    accounts.start();
    api.start();
    hostile.start();
    store = TokenStores.file(dir.resolve("tokens.json"));
    oauth = ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).endpoints(ZohoEndpoints.zoho()
            .withAccountsUrl(DataCenter.US, accounts.url("/").toString())
            .withApiBase(DataCenter.US, api.url("/").toString()))
        .tokenStore(store).build();
  }

  @AfterEach
  void stop() {
    accounts.close();
    api.close();
    hostile.close();
  }

  private ZohoToken.Builder stored() {
    return ZohoToken.builder().accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(Instant.now().plusSeconds(3000)).scopes(Scope.parseList("ZohoCRM.modules.ALL"))
        .apiDomain(api.url("/").toString()).accountsServer(accounts.url("/").toString()).dataCenter(DataCenter.US);
  }

  private int requestsReceived() {
    return accounts.getRequestCount() + api.getRequestCount() + hostile.getRequestCount();
  }

  @Test
  void aStoredAccountsServerThatIsNotTrustedNeverReceivesTheSecretOrRefreshToken() {
    store.save(KEY, stored().accountsServer(hostile.url("/").toString()).expiresAt(Instant.now().minusSeconds(60))
        .build());

    assertThatThrownBy(() -> oauth.token(TokenKey.DEFAULT_USER)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("accounts_server '" + hostile.url("/") + "'")
        .hasMessageContaining("does not send the client secret or the refresh token there")
        .hasMessageContaining("delete this token and authorize again")
        .hasMessageNotContaining(REFRESH_TOKEN).hasMessageNotContaining(CLIENT_SECRET);
    assertThat(requestsReceived()).isZero();
  }

  @Test
  void zohosAccountsHostOverPlainHttpIsNotTrustedEither() {
    store.save(KEY, stored().accountsServer("http://accounts.zoho.com").expiresAt(Instant.now().minusSeconds(60))
        .build());
    assertThatThrownBy(() -> oauth.token(TokenKey.DEFAULT_USER)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("'http://accounts.zoho.com'");
  }

  @Test
  void revokingAStoredTokenOfAnUntrustedServerSendsNothing() {
    store.save(KEY, stored().accountsServer(hostile.url("/").toString()).build());
    assertThatThrownBy(() -> oauth.revoke(TokenKey.DEFAULT_USER)).isInstanceOf(TokenStoreException.class);
    assertThat(requestsReceived()).isZero();
    assertThat(store.load(KEY)).isPresent();
  }

  @Test
  void aStoredApiDomainThatIsNotTrustedNeverReceivesTheAccessToken() {
    store.save(KEY, stored().apiDomain(hostile.url("/").toString()).build());
    ZohoCalls calls = Calls.of(oauth);

    assertThatThrownBy(() -> calls.start(Calls.route("GET", "/crm/v8/Leads")).send())
        .isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("api_domain '" + hostile.url("/") + "'")
        .hasMessageContaining("does not send the access token there")
        .hasMessageNotContaining(ACCESS_TOKEN);
    assertThat(requestsReceived()).isZero();
  }

  @Test
  void aTokenAnswerNamingAnUntrustedApiDomainIsNotStored() {
    accounts.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.com.evil.example", null)));

    assertThatThrownBy(() -> oauth.selfClientFlow().exchangeGrantToken(GRANT_TOKEN))
        .isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("api_domain 'https://www.zohoapis.com.evil.example'")
        .satisfies(e -> assertThat(((ZohoAuthException) e).error()).isEqualTo("untrusted_api_domain"));
    assertThat(store.load(KEY)).isEmpty();
  }

  @Test
  void anImplicitRedirectNamingAnUntrustedApiDomainIsNotStored() {
    String redirect = "https://app.example.com/oauth.html";
    ZohoOAuth browser = ZohoOAuth.clientBased(CLIENT_ID, redirect).tokenStore(store).build();
    AuthorizationRequest request = browser.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));

    assertThatThrownBy(() -> browser.implicitFlow().complete(request, redirect + "#state=" + request.state()
        + "&access_token=" + ACCESS_TOKEN + "&expires_in=3600&api_domain=" + hostile.url("/"), "visitor"))
        .isInstanceOf(ZohoAuthException.class).hasMessageContaining("api_domain '" + hostile.url("/") + "'")
        .hasMessageContaining("not stored")
        .satisfies(e -> assertThat(((ZohoAuthException) e).error()).isEqualTo("untrusted_api_domain"));
    assertThat(store.load(new TokenKey(CLIENT_ID, "visitor"))).isEmpty();
  }

  @Test
  void trustedHostsStillWork() throws Exception {
    store.save(KEY, stored().expiresAt(Instant.now().minusSeconds(60)).build());
    accounts.enqueue(json("{\"access_token\":\"1000.fresh\",\"expires_in\":3600}"));
    api.enqueue(json("{}"));

    ZohoCalls calls = Calls.of(oauth);
    calls.start(Calls.route("GET", "/crm/v8/Leads")).send();

    assertThat(accounts.getRequestCount() + api.getRequestCount()).isEqualTo(2);
    assertThat(accounts.takeRequest().getUrl().encodedPath()).isEqualTo("/oauth/v2/token");
    assertThat(api.takeRequest().getHeaders().get("Authorization")).isEqualTo("Zoho-oauthtoken 1000.fresh");
    assertThat(hostile.getRequestCount()).isZero();
  }
}

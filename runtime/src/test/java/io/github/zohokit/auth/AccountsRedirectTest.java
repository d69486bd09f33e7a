package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.DataCenter;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.GRANT_TOKEN;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.json;
import static io.github.zohokit.testing.Fixtures.tokenAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A redirecting accounts server: OkHttp would re-POST the form (client secret, refresh token) to the Location. */
class AccountsRedirectTest {
  private final MockWebServer accounts = new MockWebServer();
  private final MockWebServer elsewhere = new MockWebServer();
  private final TokenStore store = TokenStores.inMemory();
  private ZohoOAuth oauth;

  @BeforeEach
  void start() throws Exception {
    accounts.start();
    elsewhere.start();
    elsewhere.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.com", null)));
    oauth = ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .tokenStore(store).build();
  }

  @AfterEach
  void stop() {
    accounts.close();
    elsewhere.close();
  }

  private static MockResponse redirect(int status, String location) {
    return new MockResponse.Builder().code(status).setHeader("Location", location).build();
  }

  @Test
  void aTemporaryRedirectOfTheTokenEndpointIsAnErrorAndTheFormGoesNowhere() {
    accounts.enqueue(redirect(307, elsewhere.url("/oauth/v2/token?leak=" + CLIENT_SECRET).toString()));

    assertThatThrownBy(() -> oauth.selfClientFlow().exchangeGrantToken(GRANT_TOKEN))
        .isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("HTTP 307")
        .hasMessageContaining("redirecting to " + elsewhere.url("/oauth/v2/token"))
        .hasMessageContaining("does not follow redirects")
        .hasMessageNotContaining("leak=").hasMessageNotContaining(CLIENT_SECRET)
        .satisfies(e -> assertThat(((ZohoAuthException) e).error()).isEqualTo("accounts_redirect"));
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void aPermanentRedirectOfARefreshIsNotFollowedEither() {
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(Instant.now().minusSeconds(5)).accountsServer(accounts.url("/").toString()).build());
    accounts.enqueue(redirect(308, elsewhere.url("/oauth/v2/token").toString()));

    assertThatThrownBy(() -> oauth.token(TokenKey.DEFAULT_USER)).isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("HTTP 308").hasMessageNotContaining(REFRESH_TOKEN);
    assertThat(elsewhere.getRequestCount()).isZero();
    assertThat(accounts.getRequestCount()).isEqualTo(1);
  }
}

package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link TokenRenewalListener}: told of each renewal and its outcome, and unable to break one. */
class TokenRenewalListenerTest {
  private static final TokenKey KEY = new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER);
  private final MockWebServer accounts = new MockWebServer();
  private final MutableClock clock = new MutableClock();
  private final TokenStore store = TokenStores.inMemory();
  private final List<String> events = new CopyOnWriteArrayList<>();

  private final TokenRenewalListener listener = new TokenRenewalListener() {
    @Override
    public void renewed(TokenKey key, ZohoToken token) {
      events.add("renewed " + key.userKey() + " " + token.accessToken().reveal());
    }

    @Override
    public void renewalFailed(TokenKey key, RuntimeException failure) {
      events.add("failed " + key.userKey() + " " + failure.getClass().getSimpleName());
    }
  };

  @BeforeEach
  void start() throws Exception {
    accounts.start();
  }

  @AfterEach
  void stop() {
    accounts.close();
  }

  private ZohoOAuth oauth(TokenRenewalListener listener) {
    return ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .tokenStore(store).clock(clock).renewalListener(listener).build();
  }

  private void storeExpiredToken() {
    store.save(KEY, ZohoToken.builder().accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(clock.instant().minus(Duration.ofMinutes(1))).scopes(Scope.parseList("ZohoCRM.modules.ALL"))
        .apiDomain("https://www.zohoapis.com").accountsServer(accounts.url("/").toString()).dataCenter(DataCenter.US)
        .build());
  }

  @Test
  void aSuccessfulRefreshIsReportedWithTheNewToken() {
    storeExpiredToken();
    accounts.enqueue(json("{\"access_token\":\"1000.renewed.token\",\"api_domain\":\"https://www.zohoapis.com\","
        + "\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    ZohoToken token = oauth(listener).token(TokenKey.DEFAULT_USER);
    assertThat(token.accessToken().reveal()).isEqualTo("1000.renewed.token");
    assertThat(events).containsExactly("renewed default 1000.renewed.token");
  }

  @Test
  void aFailedRenewalIsReportedWithWhatTheCallerGets() {
    ZohoOAuth oauth = oauth(listener);
    assertThatThrownBy(() -> oauth.token(TokenKey.DEFAULT_USER)).isInstanceOf(ReauthorizationRequiredException.class);
    assertThat(events).containsExactly("failed default ReauthorizationRequiredException");
  }

  @Test
  void aListenerThatThrowsDoesNotBreakTheRenewal() {
    storeExpiredToken();
    accounts.enqueue(json("{\"access_token\":\"1000.renewed.token\",\"api_domain\":\"https://www.zohoapis.com\","
        + "\"token_type\":\"Bearer\",\"expires_in\":3600}"));
    ZohoOAuth oauth = oauth(new TokenRenewalListener() {
      @Override
      public void renewed(TokenKey key, ZohoToken token) {
        throw new IllegalStateException("listener bug");
      }
    });
    assertThat(oauth.token(TokenKey.DEFAULT_USER).accessToken().reveal()).isEqualTo("1000.renewed.token");
  }
}

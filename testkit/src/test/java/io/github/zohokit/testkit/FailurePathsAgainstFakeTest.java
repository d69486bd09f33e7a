package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.RateLimitException;
import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.crm.v8.OrgApi;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Issue 13's failure paths as a user meets them, against the fake Zoho with faults. */
class FailurePathsAgainstFakeTest {
  @RegisterExtension
  final FakeZohoExtension zoho = FakeZohoExtension.perTest();

  /** A self client with a stored token whose access token has just expired (the fake's clock moved past it). */
  private ZohoOAuth withExpiredToken(FakeZoho fake, FakeClient client, TokenStore store, Duration accountsTimeout) {
    ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client).tokenStore(store).clock(fake.clock())
        .accountsTimeout(accountsTimeout).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.org.READ")));
    fake.advanceClock(Duration.ofHours(2));
    fake.resetObservations();
    return oauth;
  }

  @Test
  void aRefreshTokenRevokedAtZohoCostsOneTokenRequestOverTwentyCalls(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    TokenStore store = TokenStores.inMemory();
    ZohoOAuth oauth = withExpiredToken(fake, client, store, Duration.ofSeconds(30));
    ZohoToken stored = oauth.storedToken("default").orElseThrow();
    assertThat(fake.revokeToken(stored.refreshToken().reveal())).isTrue();

    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> oauth.token("default"))
          .isInstanceOf(ReauthorizationRequiredException.class)
          .hasMessageContaining("-Dzoho.grantToken=");
    }

    assertThat(fake.count("token:refresh_token")).isEqualTo(1);
    // a second process sharing the store learns it from the store and asks Zoho nothing
    ZohoOAuth second = AccountsTokenEndpointTest.oauth(fake, client).tokenStore(store).clock(fake.clock()).build();
    assertThatThrownBy(() -> second.token("default")).isInstanceOf(ReauthorizationRequiredException.class);
    assertThat(fake.count("token:refresh_token")).isEqualTo(1);
  }

  @Test
  void anAccountsOutageIsTransientAndTheTokenIsRenewedOnceZohoRecovers(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = withExpiredToken(fake, client, TokenStores.inMemory(), Duration.ofSeconds(30));
    fake.failNext(Fault.Target.TOKEN, 12, Fault.oauthServerError());

    for (int i = 0; i < 12; i++) {
      assertThatThrownBy(() -> oauth.token("default"))
          .isInstanceOf(ZohoUnavailableException.class)
          .hasMessageContaining("HTTP 500")
          .hasMessageNotContaining("refused");
      fake.advanceClock(Duration.ofMinutes(1));
    }

    assertThat(oauth.token("default").isExpiredAt(fake.clock().instant())).isFalse();
    assertThat(fake.count("token:refresh_token")).isEqualTo(1);
    assertThat(fake.count("fault:oauth_server_error")).isEqualTo(12);
  }

  @Test
  void aTricklingAccountsServerHoldsTokenNoLongerThanTheCallTimeout(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = withExpiredToken(fake, client, TokenStores.inMemory(), Duration.ofSeconds(2));
    // one byte a second: never idle long enough for a read timeout; the whole answer would take 100 s
    fake.failNext(Fault.Target.TOKEN, 1, Fault.trickle(Duration.ofSeconds(1)));

    assertThatThrownBy(() -> oauth.token("default"))
        .isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("did not answer within 2s");
    assertThat(fake.count("fault:trickle")).isEqualTo(1);
  }

  @Test
  void clientCredentialsUnderRejectedTokensStayWithinZohosBudget(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client)
        .clientCredentials("ZohoCRM." + fake.orgId(DataCenter.US), List.of("ZohoCRM.org.READ")).build();
    OrgApi org = Zoho.connect(oauth).client(OrgApi.class);

    int served = 0;
    int limited = 0;
    for (int i = 0; i < 15; i++) {
      fake.expireAccessTokens(); // every call meets 401 INVALID_TOKEN and asks for a new token
      try {
        org.get();
        served++;
      } catch (RateLimitException e) {
        assertThat(e).hasMessageContaining("already issued 10 access tokens");
        limited++;
      }
    }

    assertThat(fake.count("token:client_credentials")).isEqualTo(10);
    assertThat(served).isEqualTo(10);
    assertThat(limited).isEqualTo(5);
  }
}

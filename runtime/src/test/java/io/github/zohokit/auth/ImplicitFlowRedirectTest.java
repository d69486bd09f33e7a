package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.DataCenter;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

/** What the implicit flow reads from the redirect when Zoho leaves parts out: the lifetime, the data centre. */
class ImplicitFlowRedirectTest {
  private static final String REDIRECT = "https://app.example.com/oauth.html";
  private final MutableClock clock = new MutableClock();
  private final ZohoOAuth oauth = ZohoOAuth.clientBased(CLIENT_ID, REDIRECT).tokenStore(TokenStores.inMemory())
      .clock(clock).build();

  private ZohoToken complete(String parameters) {
    AuthorizationRequest request = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
    return oauth.implicitFlow().complete(request, REDIRECT + "#state=" + request.state() + "&access_token="
        + ACCESS_TOKEN + parameters, "visitor");
  }

  @Test
  void theTokenLivesAsLongAsTheRedirectSays() {
    assertThat(complete("&expires_in=120").expiresAt()).isEqualTo(clock.instant().plusSeconds(120));
  }

  @Test
  void withoutALifetimeTheTokenGetsZohosUsualHour() {
    assertThat(complete("").expiresAt()).isEqualTo(clock.instant().plus(TokenResponses.DEFAULT_LIFETIME));
  }

  @Test
  void withoutALocationTheDataCentreIsTheApiDomains() {
    ZohoToken token = complete("&expires_in=3600&api_domain=https%3A%2F%2Fwww.zohoapis.eu");
    assertThat(token.dataCenter()).isEqualTo(DataCenter.EU);
    assertThat(HttpUrl.get(token.accountsServer()).host()).isEqualTo("accounts.zoho.eu");
    assertThat(token.apiDomain()).isEqualTo("https://www.zohoapis.eu");
  }

  @Test
  void withNeitherLocationNorApiDomainTheDataCentreIsTheConfiguredOne() {
    ZohoToken token = complete("&expires_in=3600");
    assertThat(token.dataCenter()).isEqualTo(DataCenter.US);
    assertThat(HttpUrl.get(token.accountsServer()).host()).isEqualTo("accounts.zoho.com");
  }
}

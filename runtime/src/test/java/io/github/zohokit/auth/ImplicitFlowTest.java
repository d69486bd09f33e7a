package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.DataCenter;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;

class ImplicitFlowTest {
  private static final String REDIRECT = "https://app.example.com/oauth.html";
  private final MutableClock clock = new MutableClock();
  private final ZohoOAuth oauth = ZohoOAuth.clientBased(CLIENT_ID, REDIRECT).tokenStore(TokenStores.inMemory())
      .clock(clock).build();

  @Test
  void authorizationUrlAsksForATokenWithoutASecret() {
    AuthorizationRequest request = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
    HttpUrl url = HttpUrl.get(request.url());
    assertThat(url.host()).isEqualTo("accounts.zoho.com");
    assertThat(url.encodedPath()).isEqualTo("/oauth/v2/auth");
    assertThat(url.queryParameter("response_type")).isEqualTo("token");
    assertThat(url.queryParameter("client_id")).isEqualTo(CLIENT_ID);
    assertThat(url.queryParameter("redirect_uri")).isEqualTo(REDIRECT);
    assertThat(url.queryParameter("scope")).isEqualTo("ZohoCRM.modules.leads.READ");
    assertThat(url.queryParameter("state")).isEqualTo(request.state());
    assertThat(url.queryParameterNames()).doesNotContain("client_secret", "access_type");
  }

  @Test
  void tokenIsReadFromTheFragment() {
    AuthorizationRequest request = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
    ZohoToken token = oauth.implicitFlow().complete(request, REDIRECT + "#state=" + request.state()
        + "&access_token=" + ACCESS_TOKEN + "&expires_in=3600&api_domain=https%3A%2F%2Fwww.zohoapis.in"
        + "&location=in&token_type=Bearer", "visitor");
    assertThat(token.accessToken().reveal()).isEqualTo(ACCESS_TOKEN);
    assertThat(token.hasRefreshToken()).isFalse();
    assertThat(token.dataCenter()).isEqualTo(DataCenter.IN);
    assertThat(token.apiDomain()).isEqualTo("https://www.zohoapis.in");
    assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
    assertThat(oauth.accessToken("visitor").reveal()).isEqualTo(ACCESS_TOKEN);
  }

  /**
   * Found by fuzzing (seed location-custom-unconfigured.bin): {@code location=custom} with no custom data centre
   * configured threw IllegalStateException; the token now takes its data centre from {@code api_domain}.
   */
  @Test
  void aLocationNamingTheUnconfiguredCustomDataCentreIsAnUnknownLocation() {
    AuthorizationRequest request = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
    ZohoToken token = oauth.implicitFlow().complete(request, REDIRECT + "#state=" + request.state()
        + "&access_token=" + ACCESS_TOKEN + "&expires_in=3600&api_domain=https%3A%2F%2Fwww.zohoapis.in"
        + "&location=custom", "visitor");
    assertThat(token.dataCenter()).isEqualTo(DataCenter.IN);
    assertThat(token.accountsServer()).isEqualTo("https://accounts.zoho.in/");
  }

  @Test
  void tokenIsAlsoReadFromTheQuery() {
    AuthorizationRequest request = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
    ZohoToken token = oauth.implicitFlow().complete(request, REDIRECT + "?state=" + request.state()
        + "&access_token=" + ACCESS_TOKEN + "&expires_in=3600000", "visitor");
    assertThat(token.expiresAt()).isEqualTo(clock.instant().plusSeconds(3600));
  }

  @Test
  void expiredTokenRequiresReauthorizationWithARequestThatCompletes() {
    AuthorizationRequest request = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
    oauth.implicitFlow().complete(request, REDIRECT + "#state=" + request.state() + "&access_token=" + ACCESS_TOKEN
        + "&expires_in=3600", "visitor");
    clock.advance(Duration.ofMinutes(61));

    ReauthorizationRequiredException e = catchThrowableOfType(ReauthorizationRequiredException.class,
        () -> oauth.token("visitor"));
    assertThat(e).hasMessageContaining("Client-based apps get no refresh token");
    AuthorizationRequest again = e.authorizationRequest().orElseThrow();
    assertThat(again.state()).isNotEqualTo(request.state());
    assertThat(e.authorizationUrl()).contains(again.url());
    assertThat(again.url()).contains("/oauth/v2/auth?response_type=token").contains("scope=ZohoCRM.modules.leads.READ")
        .contains("state=" + again.state());
    assertThatThrownBy(() -> oauth.implicitFlow().complete(again, REDIRECT + "#state=" + request.state()
        + "&access_token=" + ACCESS_TOKEN + "&expires_in=3600", "visitor"))
        .hasMessageContaining("state does not match");
    ZohoToken renewed = oauth.implicitFlow().complete(again, REDIRECT + "#state=" + again.state() + "&access_token="
        + ACCESS_TOKEN + "&expires_in=3600", "visitor");
    assertThat(renewed.scopes()).extracting(Object::toString).containsExactly("ZohoCRM.modules.leads.READ");
    assertThat(oauth.token("visitor").expiresAt()).isAfter(clock.instant());
  }

  @Test
  void silentRenewalUrlWhenTheUserAllowedIt() {
    AuthorizationRequest request = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
    oauth.implicitFlow().complete(request, REDIRECT + "#state=" + request.state() + "&access_token=" + ACCESS_TOKEN
        + "&expires_in=3600&granted_for_session=true", "visitor");
    clock.advance(Duration.ofHours(2));
    assertThatThrownBy(() -> oauth.token("visitor"))
        .isInstanceOf(ReauthorizationRequiredException.class)
        .satisfies(e -> assertThat(((ReauthorizationRequiredException) e).authorizationUrl()).get().asString()
            .contains("/oauth/v2/auth/refresh?response_type=token"));
  }

  @Test
  void forgedRedirectIsRefused() {
    AuthorizationRequest request = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
    assertThatThrownBy(() -> oauth.implicitFlow().complete(request, REDIRECT + "#state=x&access_token=" + ACCESS_TOKEN,
        "visitor")).isInstanceOf(ZohoAuthException.class).hasMessageContaining("state does not match");
  }

  @Test
  void aRedirectWithoutStateIsRefused() {
    AuthorizationRequest request = oauth.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
    assertThatThrownBy(() -> oauth.implicitFlow().complete(request, REDIRECT + "#access_token=" + ACCESS_TOKEN
        + "&expires_in=3600", "visitor")).isInstanceOf(ZohoAuthException.class).hasMessageContaining("carries no state");
    assertThat(oauth.cachedToken("visitor")).isEmpty();
  }
}

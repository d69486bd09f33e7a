package io.github.zohokit.auth;

import io.github.zohokit.token.DataCenter;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.store.TokenStores;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Callbacks arrive through the user's browser: malformed or incomplete ones are refused with a typed error. */
class CallbackParsingTest {
  private static final String REDIRECT = "https://app.example.com/zoho/callback";
  private static final String CODE = "1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210";

  private final MockWebServer accounts = new MockWebServer();
  private AuthorizationCodeFlow flow;
  private AuthorizationRequest request;

  @BeforeEach
  void start() throws Exception {
    accounts.start();
    ZohoOAuth oauth = ZohoOAuth.serverBased(CLIENT_ID, CLIENT_SECRET, REDIRECT)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .tokenStore(TokenStores.inMemory()).build();
    flow = oauth.authorizationCodeFlow();
    request = flow.authorize(List.of("ZohoCRM.modules.ALL"));
  }

  @AfterEach
  void stop() {
    accounts.close();
  }

  private static String error(Throwable e) {
    return ((ZohoAuthException) e).error();
  }

  @Test
  void aMalformedEscapeIsATypedErrorNotAnIllegalArgumentException() {
    assertThatThrownBy(() -> flow.complete(request, REDIRECT + "?state=" + request.state() + "&code=%zz", "alice"))
        .isInstanceOf(ZohoAuthException.class).hasMessageContaining("malformed percent escape")
        .satisfies(e -> assertThat(error(e)).isEqualTo("invalid_callback"));
    assertThatThrownBy(() -> flow.complete(request, "code=" + CODE + "&state=%4", "alice"))
        .satisfies(e -> assertThat(error(e)).isEqualTo("invalid_callback"));
    assertThat(accounts.getRequestCount()).isZero();
  }

  @Test
  void aCallbackWithoutStateIsRefused() {
    assertThatThrownBy(() -> flow.complete(request, REDIRECT + "?code=" + CODE + "&location=us", "alice"))
        .isInstanceOf(ZohoAuthException.class).hasMessageContaining("carries no state")
        .satisfies(e -> assertThat(error(e)).isEqualTo("state_mismatch"));
    assertThat(accounts.getRequestCount()).isZero();
  }

  @Test
  void anEmptyStateIsRefusedToo() {
    assertThatThrownBy(() -> flow.complete(request, REDIRECT + "?state=&code=" + CODE, "alice"))
        .satisfies(e -> assertThat(error(e)).isEqualTo("state_mismatch"));
  }

  @Test
  void aParameterGivenTwiceIsRefused() {
    String doubled = REDIRECT + "?state=" + request.state() + "&code=" + CODE + "&code=1000.injected";
    assertThatThrownBy(() -> flow.complete(request, doubled, "alice"))
        .satisfies(e -> assertThat(error(e)).isEqualTo("invalid_callback"))
        .hasMessageContaining("'code' more than once");
    String split = REDIRECT + "?state=" + request.state() + "&code=" + CODE + "#state=" + request.state();
    assertThatThrownBy(() -> flow.complete(request, split, "alice"))
        .satisfies(e -> assertThat(error(e)).isEqualTo("invalid_callback"));
    assertThat(accounts.getRequestCount()).isZero();
  }

  @Test
  void emptyAndUnparseableCallbacksAreRefused() {
    assertThatThrownBy(() -> flow.complete(request, "  ", "alice"))
        .satisfies(e -> assertThat(error(e)).isEqualTo("invalid_callback"));
    assertThatThrownBy(() -> flow.complete(request, "https://[bad/callback?code=x&state=y", "alice"))
        .satisfies(e -> assertThat(error(e)).isEqualTo("invalid_callback"));
  }

  @Test
  void escapesAndPlusSignsAreDecodedAsBrowsersSendThem() {
    RedirectParameters params = RedirectParameters.parse("com.example.app://cb?code=a%2Bb+c&state=s%20t#x=1");
    assertThat(params.get("code")).isEqualTo("a+b c");
    assertThat(params.get("state")).isEqualTo("s t");
    assertThat(params.get("x")).isEqualTo("1");
    assertThat(RedirectParameters.parse("code=1&state=2").get("state")).isEqualTo("2");
  }
}

package io.github.zohokit.auth;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.GRANT_TOKEN;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.CannedAccounts;
import io.github.zohokit.testing.Untrusted;
import io.github.zohokit.token.ZohoToken;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The callback of the authorization-code flow is a URL the user's browser brings (anyone can forge one): whatever
 * its text, {@link AuthorizationCodeFlow#complete} exchanges the code or throws the {@link ZohoAuthException} it
 * documents ({@code invalid_callback}, {@code state_mismatch}, Zoho's error such as {@code access_denied},
 * {@code missing_code}, {@code untrusted_accounts_server}), whose message holds neither the code nor the state.
 * Zoho Accounts is canned in-process (a valid token answer), so only the callback varies and nothing is sent.
 *
 * <p>Placeholders in the fuzzed text: {@code {code}} (a grant code), {@code {state}} (this login's state). Seeds:
 * {@code src/test/resources/io/github/zohokit/auth/AuthorizationCodeCallbackFuzzTestInputs/callback/}.
 */
class AuthorizationCodeCallbackFuzzTest {
  private static final String REDIRECT = "https://app.example.com/callback";
  private static final CannedAccounts ACCOUNTS = new CannedAccounts();
  private static final ZohoOAuth OAUTH = ZohoOAuth.serverBased(CLIENT_ID, CLIENT_SECRET, REDIRECT)
      .httpClient(ACCOUNTS.http()).tokenStore(TokenStores.inMemory()).build();
  private static final AuthorizationRequest REQUEST =
      OAUTH.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));

  static {
    ACCOUNTS.answer(200, "application/json;charset=UTF-8", ("{\"access_token\":\"" + ACCESS_TOKEN
        + "\",\"refresh_token\":\"" + REFRESH_TOKEN + "\",\"scope\":\"ZohoCRM.modules.leads.READ\",\"api_domain\":"
        + "\"https://www.zohoapis.com\",\"token_type\":\"Bearer\",\"expires_in\":3600}")
        .getBytes(StandardCharsets.UTF_8));
  }

  @FuzzTest
  void callback(byte[] input) {
    String callback = new String(input, StandardCharsets.UTF_8).replace("{state}", REQUEST.state())
        .replace("{code}", GRANT_TOKEN);
    try {
      ZohoToken token = OAUTH.authorizationCodeFlow().complete(REQUEST, callback, "user");
      assertThat(token.accessToken().reveal()).isEqualTo(ACCESS_TOKEN);
    } catch (ZohoAuthException e) {
      assertThat(e.getMessage()).isNotBlank();
      Untrusted.assertNoSecretIn(e, Arrays.asList(Untrusted.unlessInUrl(callback, CLIENT_SECRET),
          Untrusted.unlessInUrl(callback, ACCESS_TOKEN), Untrusted.unlessInUrl(callback, REFRESH_TOKEN),
          Untrusted.onlyAsParameter(callback, "code", GRANT_TOKEN),
          Untrusted.onlyAsParameter(callback, "state", REQUEST.state())));
    }
  }
}

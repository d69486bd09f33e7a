package io.github.zohokit.auth;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import io.github.zohokit.testing.Untrusted;
import io.github.zohokit.token.ZohoToken;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The redirect of the implicit flow reaches a backend through the user's browser, so anyone can send anything:
 * whatever its text, {@link ImplicitFlow#complete} stores a token or throws the {@link ZohoAuthException} it
 * documents ({@code invalid_callback}, {@code state_mismatch}, Zoho's error, {@code missing_token},
 * {@code untrusted_api_domain}, {@code invalid_id_token}), whose message holds neither the access token, the
 * id_token nor the state the redirect carried.
 *
 * <p>The fuzzed text may name the secrets by placeholder, {@code {state}} (this login's state), {@code {token}} (an
 * access token) and {@code {id_token}} (an id_token signed for this login), replaced before the call. Seeds:
 * {@code src/test/resources/io/github/zohokit/auth/ImplicitCallbackFuzzTestInputs/redirect/}.
 */
class ImplicitCallbackFuzzTest {
  private static final String REDIRECT = "https://app.example.com/oauth.html";
  private static final MutableClock CLOCK = new MutableClock();
  private static final SigningKey KEY = new SigningKey("zoho-key-1");
  private static final ZohoOAuth OAUTH = ZohoOAuth.clientBased(CLIENT_ID, REDIRECT)
      .tokenStore(TokenStores.inMemory()).clock(CLOCK).idTokenVerifier(IdTokenVerifier.fromJwks(KEY.jwks(), CLOCK))
      .build();
  private static final AuthorizationRequest REQUEST =
      OAUTH.implicitFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
  private static final String ID_TOKEN = KEY.sign(SigningKey.claims("https://accounts.zoho.com", CLIENT_ID,
      CLOCK.instant()).claim("nonce", REQUEST.nonce()).build());

  @FuzzTest
  void redirect(byte[] input) {
    String redirect = new String(input, StandardCharsets.UTF_8).replace("{state}", REQUEST.state())
        .replace("{token}", ACCESS_TOKEN).replace("{id_token}", ID_TOKEN);
    try {
      ZohoToken token = OAUTH.implicitFlow().complete(REQUEST, redirect, "visitor");
      assertThat(token.accessToken().reveal()).isNotBlank();
      if (Untrusted.onlyAsParameter(redirect, "access_token", ACCESS_TOKEN) != null) {
        assertThat(token.toString()).doesNotContain(ACCESS_TOKEN); // unless the redirect also put it in api_domain
      }
    } catch (ZohoAuthException e) {
      assertThat(e.getMessage()).isNotBlank();
      Untrusted.assertNoSecretIn(e, Arrays.asList(Untrusted.onlyAsParameter(redirect, "access_token", ACCESS_TOKEN),
          Untrusted.onlyAsParameter(redirect, "id_token", ID_TOKEN),
          Untrusted.onlyAsParameter(redirect, "state", REQUEST.state())));
    }
  }

  /**
   * Found by this target (seed finding-token-with-control-character.txt): an access token holding a control character
   * or a space threw {@code IllegalArgumentException} (from {@code Secret.of}) out of {@code complete}.
   */
  @Test
  void aTokenZohokitCannotKeepIsAnInvalidCallback() {
    assertThatThrownBy(() -> OAUTH.implicitFlow().complete(REQUEST, REDIRECT + "#state=" + REQUEST.state()
        + "&access_token=1000.abc%20def", "visitor"))
        .isInstanceOf(ZohoAuthException.class).hasMessageContaining("The redirect's token cannot be used")
        .hasMessageNotContaining("1000.abc def")
        .satisfies(e -> assertThat(((ZohoAuthException) e).error()).isEqualTo("invalid_callback"));
  }
}

package io.github.zohokit.auth;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.GRANT_TOKEN;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.zohokit.testing.CannedAnswer;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoException;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.CannedAccounts;
import io.github.zohokit.testing.MutableClock;
import io.github.zohokit.testing.Untrusted;
import io.github.zohokit.token.ZohoToken;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Zoho Accounts' answer to a token request, read whole as zohokit reads it (status, content type, body up to its
 * limit, JSON, {@code TokenResponses}, {@code OAuthErrors}, the id_token's verification, the store): whatever the
 * answer, {@link AuthorizationCodeFlow#complete} returns a token or throws a {@link ZohoException} of the kinds it
 * documents (a refusal as {@code ZohoAuthException} or {@code RateLimitException}, anything that is not an OAuth
 * answer as {@code ZohoUnavailableException}), and no message holds the client secret, the code, or a token of the
 * answer.
 *
 * <p>The fuzzer chooses the status, the content type and the body ({@link CannedAnswer}); in the body {@code {access}},
 * {@code {refresh}} and {@code {id_token}} (an id_token signed for this login) are replaced by secrets. Seeds:
 * {@code src/test/resources/io/github/zohokit/auth/TokenAnswerFuzzTestInputs/answer/}, Zoho's documented answers
 * and errors.
 */
class TokenAnswerFuzzTest {
  private static final String REDIRECT = "https://app.example.com/callback";
  private static final MutableClock CLOCK = new MutableClock();
  private static final SigningKey KEY = new SigningKey("zoho-key-1");
  private static final CannedAccounts ACCOUNTS = new CannedAccounts();
  private static final ZohoOAuth OAUTH = ZohoOAuth.serverBased(CLIENT_ID, CLIENT_SECRET, REDIRECT)
      .httpClient(ACCOUNTS.http()).tokenStore(TokenStores.inMemory()).clock(CLOCK)
      .idTokenVerifier(IdTokenVerifier.fromJwks(KEY.jwks(), CLOCK)).build();
  private static final AuthorizationRequest REQUEST =
      OAUTH.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.leads.READ"));
  private static final String CALLBACK = REDIRECT + "?state=" + REQUEST.state() + "&code=" + GRANT_TOKEN
      + "&location=us&accounts-server=https%3A%2F%2Faccounts.zoho.com";
  private static final String ID_TOKEN = KEY.sign(SigningKey.claims("https://accounts.zoho.com", CLIENT_ID,
      CLOCK.instant()).claim("nonce", REQUEST.nonce()).build());

  @FuzzTest
  void answer(byte[] input) {
    CannedAnswer canned = CannedAnswer.of(input);
    String body = canned.body().replace("{access}", ACCESS_TOKEN).replace("{refresh}", REFRESH_TOKEN)
        .replace("{id_token}", ID_TOKEN);
    ACCOUNTS.answer(canned.status(), canned.contentType(), body.getBytes(StandardCharsets.UTF_8));
    try {
      ZohoToken token = OAUTH.authorizationCodeFlow().complete(REQUEST, CALLBACK, "user");
      assertThat(token.accessToken().reveal()).isNotBlank();
      if (Untrusted.onlyAfter(body, "\"access_token\"\\s*:\\s*\"", ACCESS_TOKEN) != null) {
        assertThat(token.toString()).doesNotContain(ACCESS_TOKEN); // unless the answer also put it in a scope
      }
    } catch (ZohoException e) {
      assertThat(e.getMessage()).isNotBlank();
      String whole = canned.contentType() + "\n" + body;
      Untrusted.assertNoSecretIn(e, Arrays.asList(Untrusted.unlessIn(whole, CLIENT_SECRET),
          Untrusted.unlessIn(whole, GRANT_TOKEN),
          Untrusted.onlyAfter(body, "\"access_token\"\\s*:\\s*\"", ACCESS_TOKEN),
          Untrusted.onlyAfter(body, "\"refresh_token\"\\s*:\\s*\"", REFRESH_TOKEN),
          Untrusted.onlyAfter(body, "\"id_token\"\\s*:\\s*\"", ID_TOKEN)));
    }
  }

  /**
   * Found by this target (seed finding-token-with-whitespace.txt): an access token with a space in it threw
   * {@code IllegalArgumentException} (from {@code Secret.of}) out of {@code complete}.
   */
  @Test
  void aTokenZohokitCannotKeepIsARefusalNotAnIllegalArgument() {
    ACCOUNTS.answer(200, "application/json", ("{\"access_token\":\"1000.abc def\",\"refresh_token\":\" \"}")
        .getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> OAUTH.authorizationCodeFlow().complete(REQUEST, CALLBACK, "user"))
        .isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("with a token zohokit cannot use while exchanging the authorization code")
        .hasMessageNotContaining("1000.abc def");
  }
}

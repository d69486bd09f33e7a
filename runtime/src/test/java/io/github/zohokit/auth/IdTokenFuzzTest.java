package io.github.zohokit.auth;

import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.nimbusds.jwt.JWTClaimsSet;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.testing.MutableClock;
import io.github.zohokit.testing.Untrusted;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * An id_token comes with a token answer or, in the implicit flow, through the user's browser: whatever its text,
 * {@link IdToken#decodeUnverified} and {@link IdTokenVerifier#verify} return claims or throw the
 * {@link ZohoAuthException} {@code invalid_id_token} they document, never another exception, and the message does
 * not hold the token.
 *
 * <p>An input is either the id_token's text ({@code {id_token}} is replaced by one validly signed for this client)
 * or, after a first line {@code sign:}, a claims set as JSON that the target signs with Zoho's key shape (RS256,
 * {@code key_id}, {@code typ: JWS}) so the claim checks are reached. Seeds:
 * {@code src/test/resources/io/github/zohokit/auth/IdTokenFuzzTestInputs/idToken/}.
 */
class IdTokenFuzzTest {
  private static final String ISSUER = "https://accounts.zoho.com";
  private static final String NONCE = "n-0S6_WzA2Mj";
  private static final MutableClock CLOCK = new MutableClock();
  private static final SigningKey KEY = new SigningKey("zoho-key-1");
  private static final IdTokenVerifier VERIFIER = IdTokenVerifier.fromJwks(KEY.jwks(), CLOCK);
  private static final String VALID = KEY.sign(SigningKey.claims(ISSUER, CLIENT_ID, CLOCK.instant())
      .claim("nonce", NONCE).build());

  @FuzzTest
  void idToken(byte[] input) {
    String text = new String(input, StandardCharsets.UTF_8);
    String jwt;
    List<String> secrets = new ArrayList<>();
    if (text.startsWith("sign:\n")) {
      try {
        jwt = KEY.sign(JWTClaimsSet.parse(text.substring(6)));
      } catch (ParseException e) {
        return; // not a claims set Nimbus can sign: not an id_token anyone could send
      }
      secrets.add(jwt);
      secrets.add(jwt.substring(jwt.lastIndexOf('.') + 1));
    } else {
      jwt = text.replace("{id_token}", VALID);
      secrets.add(Untrusted.onlyAfter(jwt, "^\\s*", VALID));
    }
    try {
      assertThat(IdToken.decodeUnverified(jwt).verified()).isFalse();
    } catch (ZohoAuthException e) {
      assertThat(e.error()).isEqualTo("invalid_id_token");
      Untrusted.assertNoSecretIn(e, secrets);
    }
    try {
      IdToken verified = VERIFIER.verify(jwt, CLIENT_ID, List.of(ISSUER), NONCE);
      assertThat(verified.verified()).isTrue();
      assertThat(verified.toString()).doesNotContain(jwt);
    } catch (ZohoAuthException e) {
      assertThat(e.error()).isEqualTo("invalid_id_token");
      Untrusted.assertNoSecretIn(e, secrets);
    }
  }
}

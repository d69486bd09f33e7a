package io.github.zohokit.auth;

import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoException;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** id_tokens forged, expired, misdirected or replayed, each refused with the check that failed. */
class IdTokenTest {
  private static final String ISSUER = "https://accounts.zoho.com";
  private static final List<String> ISSUERS = List.of(ISSUER);
  private static final String NONCE = "n-0S6_WzA2Mj";
  private static final SigningKey ZOHO = new SigningKey("586c62845273396afd23865db54272e5");
  private static final SigningKey OTHER = new SigningKey("586c62845273396afd23865db54272e5");

  private final MutableClock clock = new MutableClock();
  private final MockWebServer accounts = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    accounts.start();
  }

  @AfterEach
  void stop() {
    accounts.close();
  }

  private IdTokenVerifier verifier() {
    return IdTokenVerifier.fromJwks(ZOHO.jwks(), clock);
  }

  private JWTClaimsSet.Builder claims() {
    return SigningKey.claims(ISSUER, CLIENT_ID, clock.instant()).claim("nonce", NONCE);
  }

  private IdToken verify(String jwt) {
    return verifier().verify(jwt, CLIENT_ID, ISSUERS, NONCE);
  }

  @Test
  void zohosKeyIdHeaderAndJwsTypeAreAccepted() {
    IdToken token = verify(ZOHO.sign(claims().build()));
    assertThat(token.verified()).isTrue();
    assertThat(token.subject()).isEqualTo("675925609");
    assertThat(token.email()).contains("ann@example.com");
    assertThat(token.audience()).containsExactly(CLIENT_ID);
    assertThat(token.nonce()).contains(NONCE);
    assertThat(token.issuedAt()).contains(Instant.ofEpochSecond(clock.instant().getEpochSecond()));
  }

  @Test
  void theStandardKidHeaderIsAcceptedToo() {
    assertThat(verify(ZOHO.sign(claims().build(), h -> h.keyID(ZOHO.keyId))).verified()).isTrue();
  }

  @Test
  void anIssuerGivenWithATrailingSlashMatches() {
    String jwt = ZOHO.sign(claims().build());
    assertThat(verifier().verify(jwt, CLIENT_ID, List.of(ISSUER + "/"), NONCE).verified()).isTrue();
  }

  @Test
  void paddedStandardBase64HeadersAreReadLeniently() {
    String[] parts = ZOHO.sign(claims().build()).split("\\.");
    String padded = parts[0].replace('-', '+').replace('_', '/') + "==";
    assertThat(IdToken.decodeUnverified(padded + "." + parts[1] + "." + parts[2]).keyId()).contains(ZOHO.keyId);
  }

  @Test
  void aSignatureByAnotherKeyIsRejected() {
    assertThatThrownBy(() -> verify(OTHER.sign(claims().build())))
        .isInstanceOf(ZohoAuthException.class).hasMessageContaining("signature does not match");
  }

  @Test
  void tamperedClaimsAreRejected() {
    String[] parts = ZOHO.sign(claims().build()).split("\\.");
    String forged = parts[0] + "." + claims().subject("1").build().toPayload().toBase64URL() + "." + parts[2];
    assertThatThrownBy(() -> verify(forged)).hasMessageContaining("signature does not match");
  }

  @Test
  void anotherAudienceIsRejected() {
    assertThatThrownBy(() -> verifier().verify(ZOHO.sign(claims().build()), "1000.SOMEONEELSE", ISSUERS, NONCE))
        .isInstanceOf(ZohoAuthException.class).hasMessageContaining("audience");
  }

  @Test
  void expiredTokensAreRejected() {
    String jwt = ZOHO.sign(claims().expirationTime(Date.from(clock.instant().minus(Duration.ofMinutes(10))))
        .build());
    assertThatThrownBy(() -> verify(jwt)).isInstanceOf(ZohoAuthException.class).hasMessageContaining("Expired");
  }

  @Test
  void aTokenWithoutExpiryIsRejected() {
    String jwt = ZOHO.sign(claims().expirationTime(null).build());
    assertThatThrownBy(() -> verify(jwt)).isInstanceOf(ZohoAuthException.class).hasMessageContaining("exp");
  }

  @Test
  void aTokenFromAnotherIssuerIsRejected() {
    String jwt = ZOHO.sign(claims().issuer("https://accounts.evil.example").build());
    assertThatThrownBy(() -> verify(jwt)).isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("issued by 'https://accounts.evil.example'");
    String none = ZOHO.sign(claims().issuer(null).build());
    assertThatThrownBy(() -> verify(none)).isInstanceOf(ZohoAuthException.class).hasMessageContaining("iss");
  }

  @Test
  void aTokenIssuedInTheFutureOrNotYetValidIsRejected() {
    String future = ZOHO.sign(claims().issueTime(Date.from(clock.instant().plus(Duration.ofMinutes(10)))).build());
    assertThatThrownBy(() -> verify(future)).hasMessageContaining("issued in the future");
    String notYet = ZOHO.sign(claims().notBeforeTime(Date.from(clock.instant().plus(Duration.ofMinutes(10))))
        .build());
    assertThatThrownBy(() -> verify(notYet)).isInstanceOf(ZohoAuthException.class).hasMessageContaining("before");
  }

  @Test
  void aSmallClockSkewIsAllowed() {
    String jwt = ZOHO.sign(claims().issueTime(Date.from(clock.instant().plus(Duration.ofSeconds(90))))
        .expirationTime(Date.from(clock.instant().minus(Duration.ofSeconds(90)))).build());
    assertThat(verify(jwt).verified()).isTrue();
  }

  @Test
  void aMissingOrDifferentNonceIsRejected() {
    String without = ZOHO.sign(claims().claim("nonce", null).build());
    assertThatThrownBy(() -> verify(without)).hasMessageContaining("carries no nonce");
    String other = ZOHO.sign(claims().claim("nonce", "someone-elses-login").build());
    assertThatThrownBy(() -> verify(other)).hasMessageContaining("nonce is not the one");
  }

  @Test
  void unknownKeysAndOtherAlgorithmsAreRejected() throws Exception {
    String unknown = ZOHO.sign(claims().build(), h -> h.customParam("key_id", "rotated"));
    assertThatThrownBy(() -> verify(unknown)).hasMessageContaining("key 'rotated'");
    String none = new com.nimbusds.jwt.PlainJWT(claims().build()).serialize();
    assertThatThrownBy(() -> verify(none)).hasMessageContaining("'none' is not accepted");
    SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(ZOHO.keyId).build(),
        claims().build());
    hmac.sign(new MACSigner(ZOHO.key.toPublicJWK().toRSAPublicKey().getEncoded()));
    assertThatThrownBy(() -> verify(hmac.serialize())).hasMessageContaining("'HS256' is not accepted");
  }

  @Test
  void decodingWithoutVerificationSaysSo() {
    IdToken token = IdToken.decodeUnverified(OTHER.sign(claims().build()));
    assertThat(token.verified()).isFalse();
    assertThat(token.issuer()).contains(ISSUER);
    assertThatThrownBy(() -> IdToken.decodeUnverified("abc")).hasMessageContaining("three dot-separated parts");
  }

  // ---- the key set over HTTP ----

  private IdTokenVerifier remote() {
    return IdTokenVerifier.fromJwksUrl(new OkHttpClient(), accounts.url("/oauth/v2/keys").toString(), clock);
  }

  @Test
  void rotatedKeysAreFetchedOnceWhenATokenNamesAnUnknownKey() throws Exception {
    SigningKey rotated = new SigningKey("2026-rotated");
    accounts.enqueue(json(ZOHO.jwks()));
    accounts.enqueue(json(SigningKey.jwks(ZOHO, rotated)));
    IdTokenVerifier verifier = remote();
    assertThat(verifier.verify(ZOHO.sign(claims().build()), CLIENT_ID, ISSUERS, NONCE).verified()).isTrue();
    clock.advance(Duration.ofMinutes(2));

    assertThat(verifier.verify(rotated.sign(claims().build()), CLIENT_ID, ISSUERS, NONCE).verified()).isTrue();
    assertThat(accounts.getRequestCount()).isEqualTo(2);
    assertThat(accounts.takeRequest().getTarget()).isEqualTo("/oauth/v2/keys");
  }

  @Test
  void unknownKeysTriggerAtMostOneFetchAMinute() {
    accounts.enqueue(json(ZOHO.jwks()));
    accounts.enqueue(json(ZOHO.jwks()));
    IdTokenVerifier verifier = remote();
    String unknown = ZOHO.sign(claims().build(), h -> h.customParam("key_id", "no-such-key"));
    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(() -> verifier.verify(unknown, CLIENT_ID, ISSUERS, NONCE))
          .hasMessageContaining("key 'no-such-key'");
    }
    assertThat(accounts.getRequestCount()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(61));
    assertThatThrownBy(() -> verifier.verify(unknown, CLIENT_ID, ISSUERS, NONCE)).isInstanceOf(ZohoAuthException.class);
    assertThat(accounts.getRequestCount()).isEqualTo(2);
  }

  @Test
  void anOversizedKeySetIsRefused() {
    accounts.enqueue(json("{\"keys\":[],\"padding\":\"" + "x".repeat(70_000) + "\"}"));
    assertThatThrownBy(() -> remote().verify(ZOHO.sign(claims().build()), CLIENT_ID, ISSUERS, NONCE))
        .isInstanceOf(ZohoException.class).hasMessageContaining("larger than 65536 bytes");
  }

  @Test
  void aRedirectingKeySetIsNotFollowed() {
    accounts.enqueue(new MockResponse.Builder().code(302)
        .setHeader("Location", "https://keys.evil.example/k?sig=abc").build());
    assertThatThrownBy(() -> remote().verify(ZOHO.sign(claims().build()), CLIENT_ID, ISSUERS, NONCE))
        .isInstanceOf(ZohoException.class).hasMessageContaining("HTTP 302").hasMessageContaining("not followed")
        .hasMessageContaining("https://keys.evil.example/k").hasMessageNotContaining("sig=abc");
    assertThat(accounts.getRequestCount()).isEqualTo(1);
  }

  @Test
  void theKeySetUrlMustBeHttpsUnlessOnLoopback() {
    assertThatThrownBy(() -> IdTokenVerifier.fromJwksUrl(new OkHttpClient(), "http://accounts.zoho.com/oauth/v2/keys"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must be an https URL");
  }
}

package io.github.zohokit.auth;

import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.testing.MutableClock;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class IdTokenTest {
  private static KeyPair zohoKey;
  private static KeyPair otherKey;
  private final MutableClock clock = new MutableClock();

  @BeforeAll
  static void keys() throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    zohoKey = generator.generateKeyPair();
    otherKey = generator.generateKeyPair();
  }

  private String claims(long exp) {
    return "{\"sub\":\"675925609\",\"aud\":\"" + CLIENT_ID + "\",\"email\":\"ann@example.com\","
        + "\"iss\":\"https://accounts.zoho.com\",\"exp\":" + exp + "}";
  }

  private String validClaims() {
    return claims(clock.instant().plus(Duration.ofHours(1)).getEpochSecond());
  }

  private static String b64(String json) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
  }

  private static String sign(String header, String claims, KeyPair key) throws Exception {
    String input = b64(header) + "." + b64(claims);
    Signature rsa = Signature.getInstance("SHA256withRSA");
    rsa.initSign(key.getPrivate());
    rsa.update(input.getBytes(StandardCharsets.US_ASCII));
    return input + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rsa.sign());
  }

  private static String jwks(String kid, KeyPair key) {
    RSAPublicKey pub = (RSAPublicKey) key.getPublic();
    return "{\"keys\":[{\"kty\":\"RSA\",\"kid\":\"" + kid + "\",\"alg\":\"RS256\",\"use\":\"sig\",\"n\":\""
        + unsigned(pub.getModulus()) + "\",\"e\":\"" + unsigned(pub.getPublicExponent()) + "\"}]}";
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes[0] == 0) {
      bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private IdTokenVerifier verifier() {
    return IdTokenVerifier.fromJwks(jwks("586c62845273396afd23865db54272e5", zohoKey), clock);
  }

  @Test
  void zohosKeyIdHeaderIsAccepted() throws Exception {
    String jwt = sign("{\"key_id\":\"586c62845273396afd23865db54272e5\",\"typ\":\"JWS\",\"alg\":\"RS256\"}",
        validClaims(), zohoKey);
    IdToken token = verifier().verify(jwt, CLIENT_ID);
    assertThat(token.verified()).isTrue();
    assertThat(token.subject()).isEqualTo("675925609");
    assertThat(token.email()).contains("ann@example.com");
    assertThat(token.audience()).containsExactly(CLIENT_ID);
  }

  @Test
  void theStandardKidHeaderIsAcceptedToo() throws Exception {
    String jwt = sign("{\"kid\":\"586c62845273396afd23865db54272e5\",\"alg\":\"RS256\"}", validClaims(), zohoKey);
    assertThat(verifier().verify(jwt, CLIENT_ID).verified()).isTrue();
  }

  @Test
  void paddedStandardBase64IsReadLeniently() throws Exception {
    String jwt = sign("{\"key_id\":\"586c62845273396afd23865db54272e5\",\"alg\":\"RS256\"}", validClaims(), zohoKey);
    String[] parts = jwt.split("\\.");
    String padded = parts[0].replace('-', '+').replace('_', '/') + "==";
    assertThat(IdToken.decodeUnverified(padded + "." + parts[1] + "." + parts[2]).keyId())
        .contains("586c62845273396afd23865db54272e5");
  }

  @Test
  void aSignatureByAnotherKeyIsRejected() throws Exception {
    String jwt = sign("{\"key_id\":\"586c62845273396afd23865db54272e5\",\"alg\":\"RS256\"}", validClaims(), otherKey);
    assertThatThrownBy(() -> verifier().verify(jwt, CLIENT_ID))
        .isInstanceOf(ZohoAuthException.class).hasMessageContaining("signature does not match");
  }

  @Test
  void tamperedClaimsAreRejected() throws Exception {
    String jwt = sign("{\"key_id\":\"586c62845273396afd23865db54272e5\",\"alg\":\"RS256\"}", validClaims(), zohoKey);
    String[] parts = jwt.split("\\.");
    String forged = parts[0] + "." + b64(validClaims().replace("675925609", "1")) + "." + parts[2];
    assertThatThrownBy(() -> verifier().verify(forged, CLIENT_ID)).hasMessageContaining("signature does not match");
  }

  @Test
  void anotherAudienceIsRejected() throws Exception {
    String jwt = sign("{\"key_id\":\"586c62845273396afd23865db54272e5\",\"alg\":\"RS256\"}", validClaims(), zohoKey);
    assertThatThrownBy(() -> verifier().verify(jwt, "1000.SOMEONEELSE")).hasMessageContaining("not for client");
  }

  @Test
  void expiredTokensAreRejected() throws Exception {
    String jwt = sign("{\"key_id\":\"586c62845273396afd23865db54272e5\",\"alg\":\"RS256\"}",
        claims(clock.instant().minus(Duration.ofMinutes(10)).getEpochSecond()), zohoKey);
    assertThatThrownBy(() -> verifier().verify(jwt, CLIENT_ID)).hasMessageContaining("expired at");
  }

  @Test
  void unknownKeysAndOtherAlgorithmsAreRejected() throws Exception {
    String unknown = sign("{\"key_id\":\"rotated\",\"alg\":\"RS256\"}", validClaims(), zohoKey);
    assertThatThrownBy(() -> verifier().verify(unknown, CLIENT_ID)).hasMessageContaining("key 'rotated'");
    String none = b64("{\"alg\":\"none\"}") + "." + b64(validClaims()) + ".";
    assertThatThrownBy(() -> verifier().verify(none, CLIENT_ID)).hasMessageContaining("'none' is not accepted");
  }

  @Test
  void decodingWithoutVerificationSaysSo() throws Exception {
    String jwt = sign("{\"key_id\":\"k\",\"alg\":\"RS256\"}", validClaims(), otherKey);
    IdToken token = IdToken.decodeUnverified(jwt);
    assertThat(token.verified()).isFalse();
    assertThat(token.issuer()).contains("https://accounts.zoho.com");
    assertThatThrownBy(() -> IdToken.decodeUnverified("abc")).hasMessageContaining("three dot-separated parts");
  }
}

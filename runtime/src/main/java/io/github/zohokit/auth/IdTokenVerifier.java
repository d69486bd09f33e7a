package io.github.zohokit.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoException;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Verifies Zoho id_tokens: RS256 signatures against a JSON Web Key Set, the audience, and expiry. Zoho names the
 * signing key in a non-standard {@code key_id} header instead of {@code kid}; both are accepted.
 *
 * <pre>{@code
 * IdTokenVerifier verifier = IdTokenVerifier.fromJwksUrl(http, "https://accounts.zoho.com/oauth/v2/keys");
 * IdToken id = verifier.verify(token.idToken().reveal(), clientId);
 * }</pre>
 */
public final class IdTokenVerifier {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(2);

  private final Map<String, PublicKey> keys;
  private final Clock clock;

  private IdTokenVerifier(Map<String, PublicKey> keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** A verifier for the RSA keys of a JWKS document ({@code {"keys": [{"kty": "RSA", "kid", "n", "e"}]}}). */
  public static IdTokenVerifier fromJwks(String jwksJson) {
    return fromJwks(jwksJson, Clock.systemUTC());
  }

  static IdTokenVerifier fromJwks(String jwksJson, Clock clock) {
    JsonNode jwks;
    try {
      jwks = MAPPER.readTree(jwksJson);
    } catch (IOException e) {
      throw new IllegalArgumentException("the JWKS is not JSON: " + e.getMessage());
    }
    Map<String, PublicKey> keys = new LinkedHashMap<>();
    for (JsonNode jwk : jwks.path("keys")) {
      if (!"RSA".equals(jwk.path("kty").asText())) {
        continue;
      }
      try {
        BigInteger n = new BigInteger(1, IdToken.Parts.base64(jwk.path("n").asText(), "JWK modulus"));
        BigInteger e = new BigInteger(1, IdToken.Parts.base64(jwk.path("e").asText(), "JWK exponent"));
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(n, e));
        keys.put(jwk.path("kid").asText(""), key);
      } catch (GeneralSecurityException | ZohoAuthException ex) {
        throw new IllegalArgumentException("the JWKS key '" + jwk.path("kid").asText() + "' is not a valid RSA key");
      }
    }
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("the JWKS holds no RSA keys");
    }
    return new IdTokenVerifier(keys, clock);
  }

  /** Fetches the JWKS at {@code url} once and verifies against it. */
  public static IdTokenVerifier fromJwksUrl(OkHttpClient http, String url) {
    Request request = new Request.Builder().url(url).header("Accept", "application/json").get().build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new ZohoException("fetching the JWKS at " + url + " failed with HTTP " + response.code());
      }
      return fromJwks(response.body().string());
    } catch (IOException e) {
      throw new ZohoException("could not fetch the JWKS at " + url + ": " + e.getMessage(), e);
    }
  }

  /**
   * Verifies {@code jwt}: an RS256 signature by a known key, {@code aud} containing {@code clientId}, and not
   * expired (with two minutes of clock skew).
   *
   * @throws ZohoAuthException {@code invalid_id_token}, saying which check failed
   */
  public IdToken verify(String jwt, String clientId) {
    Objects.requireNonNull(clientId, "clientId");
    IdToken.Parts parts = IdToken.Parts.split(jwt);
    IdToken token = new IdToken(parts.header, parts.claims, false);
    if (!"RS256".equals(token.algorithm())) {
      throw IdToken.invalid("algorithm '" + token.algorithm() + "' is not accepted; Zoho signs with RS256");
    }
    PublicKey key;
    String kid = token.keyId().orElse(null);
    if (kid != null) {
      key = keys.get(kid);
      if (key == null) {
        throw IdToken.invalid("signed with key '" + kid + "', which the JWKS does not hold (keys: " + keys.keySet()
            + "); fetch the current JWKS");
      }
    } else if (keys.size() == 1) {
      key = keys.values().iterator().next();
    } else {
      throw IdToken.invalid("no kid or key_id header, and the JWKS holds several keys");
    }
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initVerify(key);
      rsa.update(parts.signingInput.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      if (!rsa.verify(parts.signature)) {
        throw IdToken.invalid("the signature does not match");
      }
    } catch (GeneralSecurityException e) {
      throw IdToken.invalid("the signature cannot be checked: " + e.getMessage());
    }
    if (!token.audience().contains(clientId)) {
      throw IdToken.invalid("issued for " + token.audience() + ", not for client " + clientId);
    }
    Instant now = clock.instant();
    if (token.expiresAt().isPresent() && token.expiresAt().get().plus(CLOCK_SKEW).isBefore(now)) {
      throw IdToken.invalid("expired at " + token.expiresAt().get());
    }
    return new IdToken(parts.header, parts.claims, true);
  }
}

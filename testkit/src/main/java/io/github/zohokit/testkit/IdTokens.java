package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;

/** RS256 id_tokens signed the way Zoho does: the key named in a {@code key_id} header (not {@code kid}). */
final class IdTokens {
  private final KeyPair keys;
  private final String keyId = Ids.random("0123456789abcdef", 32);

  IdTokens() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      keys = generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  String sign(String issuer, FakeUser user, String audience, Instant now) {
    return sign(issuer, user, audience, now, null);
  }

  /** An id_token; {@code nonce} (the authorization request's, null for none) is echoed as OpenID Connect says. */
  String sign(String issuer, FakeUser user, String audience, Instant now, String nonce) {
    ObjectNode header = Http.JSON.createObjectNode().put("key_id", keyId).put("typ", "JWS").put("alg", "RS256");
    ObjectNode claims = Http.JSON.createObjectNode()
        .put("iss", issuer).put("sub", user.zuid()).put("aud", audience)
        .put("iat", now.getEpochSecond()).put("exp", now.plusSeconds(3600).getEpochSecond())
        .put("email", user.email()).put("email_verified", true).put("name", user.fullName());
    if (nonce != null) {
      claims.put("nonce", nonce);
    }
    String input = b64(header.toString().getBytes(StandardCharsets.UTF_8)) + "."
        + b64(claims.toString().getBytes(StandardCharsets.UTF_8));
    try {
      Signature rsa = Signature.getInstance("SHA256withRSA");
      rsa.initSign(keys.getPrivate());
      rsa.update(input.getBytes(StandardCharsets.US_ASCII));
      return input + "." + b64(rsa.sign());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The JSON Web Key Set with the public key. */
  ObjectNode jwks() {
    RSAPublicKey key = (RSAPublicKey) keys.getPublic();
    ObjectNode jwks = Http.JSON.createObjectNode();
    jwks.putArray("keys").addObject().put("kty", "RSA").put("kid", keyId).put("use", "sig").put("alg", "RS256")
        .put("n", unsigned(key.getModulus())).put("e", unsigned(key.getPublicExponent()));
    return jwks;
  }

  private static String unsigned(BigInteger value) {
    byte[] bytes = value.toByteArray();
    if (bytes.length > 1 && bytes[0] == 0) {
      bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
    }
    return b64(bytes);
  }

  private static String b64(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}

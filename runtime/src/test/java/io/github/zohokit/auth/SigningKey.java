package io.github.zohokit.auth;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;

/** An RSA key that signs id_tokens the way Zoho does (RS256, {@code key_id} header, {@code typ: JWS}), for tests. */
final class SigningKey {
  final String keyId;
  final RSAKey key;

  SigningKey(String keyId) {
    this.keyId = keyId;
    try {
      this.key = new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The public key set, as Zoho serves it at /oauth/v2/keys. */
  String jwks() {
    return new JWKSet(key.toPublicJWK()).toString();
  }

  static String jwks(SigningKey... keys) {
    List<JWK> all = new ArrayList<>();
    for (SigningKey k : keys) {
      all.add(k.key.toPublicJWK());
    }
    return new JWKSet(all).toString();
  }

  /** Standard claims for {@code clientId} from {@code issuer}, valid for an hour from {@code now}. */
  static JWTClaimsSet.Builder claims(String issuer, String clientId, Instant now) {
    return new JWTClaimsSet.Builder().issuer(issuer).subject("675925609").audience(clientId)
        .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(3600))).claim("email", "ann@example.com");
  }

  /** A token signed with Zoho's header shape ({@code key_id}, not {@code kid}). */
  String sign(JWTClaimsSet claims) {
    return sign(claims, h -> h.customParam("key_id", keyId).type(new JOSEObjectType("JWS")));
  }

  String sign(JWTClaimsSet claims, Consumer<JWSHeader.Builder> header) {
    JWSHeader.Builder h = new JWSHeader.Builder(JWSAlgorithm.RS256);
    header.accept(h);
    SignedJWT jwt = new SignedJWT(h.build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }
}

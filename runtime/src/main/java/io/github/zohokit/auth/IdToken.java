package io.github.zohokit.auth;

import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.util.JSONArrayUtils;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import io.github.zohokit.ZohoAuthException;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The claims of a Zoho OpenID Connect id_token (requested with the {@code email}, {@code profile} or
 * {@code openid} scope). {@link #decodeUnverified} reads the claims without checking anything — trust them only if
 * the token came straight from Zoho's token endpoint over TLS; {@link IdTokenVerifier} checks the signature and the
 * claims, and marks the result {@link #verified()}. The flows of zohokit verify every id_token before they store it.
 */
public final class IdToken {
  private final JWSHeader header;
  private final JWTClaimsSet claims;
  private final boolean verified;

  private IdToken(JWSHeader header, JWTClaimsSet claims, boolean verified) {
    this.header = header;
    this.claims = claims;
    this.verified = verified;
  }

  /**
   * Reads the claims of {@code jwt} WITHOUT verifying its signature or any claim.
   *
   * @param jwt the id_token as sent, three base64url parts separated by dots
   * @return the claims, {@linkplain #verified() unverified}
   * @throws ZohoAuthException {@code invalid_id_token} when {@code jwt} is not a signed JWT
   */
  public static IdToken decodeUnverified(String jwt) {
    SignedJWT signed = parse(jwt);
    try {
      return new IdToken(signed.getHeader(), signed.getJWTClaimsSet(), false);
    } catch (ParseException e) {
      throw invalid("its claims are not a JSON object (" + e.getMessage() + ")");
    }
  }

  static IdToken verified(SignedJWT jwt, JWTClaimsSet claims) {
    return new IdToken(jwt.getHeader(), claims, true);
  }

  static SignedJWT parse(String jwt) {
    if (jwt == null || jwt.isBlank()) {
      throw invalid("no id_token");
    }
    String[] parts = jwt.trim().split("\\.", -1);
    if (parts.length != 3) {
      throw invalid("an id_token has three dot-separated parts, this one has " + parts.length);
    }
    JWT parsed;
    try {
      parsed = JWTParser.parse(jwt.trim());
    } catch (ParseException e) {
      throw invalid("it cannot be parsed (" + e.getMessage() + ")");
    }
    if (!(parsed instanceof SignedJWT)) {
      throw invalid("algorithm '" + parsed.getHeader().getAlgorithm() + "' is not accepted; Zoho signs with RS256");
    }
    return (SignedJWT) parsed;
  }

  /**
   * Whether the signature and claims were checked by an {@link IdTokenVerifier}.
   *
   * @return true when verified; false for {@link #decodeUnverified}
   */
  public boolean verified() {
    return verified;
  }

  /**
   * The subject: the Zoho user id (ZUID).
   *
   * @return the subject, or null when the token has none
   */
  public String subject() {
    return claims.getSubject();
  }

  /**
   * The user's email address ({@code email}), when the {@code email} scope was granted.
   *
   * @return the email address, or empty
   */
  public Optional<String> email() {
    return Optional.ofNullable(text("email"));
  }

  /**
   * The user's display name ({@code name}), when present.
   *
   * @return the name, or empty
   */
  public Optional<String> name() {
    return Optional.ofNullable(text("name"));
  }

  /**
   * The accounts server that issued the token ({@code iss}).
   *
   * @return the issuer's URL, or empty
   */
  public Optional<String> issuer() {
    return Optional.ofNullable(claims.getIssuer());
  }

  /**
   * The audiences ({@code aud}, a string or an array): the client id.
   *
   * @return the audiences, empty when absent
   */
  public List<String> audience() {
    return claims.getAudience();
  }

  /**
   * When the token expires ({@code exp}), when present.
   *
   * @return the expiry, or empty
   */
  public Optional<Instant> expiresAt() {
    return instant(claims.getExpirationTime());
  }

  /**
   * When the token was issued ({@code iat}), when present.
   *
   * @return the issue time, or empty
   */
  public Optional<Instant> issuedAt() {
    return instant(claims.getIssueTime());
  }

  /**
   * The {@code nonce} the authorization request sent, echoed by Zoho; empty when absent.
   *
   * @return the nonce, or empty
   */
  public Optional<String> nonce() {
    return Optional.ofNullable(text("nonce"));
  }

  /**
   * Any claim, as JSON text for objects and arrays; {@code null} when absent.
   *
   * @param name the claim's name, such as {@code email_verified}
   * @return the claim as text (dates as epoch seconds), or null
   */
  public String claim(String name) {
    Object value = claims.getClaim(name);
    if (value == null) {
      return null;
    }
    if (value instanceof Map) {
      @SuppressWarnings("unchecked")
      Map<String, ?> map = (Map<String, ?>) value;
      return JSONObjectUtils.toJSONString(map);
    }
    if (value instanceof List) {
      return JSONArrayUtils.toJSONString((List<?>) value);
    }
    if (value instanceof Date) {
      return Long.toString(((Date) value).getTime() / 1000);
    }
    return value.toString();
  }

  /**
   * The key id of the signing key: the standard {@code kid}, or Zoho's own {@code key_id} header.
   *
   * @return the key id, or empty when the header names none
   */
  public Optional<String> keyId() {
    return Optional.ofNullable(keyId(header));
  }

  static String keyId(JWSHeader header) {
    if (header.getKeyID() != null) {
      return header.getKeyID();
    }
    Object zoho = header.getCustomParam("key_id");
    return zoho == null ? null : zoho.toString();
  }

  /**
   * The signing algorithm named in the header, for example {@code RS256}.
   *
   * @return the algorithm's name
   */
  public String algorithm() {
    return header.getAlgorithm().getName();
  }

  JWTClaimsSet claims() {
    return claims;
  }

  private String text(String claim) {
    Object value = claims.getClaim(claim);
    return value == null ? null : value.toString();
  }

  private static Optional<Instant> instant(Date date) {
    return Optional.ofNullable(date).map(Date::toInstant);
  }

  @Override
  public String toString() {
    return "IdToken{sub=" + subject() + ", aud=" + audience() + ", verified=" + verified + "}";
  }

  static ZohoAuthException invalid(String why) {
    return new ZohoAuthException("invalid_id_token", "Invalid id_token: " + why);
  }
}

package io.github.zohokit.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.ZohoAuthException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The claims of a Zoho OpenID Connect id_token (requested with the {@code email}, {@code profile} or
 * {@code openid} scope). {@link #decodeUnverified} reads the claims without checking the signature — trust them
 * only if the token came straight from Zoho's token endpoint over TLS; {@link IdTokenVerifier} checks the RS256
 * signature against Zoho's keys, and marks the result {@link #verified()}.
 */
public final class IdToken {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final JsonNode header;
  private final JsonNode claims;
  private final boolean verified;

  IdToken(JsonNode header, JsonNode claims, boolean verified) {
    this.header = header;
    this.claims = claims;
    this.verified = verified;
  }

  /** Reads the claims of {@code jwt} WITHOUT verifying its signature. */
  public static IdToken decodeUnverified(String jwt) {
    Parts parts = Parts.split(jwt);
    return new IdToken(parts.header, parts.claims, false);
  }

  /** Whether the signature was checked by an {@link IdTokenVerifier}. */
  public boolean verified() {
    return verified;
  }

  /** The subject: the Zoho user id (ZUID). */
  public String subject() {
    return text("sub");
  }

  /** The user's email address ({@code email}), when the {@code email} scope was granted. */
  public Optional<String> email() {
    return Optional.ofNullable(text("email"));
  }

  /** The user's display name ({@code name}), when present. */
  public Optional<String> name() {
    return Optional.ofNullable(text("name"));
  }

  /** The accounts server that issued the token ({@code iss}). */
  public Optional<String> issuer() {
    return Optional.ofNullable(text("iss"));
  }

  /** The audiences ({@code aud}, a string or an array): the client id. */
  public List<String> audience() {
    List<String> audience = new ArrayList<>();
    JsonNode aud = claims.get("aud");
    if (aud != null && aud.isArray()) {
      aud.forEach(a -> audience.add(a.asText()));
    } else if (aud != null && !aud.isNull()) {
      audience.add(aud.asText());
    }
    return audience;
  }

  /** When the token expires ({@code exp}), when present. */
  public Optional<Instant> expiresAt() {
    JsonNode exp = claims.get("exp");
    return exp != null && exp.canConvertToLong() ? Optional.of(Instant.ofEpochSecond(exp.asLong())) : Optional.empty();
  }

  /** Any claim, as JSON text for objects and arrays; {@code null} when absent. */
  public String claim(String name) {
    JsonNode value = claims.get(name);
    return value == null || value.isNull() ? null : value.isValueNode() ? value.asText() : value.toString();
  }

  /** The key id of the signing key: the standard {@code kid}, or Zoho's own {@code key_id} header. */
  public Optional<String> keyId() {
    String kid = header.hasNonNull("kid") ? header.get("kid").asText() : null;
    if (kid == null && header.hasNonNull("key_id")) {
      kid = header.get("key_id").asText();
    }
    return Optional.ofNullable(kid);
  }

  /** The signing algorithm named in the header, for example {@code RS256}. */
  public String algorithm() {
    return header.path("alg").asText(null);
  }

  private String text(String claim) {
    JsonNode value = claims.get(claim);
    return value == null || value.isNull() ? null : value.asText();
  }

  @Override
  public String toString() {
    return "IdToken{sub=" + subject() + ", aud=" + audience() + ", verified=" + verified + "}";
  }

  /** The three parts of a compact JWS, decoded leniently (Zoho has sent padded standard base64). */
  static final class Parts {
    final JsonNode header;
    final JsonNode claims;
    final String signingInput;
    final byte[] signature;

    private Parts(JsonNode header, JsonNode claims, String signingInput, byte[] signature) {
      this.header = header;
      this.claims = claims;
      this.signingInput = signingInput;
      this.signature = signature;
    }

    static Parts split(String jwt) {
      if (jwt == null) {
        throw invalid("no id_token");
      }
      String[] parts = jwt.trim().split("\\.", -1);
      if (parts.length != 3) {
        throw invalid("an id_token has three dot-separated parts, this one has " + parts.length);
      }
      return new Parts(json(parts[0], "header"), json(parts[1], "claims"), parts[0] + "." + parts[1],
          base64(parts[2], "signature"));
    }

    private static JsonNode json(String part, String what) {
      try {
        JsonNode node = MAPPER.readTree(new String(base64(part, what), StandardCharsets.UTF_8));
        if (node == null || !node.isObject()) {
          throw invalid("the id_token " + what + " is not a JSON object");
        }
        return node;
      } catch (IOException e) {
        throw invalid("the id_token " + what + " is not JSON");
      }
    }

    static byte[] base64(String part, String what) {
      String s = part.replace('+', '-').replace('/', '_');
      while (s.endsWith("=")) {
        s = s.substring(0, s.length() - 1);
      }
      try {
        return Base64.getUrlDecoder().decode(s);
      } catch (IllegalArgumentException e) {
        throw invalid("the id_token " + what + " is not base64");
      }
    }
  }

  static ZohoAuthException invalid(String why) {
    return new ZohoAuthException("invalid_id_token", "Invalid id_token: " + why);
  }
}

package io.github.zohokit.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.auth.DataCenter;
import io.github.zohokit.auth.Scope;
import io.github.zohokit.auth.Secret;
import io.github.zohokit.auth.ZohoToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The JSON form of a {@link ZohoToken} that persistent stores write. Field names follow Zoho's own. */
final class TokenJson {
  /** The one mapper of the persistent stores: they only read and write trees. */
  static final ObjectMapper MAPPER = new ObjectMapper();

  private TokenJson() {}

  static ObjectNode write(ZohoToken token) {
    return write(token, null, null);
  }

  /**
   * The token as JSON; with a {@code cipher}, the access, refresh and id tokens are encrypted and bound to
   * {@code context} (the row's client id and user key).
   */
  static ObjectNode write(ZohoToken token, TokenCipher cipher, String context) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("access_token", seal(token.accessToken().reveal(), cipher, context));
    if (token.refreshToken() != null) {
      node.put("refresh_token", seal(token.refreshToken().reveal(), cipher, context));
    }
    node.put("expires_at", token.expiresAt().toString());
    ArrayNode scopes = node.putArray("scopes");
    token.scopes().forEach(s -> scopes.add(s.toString()));
    putIfPresent(node, "api_domain", token.apiDomain());
    putIfPresent(node, "accounts_server", token.accountsServer());
    putIfPresent(node, "location", token.dataCenter() == null ? null : token.dataCenter().location());
    if (token.idToken() != null) {
      node.put("id_token", seal(token.idToken().reveal(), cipher, context));
    }
    if (token.grantedForSession()) {
      node.put("granted_for_session", true);
    }
    if (token.refreshTokenRejectedAt() != null) {
      // zohokit's own field: Zoho declared the refresh token dead, so no process sends it again
      node.put("refresh_token_rejected_at", token.refreshTokenRejectedAt().toString());
    }
    return node;
  }

  /** Reads a token; throws {@link IllegalArgumentException} naming the bad field. */
  static ZohoToken read(JsonNode node) {
    return read(node, null, null);
  }

  /** Reads a token, decrypting what {@link #write(ZohoToken, TokenCipher, String)} encrypted. */
  static ZohoToken read(JsonNode node, TokenCipher cipher, String context) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a token entry is not a JSON object");
    }
    List<Scope> scopes = new ArrayList<>();
    for (JsonNode s : node.path("scopes")) {
      scopes.add(Scope.parse(s.asText()));
    }
    return ZohoToken.builder()
        .accessToken(Secret.of(open(required(node, "access_token"), cipher, context)))
        .refreshToken(node.hasNonNull("refresh_token")
            ? Secret.of(open(node.get("refresh_token").asText(), cipher, context)) : null)
        .expiresAt(Instant.parse(required(node, "expires_at")))
        .scopes(scopes)
        .apiDomain(text(node, "api_domain"))
        .accountsServer(text(node, "accounts_server"))
        .dataCenter(DataCenter.fromLocation(text(node, "location")).orElse(null))
        .idToken(node.hasNonNull("id_token") ? Secret.of(open(node.get("id_token").asText(), cipher, context)) : null)
        .grantedForSession(node.path("granted_for_session").asBoolean(false))
        .refreshTokenRejectedAt(node.hasNonNull("refresh_token_rejected_at")
            ? Instant.parse(node.get("refresh_token_rejected_at").asText()) : null)
        .build();
  }

  private static String seal(String value, TokenCipher cipher, String context) {
    return cipher == null ? value : cipher.encrypt(value, context);
  }

  private static String open(String value, TokenCipher cipher, String context) {
    if (!TokenCipher.isEncrypted(value)) {
      return value;
    }
    if (cipher == null) {
      throw new TokenStoreException("the tokens of " + context + " are stored encrypted, but no encryption key is "
          + "configured for this store; configure the key they were stored with");
    }
    return cipher.decrypt(value, context);
  }

  private static String required(JsonNode node, String field) {
    String value = text(node, field);
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("a token entry has no '" + field + "'");
    }
    return value;
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static void putIfPresent(ObjectNode node, String field, String value) {
    if (value != null) {
      node.put(field, value);
    }
  }
}

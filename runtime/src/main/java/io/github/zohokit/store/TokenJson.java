package io.github.zohokit.store;

import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.TokenKey;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.ZohoToken;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * The JSON form of a {@link ZohoToken} that persistent stores write. Field names follow Zoho's own.
 *
 * <p>Without a cipher a token is a plain object ({@code access_token}, {@code refresh_token}, {@code expires_at},
 * ...). With a cipher it is {@code {"sealed": "enc:v2:..."}}: the plain object together with the key it belongs to,
 * the record format, the store's version of the record and when it was sealed ({@code sealed_at}, a serial that only
 * moves forward per key), sealed as one AES-GCM value (see {@link TokenCipher}). Records of the earlier encrypted
 * forms (format 1: the three token strings encrypted one by one, the other fields in plaintext; format 2: sealed
 * without version and serial) are read while a store migrates, unless the store has already seen the current form
 * for that key or the cipher {@linkplain TokenCipher#refusingEarlierFormats() refuses them}, and written in the
 * current form from then on.
 */
final class TokenJson {
  /** The one mapper of the persistent stores: they only read and write trees. */
  static final ObjectMapper MAPPER = new ObjectMapper();
  /** The format of a sealed record without version and serial (still bound into every record's associated data). */
  static final int SEALED_FORMAT = 2;
  /** The format of a sealed record bound to its version and serial: the one written. */
  static final int VERSIONED_FORMAT = 3;
  private static final String SEALED = "sealed";
  private static final List<String> SECRET_FIELDS = List.of("access_token", "refresh_token", "id_token");

  private TokenJson() {}

  /** The token as a plain JSON object. */
  static ObjectNode write(ZohoToken token) {
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("access_token", token.accessToken().reveal());
    if (token.refreshToken() != null) {
      node.put("refresh_token", token.refreshToken().reveal());
    }
    node.put("expires_at", token.expiresAt().toString());
    ArrayNode scopes = node.putArray("scopes");
    token.scopes().forEach(s -> scopes.add(s.toString()));
    putIfPresent(node, "api_domain", token.apiDomain());
    putIfPresent(node, "accounts_server", token.accountsServer());
    putIfPresent(node, "location", token.dataCenter() == null ? null : token.dataCenter().location());
    if (token.idToken() != null) {
      node.put("id_token", token.idToken().reveal());
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

  /**
   * The token of {@code key} as stored: plain without a {@code cipher}, sealed with one, bound to the store's
   * {@code version} of the record and to {@code serial} (from {@link SealWatermarks#next}).
   */
  static ObjectNode write(ZohoToken token, TokenCipher cipher, TokenKey key, long version, long serial) {
    ObjectNode plain = write(token);
    if (cipher == null) {
      return plain;
    }
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("format", VERSIONED_FORMAT);
    record.put("client_id", key.clientId());
    record.put("user_key", key.userKey());
    record.put("version", version);
    record.put("sealed_at", serial);
    record.set("token", plain);
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put(SEALED, cipher.seal(record.toString(), associatedData(key)));
    return node;
  }

  /** Reads a plain token; throws {@link IllegalArgumentException} naming the bad field. */
  static ZohoToken read(JsonNode node) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a token entry is not a JSON object");
    }
    List<Scope> scopes = new ArrayList<>();
    for (JsonNode s : node.path("scopes")) {
      scopes.add(Scope.parse(s.asText()));
    }
    return ZohoToken.builder()
        .accessToken(Secret.of(required(node, "access_token")))
        .refreshToken(secret(node, "refresh_token"))
        .expiresAt(instant(required(node, "expires_at"), "expires_at"))
        .scopes(scopes)
        .apiDomain(text(node, "api_domain"))
        .accountsServer(text(node, "accounts_server"))
        .dataCenter(DataCenter.fromLocation(text(node, "location")).orElse(null))
        .idToken(secret(node, "id_token"))
        .grantedForSession(node.path("granted_for_session").asBoolean(false))
        .refreshTokenRejectedAt(node.hasNonNull("refresh_token_rejected_at")
            ? instant(node.get("refresh_token_rejected_at").asText(), "refresh_token_rejected_at") : null)
        .build();
  }

  /**
   * Reads the token stored for {@code key} under the store's {@code version}: sealed (the current encrypted form),
   * an earlier encrypted form while migrating, or plain.
   *
   * @param marks what this store instance has seen of {@code key}'s sealed records; updated
   * @throws TokenStoreException when the record is sealed or encrypted but no cipher is configured, when it does not
   *     open under {@code cipher} for {@code key} (tampered, copied from another key, another encryption key), when
   *     it is plaintext although {@code cipher} is configured, when its sealed version is not {@code version} or it
   *     was sealed before one already seen (rolled back), or when it is in an earlier form that is refused
   * @throws IllegalArgumentException naming a missing or malformed field
   */
  static ZohoToken read(JsonNode node, TokenCipher cipher, TokenKey key, long version, SealWatermarks marks) {
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("a token entry is not a JSON object");
    }
    if (node.has(SEALED)) {
      if (cipher == null) {
        throw noKey(key);
      }
      return unseal(node.get(SEALED).asText(), cipher, key, version, marks);
    }
    if (cipher == null) {
      for (String field : SECRET_FIELDS) {
        if (TokenCipher.isEncrypted(text(node, field))) {
          throw noKey(key);
        }
      }
      return read(node);
    }
    // Format 1: each secret encrypted on its own. Read it (and rewrite it sealed on the next write), but a secret
    // in plaintext means someone wrote this entry without the key.
    boolean encrypted = false;
    for (String field : SECRET_FIELDS) {
      encrypted |= TokenCipher.isEncrypted(text(node, field));
    }
    if (encrypted) {
      refuseEarlierForm(1, cipher, key, marks);
    }
    ObjectNode opened = node.deepCopy();
    for (String field : SECRET_FIELDS) {
      String value = text(node, field);
      if (value == null) {
        continue;
      }
      if (!TokenCipher.isEncrypted(value)) {
        throw new TokenStoreException("The token of " + key + " holds " + field + " in plaintext, but this store is "
            + "encrypted: it was written without the encryption key (or edited by hand), so it is not used. Delete "
            + "this token and authorize again; to encrypt an existing plaintext store, authorize again with the "
            + "encryption configured");
      }
      opened.put(field, cipher.decrypt(value, key.toString()));
    }
    return read(opened);
  }

  private static ZohoToken unseal(String sealed, TokenCipher cipher, TokenKey key, long version,
      SealWatermarks marks) {
    JsonNode record;
    try {
      record = MAPPER.readTree(cipher.unseal(sealed, associatedData(key), key));
    } catch (IOException e) {
      throw new TokenStoreException("the sealed token of " + key + " opened but is not JSON; delete this token and "
          + "authorize again");
    }
    int format = record.path("format").asInt(-1);
    if ((format != SEALED_FORMAT && format != VERSIONED_FORMAT)
        || !key.clientId().equals(record.path("client_id").asText())
        || !key.userKey().equals(record.path("user_key").asText())) {
      throw new TokenStoreException("the sealed token stored for " + key + " belongs to "
          + record.path("client_id").asText() + "/" + record.path("user_key").asText() + " (format " + format
          + "), so it is not used; delete this token and authorize again");
    }
    if (format == SEALED_FORMAT) {
      refuseEarlierForm(SEALED_FORMAT, cipher, key, marks);
      return read(record.get("token"));
    }
    long sealedVersion = record.path("version").asLong(-1);
    if (sealedVersion != version) {
      throw new TokenStoreException("the sealed token of " + key + " was written as version " + sealedVersion
          + " of the record but is stored as version " + version + ": a writer without the encryption key copied an "
          + "older sealed value back, so it is not used. Delete this token and authorize again, and find out who "
          + "can write to this store");
    }
    long newer = marks.read(key, record.path("sealed_at").asLong(Long.MIN_VALUE));
    if (newer >= 0) {
      throw new TokenStoreException("the sealed token of " + key + " is older than one this process already read "
          + "or wrote (sealed at " + java.time.Instant.ofEpochMilli(record.path("sealed_at").asLong()) + ", before "
          + java.time.Instant.ofEpochMilli(newer) + "): the store was rolled back (a writer without the encryption key "
          + "put an older value back, or a backup was restored), so it is not used. If a backup was restored on "
          + "purpose, restart this process; otherwise find out who can write to this store");
    }
    return read(record.get("token"));
  }

  /** Refuses a record of an earlier encrypted {@code format} once the current form is required for {@code key}. */
  private static void refuseEarlierForm(int format, TokenCipher cipher, TokenKey key, SealWatermarks marks) {
    if (cipher.earlierFormatsRefused() || marks.known(key)) {
      throw new TokenStoreException("the token of " + key + " is stored in an earlier encrypted form (format "
          + format + ") although " + (cipher.earlierFormatsRefused() ? "this store reads only the current form"
          : "this process already read or wrote it in the current form") + ": a writer without the encryption key "
          + "put an old record back, so it is not used. Delete this token and authorize again, and find out who can "
          + "write to this store");
    }
  }

  /** What a sealed record is bound to besides its content: the format and the key, unambiguously joined. */
  static String associatedData(TokenKey key) {
    return "zohokit-token/" + SEALED_FORMAT + "\n" + key.clientId().length() + ":" + key.clientId() + "\n"
        + key.userKey();
  }

  private static TokenStoreException noKey(TokenKey key) {
    return new TokenStoreException("the tokens of " + key + " are stored encrypted, but no encryption key is "
        + "configured for this store; configure the key they were stored with");
  }

  private static Secret secret(JsonNode node, String field) {
    String value = text(node, field);
    return value == null ? null : Secret.of(value);
  }

  /** An ISO-8601 instant; otherwise the {@link IllegalArgumentException} {@link #read(JsonNode)} documents. */
  private static Instant instant(String value, String field) {
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("a token entry's '" + field + "' is not an ISO-8601 instant");
    }
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

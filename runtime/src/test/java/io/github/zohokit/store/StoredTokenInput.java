package io.github.zohokit.store;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.testing.Untrusted;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A stored token as a fuzz input, what a store writer without the key could leave: the first line is {@code key}
 * (the store has the encryption key {@link #KEY_BASE64}) or {@code plain}; the rest is the stored text (a whole token
 * file, or a row's {@code token} column). Placeholders: {@code {access}} and {@code {refresh}} (tokens),
 * {@code {sealed}} (a record of {@link #KEY} sealed under the key by zohokit itself) and {@code {sealed_other}}
 * (one of another user: a copied row).
 *
 * @param encrypted whether the store has the key
 * @param text the stored text
 */
record StoredTokenInput(boolean encrypted, String text) {
  /** A test key (base64 of 32 bytes); secret like any encryption key: no message may show it. */
  static final String KEY_BASE64 = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=";
  static final TokenCipher CIPHER = TokenCipher.aesGcm(KEY_BASE64);
  static final TokenKey KEY = new TokenKey(CLIENT_ID, "user-1");
  static final TokenKey OTHER = new TokenKey(CLIENT_ID, "user-2");
  private static final String SEALED = sealed(KEY);
  private static final String SEALED_OTHER = sealed(OTHER);

  static StoredTokenInput of(byte[] input) {
    String all = new String(input, StandardCharsets.UTF_8);
    int newline = all.indexOf('\n');
    String mode = newline < 0 ? all : all.substring(0, newline);
    String text = newline < 0 ? "" : all.substring(newline + 1);
    text = text.replace("{access}", ACCESS_TOKEN).replace("{refresh}", REFRESH_TOKEN).replace("{sealed}", SEALED)
        .replace("{sealed_other}", SEALED_OTHER);
    return new StoredTokenInput(mode.trim().equals("key"), text);
  }

  TokenCipher cipher() {
    return encrypted ? CIPHER : null;
  }

  /**
   * The secrets no message may show: the key always; a token unless the input also put it where zohokit names
   * what it read (a client id or user key, which say whose token failed).
   */
  List<String> secrets() {
    List<String> secrets = new ArrayList<>();
    // the key when the input does not hold its text (then a malformed scope or key that holds it is quoted rightly)
    secrets.add(text.contains(KEY_BASE64) ? null : KEY_BASE64);
    // a token when it stands only as a token's value, perhaps with its quote broken (the JSON parser's message
    // quotes the text it chokes on: that must not be a token)
    String tokenValue = "\"(access_token|refresh_token|id_token)\"\\s*:\\s*[^,{}\\[\\]]{0,3}";
    secrets.add(Untrusted.onlyAfter(text, tokenValue, ACCESS_TOKEN));
    secrets.add(Untrusted.onlyAfter(text, tokenValue, REFRESH_TOKEN));
    return secrets;
  }

  /**
   * The token's toString() shows no more of its access token than the redacted form: it is the same for another
   * access token with that form. (Looking for the token's text in it would also find it where the input put the same
   * text in a field toString rightly shows, such as the accounts server: a fuzzer's copy found that.)
   */
  void assertRedacted(ZohoToken token) {
    String access = token.accessToken().reveal();
    String redacted = Secret.redact(access);
    for (int i = access.length() / 2, n = 0; n < access.length(); n++, i = (i + 1) % access.length()) {
      char c = access.charAt(i);
      String probe = access.substring(0, i) + (c == 'x' ? 'y' : 'x') + access.substring(i + 1);
      if (Secret.redact(probe).equals(redacted)) {
        org.assertj.core.api.Assertions.assertThat(token.toString())
            .isEqualTo(token.toBuilder().accessToken(Secret.of(probe)).build().toString());
        return;
      }
    }
  }

  static ZohoToken token() {
    return ZohoToken.builder().accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(Instant.parse("2026-12-06T11:00:00Z")).scopes(Scope.parseList("ZohoCRM.modules.ALL"))
        .apiDomain("https://www.zohoapis.eu").accountsServer("https://accounts.zoho.eu").dataCenter(DataCenter.EU)
        .build();
  }

  /** The sealed value zohokit itself writes for {@code key}: through the file store, so it follows its format. */
  private static String sealed(TokenKey key) {
    try {
      Path dir = Files.createTempDirectory("zohokit-sealed");
      Path file = dir.resolve("tokens.json");
      TokenStores.file(file, CIPHER).compareAndSet(key, 0, token());
      JsonNode root = TokenJson.MAPPER.readTree(file.toFile());
      String sealed = root.path("tokens").path(0).path("token").path("sealed").asText();
      Files.delete(file);
      try (var rest = Files.list(dir)) {
        for (Path p : (Iterable<Path>) rest::iterator) {
          Files.delete(p);
        }
      }
      Files.delete(dir);
      return sealed;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package io.github.zohokit.store;

import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.ZohoToken;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A token file edited by someone without the key: every change is refused, nothing is used. */
class EncryptedFileTokenStoreTest {
  private static final TokenKey ALICE = new TokenKey("1000.CLIENT", "alice");
  private static final TokenKey BOB = new TokenKey("1000.CLIENT", "bob");
  private static final TokenCipher CIPHER = TokenCipher.aesGcm("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

  @TempDir
  Path dir;

  private static ZohoToken token(String access) {
    return ZohoToken.builder().accessToken(Secret.of(access))
        .refreshToken(Secret.of("1000.5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b.1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f"))
        .expiresAt(Instant.parse("2026-11-29T11:00:00Z")).scopes(Scope.parseList("ZohoCRM.modules.ALL"))
        .apiDomain("https://www.zohoapis.eu").accountsServer("https://accounts.zoho.eu").dataCenter(DataCenter.EU)
        .build();
  }

  private Path file() {
    return dir.resolve("tokens.json");
  }

  private ObjectNode readFile() throws Exception {
    return (ObjectNode) TokenJson.MAPPER.readTree(Files.readString(file()));
  }

  private void writeFile(JsonNode root) throws Exception {
    Files.writeString(file(), TokenJson.MAPPER.writeValueAsString(root));
  }

  private static ObjectNode entry(ObjectNode root, int index) {
    return (ObjectNode) root.path("tokens").get(index).get("token");
  }

  @Test
  void aChangedByteInTheSealedTokenIsRefused() throws Exception {
    TokenStores.file(file(), CIPHER).save(ALICE, token("1000.a11ce0000000000000000000000000a1.x"));
    ObjectNode root = readFile();
    String sealed = entry(root, 0).get("sealed").asText();
    int at = "enc:v2:".length() + 30;
    entry(root, 0).put("sealed", sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A')
        + sealed.substring(at + 1));
    writeFile(root);

    assertThatThrownBy(() -> TokenStores.file(file(), CIPHER).load(ALICE)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining(file().toString()).hasMessageContaining("1000.CLIENT/alice")
        .hasMessageContaining("changed or copied from another token").hasMessageContaining("authorize again");
  }

  @Test
  void sealedTokensSwappedBetweenEntriesAreRefused() throws Exception {
    TokenStore store = TokenStores.file(file(), CIPHER);
    store.save(ALICE, token("1000.a11ce0000000000000000000000000a1.x"));
    store.save(BOB, token("1000.b0b00000000000000000000000000b0b.x"));
    ObjectNode root = readFile();
    String alices = entry(root, 0).get("sealed").asText();
    entry(root, 0).put("sealed", entry(root, 1).get("sealed").asText());
    entry(root, 1).put("sealed", alices);
    writeFile(root);

    assertThatThrownBy(() -> TokenStores.file(file(), CIPHER).load(BOB)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("cannot be decrypted");
  }

  @Test
  void aPlaintextTokenInAnEncryptedFileIsRefused() throws Exception {
    TokenStores.file(file()).save(ALICE, token("1000.a11ce0000000000000000000000000a1.x"));
    assertThatThrownBy(() -> TokenStores.file(file(), CIPHER).load(ALICE)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("access_token in plaintext, but this store is encrypted")
        .hasMessageContaining("1000.CLIENT/alice");
  }

  @Test
  void aPlaintextFieldNextToEncryptedOnesIsRefused() throws Exception {
    writeLegacy(token("1000.a11ce0000000000000000000000000a1.x"));
    ObjectNode root = readFile();
    entry(root, 0).put("refresh_token", "1000.attackers.own.refresh.token");
    writeFile(root);
    assertThatThrownBy(() -> TokenStores.file(file(), CIPHER).load(ALICE)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("refresh_token in plaintext");
  }

  /** A file as zohokit wrote it before sealing: only the three token strings encrypted, one by one. */
  private void writeLegacy(ZohoToken token) throws Exception {
    new FileTokenStore(file()).save(ALICE, token);
    ObjectNode root = readFile();
    ObjectNode entry = entry(root, 0);
    entry.put("access_token", CIPHER.encrypt(token.accessToken().reveal(), ALICE.toString()));
    entry.put("refresh_token", CIPHER.encrypt(token.refreshToken().reveal(), ALICE.toString()));
    writeFile(root);
  }

  @Test
  void theEarlierEncryptedFormIsStillReadAndIsSealedOnTheNextWrite() throws Exception {
    ZohoToken token = token("1000.a11ce0000000000000000000000000a1.x");
    writeLegacy(token);
    TokenStore store = TokenStores.file(file(), CIPHER);

    StoredToken legacy = store.load(ALICE).get();
    assertThat(legacy.token()).isEqualTo(token);
    assertThat(Files.readString(file())).contains("enc:v1:").contains("accounts.zoho.eu");

    store.compareAndSet(ALICE, legacy.version(), token);
    assertThat(Files.readString(file())).contains("enc:v2:").doesNotContain("enc:v1:")
        .doesNotContain("accounts.zoho.eu");
    assertThat(store.load(ALICE).get().token()).isEqualTo(token);
  }

  @Test
  void aSealedTokenNeedsTheKey() throws Exception {
    TokenStores.file(file(), CIPHER).save(ALICE, token("1000.a11ce0000000000000000000000000a1.x"));
    assertThatThrownBy(() -> TokenStores.file(file()).load(ALICE)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("no encryption key is configured");
  }
}

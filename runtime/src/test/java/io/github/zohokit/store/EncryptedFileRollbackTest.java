package io.github.zohokit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone who can write the token file but has no encryption key puts an older entry back (a rollback) or an older
 * encrypted form (a downgrade).
 */
class EncryptedFileRollbackTest {
  private static final TokenKey ALICE = new TokenKey("1000.CLIENT", "alice");
  private static final TokenCipher CIPHER = TokenCipher.aesGcm("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
  private static final String OLD_ACCESS = "1000.0ld0ld0ld0ld0ld0ld0ld0ld0ld0ld0l.x";
  private static final String NEW_ACCESS = "1000.feedfeedfeedfeedfeedfeedfeedfeed.x";

  @TempDir
  Path dir;

  private Path file() {
    return dir.resolve("tokens.json");
  }

  /** The token the JDBC store's contract uses: an EU token with a refresh token. */
  private static ZohoToken token(String access) {
    return JdbcTokenStoreContract.token(access);
  }

  private ObjectNode readFile() throws Exception {
    return (ObjectNode) TokenJson.MAPPER.readTree(Files.readString(file()));
  }

  private void writeFile(ObjectNode root) throws Exception {
    Files.writeString(file(), TokenJson.MAPPER.writeValueAsString(root));
  }

  private static ObjectNode entry(ObjectNode root) {
    return (ObjectNode) root.path("tokens").get(0);
  }

  @Test
  void anOlderFilePutBackIsRefusedByAProcessThatSawTheNewerOne() throws Exception {
    TokenStore store = TokenStores.file(file(), CIPHER);
    store.save(ALICE, token(OLD_ACCESS));
    byte[] old = Files.readAllBytes(file());
    StoredToken current = store.compareAndSet(ALICE, 1, token(NEW_ACCESS)).orElseThrow();
    assertThat(store.load(ALICE)).contains(current);

    Files.write(file(), old);

    assertThatThrownBy(() -> store.load(ALICE)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining(file().toString()).hasMessageContaining("rolled back")
        .hasMessageNotContaining(OLD_ACCESS);
    assertThatThrownBy(() -> store.compareAndSet(ALICE, 1, token(NEW_ACCESS)))
        .as("nor is the rolled-back file written over as if it were current").isInstanceOf(TokenStoreException.class);
    // what a process started after the rollback cannot tell: it never saw the newer entry
    assertThat(TokenStores.file(file(), CIPHER).load(ALICE).orElseThrow().token().accessToken().reveal())
        .isEqualTo(OLD_ACCESS);
  }

  @Test
  void anOlderSealedValueUnderTheCurrentVersionIsRefusedByEveryProcess() throws Exception {
    TokenStore store = TokenStores.file(file(), CIPHER);
    store.save(ALICE, token(OLD_ACCESS));
    String oldSealed = entry(readFile()).path("token").path("sealed").asText();
    store.compareAndSet(ALICE, 1, token(NEW_ACCESS)).orElseThrow();

    ObjectNode root = readFile();
    ((ObjectNode) entry(root).get("token")).put("sealed", oldSealed);
    writeFile(root);

    assertThatThrownBy(() -> TokenStores.file(file(), CIPHER).load(ALICE)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("written as version 1").hasMessageContaining("stored as version 2");
  }

  @Test
  void theFirstEncryptedFormIsReadWhileMigratingButRefusedOnceResealed() throws Exception {
    new FileTokenStore(file()).save(ALICE, token(OLD_ACCESS));
    ObjectNode legacy = readFile();
    ObjectNode fields = (ObjectNode) entry(legacy).get("token");
    fields.put("access_token", CIPHER.encrypt(OLD_ACCESS, ALICE.toString()));
    fields.put("refresh_token", CIPHER.encrypt(token(OLD_ACCESS).refreshToken().reveal(), ALICE.toString()));
    writeFile(legacy);
    TokenStore store = TokenStores.file(file(), CIPHER);
    assertThat(store.load(ALICE).orElseThrow().token().accessToken().reveal()).isEqualTo(OLD_ACCESS);
    store.compareAndSet(ALICE, 1, token(NEW_ACCESS)).orElseThrow();   // resealed

    entry(legacy).put("version", 2);
    writeFile(legacy);

    assertThatThrownBy(() -> store.load(ALICE)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("earlier encrypted form (format 1)").hasMessageNotContaining(OLD_ACCESS);
    assertThatThrownBy(() -> TokenStores.file(file(), CIPHER.refusingEarlierFormats()).load(ALICE))
        .as("a process told that the store has migrated").isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("reads only the current form");
  }

  @Test
  void anUnversionedSealedEntryIsRefusedOnceResealed() throws Exception {
    TokenStores.file(file(), CIPHER).save(ALICE, token(OLD_ACCESS));
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("format", TokenJson.SEALED_FORMAT);
    record.put("client_id", ALICE.clientId());
    record.put("user_key", ALICE.userKey());
    record.set("token", TokenJson.write(token(OLD_ACCESS)));
    ObjectNode unversioned = readFile();
    ((ObjectNode) entry(unversioned).get("token"))
        .put("sealed", CIPHER.seal(record.toString(), TokenJson.associatedData(ALICE)));
    writeFile(unversioned);
    TokenStore store = TokenStores.file(file(), CIPHER);
    assertThat(store.load(ALICE).orElseThrow().token().accessToken().reveal()).isEqualTo(OLD_ACCESS);
    store.compareAndSet(ALICE, 1, token(NEW_ACCESS)).orElseThrow();

    entry(unversioned).put("version", 2);
    writeFile(unversioned);

    assertThatThrownBy(() -> store.load(ALICE)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("earlier encrypted form (format 2)");
  }

  @Test
  void writesOfTwoStoresOnOneFileKeepMovingForward() {
    TokenStore a = TokenStores.file(file(), CIPHER);
    TokenStore b = TokenStores.file(file(), CIPHER);
    a.save(ALICE, token(OLD_ACCESS));
    b.compareAndSet(ALICE, b.load(ALICE).orElseThrow().version(), token(NEW_ACCESS)).orElseThrow();
    assertThat(a.load(ALICE).orElseThrow().token().accessToken().reveal()).isEqualTo(NEW_ACCESS);
    a.save(new TokenKey("1000.CLIENT", "bob"), token(OLD_ACCESS));
    assertThat(b.load(ALICE).orElseThrow().token().accessToken().reveal()).isEqualTo(NEW_ACCESS);
  }
}

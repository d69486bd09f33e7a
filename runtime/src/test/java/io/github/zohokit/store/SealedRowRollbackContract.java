package io.github.zohokit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Someone who can write the token table but has no encryption key puts an older row back (a rollback: an older
 * sealed value, with or without its older version) or an older encrypted form (a downgrade). One subclass per
 * database.
 */
abstract class SealedRowRollbackContract {
  static final TokenKey KEY = new TokenKey("1000.CLIENT", "alice");
  private static final String OLD_ACCESS = "1000.0ld0ld0ld0ld0ld0ld0ld0ld0ld0ld0l.x";
  private static final String NEW_ACCESS = "1000.feedfeedfeedfeedfeedfeedfeedfeed.x";

  private String table;
  private TokenCipher cipher;

  abstract DataSource dataSource();

  @BeforeEach
  void freshTableAndKey() {
    table = "zk_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
    byte[] key = new byte[32];
    ThreadLocalRandom.current().nextBytes(key);
    cipher = TokenCipher.aesGcm(key);
  }

  private JdbcTokenStore store(TokenCipher with) {
    return JdbcTokenStore.builder(dataSource()).table(table).encryption(with).build();
  }

  /** The token the JDBC store's contract uses: an EU token with a refresh token. */
  private static ZohoToken token(String access) {
    return JdbcTokenStoreContract.token(access);
  }

  /** What the writer without the key sees and copies: the token column and the version. */
  private record Row(String token, long version) {}

  private Row row() throws Exception {
    try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT token, version FROM " + table + " WHERE client_id = ? AND user_key = ?")) {
      s.setString(1, KEY.clientId());
      s.setString(2, KEY.userKey());
      try (ResultSet row = s.executeQuery()) {
        assertThat(row.next()).isTrue();
        return new Row(row.getString(1), row.getLong(2));
      }
    }
  }

  private void putBack(Row row) throws Exception {
    try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
        "UPDATE " + table + " SET token = ?, version = ? WHERE client_id = ? AND user_key = ?")) {
      s.setString(1, row.token());
      s.setLong(2, row.version());
      s.setString(3, KEY.clientId());
      s.setString(4, KEY.userKey());
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  /** A row as zohokit wrote it before sealing: only the token strings encrypted, one by one. */
  private String firstForm(ZohoToken token) {
    ObjectNode v1 = TokenJson.write(token);
    v1.put("access_token", cipher.encrypt(token.accessToken().reveal(), KEY.toString()));
    v1.put("refresh_token", cipher.encrypt(token.refreshToken().reveal(), KEY.toString()));
    return v1.toString();
  }

  /** A row as zohokit sealed it before records carried their version: format 2. */
  private String unversionedSealed(ZohoToken token) {
    ObjectNode record = JsonNodeFactory.instance.objectNode();
    record.put("format", TokenJson.SEALED_FORMAT);
    record.put("client_id", KEY.clientId());
    record.put("user_key", KEY.userKey());
    record.set("token", TokenJson.write(token));
    ObjectNode node = JsonNodeFactory.instance.objectNode();
    node.put("sealed", cipher.seal(record.toString(), TokenJson.associatedData(KEY)));
    return node.toString();
  }

  @Test
  void anOlderRowPutBackWithItsVersionIsRefusedByAProcessThatSawTheNewerOne() throws Exception {
    JdbcTokenStore store = store(cipher);
    store.save(KEY, token(OLD_ACCESS));
    Row old = row();
    StoredToken current = store.compareAndSet(KEY, 1, token(NEW_ACCESS)).orElseThrow();
    assertThat(store.load(KEY)).contains(current);

    putBack(old);

    assertThatThrownBy(() -> store.load(KEY)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("table " + table).hasMessageContaining(KEY.toString())
        .hasMessageContaining("rolled back").hasMessageNotContaining(OLD_ACCESS);
    // what a process started after the rollback cannot tell: it never saw the newer row
    assertThat(store(cipher).load(KEY).orElseThrow().token().accessToken().reveal()).isEqualTo(OLD_ACCESS);
  }

  @Test
  void anOlderSealedValueUnderTheCurrentVersionIsRefusedByEveryProcess() throws Exception {
    JdbcTokenStore store = store(cipher);
    store.save(KEY, token(OLD_ACCESS));
    Row old = row();
    store.compareAndSet(KEY, 1, token(NEW_ACCESS)).orElseThrow();

    putBack(new Row(old.token(), 2));

    assertThatThrownBy(() -> store(cipher).load(KEY)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("written as version 1").hasMessageContaining("stored as version 2");
  }

  @Test
  void theFirstEncryptedFormIsReadWhileMigratingButRefusedOnceResealed() throws Exception {
    store(cipher).save(KEY, token(OLD_ACCESS));
    String legacy = firstForm(token(OLD_ACCESS));
    putBack(new Row(legacy, 1));
    JdbcTokenStore store = store(cipher);
    StoredToken migrating = store.load(KEY).orElseThrow();   // an old store migrates: still read
    assertThat(migrating.token().accessToken().reveal()).isEqualTo(OLD_ACCESS);
    store.compareAndSet(KEY, 1, token(NEW_ACCESS)).orElseThrow();   // resealed

    putBack(new Row(legacy, 2));

    assertThatThrownBy(() -> store.load(KEY)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("earlier encrypted form (format 1)").hasMessageNotContaining(OLD_ACCESS);
    assertThatThrownBy(() -> store(cipher.refusingEarlierFormats()).load(KEY))
        .as("a process told that the store has migrated").isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("reads only the current form");
  }

  @Test
  void anUnversionedSealedRowIsRefusedOnceResealed() throws Exception {
    store(cipher).save(KEY, token(OLD_ACCESS));
    String unversioned = unversionedSealed(token(OLD_ACCESS));
    putBack(new Row(unversioned, 1));
    JdbcTokenStore store = store(cipher);
    assertThat(store.load(KEY).orElseThrow().token().accessToken().reveal()).isEqualTo(OLD_ACCESS);
    store.compareAndSet(KEY, 1, token(NEW_ACCESS)).orElseThrow();

    putBack(new Row(unversioned, 2));

    assertThatThrownBy(() -> store.load(KEY)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("earlier encrypted form (format 2)");
    assertThatThrownBy(() -> store(cipher.refusingEarlierFormats()).load(KEY))
        .isInstanceOf(TokenStoreException.class).hasMessageContaining("reads only the current form");
  }

  @Test
  void writesKeepMovingForwardAcrossProcessesAndADeletedKey() {
    JdbcTokenStore a = store(cipher);
    JdbcTokenStore b = store(cipher);
    a.save(KEY, token(OLD_ACCESS));
    StoredToken read = b.load(KEY).orElseThrow();
    b.compareAndSet(KEY, read.version(), token(NEW_ACCESS)).orElseThrow();
    assertThat(a.load(KEY).orElseThrow().token().accessToken().reveal()).isEqualTo(NEW_ACCESS);
    assertThat(b.delete(KEY)).isTrue();
    b.save(KEY, token(OLD_ACCESS));   // authorized again: version 1 again, sealed later
    assertThat(a.load(KEY).orElseThrow().version()).isEqualTo(1);
  }
}

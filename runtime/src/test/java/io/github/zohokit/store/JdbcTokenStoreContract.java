package io.github.zohokit.store;

import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.testing.MutableClock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database must do for the JDBC token store; one subclass per database. */
abstract class JdbcTokenStoreContract {
  static final String REFRESH = "1000.5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b.1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f";
  static final TokenKey KEY = new TokenKey("1000.CLIENT", "alice");

  protected String table;
  private final MutableClock clock = new MutableClock();

  abstract DataSource dataSource();

  @BeforeEach
  void freshTable() {
    table = "zk_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffffL);
  }

  JdbcTokenStore.Builder store() {
    return JdbcTokenStore.builder(dataSource()).table(table).clock(clock);
  }

  static ZohoToken token(String access) {
    return ZohoToken.builder().accessToken(Secret.of(access)).refreshToken(Secret.of(REFRESH))
        .expiresAt(Instant.parse("2026-11-29T11:00:00Z")).scopes(Scope.parseList("ZohoCRM.modules.ALL"))
        .apiDomain("https://www.zohoapis.eu").accountsServer("https://accounts.zoho.eu").dataCenter(DataCenter.EU)
        .build();
  }

  @Test
  void tokensRoundTripAndTheSchemaIsCreatedOnce() {
    JdbcTokenStore first = store().build();
    StoredToken saved = first.save(KEY, token("1000.aaaa1111bbbb2222cccc3333dddd4444.x"));
    JdbcTokenStore second = store().build();
    assertThat(second.load(KEY)).contains(saved);
    assertThat(second.keys()).containsExactly(KEY);
    assertThat(second.load(new TokenKey("1000.CLIENT", "bob"))).isEmpty();
  }

  @Test
  void writesAreCompareAndSetOnTheVersion() {
    JdbcTokenStore store = store().build();
    assertThat(store.compareAndSet(KEY, 0, token("1000.one1one1one1one1one1one1one1one1.x"))).isPresent();
    assertThat(store.compareAndSet(KEY, 0, token("1000.two2two2two2two2two2two2two2two2.x"))).isEmpty();
    assertThat(store.compareAndSet(KEY, 1, token("1000.two2two2two2two2two2two2two2two2.x"))).get()
        .extracting(StoredToken::version).isEqualTo(2L);
    assertThat(store.compareAndSet(KEY, 1, token("1000.xxx3xxx3xxx3xxx3xxx3xxx3xxx3xxx3.x"))).isEmpty();
    assertThat(store.load(KEY).get().token().accessToken().reveal())
        .isEqualTo("1000.two2two2two2two2two2two2two2two2.x");
    assertThat(store.delete(KEY)).isTrue();
    assertThat(store.delete(KEY)).isFalse();
  }

  @Test
  void aLeaseIsExclusiveUntilReleasedOrExpired() {
    JdbcTokenStore a = store().build();
    JdbcTokenStore b = store().build();
    Optional<RefreshLease> held = a.tryAcquireRefreshLease(KEY, Duration.ofSeconds(30));
    assertThat(held).isPresent();
    assertThat(b.tryAcquireRefreshLease(KEY, Duration.ofSeconds(30))).isEmpty();
    held.get().close();
    Optional<RefreshLease> next = b.tryAcquireRefreshLease(KEY, Duration.ofSeconds(30));
    assertThat(next).isPresent();

    clock.advance(Duration.ofSeconds(31));
    assertThat(a.tryAcquireRefreshLease(KEY, Duration.ofSeconds(30))).as("an expired lease is taken over")
        .isPresent();
    next.get().close();
  }

  @Test
  void encryptedTokensNeverReachTheDatabaseInClearAndNeedTheKey() throws Exception {
    byte[] key = new byte[32];
    ThreadLocalRandom.current().nextBytes(key);
    JdbcTokenStore encrypted = store().encryption(TokenCipher.aesGcm(Base64.getEncoder().encodeToString(key)))
        .build();
    encrypted.save(KEY, token("1000.feedfeedfeedfeedfeedfeedfeedfeed.x"));
    assertThat(encrypted.load(KEY).get().token().refreshToken().reveal()).isEqualTo(REFRESH);

    try (Connection c = dataSource().getConnection(); Statement s = c.createStatement();
        ResultSet row = s.executeQuery("SELECT token FROM " + table)) {
      row.next();
      assertThat(row.getString(1)).doesNotContain(REFRESH).doesNotContain("feedfeed").doesNotContain("zoho.eu")
          .doesNotContain("expires").contains("enc:v2:");
    }
    byte[] other = key.clone();
    other[0] ^= 1;
    assertThatThrownBy(() -> store().encryption(TokenCipher.aesGcm(other)).build().load(KEY))
        .isInstanceOf(TokenStoreException.class).hasMessageContaining("cannot be decrypted");
    assertThatThrownBy(() -> store().build().load(KEY))
        .isInstanceOf(TokenStoreException.class).hasMessageContaining("no encryption key is configured");
  }

  private static TokenCipher randomCipher() {
    byte[] key = new byte[32];
    ThreadLocalRandom.current().nextBytes(key);
    return TokenCipher.aesGcm(key);
  }

  private String column(TokenKey key) throws Exception {
    try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
        "SELECT token FROM " + table + " WHERE client_id = ? AND user_key = ?")) {
      s.setString(1, key.clientId());
      s.setString(2, key.userKey());
      try (ResultSet row = s.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  private void setColumn(TokenKey key, String json) throws Exception {
    try (Connection c = dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
        "UPDATE " + table + " SET token = ? WHERE client_id = ? AND user_key = ?")) {
      s.setString(1, json);
      s.setString(2, key.clientId());
      s.setString(3, key.userKey());
      assertThat(s.executeUpdate()).isEqualTo(1);
    }
  }

  @Test
  void aTamperedEncryptedRowIsRefused() throws Exception {
    TokenCipher cipher = randomCipher();
    JdbcTokenStore encrypted = store().encryption(cipher).build();
    encrypted.save(KEY, token("1000.feedfeedfeedfeedfeedfeedfeedfeed.x"));
    String sealed = column(KEY);
    int at = sealed.indexOf("enc:v2:") + 20;
    char flipped = sealed.charAt(at) == 'A' ? 'B' : 'A';
    setColumn(KEY, sealed.substring(0, at) + flipped + sealed.substring(at + 1));

    assertThatThrownBy(() -> encrypted.load(KEY)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("1000.CLIENT/alice").hasMessageContaining("changed or copied")
        .hasMessageContaining("authorize again");
  }

  @Test
  void anEncryptedRowCopiedToAnotherUserIsRefused() throws Exception {
    TokenKey bob = new TokenKey("1000.CLIENT", "bob");
    JdbcTokenStore encrypted = store().encryption(randomCipher()).build();
    encrypted.save(KEY, token("1000.a11ce0000000000000000000000000a1.x"));
    encrypted.save(bob, token("1000.b0b00000000000000000000000000b0b.x"));
    setColumn(bob, column(KEY));

    assertThatThrownBy(() -> encrypted.load(bob)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("1000.CLIENT/bob");
    assertThat(encrypted.load(KEY).get().token().accessToken().reveal()).startsWith("1000.a11ce");
  }

  @Test
  void aPlaintextRowInAnEncryptedStoreIsRefused() throws Exception {
    store().build().save(KEY, token("1000.feedfeedfeedfeedfeedfeedfeedfeed.x"));
    assertThatThrownBy(() -> store().encryption(randomCipher()).build().load(KEY))
        .isInstanceOf(TokenStoreException.class).hasMessageContaining("in plaintext, but this store is encrypted")
        .hasMessageContaining("table " + table);
  }

  @Test
  void aRowOfTheEarlierEncryptedFormIsReadAndSealedOnTheNextWrite() throws Exception {
    TokenCipher cipher = randomCipher();
    ZohoToken token = token("1000.0ld0ld0ld0ld0ld0ld0ld0ld0ld0ld0l.x");
    ObjectNode v1 = TokenJson.write(token);
    v1.put("access_token", cipher.encrypt(token.accessToken().reveal(), KEY.toString()));
    v1.put("refresh_token", cipher.encrypt(REFRESH, KEY.toString()));
    // the row is created by another store instance: one that wrote the current form itself refuses the first form
    store().encryption(cipher).build().save(KEY, token);
    JdbcTokenStore encrypted = store().encryption(cipher).build();
    setColumn(KEY, v1.toString());

    StoredToken legacy = encrypted.load(KEY).get();
    assertThat(legacy.token()).isEqualTo(token);
    encrypted.compareAndSet(KEY, legacy.version(), token);
    assertThat(column(KEY)).contains("enc:v2:").doesNotContain("enc:v1:").doesNotContain("accounts_server");
    assertThat(encrypted.load(KEY).get().token()).isEqualTo(token);
  }

  @Test
  void aMissingSchemaWithoutCreationIsAClearError() {
    assertThatThrownBy(() -> store().createSchema(false).build().load(KEY))
        .isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("Token store '" + table + "' could not read the token of 1000.CLIENT/alice")
        .hasMessageContaining("may use the tables " + table + " and " + table + "_leases");
  }
}

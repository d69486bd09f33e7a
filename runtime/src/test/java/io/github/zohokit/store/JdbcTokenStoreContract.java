package io.github.zohokit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.auth.DataCenter;
import io.github.zohokit.auth.Scope;
import io.github.zohokit.auth.Secret;
import io.github.zohokit.auth.ZohoToken;
import io.github.zohokit.testing.MutableClock;
import java.sql.Connection;
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
      assertThat(row.getString(1)).doesNotContain(REFRESH).doesNotContain("feedfeed").contains("enc:v1:");
    }
    byte[] other = key.clone();
    other[0] ^= 1;
    assertThatThrownBy(() -> store().encryption(TokenCipher.aesGcm(other)).build().load(KEY))
        .isInstanceOf(TokenStoreException.class).hasMessageContaining("cannot be decrypted");
    assertThatThrownBy(() -> store().build().load(KEY))
        .isInstanceOf(TokenStoreException.class).hasMessageContaining("no encryption key is configured");
  }

  @Test
  void aMissingSchemaWithoutCreationIsAClearError() {
    assertThatThrownBy(() -> store().createSchema(false).build().load(KEY))
        .isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("Token store '" + table + "' could not read the token of 1000.CLIENT/alice")
        .hasMessageContaining("may use the tables " + table + " and " + table + "_leases");
  }
}

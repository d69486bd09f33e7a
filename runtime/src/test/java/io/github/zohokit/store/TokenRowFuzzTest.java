package io.github.zohokit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.testing.Untrusted;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * A row of the JDBC token store is input once anyone but zohokit can write the table (a store writer without the
 * key, a migration, a hand edit): whatever its {@code token} column holds, {@link JdbcTokenStore#load} returns the
 * token or throws the {@link TokenStoreException} it documents, never another exception, and no message shows a
 * token or the key. H2 in memory, the same SQL as PostgreSQL and MariaDB for this column.
 *
 * <p>Inputs are {@link StoredTokenInput}s (the column's text). Seeds:
 * {@code src/test/resources/io/github/zohokit/store/TokenRowFuzzTestInputs/tokenRow/}.
 */
class TokenRowFuzzTest {
  private static final DataSource H2 = Databases.h2("token-row-fuzz");
  private static final JdbcTokenStore PLAIN = JdbcTokenStore.builder(H2).build();
  private static final JdbcTokenStore ENCRYPTED = JdbcTokenStore.builder(H2).encryption(StoredTokenInput.CIPHER)
      .build();

  static {
    PLAIN.keys(); // creates the table
  }

  @FuzzTest
  void tokenRow(byte[] input) throws SQLException {
    StoredTokenInput stored = StoredTokenInput.of(input);
    put(stored.text());
    JdbcTokenStore store = stored.encrypted() ? ENCRYPTED : PLAIN;
    try {
      Optional<StoredToken> token = store.load(StoredTokenInput.KEY);
      assertThat(token).isPresent();
      stored.assertRedacted(token.get().token());
    } catch (TokenStoreException e) {
      Untrusted.assertNoSecretIn(e, stored.secrets());
    }
  }

  /**
   * Found by this target (seed bad-expiry.txt): a row whose {@code expires_at} is not an instant threw
   * {@code DateTimeParseException} out of {@code load}, past the store's contract.
   */
  @Test
  void aMalformedExpiryIsATokenStoreException() throws SQLException {
    put("{\"access_token\":\"a\",\"expires_at\":\"tomorrow\"}");
    assertThatThrownBy(() -> PLAIN.load(StoredTokenInput.KEY)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("'expires_at' is not an ISO-8601 instant").hasMessageContaining("delete the row");
  }

  private static void put(String token) throws SQLException {
    try (Connection c = H2.getConnection();
        PreparedStatement merge = c.prepareStatement("MERGE INTO zohokit_tokens (client_id, user_key, version, token,"
            + " updated_at) KEY (client_id, user_key) VALUES (?, ?, 1, ?, 0)")) {
      merge.setString(1, StoredTokenInput.KEY.clientId());
      merge.setString(2, StoredTokenInput.KEY.userKey());
      merge.setString(3, token);
      merge.executeUpdate();
    }
  }
}

package io.github.zohokit.store;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

class H2JdbcTokenStoreTest extends JdbcTokenStoreContract {
  private static final DataSource H2 = Databases.h2("tokens");

  @Override
  DataSource dataSource() {
    return H2;
  }

  @Test
  void tableNamesAreIdentifiersOnly() {
    assertThatThrownBy(() -> JdbcTokenStore.builder(H2).table("tokens; DROP TABLE x"))
        .hasMessageContaining("must be a plain SQL identifier");
  }

  @Test
  void keysMustHaveSixteenTwentyFourOrThirtyTwoBytes() {
    assertThatThrownBy(() -> TokenCipher.aesGcm(new byte[20])).hasMessageContaining("openssl rand -base64 32");
  }
}

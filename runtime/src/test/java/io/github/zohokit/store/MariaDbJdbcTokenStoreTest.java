package io.github.zohokit.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

/** Runs where {@code ZOHOKIT_MARIADB_URL} names a MariaDB/MySQL database; reported as skipped elsewhere. */
class MariaDbJdbcTokenStoreTest extends JdbcTokenStoreContract {
  @BeforeEach
  void requireMariaDb() {
    assumeTrue(Databases.mariadb().isPresent(),
        "skipped: no MariaDB/MySQL (set ZOHOKIT_MARIADB_URL, e.g. jdbc:mariadb://localhost:3306/zohokit?user=root)");
  }

  @Override
  DataSource dataSource() {
    return Databases.mariadb().orElseThrow();
  }
}

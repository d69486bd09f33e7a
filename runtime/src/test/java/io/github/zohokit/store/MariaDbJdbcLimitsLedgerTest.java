package io.github.zohokit.store;

import io.github.zohokit.testing.CiPrerequisite;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

/** Runs where {@code ZOHOKIT_MARIADB_URL} names a MariaDB/MySQL database; fails under {@code CI=true} without one. */
class MariaDbJdbcLimitsLedgerTest extends JdbcLimitsLedgerContract {
  @BeforeEach
  void requireMariaDb() {
    CiPrerequisite.require(Databases.mariadb().isPresent(),
        "no MariaDB/MySQL: set ZOHOKIT_MARIADB_URL, e.g. jdbc:mariadb://localhost:3306/zohokit?user=root");
  }

  @Override
  DataSource dataSource() {
    return Databases.mariadb().orElseThrow();
  }
}

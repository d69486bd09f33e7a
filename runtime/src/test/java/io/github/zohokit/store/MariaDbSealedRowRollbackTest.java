package io.github.zohokit.store;

import io.github.zohokit.testing.CiPrerequisite;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;

/**
 * Runs where {@code ZOHOKIT_MARIADB_URL} names a MariaDB/MySQL database; skipped elsewhere, saying why, except
 * under {@code CI=true}, where a missing database fails the tests.
 */
class MariaDbSealedRowRollbackTest extends SealedRowRollbackContract {
  @BeforeEach
  void requireMariaDb() {
    CiPrerequisite.require(Databases.mariadb().isPresent(),
        "no MariaDB/MySQL: set ZOHOKIT_MARIADB_URL, e.g. jdbc:mariadb://localhost:3306/zohokit?user=root"
            + " (.ci/run installs mariadb-server and sets it)");
  }

  @Override
  DataSource dataSource() {
    return Databases.mariadb().orElseThrow();
  }
}

package io.github.zohokit.store;

import javax.sql.DataSource;

class PostgresJdbcLimitsLedgerTest extends JdbcLimitsLedgerContract {
  @Override
  DataSource dataSource() {
    return Databases.postgres().getPostgresDatabase();
  }
}

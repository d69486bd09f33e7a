package io.github.zohokit.store;

import javax.sql.DataSource;

class H2JdbcLimitsLedgerTest extends JdbcLimitsLedgerContract {
  private static final DataSource H2 = Databases.h2("limits");

  @Override
  DataSource dataSource() {
    return H2;
  }
}

package io.github.zohokit.store;

import javax.sql.DataSource;

class PostgresJdbcTokenStoreTest extends JdbcTokenStoreContract {
  @Override
  DataSource dataSource() {
    return Databases.postgres().getPostgresDatabase();
  }
}

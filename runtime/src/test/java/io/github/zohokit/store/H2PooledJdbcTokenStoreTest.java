package io.github.zohokit.store;

import javax.sql.DataSource;

class H2PooledJdbcTokenStoreTest extends PooledJdbcTokenStoreContract {
  private static final DataSource H2 = Databases.h2("pooled");

  @Override
  DataSource database() {
    return H2;
  }
}

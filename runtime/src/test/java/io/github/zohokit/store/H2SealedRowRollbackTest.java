package io.github.zohokit.store;

import javax.sql.DataSource;

class H2SealedRowRollbackTest extends SealedRowRollbackContract {
  private static final DataSource H2 = Databases.h2("sealed-rollback");

  @Override
  DataSource dataSource() {
    return H2;
  }
}

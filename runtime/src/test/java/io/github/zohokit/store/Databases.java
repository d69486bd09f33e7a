package io.github.zohokit.store;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.util.Optional;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.mariadb.jdbc.MariaDbDataSource;

/** The real databases the JDBC store is tested on. */
public final class Databases {
  private static EmbeddedPostgres postgres;

  private Databases() {}

  public static DataSource h2(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
    return h2;
  }

  /** One embedded PostgreSQL (a real server process) for the whole test run. */
  public static synchronized EmbeddedPostgres postgres() {
    if (postgres == null) {
      try {
        postgres = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new IllegalStateException("embedded PostgreSQL did not start: " + e.getMessage(), e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          postgres.close();
        } catch (IOException ignored) {
          // the JVM ends anyway
        }
      }));
    }
    return postgres;
  }

  /** MariaDB/MySQL when {@code ZOHOKIT_MARIADB_URL} names one (CI installs and starts it). */
  public static Optional<DataSource> mariadb() {
    String url = System.getenv("ZOHOKIT_MARIADB_URL");
    if (url == null || url.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new MariaDbDataSource(url));
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("ZOHOKIT_MARIADB_URL is not usable: " + e.getMessage(), e);
    }
  }
}

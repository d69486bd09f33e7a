package io.github.zohokit.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.token.Secret;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.mariadb.jdbc.MariaDbDataSource;

/** The JDBC channel store on H2, and on MariaDB when ZOHOKIT_MARIADB_URL is set (CI sets it). */
class JdbcChannelStoreTest {
  static Stream<Arguments> databases() {
    List<Arguments> all = new ArrayList<>();
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:channels" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");
    all.add(Arguments.of("H2", h2));
    String maria = System.getenv("ZOHOKIT_MARIADB_URL");
    if (maria != null && !maria.isBlank()) {
      try {
        all.add(Arguments.of("MariaDB", new MariaDbDataSource(maria)));
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    } else if ("true".equals(System.getenv("CI"))) {
      throw new IllegalStateException("CI=true but ZOHOKIT_MARIADB_URL is not set: the MariaDB run is missing");
    }
    return all.stream();
  }

  private static Channel channel(String key, long id, String token, Instant expiry) {
    return new Channel(key, "Leads", id, Secret.of(token), expiry, "https://a.example/n?x=1", List.of("Leads.all"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void savesLoadsFindsAndDeletesChannels(String name, DataSource db) {
    String table = "ch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    JdbcChannelStore store = JdbcChannelStore.builder(db).table(table).build();
    Instant expiry = Instant.now().plus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MILLIS);
    assertThat(store.load("billing.Leads")).isEmpty();

    store.save(channel("billing.Leads", 1_000_000_000_001L, "token-one", expiry));
    store.save(channel("billing.Contacts", 1_000_000_000_002L, "token-two", expiry));
    Channel loaded = store.load("billing.Leads").orElseThrow();
    assertThat(loaded.token().reveal()).isEqualTo("token-one");
    assertThat(loaded.expiry()).isEqualTo(expiry);
    assertThat(loaded.events()).containsExactly("Leads.all");
    assertThat(loaded.notifyUrl()).isEqualTo("https://a.example/n?x=1");
    assertThat(store.findByChannelId(1_000_000_000_002L).orElseThrow().key()).isEqualTo("billing.Contacts");
    assertThat(store.findByChannelId(5L)).isEmpty();

    store.save(loaded.withExpiry(expiry.plusSeconds(60)));
    assertThat(store.load("billing.Leads").orElseThrow().expiry()).isEqualTo(expiry.plusSeconds(60));

    store.delete("billing.Leads");
    assertThat(store.load("billing.Leads")).isEmpty();
    assertThat(store.findByChannelId(1_000_000_000_001L)).isEmpty();
    assertThat(store.toString()).doesNotContain("token");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void twoKeysCannotShareAChannelId(String name, DataSource db) {
    JdbcChannelStore store = JdbcChannelStore.builder(db)
        .table("ch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).build();
    Instant expiry = Instant.now().plusSeconds(60);
    store.save(channel("a.Leads", 1_000_000_000_001L, "t1", expiry));
    assertThatThrownBy(() -> store.save(channel("b.Leads", 1_000_000_000_001L, "t2", expiry)))
        .isInstanceOf(NotificationException.class).hasMessageContaining("could not save the channel of b.Leads")
        .hasMessageNotContaining("t2");
  }
}

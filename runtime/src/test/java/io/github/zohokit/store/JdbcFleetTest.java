package io.github.zohokit.store;

import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.testing.JavaProcess;
import io.github.zohokit.testing.LeaseWatchingStore;
import io.github.zohokit.testing.MutableClock;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;


/** Several processes sharing one PostgreSQL token store behave like one client towards Zoho. */
class JdbcFleetTest {
  private static final String CLIENT_ID = "1000.FLEETCLIENT000000000000000000";
  private static final String SECRET = "0123456789abcdef0123456789abcdef0123456789";
  private static final String OLD = "1000.0000000000000000000000000000aaaa.0000000000000000000000000000aaaa";

  private final MockWebServer accounts = new MockWebServer();
  private final AtomicInteger refreshes = new AtomicInteger();
  private String table;

  @BeforeEach
  void start() throws Exception {
    accounts.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        int n = refreshes.incrementAndGet();
        Thread.sleep(1000);
        return new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
            .body("{\"access_token\":\"" + String.format("1000.%032d.%032d", n, n) + "\",\"expires_in\":3600}")
            .build();
      }
    });
    accounts.start();
    table = "fleet_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffffL);
  }

  @AfterEach
  void stop() {
    accounts.close();
  }

  private static ZohoToken expired(String accountsServer) {
    return ZohoToken.builder().accessToken(Secret.of(OLD)).refreshToken(Secret.of(OLD.replace('a', 'b')))
        .expiresAt(Instant.now().minusSeconds(60)).scopes(Scope.parseList("ZohoCRM.modules.ALL"))
        .accountsServer(accountsServer).build();
  }

  private String jdbcUrl() {
    return Databases.postgres().getJdbcUrl("postgres", "postgres");
  }

  private Process worker(String... args) throws Exception {
    return JavaProcess.start(FleetWorker.class, args);
  }

  @Test
  void fourProcessesHittingAnExpiredTokenAtOnceCauseOneRefresh() throws Exception {
    JdbcTokenStore store = JdbcTokenStore.builder(Databases.postgres().getPostgresDatabase()).table(table).build();
    store.save(new TokenKey(CLIENT_ID, "default"), expired(accounts.url("/").toString()));

    List<Process> fleet = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      fleet.add(worker("token", jdbcUrl(), table, accounts.url("/").toString(), CLIENT_ID, SECRET));
    }
    List<BufferedReader> outputs = LeaseWatchingStore.release(fleet);
    List<String> outs = new ArrayList<>();
    for (int i = 0; i < fleet.size(); i++) {
      assertThat(fleet.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
      outs.add(outputs.get(i).lines().collect(Collectors.joining("\n")));
    }
    assertThat(refreshes).hasValue(1);
    assertThat(outs).allMatch(t -> t.contains("TOKEN " + String.format("1000.%032d.%032d", 1, 1)));
    assertThat(outs).as("workers that were refused the lease and waited for another's renewal")
        .filteredOn(t -> t.contains("WAITED true")).isNotEmpty();
    assertThat(store.load(new TokenKey(CLIENT_ID, "default")).get().version()).isEqualTo(2);
  }

  @Test
  void aProcessKilledHoldingTheLeaseBlocksOthersOnlyUntilTheLeaseExpires() throws Exception {
    JdbcTokenStore store = JdbcTokenStore.builder(Databases.postgres().getPostgresDatabase()).table(table).build();
    store.save(new TokenKey(CLIENT_ID, "default"), expired(accounts.url("/").toString()));
    Process dying = worker("take-lease-and-die", jdbcUrl(), table, accounts.url("/").toString(), CLIENT_ID);
    assertThat(dying.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(new String(dying.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("LEASED");
    assertThat(dying.exitValue()).isEqualTo(9);

    ZohoOAuth survivor = ZohoOAuth.selfClient(CLIENT_ID, SECRET)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .tokenStore(store).accountsTimeout(Duration.ofSeconds(10)).leaseTimeout(Duration.ofSeconds(20)).build();
    assertThat(survivor.accessToken("default").reveal()).isEqualTo(String.format("1000.%032d.%032d", 1, 1));
    assertThat(refreshes).hasValue(1);
  }

  @Test
  void theDatabaseGoingAwayLosesNoTokenAndItsReturnIsPickedUp(@TempDir Path data) throws Exception {
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
        .setPort(port).start();
    MutableClock clock = new MutableClock(Instant.now());
    JdbcTokenStore store = JdbcTokenStore.builder(postgres.getPostgresDatabase()).table(table).build();
    TokenKey key = new TokenKey(CLIENT_ID, "default");
    ZohoToken stored = expired(accounts.url("/").toString()).toBuilder().expiresAt(clock.instant().plusSeconds(3600))
        .build();
    store.save(key, stored);
    ZohoOAuth oauth = ZohoOAuth.selfClient(CLIENT_ID, SECRET)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .tokenStore(store).clock(clock).build();
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(OLD);

    postgres.close();
    assertThat(oauth.accessToken("default").reveal()).as("served from memory").isEqualTo(OLD);
    clock.advance(Duration.ofMinutes(61));
    assertThat(oauth.accessToken("default").reveal()).as("renewed from memory while the database is down")
        .isEqualTo(String.format("1000.%032d.%032d", 1, 1));
    assertThat(refreshes).hasValue(1);

    EmbeddedPostgres back = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false)
        .setPort(port).start();
    try {
      StoredToken kept = store.load(key).orElseThrow();
      assertThat(kept.token().refreshToken()).isEqualTo(stored.refreshToken());
      clock.advance(Duration.ofMinutes(61));
      assertThat(oauth.accessToken("default").reveal()).isEqualTo(String.format("1000.%032d.%032d", 2, 2));
      assertThat(store.load(key).get().token().accessToken().reveal())
          .as("stored again once the database is back").isEqualTo(String.format("1000.%032d.%032d", 2, 2));
    } finally {
      back.close();
    }
  }
}

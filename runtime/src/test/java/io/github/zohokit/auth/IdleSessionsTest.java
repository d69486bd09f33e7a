package io.github.zohokit.auth;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoConfigurationException;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.lang.ref.WeakReference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A server with many users keeps a bounded number of their sessions (token in memory, generated APIs, HTTP client),
 * drops idle ones, and still never breaks what the application holds nor renews one user's token twice at once.
 */
@Timeout(60)
class IdleSessionsTest {
  private final MutableClock clock = new MutableClock();

  private ZohoOAuth oauth(TokenStore store, int maxUsers, Duration idle) {
    return ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).tokenStore(store).clock(clock)
        .sessionCache(maxUsers, idle).build();
  }

  /** Runs the collector until {@code done} (bounded: gives up after about two seconds). */
  private static void collectUntil(BooleanSupplier done) throws InterruptedException {
    List<byte[]> pressure = new ArrayList<>();
    for (int i = 0; i < 100 && !done.getAsBoolean(); i++) {
      System.gc();
      pressure.add(new byte[1 << 20]);
      if (pressure.size() > 16) {
        pressure.clear();
      }
      Thread.sleep(20);
    }
  }

  private static long reachable(List<WeakReference<Object>> refs) {
    return refs.stream().filter(ref -> ref.get() != null).count();
  }

  @Test
  void manyUsersKeepABoundedNumberOfSessionsAndTheirObjects() throws Exception {
    ZohoOAuth oauth = oauth(TokenStores.inMemory(), 10, Duration.ofHours(1));
    Zoho zoho = Zoho.connect(oauth);
    List<WeakReference<Object>> perUser = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      perUser.add(new WeakReference<>(zoho.forUser("user-" + i).httpClient()));
    }

    assertThat(oauth.sessionCache().kept()).as("sessions kept").isLessThanOrEqualTo(10);
    collectUntil(() -> reachable(perUser) <= 10);
    assertThat(reachable(perUser)).as("users' HTTP clients still reachable after a collection")
        .isLessThanOrEqualTo(10);
    assertThat(oauth.sessionCache().alive()).as("sessions alive: the 10 kept and the held default user's")
        .isLessThanOrEqualTo(11);
    assertThat(zoho.forUser("user-999").httpClient()).as("a kept user's objects are reused")
        .isSameAs(perUser.get(999).get());
  }

  @Test
  void aUserIdleForLongerThanTheIdleTimeIsDropped() {
    ZohoOAuth oauth = oauth(TokenStores.inMemory(), 100, Duration.ofMinutes(10));
    Zoho zoho = Zoho.connect(oauth);
    zoho.forUser("alice");
    clock.advance(Duration.ofMinutes(9));
    zoho.forUser("bob");
    assertThat(oauth.sessionCache().kept()).isEqualTo(3);   // default, alice, bob

    clock.advance(Duration.ofMinutes(2));   // alice and the default user idle for 11 minutes, bob for 2
    zoho.forUser("carol");
    assertThat(oauth.sessionCache().kept()).isEqualTo(2);   // bob, carol
  }

  @Test
  void theLimitsAreChecked() {
    assertThatThrownBy(() -> ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).sessionCache(-1, Duration.ofHours(1)))
        .isInstanceOf(ZohoConfigurationException.class).hasMessageContaining("must not be negative, was -1")
        .extracting(e -> ((ZohoConfigurationException) e).setting())
        .isEqualTo(ZohoConfigurationException.Setting.SESSION_CACHE);
    assertThatThrownBy(() -> ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).sessionCache(10, Duration.ZERO))
        .isInstanceOf(ZohoConfigurationException.class).hasMessageContaining("must be positive, was PT0S");
  }

  @Test
  void aHeldHttpClientKeepsWorkingAfterItsUserWasEvicted() throws Exception {
    try (MockWebServer api = new MockWebServer()) {
      api.start();
      TokenStore store = TokenStores.inMemory();
      store.save(new TokenKey(CLIENT_ID, "alice"), ZohoToken.builder().accessToken(Secret.of(ACCESS_TOKEN))
          .refreshToken(Secret.of(REFRESH_TOKEN)).expiresAt(clock.instant().plusSeconds(3000))
          .scopes(Scope.parseList("ZohoCRM.modules.ALL")).apiDomain("https://www.zohoapis.eu")
          .dataCenter(DataCenter.EU).build());
      ZohoOAuth oauth = ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET).dataCenter(DataCenter.EU).clock(clock)
          .endpoints(ZohoEndpoints.zoho().withApiBase(DataCenter.EU, api.url("/").toString()))
          .tokenStore(store).sessionCache(1, Duration.ofMinutes(10)).build();
      Zoho zoho = Zoho.connect(oauth);
      OkHttpClient alice = zoho.forUser("alice").httpClient();
      api.enqueue(json("{\"data\":[]}"));
      call(alice);

      for (int i = 0; i < 100; i++) {
        zoho.forUser("user-" + i).httpClient();   // alice is no longer kept
      }
      clock.advance(Duration.ofMinutes(20));
      collectUntil(() -> oauth.sessionCache().alive() <= 2);

      api.enqueue(json("{\"data\":[]}"));
      call(alice);
      assertThat(zoho.forUser("alice").httpClient()).as("the held user's session is found again, not made anew")
          .isSameAs(alice);
      api.takeRequest();
      RecordedRequest second = api.takeRequest();
      assertThat(second.getHeaders().get("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS_TOKEN);
    }
  }

  private static void call(OkHttpClient http) throws Exception {
    try (Response response = http.newCall(new Request.Builder().url("https://www.zohoapis.com/crm/v8/Leads")
        .build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
  }

  @Test
  void aUsersSessionEvictedDuringItsRenewalIsTheOneAnotherCallerJoins() throws Exception {
    TokenKey alice = new TokenKey(CLIENT_ID, "alice");
    TokenManagerTest.SingleFlight.CountingStore store =
        new TokenManagerTest.SingleFlight.CountingStore(TokenStores.inMemory());
    store.save(alice, ZohoToken.builder().accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(clock.instant().minusSeconds(1)).scopes(Scope.parseList("ZohoCRM.modules.ALL")).build());
    CountDownLatch renewing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger renewals = new AtomicInteger();
    String renewedAccess = "1000." + "f".repeat(32) + "." + "f".repeat(32);
    // nothing kept beyond what callers hold: alice's session lives only while her renewal is in flight
    TokenManager manager = new TokenManager(CLIENT_ID, store, clock, new TokenManager.Timing(Duration.ofMinutes(5),
        Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(20)),
        new TokenManager.SessionLimits(0, Duration.ofMinutes(10)),
        duration -> {
          throw new AssertionError("a second renewal polled the store for the first one's token");
        },
        Runnable::run, (key, stored) -> {
          renewals.incrementAndGet();
          renewing.countDown();
          TokenManagerTest.SingleFlight.awaitOrFail(release);
          return ZohoToken.builder().accessToken(Secret.of(renewedAccess)).refreshToken(Secret.of(REFRESH_TOKEN))
              .expiresAt(clock.instant().plusSeconds(3600)).build();
        }, token -> HttpUrl.get("https://www.zohoapis.com/"));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<String> first = pool.submit(() -> manager.session("alice").authorization().token().accessToken()
          .reveal());
      assertThat(renewing.await(10, TimeUnit.SECONDS)).isTrue();
      for (int i = 0; i < 100; i++) {
        manager.session("user-" + i);
      }
      collectUntil(() -> manager.sessions().alive() <= 1);
      assertThat(manager.sessions().kept()).isZero();
      int leases = store.leases.get();

      AtomicReference<Thread> secondThread = new AtomicReference<>();
      Future<String> second = pool.submit(() -> {
        secondThread.set(Thread.currentThread());
        return manager.session("alice").authorization().token().accessToken().reveal();
      });
      // the second caller either parks, joining the renewal in flight, or ends (a second renewal failed)
      while (!second.isDone() && (secondThread.get() == null
          || (secondThread.get().getState() != Thread.State.WAITING
              && secondThread.get().getState() != Thread.State.TIMED_WAITING))) {
        Thread.onSpinWait();
      }
      assertThat(store.leases.get()).as("refresh leases asked for while alice's renewal is in flight")
          .isEqualTo(leases);
      release.countDown();
      assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(renewedAccess);
      assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(renewedAccess);
      assertThat(renewals).hasValue(1);
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
  }
}

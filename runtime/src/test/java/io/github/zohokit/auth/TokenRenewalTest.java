package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.form;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.RateLimitException;
import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Renewal as the token manager does it: single flight, ahead of expiry, store first, within Zoho's budget. */
class TokenRenewalTest {
  private final MockWebServer accounts = new MockWebServer();
  private final MutableClock clock = new MutableClock();
  private final TokenStore store = TokenStores.inMemory();
  private final AtomicInteger refreshes = new AtomicInteger();
  private final List<String> issued = new ArrayList<>();
  private volatile Function<Integer, MockResponse> answer = n -> json("{\"access_token\":\"" + newToken(n)
      + "\",\"api_domain\":\"https://www.zohoapis.com\",\"token_type\":\"Bearer\",\"expires_in\":3600}");

  @BeforeEach
  void start() throws Exception {
    accounts.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/oauth/v2/token")
            && "refresh_token".equals(form(request).get("grant_type"))) {
          return answer.apply(refreshes.incrementAndGet());
        }
        return json(404, "{\"error\":\"unexpected request\"}");
      }
    });
    accounts.start();
  }

  @AfterEach
  void stop() {
    accounts.close();
  }

  private static String newToken(int n) {
    return String.format("1000.%032d.%032d", n, n);
  }

  private ZohoOAuth.Builder oauth() {
    return ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .tokenStore(store).clock(clock);
  }

  /** Stores a token that expires {@code in} from now. */
  private ZohoToken stored(Duration in) {
    ZohoToken token = ZohoToken.builder().accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(clock.instant().plus(in)).scopes(Scope.parseList("ZohoCRM.modules.ALL"))
        .apiDomain("https://www.zohoapis.com").accountsServer(accounts.url("/").toString()).dataCenter(DataCenter.US)
        .build();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), token);
    return token;
  }

  @Test
  void validTokenIsServedFromMemoryWithoutTouchingTheStoreAgain() {
    stored(Duration.ofMinutes(30));
    ZohoOAuth oauth = oauth().build();
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(ACCESS_TOKEN);
    store.delete(new TokenKey(oauth.clientId(), "default"));
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(ACCESS_TOKEN);
    assertThat(refreshes).hasValue(0);
  }

  @Test
  void twoHundredThreadsOnAnExpiredTokenCauseExactlyOneRefresh() throws Exception {
    stored(Duration.ofMinutes(-1));
    answer = n -> {
      sleep(300);
      return json("{\"access_token\":\"" + newToken(n) + "\",\"expires_in\":3600}");
    };
    ZohoOAuth oauth = oauth().build();

    List<String> tokens = runConcurrently(200, () -> oauth.accessToken("default").reveal());

    assertThat(refreshes).hasValue(1);
    assertThat(tokens).hasSize(200).containsOnly(newToken(1));
  }

  @Test
  void aFailedRefreshReachesEveryWaiterAndKeepsTheRefreshToken() throws Exception {
    stored(Duration.ofMinutes(-1));
    answer = n -> {
      sleep(300);
      return json(400, "{\"error\":\"invalid_code\"}");
    };
    ZohoOAuth oauth = oauth().build();

    List<String> outcomes = runConcurrently(50, () -> {
      try {
        return oauth.accessToken("default").reveal();
      } catch (ReauthorizationRequiredException e) {
        return e.getMessage();
      }
    });

    assertThat(refreshes).hasValue(1);
    assertThat(outcomes).hasSize(50).allSatisfy(o -> assertThat(o).contains("no longer accepts the refresh token"));
    assertThat(store.load(new TokenKey(oauth.clientId(), "default")).get().token().refreshToken().reveal()).isEqualTo(REFRESH_TOKEN);
  }

  @Test
  void renewalStartsAheadOfExpiryWhileOthersKeepUsingTheValidToken() throws Exception {
    stored(Duration.ofMinutes(3));
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch renewing = new CountDownLatch(1);
    answer = n -> {
      renewing.countDown();
      await(release);
      return json("{\"access_token\":\"" + newToken(n) + "\",\"expires_in\":3600}");
    };
    ZohoOAuth oauth = oauth().build();

    // a thread per caller: on newer JDKs the default async pool can be a single worker (2 cores), which would
    // queue the second caller behind the blocked first
    ExecutorService callers = Executors.newCachedThreadPool();
    try {
      CompletableFuture<String> renewer =
          CompletableFuture.supplyAsync(() -> oauth.accessToken("default").reveal(), callers);
      assertThat(renewing.await(10, TimeUnit.SECONDS)).as("the early renewal reached Zoho Accounts").isTrue();
      String meanwhile = CompletableFuture.supplyAsync(() -> oauth.accessToken("default").reveal(), callers)
          .get(10, TimeUnit.SECONDS);
      release.countDown();

      assertThat(meanwhile).isEqualTo(ACCESS_TOKEN);
      assertThat(renewer.get(10, TimeUnit.SECONDS)).isEqualTo(newToken(1));
      assertThat(oauth.accessToken("default").reveal()).isEqualTo(newToken(1));
      assertThat(refreshes).hasValue(1);
    } finally {
      release.countDown();
      callers.shutdownNow();
    }
  }

  @Test
  void aTokenWithinTheRefreshMarginIsRenewedOnTheRenewalExecutorWhileEveryCallerKeepsUsingIt() {
    stored(Duration.ofMinutes(30));
    answer = n -> json("{\"access_token\":\"" + newToken(n) + "\",\"expires_in\":3600}");
    List<Runnable> queued = new ArrayList<>();
    ZohoOAuth oauth = oauth().renewalExecutor(queued::add).build();
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(ACCESS_TOKEN);

    clock.advance(Duration.ofMinutes(27));   // 3 minutes left: within the 5-minute refresh margin
    assertThat(oauth.accessToken("default").reveal()).as("no caller waits for Zoho").isEqualTo(ACCESS_TOKEN);
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(ACCESS_TOKEN);
    assertThat(refreshes).as("nothing renewed on the callers' threads").hasValue(0);
    assertThat(queued).as("one renewal handed to the executor, not one per caller").hasSize(1);

    queued.get(0).run();
    assertThat(refreshes).hasValue(1);
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(newToken(1));
    assertThat(queued).hasSize(1);
  }

  @Test
  void aTokenWithinTheExpiryMarginIsNotSentTheCallerWaitsForItsRenewal() {
    stored(Duration.ofMinutes(10));
    answer = n -> json("{\"access_token\":\"" + newToken(n) + "\",\"expires_in\":3600}");
    List<Runnable> queued = new ArrayList<>();
    ZohoOAuth oauth = oauth().renewalExecutor(queued::add).build();
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(ACCESS_TOKEN);

    clock.advance(Duration.ofMinutes(9).plusSeconds(30));   // 30 seconds left: within the 1-minute expiry margin
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(newToken(1));
    assertThat(refreshes).hasValue(1);
    assertThat(queued).as("renewed on the caller's thread, which needed the token").isEmpty();
  }

  @Test
  void anExpiryMarginLongerThanTheRefreshMarginIsRefused() {
    assertThatThrownBy(() -> oauth().refreshMargin(Duration.ofMinutes(2)).expiryMargin(Duration.ofMinutes(3)).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expiry margin (PT3M) must not be longer than the refresh margin (PT2M)");
  }

  @Test
  void aFailedEarlyRenewalKeepsServingTheValidTokenAndRetriesLater() {
    stored(Duration.ofMinutes(3));
    answer = n -> n == 1 ? new MockResponse.Builder().code(503).body("down").build()
        : json("{\"access_token\":\"" + newToken(n) + "\",\"expires_in\":3600}");
    // renewals ahead of expiry on the calling thread, so that their outcome is seen at once
    ZohoOAuth oauth = oauth().renewalExecutor(Runnable::run).build();

    assertThat(oauth.accessToken("default").reveal()).isEqualTo(ACCESS_TOKEN);
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(ACCESS_TOKEN);
    assertThat(refreshes).hasValue(1);
    clock.advance(Duration.ofSeconds(31));
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(newToken(2));
  }

  @Test
  void aRejectedTokenIsReplacedFromTheStoreWhenAnotherProcessAlreadyRefreshed() {
    ZohoToken mine = stored(Duration.ofMinutes(30));
    ZohoOAuth oauth = oauth().build();
    assertThat(oauth.accessToken("default")).isEqualTo(mine.accessToken());
    ZohoToken theirs = mine.toBuilder().accessToken(Secret.of(newToken(99))).build();
    store.save(new TokenKey(oauth.clientId(), "default"), theirs);

    assertThat(oauth.tokenRejected("default", mine.accessToken()).accessToken().reveal()).isEqualTo(newToken(99));
    assertThat(refreshes).hasValue(0);
  }

  @Test
  void aRejectedTokenThatIsStillStoredIsRefreshedOnceForAllCallers() throws Exception {
    ZohoToken mine = stored(Duration.ofMinutes(30));
    answer = n -> {
      sleep(200);
      return json("{\"access_token\":\"" + newToken(n) + "\",\"expires_in\":3600}");
    };
    ZohoOAuth oauth = oauth().build();
    oauth.accessToken("default");

    List<String> tokens = runConcurrently(20,
        () -> oauth.tokenRejected("default", mine.accessToken()).accessToken().reveal());

    assertThat(refreshes).hasValue(1);
    assertThat(tokens).containsOnly(newToken(1));
  }

  @Test
  void pastZohosBudgetRefreshesFailFastSayingWhen() {
    stored(Duration.ofMinutes(30));
    ZohoOAuth oauth = oauth().refreshBudget(3, Duration.ofMinutes(10)).build();
    for (int i = 0; i < 3; i++) {
      oauth.tokenRejected("default", oauth.accessToken("default"));
    }
    clock.advance(Duration.ofMinutes(2));

    assertThatThrownBy(() -> oauth.tokenRejected("default", oauth.accessToken("default")))
        .isInstanceOf(RateLimitException.class)
        .hasMessageContaining("Zoho already issued 3 access tokens for it in the last 10m0s")
        .hasMessageContaining("allowed at 2026-11-29T10:10:00Z (in 8m0s)")
        .satisfies(e -> assertThat(((RateLimitException) e).retryAfter()).contains(Duration.ofMinutes(8)));
    assertThat(refreshes).hasValue(3);

    clock.advance(Duration.ofMinutes(8));
    oauth.tokenRejected("default", oauth.accessToken("default"));
    assertThat(refreshes).hasValue(4);
  }

  @Test
  void zohosThrottleIsWaitedOutInsteadOfRetriedOnEveryCall() {
    stored(Duration.ofMinutes(-1));
    answer = n -> json(400, "{\"error_description\":\"You have made too many requests continuously.\","
        + "\"error\":\"Access Denied\",\"status\":\"failure\"}");
    ZohoOAuth oauth = oauth().build();

    assertThatThrownBy(() -> oauth.accessToken("default")).isInstanceOf(RateLimitException.class)
        .hasMessageContaining("Zoho's throttle");
    assertThatThrownBy(() -> oauth.accessToken("default")).isInstanceOf(RateLimitException.class)
        .hasMessageContaining("waits until then");
    assertThat(refreshes).hasValue(1);

    clock.advance(Duration.ofMinutes(10));
    answer = n -> json("{\"access_token\":\"" + newToken(n) + "\",\"expires_in\":3600}");
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(newToken(2));
  }

  @Test
  void revokeRevokesTheRefreshTokenAndForgetsIt() throws Exception {
    stored(Duration.ofMinutes(30));
    accounts.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getUrl().encodedPath().equals("/oauth/v2/token/revoke")
            && REFRESH_TOKEN.equals(form(request).get("token"))
            ? json("{\"status\":\"success\"}") : json(400, "{\"status\":\"failure\"}");
      }
    });
    ZohoOAuth oauth = oauth().build();
    oauth.accessToken("default");

    assertThat(oauth.revoke("default")).isEqualTo(ZohoOAuth.Revocation.REVOKED);
    assertThat(store.keys()).isEmpty();
    assertThatThrownBy(() -> oauth.accessToken("default")).isInstanceOf(ReauthorizationRequiredException.class);
    assertThat(oauth.revoke("default")).isEqualTo(ZohoOAuth.Revocation.NOTHING_STORED);
  }

  @Test
  void aRevokeZohoDoesNotConfirmKeepsTheToken() {
    stored(Duration.ofMinutes(30));
    accounts.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return json(500, "{\"status\":\"failure\"}");
      }
    });
    ZohoOAuth oauth = oauth().build();
    assertThatThrownBy(() -> oauth.revoke("default")).hasMessageContaining("the token was kept");
    assertThat(store.keys()).hasSize(1);
  }

  private static <T> List<T> runConcurrently(int threads, java.util.concurrent.Callable<T> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch ready = new CountDownLatch(threads);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          ready.countDown();
          go.await();
          return task.call();
        }));
      }
      ready.await();
      go.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(30, TimeUnit.SECONDS));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

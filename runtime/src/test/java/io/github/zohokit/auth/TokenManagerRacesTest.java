package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN_2;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.internal.Authorization;
import io.github.zohokit.internal.Session;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the review of the redesign found in the token manager's concurrency, pinned: a renewal ahead its executor
 * never runs, one the executor refuses with an unexpected exception, a refused token handed back by a failed
 * renewal ahead, and a token a flow stores while a renewal is in flight.
 */
@Timeout(30)
class TokenManagerRacesTest {
  private static final TokenKey KEY = new TokenKey(CLIENT_ID, "alice");
  private static final String ACCESS_TOKEN_3 = "1000." + "c".repeat(32) + "." + "c".repeat(32);
  private static final HttpUrl API = HttpUrl.get("https://www.zohoapis.com/");

  private final MutableClock clock = new MutableClock();
  private final TokenStore store = TokenStores.inMemory();

  private TokenManager manager(Executor background, TokenManager.Renewal renewal) {
    return new TokenManager(KEY.clientId(), store, clock, new TokenManager.Timing(Duration.ofMinutes(5),
        Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(5)), d -> { }, background, renewal,
        token -> API);
  }

  private ZohoToken token(String access, Duration expiresIn) {
    return ZohoToken.builder().accessToken(Secret.of(access)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(clock.instant().plus(expiresIn)).build();
  }

  @Test
  void aRenewalAheadTheExecutorNeverRunsIsTakenOverByTheFirstCallerThatNeedsTheToken() {
    store.save(KEY, token(ACCESS_TOKEN, Duration.ofMinutes(10)));
    AtomicInteger renewals = new AtomicInteger();
    TokenManager manager = manager(task -> { }, (key, stored) -> {   // an executor that drops every task
      renewals.incrementAndGet();
      return token(ACCESS_TOKEN_2, Duration.ofHours(1));
    });
    Session session = manager.session(KEY.userKey());
    assertThat(session.authorization().token().accessToken().reveal()).isEqualTo(ACCESS_TOKEN);

    clock.advance(Duration.ofMinutes(7));   // 3 minutes left: renewal ahead handed to the executor, which drops it
    assertThat(session.authorization().token().accessToken().reveal()).isEqualTo(ACCESS_TOKEN);
    assertThat(renewals).hasValue(0);

    clock.advance(Duration.ofMinutes(2).plusSeconds(30));   // 30 seconds left: within the expiry margin
    assertThat(session.authorization().token().accessToken().reveal()).as("not a wait for a task that never runs")
        .isEqualTo(ACCESS_TOKEN_2);
    assertThat(renewals).hasValue(1);
  }

  @Test
  void anExecutorThatThrowsSomethingElseThanRejectedExecutionLeavesNoRenewalStuck() {
    store.save(KEY, token(ACCESS_TOKEN, Duration.ofMinutes(10)));
    AtomicInteger renewals = new AtomicInteger();
    TokenManager manager = manager(task -> {
      throw new IllegalStateException("executor shut down");
    }, (key, stored) -> {
      renewals.incrementAndGet();
      return token(ACCESS_TOKEN_2, Duration.ofHours(1));
    });
    Session session = manager.session(KEY.userKey());
    session.authorization();

    clock.advance(Duration.ofMinutes(7));
    assertThat(session.authorization().token().accessToken().reveal()).as("renewed on the caller's thread instead")
        .isEqualTo(ACCESS_TOKEN_2);
    assertThat(renewals).hasValue(1);
  }

  @Test
  void aRejectedTokenIsNotHandedBackByARenewalAheadThatFailed() throws Exception {
    store.save(KEY, token(ACCESS_TOKEN, Duration.ofMinutes(30)));
    AtomicInteger renewals = new AtomicInteger();
    CountDownLatch renewing = new CountDownLatch(1);
    CountDownLatch fail = new CountDownLatch(1);
    List<Runnable> queued = new ArrayList<>();
    TokenManager manager = manager(queued::add, (key, stored) -> {
      if (renewals.incrementAndGet() == 1) {
        renewing.countDown();
        try {
          fail.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        throw new ZohoUnavailableException("Zoho Accounts answered 503", 503, null, null);
      }
      return token(ACCESS_TOKEN_2, Duration.ofHours(1));
    });
    Session session = manager.session(KEY.userKey());
    Authorization first = session.authorization();
    clock.advance(Duration.ofMinutes(27));   // within the refresh margin: a renewal ahead is queued
    assertThat(session.authorization()).isSameAs(first);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    try {
      threads.submit(queued.get(0));   // the executor starts the renewal ahead; it will fail
      assertThat(renewing.await(10, TimeUnit.SECONDS)).isTrue();
      Thread[] waiter = new Thread[1];
      ExecutorService joining = Executors.newSingleThreadExecutor(task -> waiter[0] = new Thread(task, "waiter"));
      Future<Authorization> after401 = joining.submit(() -> session.rejected(first));   // joins that renewal
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (waiter[0] == null || waiter[0].getState() != Thread.State.TIMED_WAITING) {   // waiting on it
        assertThat(System.nanoTime()).as("the 401 caller joined the renewal ahead").isLessThan(deadline);
        Thread.onSpinWait();
      }
      joining.shutdown();
      fail.countDown();
      assertThat(after401.get(10, TimeUnit.SECONDS).token().accessToken().reveal())
          .as("never the token Zoho refused").isEqualTo(ACCESS_TOKEN_2);
      assertThat(renewals).hasValue(2);
    } finally {
      fail.countDown();
      threads.shutdownNow();
    }
  }

  @Test
  void aTokenAFlowStoresWhileARenewalIsInFlightIsNotOverwrittenByIt() throws Exception {
    TokenManager manager = renewWhile(m -> m.put(KEY, token(ACCESS_TOKEN_3, Duration.ofHours(1))));   // a new login

    assertThat(manager.session(KEY.userKey()).authorization().token().accessToken().reveal())
        .as("the login's token stays current").isEqualTo(ACCESS_TOKEN_3);
  }

  @Test
  void aTokenRevokedWhileItIsBeingRenewedIsNotStoredAgain() throws Exception {
    TokenManager manager = renewWhile(m -> {
      store.delete(KEY);   // what ZohoOAuth.revoke does
      m.forget(KEY);
    });

    assertThat(store.load(KEY)).as("the revoked user's refresh token is not written back").isEmpty();
    assertThat(manager.cached(KEY.userKey())).isEmpty();
  }

  /**
   * Renews an expired token on another thread and runs {@code meanwhile} while that renewal is at Zoho; the renewal
   * itself returns {@code ACCESS_TOKEN_2}.
   */
  private TokenManager renewWhile(Consumer<TokenManager> meanwhile) throws Exception {
    store.save(KEY, token(ACCESS_TOKEN, Duration.ofSeconds(-1)));
    CountDownLatch renewing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    TokenManager manager = manager(Runnable::run, (key, stored) -> {
      renewing.countDown();
      try {
        release.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return token(ACCESS_TOKEN_2, Duration.ofHours(1));
    });
    ExecutorService owner = Executors.newSingleThreadExecutor();
    try {
      Future<Authorization> renewed = owner.submit(manager.session(KEY.userKey())::authorization);
      assertThat(renewing.await(10, TimeUnit.SECONDS)).isTrue();
      meanwhile.accept(manager);
      release.countDown();
      assertThat(renewed.get(10, TimeUnit.SECONDS).token().accessToken().reveal()).isEqualTo(ACCESS_TOKEN_2);
      return manager;
    } finally {
      release.countDown();
      owner.shutdownNow();
    }
  }
}

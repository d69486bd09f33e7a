package io.github.zohokit.auth;

import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN_2;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.form;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.RateLimitException;
import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.internal.session.Authorization;
import io.github.zohokit.internal.session.Session;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.ForwardingTokenStore;
import io.github.zohokit.testing.MutableClock;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The token manager's contract, one nested group per promise. Most groups drive a {@link TokenManager} directly,
 * with a hand-moved clock, counting sleepers and store wrappers; {@link ThroughZohoOAuth} checks the same promises
 * through the public API against a mock Zoho Accounts. Across real processes: {@code CrossProcessRefreshTest} (it
 * starts JVMs, so mutation testing leaves it out).
 *
 * <ul>
 *   <li>{@link ValidPathAndMargins}: a FRESH token is handed out as is, one within the refresh margin is renewed
 *       ahead off the caller's thread, one within the expiry margin is not sent (each margin at its exact boundary);
 *       a failed renewal ahead backs off.
 *   <li>{@link SingleFlight}: one renewal per key in this process; the others wait for it and touch nothing.
 *   <li>{@link AcrossProcesses}: another process's refresh lease is waited out by polling the store.
 *   <li>{@link BoundedWaits}: nobody waits unbounded for another thread's or process's renewal.
 *   <li>{@link WhenTheStoreFails}: an unreachable store, a key that keeps changing.
 *   <li>{@link Rejections}: a token Zoho rejected is replaced, by the current one or a renewed one.
 *   <li>{@link Races}: what the review of the concurrency found, pinned.
 *   <li>{@link ThroughZohoOAuth}: the same promises end to end, with Zoho's budget and throttle, and revocation.
 * </ul>
 */
class TokenManagerTest {
  private static final TokenKey KEY = new TokenKey(CLIENT_ID, "alice");
  private static final String ACCESS_TOKEN_3 = "1000." + "c".repeat(32) + "." + "c".repeat(32);
  private static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);
  private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);
  private static final HttpUrl API = HttpUrl.get("https://www.zohoapis.com/");

  private final MutableClock clock = new MutableClock();
  private final TokenStore backing = TokenStores.inMemory();
  private final ExecutorService threads = Executors.newCachedThreadPool();

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  private TokenManager manager(TokenStore store, Sleeper sleeper, Executor background, TokenManager.Renewal renewal) {
    return manager(store, sleeper, background, renewal, Duration.ofSeconds(5));
  }

  private TokenManager manager(TokenStore store, Sleeper sleeper, Executor background, TokenManager.Renewal renewal,
      Duration waitLimit) {
    return new TokenManager(KEY.clientId(), store, clock, new TokenManager.Timing(REFRESH_MARGIN, EXPIRY_MARGIN,
        Duration.ofSeconds(30), waitLimit), sleeper, background, renewal, token -> API);
  }

  private ZohoToken token(String access, Duration expiresIn) {
    return ZohoToken.builder().accessToken(Secret.of(access)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(clock.instant().plus(expiresIn)).build();
  }

  private static TokenManager.Renewal noRenewal() {
    return (key, stored) -> {
      throw new AssertionError("no renewal expected");
    };
  }

  private static Sleeper noSleep() {
    return duration -> {
      throw new AssertionError("no polling expected");
    };
  }

  private static String access(Authorization authorization) {
    return authorization.token().accessToken().reveal();
  }

  /** Blocks until {@code thread} is parked (bounded by the class timeout). */
  private static void awaitParked(AtomicReference<Thread> thread) {
    while (thread.get() == null || (thread.get().getState() != Thread.State.WAITING
        && thread.get().getState() != Thread.State.TIMED_WAITING)) {
      Thread.onSpinWait();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      if (!latch.await(20, TimeUnit.SECONDS)) {
        throw new AssertionError("latch never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The valid path, the two margins at their exact boundaries, the back-off after a failed renewal ahead, and the default executor. */
  @Timeout(30)
  @Nested
  class ValidPathAndMargins {
    @Test
    void aTokenWithExactlyTheRefreshMarginLeftIsRenewedAheadWithoutBlockingTheCaller() {
      List<Runnable> scheduled = new CopyOnWriteArrayList<>();
      TokenManager manager = manager(backing, noSleep(), scheduled::add, (key, stored) ->
          token(ACCESS_TOKEN_2, Duration.ofHours(1)));
      manager.put(KEY, token(ACCESS_TOKEN, REFRESH_MARGIN));
      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN);
      assertThat(scheduled).as("renewal ahead handed to the executor").hasSize(1);

      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN);
      assertThat(scheduled).as("a second renewal ahead while the first is in flight").hasSize(1);

      scheduled.get(0).run();
      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN_2);
    }

    @Test
    void aTokenWithOneMillisecondMoreThanTheRefreshMarginIsNotRenewed() {
      List<Runnable> scheduled = new CopyOnWriteArrayList<>();
      TokenManager manager = manager(backing, noSleep(), scheduled::add, noRenewal());
      manager.put(KEY, token(ACCESS_TOKEN, REFRESH_MARGIN.plusMillis(1)));
      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN);
      assertThat(scheduled).isEmpty();
    }

    @Test
    void aTokenWithExactlyTheExpiryMarginLeftCountsAsExpiredAndTheCallerRenews() {
      List<Runnable> scheduled = new CopyOnWriteArrayList<>();
      List<Thread> renewers = new CopyOnWriteArrayList<>();
      TokenManager manager = manager(backing, noSleep(), scheduled::add, (key, stored) -> {
        renewers.add(Thread.currentThread());
        return token(ACCESS_TOKEN_2, Duration.ofHours(1));
      });
      manager.put(KEY, token(ACCESS_TOKEN, EXPIRY_MARGIN));

      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN_2);
      assertThat(renewers).containsExactly(Thread.currentThread());
      assertThat(scheduled).isEmpty();
    }

    @Test
    void aTokenWithOneMillisecondMoreThanTheExpiryMarginIsRenewedAhead() {
      List<Runnable> scheduled = new CopyOnWriteArrayList<>();
      TokenManager manager = manager(backing, noSleep(), scheduled::add, noRenewal());
      manager.put(KEY, token(ACCESS_TOKEN, EXPIRY_MARGIN.plusMillis(1)));

      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN);
      assertThat(scheduled).hasSize(1);
    }

    @Test
    void afterAFailedRenewalAheadTheTokenIsUsedForThirtySecondsThenRenewalIsTriedAgain() {
      AtomicInteger renewals = new AtomicInteger();
      TokenManager manager = manager(backing, noSleep(), Runnable::run, (key, stored) -> {
        if (renewals.incrementAndGet() == 1) {
          throw new ZohoUnavailableException("accounts down", 503, null, null);
        }
        return token(ACCESS_TOKEN_2, Duration.ofHours(1));
      });
      manager.put(KEY, token(ACCESS_TOKEN, Duration.ofMinutes(3)));

      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN);
      assertThat(renewals).hasValue(1);

      clock.advance(Duration.ofMillis(29_999));
      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN);
      assertThat(renewals).as("no new attempt within 30 s").hasValue(1);

      clock.advance(Duration.ofMillis(1));
      assertThat(access(manager.session(KEY.userKey()).authorization()))
          .as("at 30 s exactly the renewal is tried again; an executor on this thread renewed already")
          .isEqualTo(ACCESS_TOKEN_2);
      assertThat(renewals).hasValue(2);
    }

    @Test
    void withTheDefaultExecutorTheRenewalAheadRunsOnAZohokitDaemonThread() throws Exception {
      CompletableFuture<Thread> renewer = new CompletableFuture<>();
      CountDownLatch release = new CountDownLatch(1);
      TokenManager manager = manager(backing, noSleep(), TokenManager.background(), (key, stored) -> {
        renewer.complete(Thread.currentThread());
        await(release);   // the caller reads the current token before this renewal can replace it
        return token(ACCESS_TOKEN_2, Duration.ofHours(1));
      });
      manager.put(KEY, token(ACCESS_TOKEN, Duration.ofMinutes(3)));

      try {
        assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN);
      } finally {
        release.countDown();
      }
      Thread thread = renewer.get(10, TimeUnit.SECONDS);
      assertThat(thread.getName()).isEqualTo("zohokit-token-renewal");
      assertThat(thread.isDaemon()).isTrue();
      assertThat(thread).isNotSameAs(Thread.currentThread());
    }
  }

  /**
   * One renewal per key in this process. Waiting for another thread's renewal (an interrupted waiter, an Error
   * reaching the waiter), and single flight observed directly: while one caller renews, the other callers of the same
   * key wait for its result and touch the store not at all — no load, no lease. Counted with a store wrapper, so the
   * store's own lease cannot hide a second renewer (it did: with every caller an owner, the lease plus polling still
   * gave one refresh).
   */
  @Timeout(30)
  @Nested
  class SingleFlight {
    @Test
    void aCallerInterruptedWhileWaitingForAnotherThreadsRenewalFailsAndKeepsItsInterruptFlag() throws Exception {
      backing.save(KEY, token(ACCESS_TOKEN, Duration.ofSeconds(-1)));
      CountDownLatch renewing = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      TokenManager manager = manager(backing, noSleep(), Runnable::run, (key, stored) -> {
        renewing.countDown();
        await(release);
        return token(ACCESS_TOKEN_2, Duration.ofHours(1));
      });
      Future<Authorization> owner = threads.submit(() -> manager.session(KEY.userKey()).authorization());
      try {
        await(renewing);
        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> manager.session(KEY.userKey()).authorization())
            .isInstanceOf(ZohoException.class)
            .isNotInstanceOf(ZohoUnavailableException.class)
            .hasMessageContaining("interrupted while waiting for a token renewal");
        assertThat(Thread.interrupted()).as("the interrupt flag is restored").isTrue();
      } finally {
        Thread.interrupted();
        release.countDown();
      }
      assertThat(access(owner.get(10, TimeUnit.SECONDS))).isEqualTo(ACCESS_TOKEN_2);
    }

    /** An Error, not a RuntimeException: it must reach the waiter unwrapped. */
    static final class RenewalBroke extends Error {
      RenewalBroke() {
        super("renewal broke");
      }
    }

    @Test
    void anErrorThrownByTheOwnersRenewalReachesTheWaiterAsThatError() throws Exception {
      backing.save(KEY, token(ACCESS_TOKEN, Duration.ofSeconds(-1)));
      CountDownLatch renewing = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      RenewalBroke broke = new RenewalBroke();
      TokenManager manager = manager(backing, noSleep(), Runnable::run, (key, stored) -> {
        renewing.countDown();
        await(release);
        throw broke;
      });
      Future<Throwable> owner = threads.submit(() -> outcome(manager));
      await(renewing);
      AtomicReference<Thread> waiterThread = new AtomicReference<>();
      Future<Throwable> waiter = threads.submit(() -> {
        waiterThread.set(Thread.currentThread());
        return outcome(manager);
      });
      awaitParked(waiterThread);
      release.countDown();

      assertThat(owner.get(10, TimeUnit.SECONDS)).isSameAs(broke);
      assertThat(waiter.get(10, TimeUnit.SECONDS)).isSameAs(broke);
    }

    private static Throwable outcome(TokenManager manager) {
      try {
        manager.session(KEY.userKey()).authorization();
        return null;
      } catch (RuntimeException | Error e) {
        return e;
      }
    }

    private static final TokenKey KEY = new TokenKey(CLIENT_ID, "alice");
    private static final int WAITERS = 16;

    private final MutableClock clock = new MutableClock();
    private final TokenStore backing = TokenStores.inMemory();
    private final CountingStore store = new CountingStore(backing);

    @Test
    void whileOneRenewalIsInFlightOtherCallersDoNoStoreLoadAndTakeNoLease() throws Exception {
      backing.save(KEY, token(ACCESS_TOKEN, Duration.ofSeconds(-1)));
      CountDownLatch renewing = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger renewals = new AtomicInteger();
      String renewedAccess = "1000." + "f".repeat(32) + "." + "f".repeat(32);
      TokenManager manager = new TokenManager(KEY.clientId(), store, clock, new TokenManager.Timing(
          Duration.ofMinutes(5), Duration.ofMinutes(1), Duration.ofSeconds(30), Duration.ofSeconds(20)), Sleeper.REAL,
          Runnable::run, (key, stored) -> {
            renewals.incrementAndGet();
            renewing.countDown();
            awaitOrFail(release);
            return token(renewedAccess, Duration.ofHours(1));
          }, token -> okhttp3.HttpUrl.get("https://www.zohoapis.com/"));
      ExecutorService pool = Executors.newFixedThreadPool(WAITERS + 1);
      try {
        Future<ZohoToken> owner = pool.submit(() -> manager.session(KEY.userKey()).authorization().token());
        assertThat(renewing.await(10, TimeUnit.SECONDS)).as("the owner started renewing").isTrue();
        int loadsByOwner = store.loads.get();
        int leasesByOwner = store.leases.get();
        assertThat(loadsByOwner).as("the owner read the store, then again under the lease").isEqualTo(2);
        assertThat(leasesByOwner).isEqualTo(1);

        List<Thread> waiterThreads = new ArrayList<>();
        List<Future<ZohoToken>> waiters = new ArrayList<>();
        CountDownLatch started = new CountDownLatch(WAITERS);
        for (int i = 0; i < WAITERS; i++) {
          waiters.add(pool.submit(() -> {
            synchronized (waiterThreads) {
              waiterThreads.add(Thread.currentThread());
            }
            started.countDown();
            return manager.session(KEY.userKey()).authorization().token();
          }));
        }
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        // every waiter is parked on the owner's renewal (a bounded wait: the class timeout ends a hang)
        while (!allParked(waiterThreads)) {
          Thread.onSpinWait();
        }
        assertThat(store.loads.get()).as("store loads by the waiters while the renewal is in flight")
            .isEqualTo(loadsByOwner);
        assertThat(store.leases.get()).as("leases taken by the waiters while the renewal is in flight")
            .isEqualTo(leasesByOwner);
        assertThat(renewals.get()).isEqualTo(1);

        release.countDown();
        assertThat(owner.get(10, TimeUnit.SECONDS).accessToken().reveal()).isEqualTo(renewedAccess);
        for (Future<ZohoToken> waiter : waiters) {
          assertThat(waiter.get(10, TimeUnit.SECONDS).accessToken().reveal()).isEqualTo(renewedAccess);
        }
        assertThat(renewals.get()).isEqualTo(1);
        assertThat(store.loads.get()).as("nobody read the store after the renewal either").isEqualTo(loadsByOwner);
        assertThat(store.leases.get()).isEqualTo(leasesByOwner);
        assertThat(store.writes.get()).as("the renewed token was stored once").isEqualTo(1);
      } finally {
        release.countDown();
        pool.shutdownNow();
      }
    }

    private static boolean allParked(List<Thread> threads) {
      synchronized (threads) {
        if (threads.size() < WAITERS) {
          return false;
        }
        for (Thread thread : threads) {
          Thread.State state = thread.getState();
          if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING) {
            return false;
          }
        }
        return true;
      }
    }

    static void awaitOrFail(CountDownLatch latch) {
      try {
        if (!latch.await(20, TimeUnit.SECONDS)) {
          throw new AssertionError("the test never released the renewal");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }

    private ZohoToken token(String access, Duration expiresIn) {
      return ZohoToken.builder().accessToken(Secret.of(access)).refreshToken(Secret.of(REFRESH_TOKEN))
          .expiresAt(clock.instant().plus(expiresIn)).scopes(Scope.parseList("ZohoCRM.modules.ALL"))
          .apiDomain("https://www.zohoapis.com").build();
    }

    /** Counts what callers do to the store. */
    static final class CountingStore extends ForwardingTokenStore {
      final AtomicInteger loads = new AtomicInteger();
      final AtomicInteger leases = new AtomicInteger();
      final AtomicInteger writes = new AtomicInteger();

      CountingStore(TokenStore delegate) {
        super(delegate);
      }

      @Override
      public Optional<StoredToken> load(TokenKey key) {
        loads.incrementAndGet();
        return delegate.load(key);
      }

      @Override
      public Optional<StoredToken> compareAndSet(TokenKey key, long expectedVersion, ZohoToken token) {
        writes.incrementAndGet();
        return delegate.compareAndSet(key, expectedVersion, token);
      }

      @Override
      public Optional<RefreshLease> tryAcquireRefreshLease(TokenKey key, Duration ttl) {
        leases.incrementAndGet();
        return delegate.tryAcquireRefreshLease(key, ttl);
      }
    }
  }

  /** Another process holds the refresh lease: the caller polls the store for the token it stores. */
  @Timeout(30)
  @Nested
  class AcrossProcesses {
    @Test
    void whileAnotherProcessHoldsTheLeaseTheCallerPollsAndReturnsTheTokenThatProcessStores() {
      backing.save(KEY, token(ACCESS_TOKEN, Duration.ofSeconds(-1)));
      RefreshLease otherProcess = backing.tryAcquireRefreshLease(KEY, Duration.ofMinutes(5)).orElseThrow();
      AtomicInteger sleeps = new AtomicInteger();
      List<Duration> slept = new CopyOnWriteArrayList<>();
      Sleeper sleeper = duration -> {
        slept.add(duration);
        if (sleeps.incrementAndGet() == 3) {
          long version = backing.load(KEY).orElseThrow().version();
          backing.compareAndSet(KEY, version, token(ACCESS_TOKEN_2, Duration.ofHours(1))).orElseThrow();
          otherProcess.close();
        }
      };
      TokenManager manager = manager(backing, sleeper, Runnable::run, noRenewal(), Duration.ofSeconds(2));

      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN_2);
      assertThat(sleeps).as("polls until the other process stored its token").hasValue(3);
      assertThat(slept).containsOnly(Duration.ofMillis(50));
    }

    @Test
    void aSleeperInterruptedWhileWaitingForAnotherProcessFailsTheCallAndKeepsTheInterruptFlag() {
      backing.save(KEY, token(ACCESS_TOKEN, Duration.ofSeconds(-1)));
      try (RefreshLease otherProcess = backing.tryAcquireRefreshLease(KEY, Duration.ofMinutes(5)).orElseThrow()) {
        TokenManager manager = manager(backing, duration -> {
          throw new InterruptedException("stop");
        }, Runnable::run, noRenewal(), Duration.ofSeconds(2));
        try {
          assertThatThrownBy(() -> manager.session(KEY.userKey()).authorization())
              .isInstanceOf(ZohoException.class)
              .isNotInstanceOf(ZohoUnavailableException.class)
              .hasMessageContaining("interrupted while waiting for another process to renew the token of");
          assertThat(Thread.interrupted()).as("the interrupt flag is restored").isTrue();
        } finally {
          Thread.interrupted();
        }
      }
    }

    @Test
    void aUsableTokenStoredBetweenTheFirstLoadAndTheLeaseIsReturnedWithoutRenewing() {
      backing.save(KEY, token(ACCESS_TOKEN, Duration.ofSeconds(-1)));
      TokenStore store = new ForwardingTokenStore(backing) {
        @Override
        public Optional<RefreshLease> tryAcquireRefreshLease(TokenKey key, Duration ttl) {
          // another process renews and releases its lease just before this one takes it
          long version = delegate.load(key).orElseThrow().version();
          delegate.compareAndSet(key, version, token(ACCESS_TOKEN_2, Duration.ofHours(1))).orElseThrow();
          return delegate.tryAcquireRefreshLease(key, ttl);
        }
      };
      TokenManager manager = manager(store, noSleep(), Runnable::run, noRenewal());

      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN_2);
      assertThat(backing.tryAcquireRefreshLease(KEY, Duration.ofSeconds(1))).as("the lease was released").isPresent();
    }
  }

  @Nested
  class BoundedWaits {
    private static final TokenKey KEY = new TokenKey("1000.CLIENT", TokenKey.DEFAULT_USER);
    private static final Duration WAIT_LIMIT = Duration.ofMillis(300);

    private final MutableClock clock = new MutableClock();
    private final TokenStore store = TokenStores.inMemory();

    private void storeExpired() {
      store.save(KEY, ZohoToken.builder().accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
          .expiresAt(clock.instant().minusSeconds(60)).build());
    }

    private TokenManager manager(TokenManager.Renewal renewal) {
      return new TokenManager(KEY.clientId(), store, clock, new TokenManager.Timing(Duration.ofMinutes(5),
          Duration.ofMinutes(1), Duration.ofSeconds(40), WAIT_LIMIT), d -> Thread.sleep(Math.min(d.toMillis(), 10)),
          Runnable::run, renewal, token -> okhttp3.HttpUrl.get("https://www.zohoapis.com/"));
    }

    @Test
    void waitingForAnotherThreadsRenewalEndsAtTheWaitLimit() throws Exception {
      storeExpired();
      CountDownLatch renewing = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      TokenManager manager = manager((key, stored) -> {
        renewing.countDown();
        try {
          release.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return stored.token().toBuilder().expiresAt(clock.instant().plusSeconds(3600)).build();
      });
      ExecutorService owner = Executors.newSingleThreadExecutor();
      try {
        CompletableFuture<ZohoToken> first = CompletableFuture.supplyAsync(() -> manager.session(KEY.userKey()).authorization().token(), owner);
        assertThat(renewing.await(10, TimeUnit.SECONDS)).isTrue();

        assertThatThrownBy(() -> manager.session(KEY.userKey()).authorization().token())
            .isInstanceOf(ZohoUnavailableException.class)
            .hasMessageContaining("the renewal another thread started has not finished");

        release.countDown();
        assertThat(first.get(10, TimeUnit.SECONDS).isExpiredAt(clock.instant())).isFalse();
      } finally {
        release.countDown();
        owner.shutdownNow();
      }
    }

    @Test
    void waitingForAnotherProcessHoldingTheLeaseEndsAtTheWaitLimit() {
      storeExpired();
      TokenManager manager = manager((key, stored) -> {
        throw new AssertionError("must not renew while another process holds the lease");
      });
      Optional<RefreshLease> otherProcess = store.tryAcquireRefreshLease(KEY, Duration.ofMinutes(5));
      assertThat(otherProcess).isPresent();
      CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
        try {
          manager.session(KEY.userKey()).authorization().token();
          return null;
        } catch (RuntimeException e) {
          return e;
        }
      }, Executors.newSingleThreadExecutor());
      try {
        assertThat(outcome.get(10, TimeUnit.SECONDS))
            .isInstanceOf(ZohoUnavailableException.class)
            .hasMessageContaining("another process holds the refresh lease");
      } catch (Exception e) {
        throw new AssertionError(e);
      } finally {
        otherProcess.get().close();
      }
    }
  }

  /** The store cannot be reached, or the renewed token cannot be saved because the key keeps changing. */
  @Timeout(30)
  @Nested
  class WhenTheStoreFails {
    private static final class UnreachableStore extends ForwardingTokenStore {
      final TokenStoreException failure = new TokenStoreException("store down");
      final AtomicInteger writes = new AtomicInteger();
      volatile boolean loadFails = true;
      volatile boolean leaseFails;

      UnreachableStore(TokenStore delegate) {
        super(delegate);
      }

      @Override
      public Optional<StoredToken> load(TokenKey key) {
        if (loadFails) {
          throw failure;
        }
        return delegate.load(key);
      }

      @Override
      public Optional<RefreshLease> tryAcquireRefreshLease(TokenKey key, Duration ttl) {
        if (leaseFails) {
          throw failure;
        }
        return delegate.tryAcquireRefreshLease(key, ttl);
      }

      @Override
      public Optional<StoredToken> compareAndSet(TokenKey key, long expectedVersion, ZohoToken token) {
        writes.incrementAndGet();
        return delegate.compareAndSet(key, expectedVersion, token);
      }
    }

    @Test
    void anUnreachableStoreRenewsFromTheInMemoryTokenAndStoresNothing() {
      UnreachableStore store = new UnreachableStore(backing);
      ZohoToken inMemory = token(ACCESS_TOKEN, Duration.ofSeconds(30));
      List<StoredToken> renewedFrom = new CopyOnWriteArrayList<>();
      TokenManager manager = manager(store, noSleep(), Runnable::run, (key, stored) -> {
        renewedFrom.add(stored);
        return token(ACCESS_TOKEN_2, Duration.ofHours(1));
      });
      manager.put(KEY, inMemory);

      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN_2);
      assertThat(renewedFrom).hasSize(1);
      assertThat(renewedFrom.get(0).token()).isSameAs(inMemory);
      assertThat(store.writes).as("nothing written to an unreachable store").hasValue(0);
      assertThat(access(manager.session(KEY.userKey()).authorization())).as("used from memory")
          .isEqualTo(ACCESS_TOKEN_2);
    }

    @Test
    void anUnreachableStoreWithNoInMemoryTokenFailsWithTheStoresException() {
      UnreachableStore store = new UnreachableStore(backing);
      TokenManager manager = manager(store, noSleep(), Runnable::run, noRenewal());

      assertThatThrownBy(() -> manager.session(KEY.userKey()).authorization()).isSameAs(store.failure);
    }

    @Test
    void anUnreachableStoreWithAnInMemoryTokenWithoutRefreshTokenFailsWithTheStoresException() {
      UnreachableStore store = new UnreachableStore(backing);
      TokenManager manager = manager(store, noSleep(), Runnable::run, noRenewal());
      manager.put(KEY, ZohoToken.builder().accessToken(Secret.of(ACCESS_TOKEN))
          .expiresAt(clock.instant().plusSeconds(30)).build());

      assertThatThrownBy(() -> manager.session(KEY.userKey()).authorization()).isSameAs(store.failure);
    }

    @Test
    void aStoreThatFailsAtTheLeaseRenewsFromTheTokenItJustLoaded() {
      UnreachableStore store = new UnreachableStore(backing);
      store.loadFails = false;
      store.leaseFails = true;
      ZohoToken stored = token(ACCESS_TOKEN, Duration.ofSeconds(-1));
      backing.save(KEY, stored);
      List<ZohoToken> renewedFrom = new CopyOnWriteArrayList<>();
      TokenManager manager = manager(store, noSleep(), Runnable::run, (key, from) -> {
        renewedFrom.add(from.token());
        return token(ACCESS_TOKEN_2, Duration.ofHours(1));
      });

      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN_2);
      assertThat(renewedFrom).extracting(t -> t.accessToken().reveal()).containsExactly(ACCESS_TOKEN);
      assertThat(store.writes).hasValue(0);
    }

    // ---- the renewed token cannot be saved ----

    @Test
    void aFirstSaveThatLosesToAWriteGoneAgainIsRetriedAndStored() {
      AtomicInteger saves = new AtomicInteger();
      TokenStore store = new ForwardingTokenStore(backing) {
        @Override
        public Optional<StoredToken> compareAndSet(TokenKey key, long expectedVersion, ZohoToken token) {
          // the first save loses to another writer whose token is gone again when the loser looks
          return saves.incrementAndGet() == 1 ? Optional.empty() : delegate.compareAndSet(key, expectedVersion, token);
        }
      };
      TokenManager manager = manager(store, noSleep(), Runnable::run, (key, stored) ->
          token(ACCESS_TOKEN_2, Duration.ofHours(1)));

      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN_2);
      assertThat(saves).hasValue(2);
      assertThat(backing.load(KEY)).as("nothing was stored before, so nothing was revoked: the token is stored")
          .map(stored -> stored.token().accessToken().reveal()).contains(ACCESS_TOKEN_2);
    }

    @Test
    void whenTheKeyKeepsChangingAUsableTokenSomeoneElseWroteWins() {
      backing.save(KEY, token(ACCESS_TOKEN, Duration.ofSeconds(-1)));
      AtomicInteger attempts = new AtomicInteger();
      TokenStore store = new ForwardingTokenStore(backing) {
        @Override
        public Optional<StoredToken> compareAndSet(TokenKey key, long expectedVersion, ZohoToken token) {
          attempts.incrementAndGet();
          delegate.save(key, token(ACCESS_TOKEN_3, Duration.ofHours(2)));   // a new login, just before
          return Optional.empty();
        }
      };
      TokenManager manager = manager(store, noSleep(), Runnable::run, (key, stored) ->
          token(ACCESS_TOKEN_2, Duration.ofHours(1)));

      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN_3);
      assertThat(attempts).hasValue(1);
    }

    @Test
    void whenTheKeyKeepsChangingToUnusableTokensTheRenewedTokenIsUsedFromMemoryAfterThreeAttempts() {
      backing.save(KEY, token(ACCESS_TOKEN, Duration.ofSeconds(-1)));
      List<Long> expectedVersions = new CopyOnWriteArrayList<>();
      List<Long> versionsBefore = new CopyOnWriteArrayList<>();
      TokenStore store = new ForwardingTokenStore(backing) {
        @Override
        public Optional<StoredToken> compareAndSet(TokenKey key, long expectedVersion, ZohoToken token) {
          expectedVersions.add(expectedVersion);
          // someone else writes an expired token each time, so the version moves on and nothing usable appears
          versionsBefore.add(delegate.save(key, token(ACCESS_TOKEN_3, Duration.ofSeconds(-5))).version());
          return Optional.empty();
        }
      };
      long initial = backing.load(KEY).orElseThrow().version();
      TokenManager manager = manager(store, noSleep(), Runnable::run, (key, stored) ->
          token(ACCESS_TOKEN_2, Duration.ofHours(1)));

      assertThat(access(manager.session(KEY.userKey()).authorization())).isEqualTo(ACCESS_TOKEN_2);
      assertThat(expectedVersions).as("three attempts, each expecting the version last read")
          .containsExactly(initial, versionsBefore.get(0), versionsBefore.get(1));
      assertThat(access(manager.session(KEY.userKey()).authorization())).as("used from memory")
          .isEqualTo(ACCESS_TOKEN_2);
    }
  }

  /** A token Zoho rejected, and what a session is. */
  @Timeout(30)
  @Nested
  class Rejections {
    @Test
    void aRejectedTokenThatIsNoLongerCurrentGetsTheCurrentOneWithoutRenewal() {
      TokenManager manager = manager(backing, noSleep(), Runnable::run, noRenewal());
      TokenManager.UserSession session = manager.session(KEY.userKey());
      Authorization rejected = session.authorize(token(ACCESS_TOKEN, Duration.ofHours(1)));
      manager.put(KEY, token(ACCESS_TOKEN_2, Duration.ofHours(1)));

      assertThat(session.rejected(rejected)).isSameAs(session.current);
      assertThat(access(session.rejected(rejected))).isEqualTo(ACCESS_TOKEN_2);
    }

    @Test
    void aRejectedTokenWhoseCurrentSuccessorIsWithinTheExpiryMarginIsRenewed() {
      AtomicInteger renewals = new AtomicInteger();
      TokenManager manager = manager(backing, noSleep(), Runnable::run, (key, stored) -> {
        renewals.incrementAndGet();
        return token(ACCESS_TOKEN_3, Duration.ofHours(1));
      });
      TokenManager.UserSession session = manager.session(KEY.userKey());
      Authorization rejected = session.authorize(token(ACCESS_TOKEN, Duration.ofHours(1)));
      manager.put(KEY, token(ACCESS_TOKEN_2, EXPIRY_MARGIN));

      assertThat(access(session.rejected(rejected))).isEqualTo(ACCESS_TOKEN_3);
      assertThat(renewals).hasValue(1);
    }

    @Test
    void theCachedAuthorizationIsTheCurrentOne() {
      TokenManager manager = manager(backing, noSleep(), Runnable::run, noRenewal());
      assertThat(manager.cached(KEY.userKey())).isEmpty();

      manager.put(KEY, token(ACCESS_TOKEN, Duration.ofHours(1)));

      assertThat(manager.cached(KEY.userKey())).get().isSameAs(manager.session(KEY.userKey()).current);
      assertThat(manager.cached(KEY.userKey()).map(TokenManagerTest::access)).contains(ACCESS_TOKEN);
    }

    @Test
    void aSessionKnowsItsUser() {
      TokenManager manager = manager(backing, noSleep(), Runnable::run, noRenewal());
      assertThat(manager.session("alice").userKey()).isEqualTo("alice");
      assertThat(manager.session("bob").userKey()).isEqualTo("bob");
      assertThat(manager.session("alice")).isSameAs(manager.session("alice"));
    }
  }

  /**
   * What the review of the redesign found in the token manager's concurrency, pinned: a renewal ahead its executor
   * never runs, one the executor refuses with an unexpected exception, a refused token handed back by a failed
   * renewal ahead, and a token a flow stores while a renewal is in flight.
   */
  @Timeout(30)
  @Nested
  class Races {
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

    @Test
    void aLoginAndThenARevokeWhileARenewalIsInFlightLeaveNoTokenCurrent() throws Exception {
      TokenManager manager = renewWhile(m -> {
        m.put(KEY, token(ACCESS_TOKEN_3, Duration.ofHours(1)));   // a new login
        store.delete(KEY);                                        // then a revoke
        m.forget(KEY);
      });

      assertThat(manager.cached(KEY.userKey())).as("neither the login's token nor the renewal's is current").isEmpty();
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

  @Nested
  class ThroughZohoOAuth {
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

      assertThat(oauth.revoke("default")).isEqualTo(Revocation.REVOKED);
      assertThat(store.keys()).isEmpty();
      assertThatThrownBy(() -> oauth.accessToken("default")).isInstanceOf(ReauthorizationRequiredException.class);
      assertThat(oauth.revoke("default")).isEqualTo(Revocation.NOTHING_STORED);
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
}

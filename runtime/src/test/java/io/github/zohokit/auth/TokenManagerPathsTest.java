package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN_2;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.internal.Authorization;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.store.TokenStoreException;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.ForwardingTokenStore;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
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
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The token manager's paths one at a time, driven directly with a hand-moved clock, a counting sleeper and store
 * wrappers: waiting for another thread, another process's lease, an unreachable store, a store that keeps changing,
 * the two margins at their exact boundaries, the back-off after a failed renewal ahead, and the default executor.
 */
@Timeout(30)
class TokenManagerPathsTest {
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

  // ---- waiting for another thread's renewal ----

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

  // ---- another process holds the lease ----

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

  // ---- the store cannot be reached ----

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

  // ---- the margins, exactly at their boundaries ----

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

  // ---- back-off after a failed renewal ahead ----

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

  // ---- Slot ----

  @Test
  void aRejectedTokenThatIsNoLongerCurrentGetsTheCurrentOneWithoutRenewal() {
    TokenManager manager = manager(backing, noSleep(), Runnable::run, noRenewal());
    TokenManager.Slot slot = manager.session(KEY.userKey());
    Authorization rejected = slot.authorize(token(ACCESS_TOKEN, Duration.ofHours(1)));
    manager.put(KEY, token(ACCESS_TOKEN_2, Duration.ofHours(1)));

    assertThat(slot.rejected(rejected)).isSameAs(slot.current);
    assertThat(access(slot.rejected(rejected))).isEqualTo(ACCESS_TOKEN_2);
  }

  @Test
  void aRejectedTokenWhoseCurrentSuccessorIsWithinTheExpiryMarginIsRenewed() {
    AtomicInteger renewals = new AtomicInteger();
    TokenManager manager = manager(backing, noSleep(), Runnable::run, (key, stored) -> {
      renewals.incrementAndGet();
      return token(ACCESS_TOKEN_3, Duration.ofHours(1));
    });
    TokenManager.Slot slot = manager.session(KEY.userKey());
    Authorization rejected = slot.authorize(token(ACCESS_TOKEN, Duration.ofHours(1)));
    manager.put(KEY, token(ACCESS_TOKEN_2, EXPIRY_MARGIN));

    assertThat(access(slot.rejected(rejected))).isEqualTo(ACCESS_TOKEN_3);
    assertThat(renewals).hasValue(1);
  }

  @Test
  void aSessionKnowsItsUser() {
    TokenManager manager = manager(backing, noSleep(), Runnable::run, noRenewal());
    assertThat(manager.session("alice").userKey()).isEqualTo("alice");
    assertThat(manager.session("bob").userKey()).isEqualTo("bob");
    assertThat(manager.session("alice")).isSameAs(manager.session("alice"));
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

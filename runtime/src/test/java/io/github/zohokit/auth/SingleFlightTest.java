package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.scope.Scope;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.ForwardingTokenStore;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Single flight observed directly: while one caller renews, the other callers of the same key wait for its result
 * and touch the store not at all — no load, no lease. Counted with a store wrapper, so the store's own lease cannot
 * hide a second renewer (it did: with every caller an owner, the lease plus polling still gave one refresh).
 */
@Timeout(30)
class SingleFlightTest {
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

  private static void awaitOrFail(CountDownLatch latch) {
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
  private static final class CountingStore extends ForwardingTokenStore {
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

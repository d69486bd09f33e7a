package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Nobody waits unbounded for somebody else's renewal: not for another thread's, not for another process's. */
class BoundedWaitTest {
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

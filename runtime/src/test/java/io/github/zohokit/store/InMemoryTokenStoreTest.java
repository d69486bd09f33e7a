package io.github.zohokit.store;

import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


class InMemoryTokenStoreTest {
  private final TokenStore store = TokenStores.inMemory();
  private final TokenKey key = new TokenKey("client", "alice");

  @Test
  void versionsGrowAndStaleWritesAreRefused() {
    assertThat(store.compareAndSet(key, 0, FileStoreWorker.token("a"))).get()
        .extracting(StoredToken::version).isEqualTo(1L);
    assertThat(store.compareAndSet(key, 0, FileStoreWorker.token("b"))).isEmpty();
    assertThat(store.save(key, FileStoreWorker.token("c")).version()).isEqualTo(2);
    assertThat(store.load(key).get().token()).isEqualTo(FileStoreWorker.token("c"));
  }

  @Test
  void leasesAreExclusiveAndExpire() throws Exception {
    Optional<RefreshLease> first = store.tryAcquireRefreshLease(key, Duration.ofMillis(200));
    assertThat(first).isPresent();
    assertThat(store.tryAcquireRefreshLease(key, Duration.ofSeconds(1))).isEmpty();
    Thread.sleep(250);
    Optional<RefreshLease> afterExpiry = store.tryAcquireRefreshLease(key, Duration.ofSeconds(1));
    assertThat(afterExpiry).isPresent();
    first.get().close();
    assertThat(store.tryAcquireRefreshLease(key, Duration.ofSeconds(1))).isEmpty();
    afterExpiry.get().close();
    assertThat(store.tryAcquireRefreshLease(key, Duration.ofSeconds(1))).isPresent();
  }

  @Test
  void tokenKeysRejectBlankParts() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TokenKey("client", " "))
        .hasMessageContaining("TokenKey.DEFAULT_USER");
  }
}

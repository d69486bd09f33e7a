package io.github.zohokit.store;

import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/** Tokens in this process's memory only: for tests, and for flows whose tokens need not outlive the process. */
final class InMemoryTokenStore implements TokenStore {
  private final ConcurrentHashMap<TokenKey, StoredToken> tokens = new ConcurrentHashMap<>();
  private final LocalLeases<TokenKey> leases = new LocalLeases<>();

  @Override
  public Optional<StoredToken> load(TokenKey key) {
    return Optional.ofNullable(tokens.get(key));
  }

  @Override
  public Optional<StoredToken> compareAndSet(TokenKey key, long expectedVersion, ZohoToken token) {
    AtomicReference<StoredToken> written = new AtomicReference<>();
    tokens.compute(key, (k, current) -> {
      long version = current == null ? 0 : current.version();
      if (version != expectedVersion) {
        return current;
      }
      StoredToken next = new StoredToken(k, token, version + 1);
      written.set(next);
      return next;
    });
    return Optional.ofNullable(written.get());
  }

  @Override
  public boolean delete(TokenKey key) {
    return tokens.remove(key) != null;
  }

  @Override
  public List<TokenKey> keys() {
    return new ArrayList<>(tokens.keySet());
  }

  @Override
  public Optional<RefreshLease> tryAcquireRefreshLease(TokenKey key, Duration ttl) {
    return leases.tryAcquire(key, ttl);
  }

  @Override
  public String toString() {
    return "in-memory token store";
  }
}

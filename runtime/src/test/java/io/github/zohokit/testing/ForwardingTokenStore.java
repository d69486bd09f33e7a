package io.github.zohokit.testing;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A store that hands every call to another: tests override the calls they observe. */
public abstract class ForwardingTokenStore implements TokenStore {
  protected final TokenStore delegate;

  protected ForwardingTokenStore(TokenStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public Optional<StoredToken> load(TokenKey key) {
    return delegate.load(key);
  }

  @Override
  public Optional<StoredToken> compareAndSet(TokenKey key, long expectedVersion, ZohoToken token) {
    return delegate.compareAndSet(key, expectedVersion, token);
  }

  @Override
  public boolean delete(TokenKey key) {
    return delegate.delete(key);
  }

  @Override
  public List<TokenKey> keys() {
    return delegate.keys();
  }

  @Override
  public Optional<RefreshLease> tryAcquireRefreshLease(TokenKey key, Duration ttl) {
    return delegate.tryAcquireRefreshLease(key, ttl);
  }
}

package io.github.zohokit.spi;

import io.github.zohokit.auth.ZohoToken;
import io.github.zohokit.store.TokenKey;
import io.github.zohokit.store.TokenStoreException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Where tokens live between runs and between processes. zohokit reads a store only when it has no valid token in
 * memory (start-up, renewal, a rejected token) — never on the per-call path.
 *
 * <p>Stores hold tokens, never the client secret. Writes are compare-and-set on a per-key version, so two
 * writers never silently overwrite each other, and a store shared by several processes offers a
 * {@linkplain #tryAcquireRefreshLease refresh lease} so that only one of them refreshes an expiring token while the
 * others wait and read the result.
 *
 * <p>Implementations must be thread-safe. Failures are {@link TokenStoreException}s; a failed write must leave the
 * previously stored token intact.
 */
public interface TokenStore {

  /** The stored token for {@code key}, if any. */
  Optional<StoredToken> load(TokenKey key);

  /**
   * Stores {@code token} under {@code key} if the key's current version is {@code expectedVersion} (0 when
   * nothing is stored). Returns the new stored token, or empty when another writer changed the key first.
   */
  Optional<StoredToken> compareAndSet(TokenKey key, long expectedVersion, ZohoToken token);

  /** Stores {@code token} under {@code key} whatever is stored now. */
  default StoredToken save(TokenKey key, ZohoToken token) {
    while (true) {
      long current = load(key).map(StoredToken::version).orElse(0L);
      Optional<StoredToken> saved = compareAndSet(key, current, token);
      if (saved.isPresent()) {
        return saved.get();
      }
    }
  }

  /** Removes the token for {@code key}; returns whether one was stored. */
  boolean delete(TokenKey key);

  /** Every key with a stored token. */
  List<TokenKey> keys();

  /**
   * Tries to become the only holder, across every process sharing this store, of the right to refresh
   * {@code key}'s token, for at most {@code ttl}. Returns empty when someone else holds it; the caller then waits
   * for the new token to appear in the store.
   */
  Optional<RefreshLease> tryAcquireRefreshLease(TokenKey key, Duration ttl);
}

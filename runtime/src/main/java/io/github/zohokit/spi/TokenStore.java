package io.github.zohokit.spi;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStoreException;
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

  /**
   * The stored token for {@code key}, if any.
   *
   * @param key the client and user whose token it is
   * @return the stored token with its version, or empty when nothing is stored
   * @throws TokenStoreException when the store cannot be read
   */
  Optional<StoredToken> load(TokenKey key);

  /**
   * Stores {@code token} under {@code key} if the key's current version is {@code expectedVersion} (0 when
   * nothing is stored). Returns the new stored token, or empty when another writer changed the key first.
   *
   * @param key the client and user whose token it is
   * @param expectedVersion the version the caller read, 0 for nothing stored
   * @param token the token to store
   * @return the stored token with its new version, or empty when the version did not match
   * @throws TokenStoreException when the store cannot be written; what was stored before is kept
   */
  Optional<StoredToken> compareAndSet(TokenKey key, long expectedVersion, ZohoToken token);

  /**
   * Stores {@code token} under {@code key} whatever is stored now.
   *
   * @param key the client and user whose token it is
   * @param token the token to store
   * @return the stored token with its new version
   * @throws TokenStoreException when the store cannot be read or written
   */
  default StoredToken save(TokenKey key, ZohoToken token) {
    while (true) {
      long current = load(key).map(StoredToken::version).orElse(0L);
      Optional<StoredToken> saved = compareAndSet(key, current, token);
      if (saved.isPresent()) {
        return saved.get();
      }
    }
  }

  /**
   * Removes the token for {@code key}; returns whether one was stored.
   *
   * @param key the client and user whose token it is
   * @return true when a token was stored and is now removed
   * @throws TokenStoreException when the store cannot be written
   */
  boolean delete(TokenKey key);

  /**
   * Every key with a stored token.
   *
   * @return the keys, in no particular order; empty when nothing is stored
   * @throws TokenStoreException when the store cannot be read
   */
  List<TokenKey> keys();

  /**
   * Tries to become the only holder, across every process sharing this store, of the right to refresh
   * {@code key}'s token, for at most {@code ttl}. Returns empty when someone else holds it; the caller then waits
   * for the new token to appear in the store.
   *
   * @param key whose token is to be refreshed
   * @param ttl the longest the lease may be held; it ends earlier when closed or when its holder dies
   * @return the lease, to {@linkplain RefreshLease#close() close} when done, or empty when another holder has it
   * @throws TokenStoreException when the store cannot be asked
   */
  Optional<RefreshLease> tryAcquireRefreshLease(TokenKey key, Duration ttl);
}

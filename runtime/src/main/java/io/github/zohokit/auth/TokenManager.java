package io.github.zohokit.auth;

import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.store.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStoreException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current token of every (client, user) in memory and renews it:
 *
 * <ul>
 *   <li>The valid path is one volatile read and a clock read: no store I/O, no lock.
 *   <li>Renewal starts {@code margin} before expiry. One caller renews; the others keep using the still-valid
 *       token, and only callers whose token has actually expired wait for the renewal.
 *   <li>At most one renewal per key is in flight in this process (single flight); across processes the store's
 *       refresh lease picks one renewer, and the others read its result from the store.
 *   <li>Before renewing, the store is read again: another process may already have a newer token.
 *   <li>Nothing waits unbounded: waiting for another thread's renewal, or for another process's lease, ends after
 *       {@code waitLimit} (the accounts call timeout plus a little for the store) with a
 *       {@link ZohoUnavailableException}.
 * </ul>
 */
final class TokenManager {
  private static final Logger log = LoggerFactory.getLogger(TokenManager.class);
  private static final Duration STORE_POLL = Duration.ofMillis(50);
  /** After a failed early renewal, how long the still-valid token is used before renewal is tried again. */
  private static final Duration RETRY_EARLY_RENEWAL_AFTER = Duration.ofSeconds(30);

  /** Obtains a new token over the network; {@code stored} is what the store holds now (may be null). */
  interface Renewal {
    ZohoToken renew(TokenKey key, StoredToken stored);

    /**
     * Throws when {@code stored}, which cannot be used, cannot be renewed either (Zoho declared its refresh token
     * dead): checked before the refresh lease is taken, so such a token costs one store read per call, not a lease.
     */
    default void refuseEarly(TokenKey key, StoredToken stored) {}
  }

  private final TokenStore store;
  private final Clock clock;
  private final Duration margin;
  private final Duration leaseTtl;
  private final Duration waitLimit;
  private final Sleeper sleeper;
  private final Renewal renewal;
  private final ConcurrentHashMap<TokenKey, Slot> slots = new ConcurrentHashMap<>();

  /**
   * @param leaseTtl how long a process may hold the refresh lease; longer than a renewal can take
   * @param waitLimit the most a caller waits for another thread's or process's renewal
   */
  TokenManager(TokenStore store, Clock clock, Duration margin, Duration leaseTtl, Duration waitLimit, Sleeper sleeper,
      Renewal renewal) {
    this.store = store;
    this.clock = clock;
    this.margin = margin;
    this.leaseTtl = leaseTtl;
    this.waitLimit = waitLimit;
    this.sleeper = sleeper;
    this.renewal = renewal;
  }

  /** A token valid now, renewing it if it is missing, expired or about to expire. */
  ZohoToken current(TokenKey key) {
    Slot slot = slots.computeIfAbsent(key, k -> new Slot());
    ZohoToken token = slot.token;
    if (token != null) {
      Instant now = clock.instant();
      if (token.isFreshAt(now, margin) || (now.isBefore(slot.renewNotBefore) && !token.isExpiredAt(now))) {
        return token;
      }
    }
    return slot.renew(key, token, null);
  }

  /**
   * Zoho rejected {@code rejected} (401 {@code INVALID_TOKEN}): returns a different valid token — one another
   * thread or process already obtained, or a renewed one.
   */
  ZohoToken rejected(TokenKey key, Secret rejected) {
    Slot slot = slots.computeIfAbsent(key, k -> new Slot());
    ZohoToken token = slot.token;
    if (token != null && !token.accessToken().equals(rejected) && !token.isExpiredAt(clock.instant())) {
      return token;
    }
    return slot.renew(key, token, rejected);
  }

  /** The in-memory token for {@code key}, if any. */
  Optional<ZohoToken> cached(TokenKey key) {
    Slot slot = slots.get(key);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.token);
  }

  /** Makes {@code token} the current one for {@code key} (a flow just obtained and stored it). */
  void put(TokenKey key, ZohoToken token) {
    slots.computeIfAbsent(key, k -> new Slot()).token = token;
  }

  /** Forgets the in-memory token for {@code key}. */
  void forget(TokenKey key) {
    slots.remove(key);
  }

  /** One key's current token and its in-flight renewal. */
  private final class Slot {
    volatile ZohoToken token;
    volatile Instant renewNotBefore = Instant.MIN;
    private CompletableFuture<ZohoToken> inFlight;

    ZohoToken renew(TokenKey key, ZohoToken seen, Secret rejected) {
      CompletableFuture<ZohoToken> future;
      boolean owner = false;
      synchronized (this) {
        if (inFlight == null) {
          inFlight = new CompletableFuture<>();
          owner = true;
        }
        future = inFlight;
      }
      if (!owner) {
        if (rejected == null && seen != null && !seen.isExpiredAt(clock.instant())) {
          return seen;
        }
        return await(future, key);
      }
      try {
        ZohoToken next = obtain(key, rejected, this);
        token = next;
        future.complete(next);
        return next;
      } catch (RuntimeException e) {
        ZohoToken stillValid = token;
        if (rejected == null && stillValid != null && !stillValid.isExpiredAt(clock.instant())) {
          // Renewing early failed, but the token still works: keep serving it and try again a little later.
          renewNotBefore = clock.instant().plus(RETRY_EARLY_RENEWAL_AFTER);
          log.warn("Renewing the token of {} ahead of expiry failed; the current token stays in use until {}: {}",
              key, stillValid.expiresAt(), e.getMessage());
          future.complete(stillValid);
          return stillValid;
        }
        future.completeExceptionally(e);
        throw e;
      } catch (Error e) {
        future.completeExceptionally(e);
        throw e;
      } finally {
        synchronized (this) {
          inFlight = null;
        }
      }
    }
  }

  private ZohoToken await(CompletableFuture<ZohoToken> future, TokenKey key) {
    try {
      return future.get(waitLimit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ZohoException("interrupted while waiting for a token renewal", e);
    } catch (TimeoutException e) {
      throw new ZohoUnavailableException("Gave up waiting for the token of " + key + " after " + waitLimit.toSeconds()
          + "s: the renewal another thread started has not finished (Zoho Accounts is slow or unreachable). This is "
          + "transient; try again", 0, null, e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new ZohoException("token renewal failed: " + cause, cause);
    }
  }

  /** Finds or obtains a usable token: from the store if another process renewed it, else by renewing under a lease. */
  private ZohoToken obtain(TokenKey key, Secret rejected, Slot slot) {
    long deadline = System.nanoTime() + waitLimit.toNanos();
    while (true) {
      Optional<StoredToken> stored;
      try {
        stored = store.load(key);
      } catch (TokenStoreException e) {
        return renewWithoutStore(key, slot.token, e);
      }
      if (stored.isPresent() && rejected == null && slot.token == null
          && !stored.get().token().isExpiredAt(clock.instant())) {
        // Valid but due for renewal: let other callers use it while this one renews.
        slot.token = stored.get().token();
      }
      if (stored.isPresent() && usable(stored.get().token(), rejected)) {
        log.debug("Using the token for {} that the store holds (version {})", key, stored.get().version());
        return stored.get().token();
      }
      if (stored.isPresent()) {
        renewal.refuseEarly(key, stored.get());
      }
      Optional<RefreshLease> lease;
      try {
        lease = store.tryAcquireRefreshLease(key, leaseTtl);
      } catch (TokenStoreException e) {
        return renewWithoutStore(key, stored.map(StoredToken::token).orElse(slot.token), e);
      }
      if (lease.isPresent()) {
        try (RefreshLease held = lease.get()) {
          stored = store.load(key);
          if (stored.isPresent() && usable(stored.get().token(), rejected)) {
            return stored.get().token();
          }
          ZohoToken renewed = renewal.renew(key, stored.orElse(null));
          return save(key, stored.map(StoredToken::version).orElse(0L), renewed);
        }
      }
      if (System.nanoTime() - deadline > 0) {
        throw new ZohoUnavailableException("Gave up waiting for the token of " + key + " after "
            + waitLimit.toSeconds() + "s: another process holds the refresh lease in " + store + " and has not "
            + "stored a new token yet. This is transient; try again. If that process hangs, stop it; its lease "
            + "ends by itself after " + leaseTtl.toSeconds() + "s", 0, null, null);
      }
      try {
        sleeper.sleep(STORE_POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new ZohoException("interrupted while waiting for another process to renew the token of " + key, e);
      }
    }
  }

  /**
   * The store cannot be reached: renew from the token held in memory (its refresh token is all Zoho needs), without
   * coordinating with other processes, and say so loudly. The store's copy of the refresh token is untouched.
   */
  private ZohoToken renewWithoutStore(TokenKey key, ZohoToken inMemory, TokenStoreException cause) {
    if (inMemory == null || !inMemory.hasRefreshToken()) {
      throw cause;
    }
    log.error("Token store {} is unreachable ({}); renewing the token of {} from memory, without coordinating "
        + "with other processes. The new access token stays in memory until the store is back", store,
        cause.getMessage(), key);
    return renewal.renew(key, new StoredToken(key, inMemory, 1));
  }

  private boolean usable(ZohoToken token, Secret rejected) {
    if (rejected != null && token.accessToken().equals(rejected)) {
      return false;
    }
    return token.isFreshAt(clock.instant(), margin);
  }

  private ZohoToken save(TokenKey key, long expectedVersion, ZohoToken renewed) {
    try {
      for (int attempt = 0; attempt < 3; attempt++) {
        if (store.compareAndSet(key, expectedVersion, renewed).isPresent()) {
          return renewed;
        }
        // Someone wrote the key while we renewed (a new login, a bootstrap): prefer theirs if it is usable.
        Optional<StoredToken> now = store.load(key);
        if (now.isPresent() && usable(now.get().token(), null)) {
          return now.get().token();
        }
        expectedVersion = now.map(StoredToken::version).orElse(0L);
      }
      log.warn("The renewed token for {} could not be stored: the key kept changing in {}; using it from memory",
          key, store);
    } catch (TokenStoreException e) {
      log.error("The renewed token for {} could not be stored in {}: {}. It is used from memory; the stored refresh "
          + "token is unchanged", key, store, e.getMessage());
    }
    return renewed;
  }
}

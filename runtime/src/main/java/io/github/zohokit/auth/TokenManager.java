package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.internal.Authorization;
import io.github.zohokit.internal.Session;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the current token of every (client, user) in memory, as the {@link Authorization} calls use, and renews it:
 *
 * <ul>
 *   <li>The valid path is one volatile read and a clock read on the user's {@link Session}: no store I/O, no lock,
 *       no lookup, no allocation.
 *   <li>Two margins before expiry. Within {@code refreshMargin} the token is renewed ahead, off the caller's thread
 *       (on the renewal executor), while every caller keeps using it. Within {@code expiryMargin} it counts as
 *       expired: it could expire on its way to Zoho, so callers wait for the renewal.
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

  /** The executor renewals ahead of expiry run on by default: zohokit's daemon threads, created when needed. */
  static Executor background() {
    return Background.EXECUTOR;
  }

  private static final class Background {
    static final ExecutorService EXECUTOR = Executors.newCachedThreadPool(task -> {
      Thread thread = new Thread(task, "zohokit-token-renewal");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Margins and limits of a manager; validated by the OAuth builder. */
  record Timing(Duration refreshMargin, Duration expiryMargin, Duration leaseTtl, Duration waitLimit) {}

  private final String clientId;
  private final TokenStore store;
  private final Clock clock;
  private final Timing timing;
  private final Sleeper sleeper;
  private final Executor background;
  private final Renewal renewal;
  private final Function<ZohoToken, HttpUrl> apiBase;
  private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
  private final long refreshMarginMillis;
  private final long expiryMarginMillis;

  /**
   * @param background runs renewals ahead of expiry
   * @param apiBase the API base of a token; throws a {@link ZohoException} for one no call may use
   */
  TokenManager(String clientId, TokenStore store, Clock clock, Timing timing, Sleeper sleeper, Executor background,
      Renewal renewal, Function<ZohoToken, HttpUrl> apiBase) {
    this.clientId = clientId;
    this.store = store;
    this.clock = clock;
    this.timing = timing;
    this.sleeper = sleeper;
    this.background = background;
    this.renewal = renewal;
    this.apiBase = apiBase;
    this.refreshMarginMillis = timing.refreshMargin().toMillis();
    this.expiryMarginMillis = timing.expiryMargin().toMillis();
  }

  /** The session of {@code userKey}: the same object for as long as this manager lives. */
  Slot session(String userKey) {
    Slot slot = slots.get(userKey);
    return slot != null ? slot : slots.computeIfAbsent(userKey, user -> new Slot(new TokenKey(clientId, user)));
  }

  /** The authorization held in memory for {@code userKey}, if any; creates no session. */
  Optional<Authorization> cached(String userKey) {
    Slot slot = slots.get(userKey);
    return slot == null ? Optional.empty() : Optional.ofNullable(slot.current);
  }

  /** Makes {@code token} the current one for {@code key} (a flow just obtained and stored it). */
  void put(TokenKey key, ZohoToken token) {
    Slot slot = session(key.userKey());
    synchronized (slot) {
      slot.generation++;
      slot.current = slot.authorize(token);
    }
  }

  /** Forgets the in-memory token for {@code key}. */
  void forget(TokenKey key) {
    Slot slot = slots.get(key.userKey());
    if (slot != null) {
      synchronized (slot) {
        slot.generation++;
        slot.current = null;
      }
    }
  }

  /** One user's current token and its in-flight renewal. */
  final class Slot implements Session {
    final TokenKey key;
    volatile Authorization current;
    /** After a failed renewal ahead of expiry: when (epoch millis) to try again. */
    volatile long renewNotBefore = Long.MIN_VALUE;
    private CompletableFuture<Authorization> inFlight;
    /** Whether {@link #inFlight} is a renewal ahead that its executor has not started yet (a caller may take it). */
    private boolean aheadQueued;
    /** Bumped when a flow stores a token or the token is forgotten: a renewal begun before does not overwrite it. */
    private int generation;

    Slot(TokenKey key) {
      this.key = key;
    }

    @Override
    public String userKey() {
      return key.userKey();
    }

    @Override
    public Authorization authorization() {
      Authorization authorization = current;
      if (authorization != null) {
        // the valid path: a volatile read and the clock's millis, no allocation
        long now = clock.millis();
        long left = authorization.expiresAtMillis() - now;
        if (left > refreshMarginMillis) {
          return authorization;
        }
        if (left > expiryMarginMillis) {
          if (now >= renewNotBefore) {
            renewAhead();
            Authorization renewed = current;   // an executor that runs on this thread may have renewed already
            return renewed != null ? renewed : authorization;
          }
          return authorization;
        }
      }
      return renew(null);
    }

    @Override
    public Authorization rejected(Authorization rejected) {
      Authorization authorization = current;
      Secret secret = rejected.token().accessToken();
      if (authorization != null && !authorization.token().accessToken().equals(secret) && usableNow(authorization)) {
        return authorization;
      }
      return renewReplacing(secret);
    }

    /** Renews now unless the token another thread or process stored meanwhile differs from {@code stale}. */
    Authorization renewReplacing(Secret stale) {
      Authorization renewed = renew(stale);
      if (stale != null && renewed.token().accessToken().equals(stale)) {
        // the renewal this caller joined (one ahead of expiry that failed) ended with the refused token: renew for it
        renewed = renew(stale);
      }
      return renewed;
    }

    /** {@code token} as calls use it; a token no call may use (untrusted API domain) fails when a call tries. */
    Authorization authorize(ZohoToken token) {
      try {
        return Authorization.of(this, token, apiBase.apply(token));
      } catch (ZohoException e) {
        return Authorization.unusable(this, token, e);
      }
    }

    /** Starts a renewal on the background executor unless one is in flight; never waits. */
    private void renewAhead() {
      CompletableFuture<Authorization> future;
      synchronized (this) {
        if (inFlight != null) {
          return;
        }
        inFlight = new CompletableFuture<>();
        aheadQueued = true;
        future = inFlight;
      }
      try {
        background.execute(() -> {
          if (!start(future)) {
            return;   // a caller that needed the token took this renewal over
          }
          try {
            own(future, null);
          } catch (RuntimeException | Error e) {
            log.debug("Renewing the token of {} ahead of expiry failed: {}", key, e.toString());
          }
        });
      } catch (RuntimeException | Error e) {
        if (start(future)) {
          log.warn("The token renewal executor refused to renew the token of {} ahead of expiry ({}); renewing on "
              + "this thread", key, e.toString());
          own(future, null);
        }
      }
    }

    /** Claims the queued renewal ahead {@code future} for whoever runs it; false when someone else claimed it. */
    private synchronized boolean start(CompletableFuture<Authorization> future) {
      if (inFlight != future || !aheadQueued) {
        return false;
      }
      aheadQueued = false;
      return true;
    }

    /** Renews now and waits for it; {@code rejected} is the access token Zoho refused, if that is why. */
    private Authorization renew(Secret rejected) {
      CompletableFuture<Authorization> future;
      boolean owner = false;
      synchronized (this) {
        if (inFlight == null) {
          inFlight = new CompletableFuture<>();
          owner = true;
        } else if (aheadQueued) {
          // a renewal ahead still waits for its executor (busy, or one that drops tasks): this caller runs it
          aheadQueued = false;
          owner = true;
        }
        future = inFlight;
      }
      // callers come here only when they cannot use the token they have (or asked for a new one): wait for it
      return owner ? own(future, rejected) : await(future, key);
    }

    /** Runs the renewal this caller claimed, completes {@code future} with its outcome and releases the claim. */
    private Authorization own(CompletableFuture<Authorization> future, Secret rejected) {
      int begun;
      synchronized (this) {
        begun = generation;
      }
      Authorization next;
      try {
        ZohoToken token = obtain(key, rejected, this);
        synchronized (this) {
          Authorization known = current;
          next = known != null && known.token() == token ? known : authorize(token);
          if (generation == begun) {
            current = next;   // else a flow stored a newer token, or it was forgotten (revoked), meanwhile: keep that
          }
        }
      } catch (RuntimeException e) {
        Authorization stillValid = current;
        if (rejected == null && stillValid != null && usableNow(stillValid)) {
          // Renewing early failed, but the token still works: keep serving it and try again a little later.
          renewNotBefore = clock.millis() + RETRY_EARLY_RENEWAL_AFTER.toMillis();
          log.warn("Renewing the token of {} ahead of expiry failed; the current token stays in use until {}: {}",
              key, stillValid.token().expiresAt(), e.getMessage());
          release(future).complete(stillValid);
          return stillValid;
        }
        release(future).completeExceptionally(e);
        throw e;
      } catch (Error e) {
        release(future).completeExceptionally(e);
        throw e;
      }
      release(future).complete(next);
      return next;
    }

    /**
     * Releases the claim before {@code future} completes, so that a waiter woken by it and renewing again (its token
     * was the refused one) starts a new renewal instead of joining the finished one.
     */
    private synchronized CompletableFuture<Authorization> release(CompletableFuture<Authorization> future) {
      if (inFlight == future) {
        inFlight = null;
        aheadQueued = false;
      }
      return future;
    }


    private ZohoToken token() {
      Authorization authorization = current;
      return authorization == null ? null : authorization.token();
    }
  }

  /** Whether a call may still send {@code authorization}'s token: not within the expiry margin. */
  private boolean usableNow(Authorization authorization) {
    return authorization.expiresAtMillis() - clock.millis() > expiryMarginMillis;
  }

  private Authorization await(CompletableFuture<Authorization> future, TokenKey key) {
    try {
      return future.get(timing.waitLimit().toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ZohoException("interrupted while waiting for a token renewal", e);
    } catch (TimeoutException e) {
      throw new ZohoUnavailableException("Gave up waiting for the token of " + key + " after " + timing.waitLimit().toSeconds()
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
    long deadline = System.nanoTime() + timing.waitLimit().toNanos();
    while (true) {
      Optional<StoredToken> stored;
      try {
        stored = store.load(key);
      } catch (TokenStoreException e) {
        return renewWithoutStore(key, slot.token(), e);
      }
      if (stored.isPresent() && rejected == null && slot.current == null
          && stored.get().token().isFreshAt(clock.instant(), timing.expiryMargin())) {
        // Valid but due for renewal: let other callers use it while this one renews.
        slot.current = slot.authorize(stored.get().token());
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
        lease = store.tryAcquireRefreshLease(key, timing.leaseTtl());
      } catch (TokenStoreException e) {
        return renewWithoutStore(key, stored.map(StoredToken::token).orElse(slot.token()), e);
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
            + timing.waitLimit().toSeconds() + "s: another process holds the refresh lease in " + store + " and has not "
            + "stored a new token yet. This is transient; try again. If that process hangs, stop it; its lease "
            + "ends by itself after " + timing.leaseTtl().toSeconds() + "s", 0, null, null);
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
    return token.isFreshAt(clock.instant(), timing.refreshMargin());
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
        if (now.isEmpty() && expectedVersion > 0) {
          // deleted while we renewed (revoked, or removed by hand): do not bring its refresh token back
          log.info("The token of {} was removed from {} while it was being renewed; the renewed token is not "
              + "stored again", key, store);
          return renewed;
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

package io.github.zohokit.auth;

import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.internal.session.Authorization;
import io.github.zohokit.internal.session.Session;
import io.github.zohokit.internal.session.UserObjects;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
 * Keeps the current token of every (client, user) in memory, as the {@link Authorization} calls use, and renews it.
 * How it coordinates, from the cheapest case to the rarest:
 *
 * <ol>
 *   <li><b>The valid path.</b> A call asks its user's {@link UserSession} for the authorization: one volatile read of
 *       {@code current}, one clock read, and the {@linkplain TokenState state} of the token from the one value that
 *       decides it, the time it has left. No store I/O, no lock, no lookup, no allocation.
 *   <li><b>Two margins before expiry.</b> {@link TokenState#FRESH FRESH} (more than {@code refreshMargin} left):
 *       handed out. {@link TokenState#RENEW_AHEAD RENEW_AHEAD}: still handed out, and a renewal is started off the
 *       caller's thread (on the renewal executor), so callers rarely wait. {@link TokenState#EXPIRED EXPIRED} (within
 *       {@code expiryMargin}): it could expire on its way to Zoho, so the caller waits for the renewal instead.
 *   <li><b>Single flight in this process.</b> Each session has at most one renewal in flight, one {@link InFlight}
 *       value replaced under the session's lock: the first caller that needs a token becomes its owner and runs it;
 *       every other caller joins its future and touches neither the store nor Zoho. A renewal ahead that its
 *       executor has not started yet is {@code queued}: the first caller that needs the token runs it itself rather
 *       than wait for a busy (or task-dropping) executor.
 *   <li><b>Leases across processes.</b> The owner reads the store first (another process may already have stored a
 *       newer token), then asks the store for the refresh lease of the key: one process renews, the others poll the
 *       store every {@link #STORE_POLL} until the new token appears. The lease outlives the accounts call timeout, so
 *       a second process cannot renew while the first still waits for Zoho.
 *   <li><b>Bounded waits.</b> Waiting for another thread's renewal, or for another process's lease, ends after
 *       {@code waitLimit} (the accounts call timeout plus a little for the store) with a
 *       {@link ZohoUnavailableException}.
 *   <li><b>Failures.</b> A failed renewal ahead keeps the still-usable token in service and waits
 *       {@link #RETRY_EARLY_RENEWAL_AFTER} before trying again; an unreachable store renews from memory, without
 *       coordinating, and says so loudly. A token a flow stores (or a revoke) while a renewal is in flight bumps the
 *       session's {@code generation}, so the older renewal does not overwrite it.
 *   <li><b>Idle users.</b> Sessions live in a {@link SessionCache}: the recently used ones are kept (bounded in
 *       number and idle time, {@link SessionLimits}), older ones are collected once the application holds nothing of
 *       them; a user never has two sessions alive, so the single flight above holds across eviction.
 * </ol>
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

  /**
   * How many users' sessions are kept while nothing of the application holds them, and for how long after their last
   * use; validated by the OAuth builder.
   */
  record SessionLimits(int maxKept, Duration idleTime) {
    static final SessionLimits DEFAULT = new SessionLimits(SessionCache.DEFAULT_MAX_KEPT,
        Duration.ofMillis(SessionCache.DEFAULT_IDLE_MILLIS));
  }

  /**
   * Where a token stands at one instant, decided by one value, the time it has left, against the two margins
   * (google-auth-library's FRESH / STALE / EXPIRED).
   */
  enum TokenState {
    /** More than the refresh margin left: handed out as it is. */
    FRESH,
    /** Within the refresh margin, more than the expiry margin left: handed out while it is renewed ahead. */
    RENEW_AHEAD,
    /** Within the expiry margin, or past expiry: not sent any more; callers wait for its renewal. */
    EXPIRED
  }

  /**
   * The renewal in flight of one session, replaced (never changed) under the session's lock: the future every
   * waiting caller joins, and whether it is a renewal ahead its executor has not started yet ({@code queued}: the
   * first caller that needs the token may run it). {@link #NONE} when no renewal is in flight.
   */
  private static final class InFlight {
    static final InFlight NONE = new InFlight(null, false);

    final CompletableFuture<Authorization> result;
    final boolean queued;

    InFlight(CompletableFuture<Authorization> result, boolean queued) {
      this.result = result;
      this.queued = queued;
    }
  }

  private final String clientId;
  private final TokenStore store;
  private final Clock clock;
  private final Timing timing;
  private final Sleeper sleeper;
  private final Executor background;
  private final Renewal renewal;
  private final Function<ZohoToken, HttpUrl> apiBase;
  private final SessionCache<UserSession> sessions;
  private final long refreshMarginMillis;
  private final long expiryMarginMillis;

  /**
   * @param background runs renewals ahead of expiry
   * @param apiBase where the calls of a token go (decided by {@link ZohoEndpoints}); throws a {@link ZohoException}
   *     for a token no call may use
   */
  TokenManager(String clientId, TokenStore store, Clock clock, Timing timing, Sleeper sleeper, Executor background,
      Renewal renewal, Function<ZohoToken, HttpUrl> apiBase) {
    this(clientId, store, clock, timing, SessionLimits.DEFAULT, sleeper, background, renewal, apiBase);
  }

  /** A manager keeping idle sessions within {@code limits}. */
  TokenManager(String clientId, TokenStore store, Clock clock, Timing timing, SessionLimits limits, Sleeper sleeper,
      Executor background, Renewal renewal, Function<ZohoToken, HttpUrl> apiBase) {
    this.sessions = new SessionCache<>(limits.maxKept(), limits.idleTime().toMillis(), clock::millis);
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

  /**
   * The session of {@code userKey}: the same object for as long as it is kept or anything holds it (see
   * {@link SessionCache}); a use that keeps it.
   */
  UserSession session(String userKey) {
    return sessions.use(userKey, user -> new UserSession(new TokenKey(clientId, user)));
  }

  /** The sessions of this manager, for tests. */
  SessionCache<UserSession> sessions() {
    return sessions;
  }

  /** The authorization held in memory for {@code userKey}, if any; creates no session. */
  Optional<Authorization> cached(String userKey) {
    UserSession session = sessions.alive(userKey);
    return session == null ? Optional.empty() : Optional.ofNullable(session.current);
  }

  /** Makes {@code token} the current one for {@code key} (a flow just obtained and stored it). */
  void put(TokenKey key, ZohoToken token) {
    UserSession session = session(key.userKey());
    synchronized (session) {
      session.generation++;
      session.current = session.authorize(token);
    }
  }

  /** Forgets the in-memory token for {@code key}. */
  void forget(TokenKey key) {
    UserSession session = sessions.alive(key.userKey());
    if (session != null) {
      synchronized (session) {
        session.generation++;
        session.current = null;
      }
    }
  }

  /** Where a token expiring at {@code expiresAtMillis} stands at {@code nowMillis} (both epoch milliseconds). */
  TokenState state(long expiresAtMillis, long nowMillis) {
    long left = expiresAtMillis - nowMillis;
    if (left > refreshMarginMillis) {
      return TokenState.FRESH;
    }
    return left > expiryMarginMillis ? TokenState.RENEW_AHEAD : TokenState.EXPIRED;
  }

  /** Where {@code token} stands now. */
  private TokenState state(ZohoToken token) {
    return state(token.expiresAt().toEpochMilli(), clock.millis());
  }

  /** One user's session: the current token, as calls use it, and its renewal in flight. */
  final class UserSession implements Session {
    final TokenKey key;
    /** The user's generated APIs and HTTP client: they live as long as this session. */
    private final UserObjects objects = new UserObjects();
    volatile Authorization current;
    /** After a failed renewal ahead of expiry: when (epoch millis) to try again. */
    volatile long renewNotBefore = Long.MIN_VALUE;
    /** The renewal in flight, or {@link InFlight#NONE}; guarded by this session. */
    private InFlight inFlight = InFlight.NONE;
    /** Bumped when a flow stores a token or the token is forgotten: a renewal begun before does not overwrite it. */
    private int generation;

    UserSession(TokenKey key) {
      this.key = key;
    }

    @Override
    public String userKey() {
      return key.userKey();
    }

    @Override
    public UserObjects objects() {
      return objects;
    }

    @Override
    public Authorization authorization() {
      Authorization authorization = current;
      if (authorization != null) {
        // the valid path: a volatile read, the clock's millis and two comparisons; no lock, no allocation
        long now = clock.millis();
        TokenState state = state(authorization.expiresAtMillis(), now);
        if (state == TokenState.FRESH) {
          return authorization;
        }
        if (state == TokenState.RENEW_AHEAD) {
          if (now >= renewNotBefore) {
            renewAhead();
            Authorization renewed = current;   // an executor that runs on this thread may have renewed already
            return renewed != null ? renewed : authorization;
          }
          return authorization;
        }
      }
      // no token in memory yet, or an EXPIRED one: wait for a renewal (this caller's own, or the one in flight)
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
        if (inFlight != InFlight.NONE) {
          return;
        }
        inFlight = new InFlight(new CompletableFuture<>(), true);
        future = inFlight.result;
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
      if (inFlight.result != future || !inFlight.queued) {
        return false;
      }
      inFlight = new InFlight(future, false);
      return true;
    }

    /** Renews now and waits for it; {@code rejected} is the access token Zoho refused, if that is why. */
    private Authorization renew(Secret rejected) {
      CompletableFuture<Authorization> future;
      boolean owner = false;
      synchronized (this) {
        if (inFlight == InFlight.NONE) {
          inFlight = new InFlight(new CompletableFuture<>(), false);
          owner = true;
        } else if (inFlight.queued) {
          // a renewal ahead still waits for its executor (busy, or one that drops tasks): this caller runs it
          inFlight = new InFlight(inFlight.result, false);
          owner = true;
        }
        future = inFlight.result;
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
      if (inFlight.result == future) {
        inFlight = InFlight.NONE;
      }
      return future;
    }


    private ZohoToken token() {
      Authorization authorization = current;
      return authorization == null ? null : authorization.token();
    }
  }

  /** Whether a call may still send {@code authorization}'s token: it is not {@link TokenState#EXPIRED}. */
  private boolean usableNow(Authorization authorization) {
    return state(authorization.expiresAtMillis(), clock.millis()) != TokenState.EXPIRED;
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
  private ZohoToken obtain(TokenKey key, Secret rejected, UserSession session) {
    long deadline = System.nanoTime() + timing.waitLimit().toNanos();
    while (true) {
      Optional<StoredToken> stored;
      try {
        stored = store.load(key);
      } catch (TokenStoreException e) {
        return renewWithoutStore(key, session.token(), e);
      }
      if (stored.isPresent() && rejected == null && session.current == null
          && state(stored.get().token()) != TokenState.EXPIRED) {
        // Usable but due for renewal: let other callers use it while this one renews.
        session.current = session.authorize(stored.get().token());
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
        return renewWithoutStore(key, stored.map(StoredToken::token).orElse(session.token()), e);
      }
      if (lease.isPresent()) {
        // this process renews for every process sharing the store: read again under the lease, another process
        // may have stored a new token between the first read and the lease
        try (RefreshLease held = lease.get()) {
          stored = store.load(key);
          if (stored.isPresent() && usable(stored.get().token(), rejected)) {
            return stored.get().token();
          }
          ZohoToken renewed = renewal.renew(key, stored.orElse(null));
          return save(key, stored.map(StoredToken::version).orElse(0L), renewed);
        }
      }
      // another process holds the lease: poll the store for the token it stores, up to the wait limit
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
    return state(token) == TokenState.FRESH;
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

package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.RateLimitException;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What this process remembers about asking Zoho for access tokens, per source of tokens (a refresh token, or one
 * client-credentials configuration):
 *
 * <ul>
 *   <li>Zoho's budget: at most {@code limit} tokens <em>issued</em> per {@code window} (10 per 10 minutes by
 *       default). Only tokens Zoho actually issued count; past the budget zohokit fails fast instead of being
 *       throttled.
 *   <li>Zoho's own {@code "Access Denied"} throttle: no request until its window ends.
 *   <li>Failures (transient or refusals) back off exponentially, from {@link #FIRST_BACKOFF} doubling up to
 *       {@link #MAX_BACKOFF}, instead of spending the budget: an Accounts outage costs one request per back-off
 *       step and locks nothing out once Zoho recovers.
 *   <li>Refresh tokens Zoho declared dead: not sent again (the stored record keeps the lasting mark).
 * </ul>
 *
 * Entries of tokens not used for a window are dropped, so the memory does not grow with every token ever seen.
 */
final class RefreshBudget {
  /** The wait after the first failed request; it doubles with each further failure. */
  static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  /** The longest wait between failed requests. */
  static final Duration MAX_BACKOFF = Duration.ofMinutes(1);

  private final int limit;
  private final Duration window;
  private final Map<Object, Entry> entries = new ConcurrentHashMap<>();
  private volatile Instant lastPrune = Instant.MIN;

  /** One source's history; guarded by itself. */
  private static final class Entry {
    final Deque<Instant> issued = new ArrayDeque<>();
    Instant blockedUntil = Instant.MIN;
    int failures;
    Instant retryAt = Instant.MIN;
    ZohoException lastFailure;
    boolean dead;
    Instant lastUsed = Instant.MIN;
  }

  RefreshBudget(int limit, Duration window) {
    if (limit < 1) {
      throw new IllegalArgumentException("the refresh budget must allow at least 1 refresh, was " + limit);
    }
    this.limit = limit;
    this.window = window;
  }

  /**
   * Asks Zoho for a token from {@code source} with {@code request}, within the budget: throws without a request
   * when the budget is spent, Zoho's throttle is on, or a back-off after failures has not ended; records the
   * outcome otherwise.
   *
   * @param source the refresh token, or a key for a client-credentials configuration
   * @param what what is being done, for messages ("refreshing the access token of ...")
   */
  ZohoToken request(Object source, Supplier<Instant> clock, String what, Supplier<ZohoToken> request) {
    Instant now = clock.get();
    prune(now);
    Entry entry = entries.computeIfAbsent(source, k -> new Entry());
    synchronized (entry) {
      entry.lastUsed = now;
      check(entry, now, what);
    }
    try {
      ZohoToken token = request.get();
      Instant at = clock.get();
      synchronized (entry) {
        entry.issued.addLast(at);
        entry.failures = 0;
        entry.retryAt = Instant.MIN;
        entry.lastFailure = null;
      }
      return token;
    } catch (RateLimitException e) {
      synchronized (entry) {
        entry.blockedUntil = clock.get().plus(e.retryAfter().orElse(OAuthErrors.THROTTLE_WINDOW));
      }
      throw e;
    } catch (ZohoException e) {
      synchronized (entry) {
        entry.failures++;
        entry.retryAt = clock.get().plus(backoff(entry.failures));
        entry.lastFailure = e;
      }
      throw e;
    }
  }

  private void check(Entry entry, Instant now, String what) {
    if (now.isBefore(entry.blockedUntil)) {
      Duration wait = Duration.between(now, entry.blockedUntil);
      throw new RateLimitException("Not " + what + ": Zoho throttled these token requests ('Access Denied') and "
          + "its window ends at " + entry.blockedUntil + " (in " + human(wait) + "); zohokit waits until then "
          + "instead of extending the throttle", wait);
    }
    while (!entry.issued.isEmpty() && !entry.issued.peekFirst().plus(window).isAfter(now)) {
      entry.issued.removeFirst();
    }
    if (entry.issued.size() >= limit) {
      Instant next = entry.issued.peekFirst().plus(window);
      Duration wait = Duration.between(now, next);
      throw new RateLimitException("Not " + what + ": Zoho already issued " + limit + " access tokens for it in "
          + "the last " + human(window) + ", Zoho's limit. The next request is allowed at " + next + " (in "
          + human(wait) + "). Tokens being rejected this often usually means several processes renew on their "
          + "own: give them one shared token store", wait);
    }
    if (now.isBefore(entry.retryAt)) {
      Duration wait = Duration.between(now, entry.retryAt);
      ZohoException last = entry.lastFailure;
      String message = "Not " + what + " before " + entry.retryAt + " (in " + human(wait) + "): backing off after "
          + entry.failures + " failed attempt" + (entry.failures == 1 ? "" : "s") + ". The last one failed: "
          + last.getMessage();
      if (last instanceof ZohoAuthException) {
        throw new ZohoAuthException(((ZohoAuthException) last).error(), message, last);
      }
      int status = last instanceof ZohoUnavailableException
          ? ((ZohoUnavailableException) last).status().orElse(0) : 0;
      throw new ZohoUnavailableException(message, status, wait, last);
    }
  }

  /**
   * Zoho declared {@code refreshToken} dead: remembered so that the caller, which checks {@link #isDead} first, does
   * not send it again from this process. Pruned like any entry (the stored token record carries the lasting mark;
   * this memory only covers a store that could not be written), so it does not keep refresh tokens forever.
   */
  void dead(Secret refreshToken, Instant now) {
    Entry entry = entries.computeIfAbsent(refreshToken, k -> new Entry());
    synchronized (entry) {
      entry.dead = true;
      entry.lastUsed = now;
    }
  }

  /** Whether Zoho declared {@code refreshToken} dead in this process. */
  boolean isDead(Secret refreshToken) {
    Entry entry = entries.get(refreshToken);
    return entry != null && entry.dead;
  }

  /** How many sources are remembered (dead refresh tokens included). */
  int size() {
    return entries.size();
  }

  static Duration backoff(int failures) {
    Duration wait = FIRST_BACKOFF;
    for (int i = 1; i < failures && wait.compareTo(MAX_BACKOFF) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : wait;
  }

  /** Drops entries nothing happened to for a window (and the throttle and back-off windows after it). */
  private void prune(Instant now) {
    if (!now.isAfter(lastPrune.plus(window))) {
      return;
    }
    lastPrune = now;
    Instant horizon = now.minus(window).minus(OAuthErrors.THROTTLE_WINDOW).minus(MAX_BACKOFF);
    entries.values().removeIf(entry -> {
      synchronized (entry) {
        return entry.lastUsed.isBefore(horizon) && !now.isBefore(entry.blockedUntil)
            && !now.isBefore(entry.retryAt);
      }
    });
  }

  static String human(Duration d) {
    long seconds = Math.max(0, d.toSeconds());
    return seconds >= 60 ? (seconds / 60) + "m" + (seconds % 60) + "s" : seconds + "s";
  }
}

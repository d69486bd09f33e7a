package io.github.zohokit.auth;

import io.github.zohokit.RateLimitException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zoho's budget of access tokens per refresh token (10 per 10 minutes by default), kept in this process. Past it
 * zohokit fails fast instead of asking Zoho and being throttled; after Zoho's own {@code "Access Denied"} throttle
 * it waits out the window instead of asking again on every call.
 */
final class RefreshBudget {
  private final int limit;
  private final Duration window;
  private final Map<Secret, Deque<Instant>> spent = new ConcurrentHashMap<>();
  private final Map<Secret, Instant> blockedUntil = new ConcurrentHashMap<>();

  RefreshBudget(int limit, Duration window) {
    if (limit < 1) {
      throw new IllegalArgumentException("the refresh budget must allow at least 1 refresh, was " + limit);
    }
    this.limit = limit;
    this.window = window;
  }

  /** Records one refresh with {@code refreshToken} at {@code now}, or throws when the budget is spent. */
  void spend(Secret refreshToken, Instant now, String what) {
    Instant blocked = blockedUntil.get(refreshToken);
    if (blocked != null && now.isBefore(blocked)) {
      throw new RateLimitException("Not " + what + ": Zoho throttled this refresh token ('Access Denied') and its "
          + "window ends at " + blocked + " (in " + human(Duration.between(now, blocked)) + "); zohokit waits "
          + "until then instead of extending the throttle", Duration.between(now, blocked));
    }
    Deque<Instant> times = spent.computeIfAbsent(refreshToken, k -> new ArrayDeque<>());
    synchronized (times) {
      while (!times.isEmpty() && !times.peekFirst().plus(window).isAfter(now)) {
        times.removeFirst();
      }
      if (times.size() >= limit) {
        Instant next = times.peekFirst().plus(window);
        Duration wait = Duration.between(now, next);
        throw new RateLimitException("Not " + what + ": " + limit + " access tokens were already requested with "
            + "this refresh token in the last " + human(window) + ", Zoho's limit. The next refresh is allowed at "
            + next + " (in " + human(wait) + "). Tokens being rejected this often usually means several processes "
            + "refresh on their own: give them one shared token store", wait);
      }
      times.addLast(now);
    }
  }

  /** Zoho answered its throttle for {@code refreshToken}: refuse further refreshes until the window ends. */
  void throttled(Secret refreshToken, Instant now) {
    blockedUntil.put(refreshToken, now.plus(OAuthErrors.THROTTLE_WINDOW));
  }

  static String human(Duration d) {
    long seconds = Math.max(0, d.toSeconds());
    return seconds >= 60 ? (seconds / 60) + "m" + (seconds % 60) + "s" : seconds + "s";
  }
}

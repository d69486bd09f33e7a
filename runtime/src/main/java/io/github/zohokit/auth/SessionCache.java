package io.github.zohokit.auth;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * The sessions of the users of one {@link TokenManager}, so that a server with many users does not keep every user
 * it ever served: at most {@code maxKept} recently used sessions are kept, each for at most {@code idleMillis} after
 * its last use; an older one is dropped, and collected once nothing else holds it.
 *
 * <p>There is never more than one session of a user alive, so a user's renewals stay single-flight: every session
 * alive is found here (weakly referenced), including one the cache dropped while the application still holds it (a
 * {@code Zoho}, a generated API, its HTTP client, a renewal in flight); a new session is made only once the old one
 * has been collected, which nothing can be using any more.
 *
 * @param <S> the session
 */
final class SessionCache<S> {
  /** The most recently used sessions kept by default. */
  static final int DEFAULT_MAX_KEPT = 10_000;
  /** How long after its last use a session is kept by default: an access token's lifetime. */
  static final long DEFAULT_IDLE_MILLIS = 60 * 60 * 1000L;

  private final int maxKept;
  private final long idleMillis;
  private final LongSupplier clock;
  /** Every session alive, by user key; an entry whose session was collected is removed through {@code collected}. */
  private final ConcurrentHashMap<String, Ref<S>> alive = new ConcurrentHashMap<>();
  private final ReferenceQueue<S> collected = new ReferenceQueue<>();
  /** The kept sessions, least recently used first; guarded by itself. */
  private final LinkedHashMap<String, Kept<S>> kept = new LinkedHashMap<>(16, 0.75f, true);

  private static final class Ref<S> extends WeakReference<S> {
    final String userKey;

    Ref(S session, String userKey, ReferenceQueue<S> queue) {
      super(session, queue);
      this.userKey = userKey;
    }
  }

  private static final class Kept<S> {
    final S session;
    long lastUsed;

    Kept(S session, long lastUsed) {
      this.session = session;
      this.lastUsed = lastUsed;
    }
  }

  SessionCache(int maxKept, long idleMillis, LongSupplier clock) {
    this.maxKept = maxKept;
    this.idleMillis = idleMillis;
    this.clock = clock;
  }

  /** The session of {@code userKey} if one is alive; does not count as a use. */
  S alive(String userKey) {
    expunge();
    Ref<S> ref = alive.get(userKey);
    return ref == null ? null : ref.get();
  }

  /** The session of {@code userKey}, the one alive or a new one from {@code create}; counts as a use. */
  S use(String userKey, Function<String, S> create) {
    expunge();
    S session = alive(userKey);
    if (session == null) {
      @SuppressWarnings("unchecked")
      S[] made = (S[]) new Object[1];
      alive.compute(userKey, (user, ref) -> {
        S existing = ref == null ? null : ref.get();
        if (existing != null) {
          made[0] = existing;
          return ref;
        }
        made[0] = create.apply(user);
        return new Ref<>(made[0], user, collected);
      });
      session = made[0];
    }
    keep(userKey, session);
    return session;
  }

  /** How many sessions are kept (strongly), for tests. */
  int kept() {
    synchronized (kept) {
      return kept.size();
    }
  }

  /** How many sessions are alive (kept, or held by the application and not collected yet), for tests. */
  int alive() {
    expunge();
    return alive.size();
  }

  private void keep(String userKey, S session) {
    long now = clock.getAsLong();
    synchronized (kept) {
      Kept<S> entry = kept.get(userKey);
      if (entry != null && entry.session == session) {
        entry.lastUsed = now;
      } else {
        kept.put(userKey, new Kept<>(session, now));
      }
      // least recently used first: drop past the size, then the idle ones at the head
      Iterator<Kept<S>> oldest = kept.values().iterator();
      while (oldest.hasNext()) {
        Kept<S> next = oldest.next();
        if (kept.size() <= maxKept && now - next.lastUsed < idleMillis) {
          break;
        }
        oldest.remove();
      }
    }
  }

  private void expunge() {
    for (Object ref; (ref = collected.poll()) != null; ) {
      Ref<?> gone = (Ref<?>) ref;
      alive.remove(gone.userKey, gone);
    }
  }
}

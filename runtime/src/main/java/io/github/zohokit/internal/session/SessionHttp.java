package io.github.zohokit.internal.session;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.internal.http.ZohoAuthInterceptor;
import io.github.zohokit.internal.call.Apis;
import io.github.zohokit.internal.call.ZohoCalls;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Not API: may change in any release. The HTTP side of one {@code ZohoOAuth}: its per-user {@link Session}s, the one
 * authorizing {@link OkHttpClient} every user's generated calls share, the per-user {@code OkHttpClient}s for the
 * application's own requests and the generated APIs made per user (both kept in the user's session,
 * {@link Session#objects()}, so that they go with it), and the JSON mapper.
 *
 * <p>{@code ZohoOAuth} builds one and {@linkplain #ownedBy registers} it under itself; {@code Zoho} finds it with
 * {@link #of(Object)}. The registry holds its owners weakly, so a {@code ZohoOAuth} nobody uses any more is collected
 * with its wiring; it lets this class know nothing of {@code ZohoOAuth} (no import cycle, no static hook into it).
 */
public final class SessionHttp {
  private static final Map<Object, SessionHttp> OWNED = Collections.synchronizedMap(new WeakHashMap<>());

  private final ObjectMapper objectMapper;
  private final OkHttpClient baseHttp;
  private final OkHttpClient callHttp;
  private final Function<String, Session> sessions;

  /**
   * The HTTP side of one {@code ZohoOAuth}.
   *
   * @param http the application's HTTP client (pool, timeouts, proxy); calls never replay a request on it
   * @param objectMapper the mapper every generated API of this {@code ZohoOAuth} reads and writes with
   * @param sessions the session of a user key
   */
  public SessionHttp(OkHttpClient http, ObjectMapper objectMapper, Function<String, Session> sessions) {
    this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    // No silent replay: OkHttp would resend any request after a connection failure; the interceptor resends only
    // GET and HEAD, once, and tells the caller a POST/PATCH/PUT/DELETE may have been applied.
    this.baseHttp = http.newBuilder().retryOnConnectionFailure(false).build();
    this.callHttp = baseHttp.newBuilder().addInterceptor(new ZohoAuthInterceptor(null)).build();
  }

  /**
   * Registers this as the HTTP side of {@code owner} (its {@code ZohoOAuth}), for {@link #of(Object)}.
   *
   * @param owner the {@code ZohoOAuth} this was built for, held weakly
   * @return this
   * @throws IllegalStateException when {@code owner} already has one
   */
  public SessionHttp ownedBy(Object owner) {
    if (OWNED.putIfAbsent(Objects.requireNonNull(owner, "owner"), this) != null) {
      throw new IllegalStateException("the HTTP side of " + owner + " is already registered");
    }
    return this;
  }

  /**
   * The HTTP side of {@code owner}.
   *
   * @param owner a {@code ZohoOAuth}, not null
   * @return the one it was built with
   * @throws IllegalArgumentException when {@code owner} has none (it is not a {@code ZohoOAuth})
   */
  public static SessionHttp of(Object owner) {
    SessionHttp http = OWNED.get(Objects.requireNonNull(owner, "owner"));
    if (http == null) {
      throw new IllegalArgumentException("not a ZohoOAuth: " + owner.getClass().getName());
    }
    return http;
  }

  /**
   * The session of {@code userKey}: the same object for the same key.
   *
   * @param userKey the user, not null
   * @return the user's session
   */
  public Session session(String userKey) {
    return sessions.apply(Objects.requireNonNull(userKey, "userKey"));
  }

  /**
   * The generated API of {@code api} for {@code session}'s user, created once per user.
   *
   * @param <T> the annotated interface
   * @param session the user the API calls as
   * @param api the interface annotated with {@code @Get}/{@code @Post}/... methods
   * @return the generated API, the same instance for the same user and interface
   * @throws IllegalArgumentException when the class path holds no generated API for {@code api}
   */
  public <T> T api(Session session, Class<T> api) {
    // kept with the session, so that a user's APIs are dropped with the user's session (and never keep it alive)
    return api.cast(session.objects().api(api, () -> Apis.create(api, new ZohoCalls(callHttp, objectMapper,
        session))));
  }

  /**
   * An HTTP client for the application's own requests as {@code session}'s user: each request gets the user's token
   * and goes to the user's API base (its scheme, host and port are replaced; path and query kept). Built once per
   * user; it shares the connection pool and dispatcher with every other user's.
   *
   * @param session the user the requests are made as
   * @return the user's HTTP client; it never replays a request that is not a GET or HEAD
   */
  public OkHttpClient userHttp(Session session) {
    return session.objects().http(
        () -> baseHttp.newBuilder().addInterceptor(new ZohoAuthInterceptor(session)).build());
  }

  /**
   * The HTTP client generated calls go through: it authorizes each request from its {@link Authorization} tag.
   *
   * @return the shared authorizing HTTP client
   */
  public OkHttpClient callHttp() {
    return callHttp;
  }

  /**
   * The mapper generated APIs build their readers and writers from.
   *
   * @return the mapper, never null
   */
  public ObjectMapper objectMapper() {
    return objectMapper;
  }
}

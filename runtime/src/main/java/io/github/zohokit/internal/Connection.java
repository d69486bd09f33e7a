package io.github.zohokit.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.internal.call.Apis;
import io.github.zohokit.internal.call.ZohoCalls;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import okhttp3.OkHttpClient;

/**
 * Not API: may change in any release. What one {@link ZohoOAuth} gives the calls made with it: the per-user
 * {@link Session}s, one authorizing HTTP client shared by every user's generated calls, and the JSON mapper.
 * {@code ZohoOAuth} keeps it private and hands it to {@code Zoho} through {@link #of(ZohoOAuth)}.
 */
public final class Connection {
  private static volatile Function<ZohoOAuth, Connection> access;

  private final ObjectMapper objectMapper;
  private final OkHttpClient base;
  private final OkHttpClient calls;
  private final Function<String, Session> sessions;
  private final Map<Session, Map<Class<?>, Object>> clients = new ConcurrentHashMap<>();
  private final Map<Session, OkHttpClient> userClients = new ConcurrentHashMap<>();

  /**
   * The connection of one {@code ZohoOAuth}.
   *
   * @param httpClient the application's client (pool, timeouts, proxy); calls never replay a request on it
   * @param objectMapper the mapper every generated client of this connection reads and writes with
   * @param sessions the session of a user key
   */
  public Connection(OkHttpClient httpClient, ObjectMapper objectMapper, Function<String, Session> sessions) {
    this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    // No silent replay: OkHttp would resend any request after a connection failure; the interceptor resends only
    // GET and HEAD, once, and tells the caller a POST/PATCH/PUT/DELETE may have been applied.
    this.base = httpClient.newBuilder().retryOnConnectionFailure(false).build();
    this.calls = base.newBuilder().addInterceptor(new ZohoAuthInterceptor(null)).build();
  }

  /**
   * Called once, by {@code ZohoOAuth}'s class initialisation: how to reach an instance's connection.
   *
   * @param accessor gives an instance's private connection
   * @throws IllegalStateException when an accessor is already installed
   */
  public static synchronized void install(Function<ZohoOAuth, Connection> accessor) {
    if (access != null) {
      throw new IllegalStateException("the connection accessor is installed by ZohoOAuth only");
    }
    access = accessor;
  }

  /**
   * {@code oauth}'s connection.
   *
   * @param oauth the client, not null
   * @return the connection {@code oauth} was built with
   */
  public static Connection of(ZohoOAuth oauth) {
    return access.apply(Objects.requireNonNull(oauth, "oauth"));
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
   * The generated client of {@code api} for {@code session}'s user, created once per user.
   *
   * @param <T> the client interface
   * @param session the user the client calls as
   * @param api the interface annotated with {@code @Get}/{@code @Post}/... methods
   * @return the generated client, the same instance for the same user and interface
   * @throws IllegalArgumentException when the class path holds no generated client for {@code api}
   */
  public <T> T client(Session session, Class<T> api) {
    Map<Class<?>, Object> forUser = clients.computeIfAbsent(session, s -> new ConcurrentHashMap<>());
    Object client = forUser.get(api);
    if (client == null) {
      client = Apis.create(api, new ZohoCalls(calls, objectMapper, session));
      Object raced = forUser.putIfAbsent(api, client);
      client = raced != null ? raced : client;
    }
    return api.cast(client);
  }

  /**
   * A client for the application's own requests as {@code session}'s user: each request gets the user's token and
   * goes to the user's API domain (its scheme, host and port are replaced; path and query kept). Built once per
   * user; it shares the connection pool and dispatcher with every other user's.
   *
   * @param session the user the requests are made as
   * @return the user's client; it never replays a request that is not a GET or HEAD
   */
  public OkHttpClient userClient(Session session) {
    return userClients.computeIfAbsent(session,
        s -> base.newBuilder().addInterceptor(new ZohoAuthInterceptor(s)).build());
  }

  /**
   * The client generated calls go through: it authorizes each request from its {@link Authorization} tag.
   *
   * @return the shared authorizing client
   */
  public OkHttpClient callClient() {
    return calls;
  }

  /**
   * The mapper generated clients build their readers and writers from.
   *
   * @return the mapper, never null
   */
  public ObjectMapper objectMapper() {
    return objectMapper;
  }
}

package io.github.zohokit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.internal.call.Apis;
import io.github.zohokit.internal.session.Session;
import io.github.zohokit.internal.session.SessionHttp;
import io.github.zohokit.token.TokenKey;
import java.util.Objects;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * A connection to Zoho's APIs for one user of one OAuth client: the generated APIs, and an {@link OkHttpClient}
 * for the application's own requests that authorizes and routes each of them.
 *
 * <pre>{@code
 * Zoho zoho = Zoho.connect(oauth);                  // the default user
 * LeadsApi leads = zoho.api(LeadsApi.class);
 * Zoho alice = zoho.forUser("alice@example.com");   // per-user tokens (server-based apps)
 * }</pre>
 *
 * Cheap to create: users of one {@link ZohoOAuth} share its connection pool and its authorizing HTTP client, and a
 * user's generated APIs are created once per session of that user.
 */
public final class Zoho {
  private final ZohoOAuth oauth;
  private final SessionHttp connection;
  private final Session session;

  private Zoho(ZohoOAuth oauth, SessionHttp connection, Session session) {
    this.oauth = oauth;
    this.connection = connection;
    this.session = session;
  }

  /**
   * Connects as {@link TokenKey#DEFAULT_USER}.
   *
   * @param oauth the client whose tokens the calls use, not null
   * @return a connection for the default user; nothing is sent until a call is made
   */
  public static Zoho connect(ZohoOAuth oauth) {
    SessionHttp connection = SessionHttp.of(Objects.requireNonNull(oauth, "oauth"));
    return new Zoho(oauth, connection, connection.session(TokenKey.DEFAULT_USER));
  }

  /**
   * The generated API of {@code api}, an interface compiled with the zohokit annotation processor (its class is
   * {@code Zoho<Interface>}); the same instance on every call for this user while the user's session lives (it is
   * kept while recently used, see {@code ZohoOAuth.Builder.sessionCache}, and while anything holds this connection or
   * one of the user's APIs).
   *
   * @param <T> the annotated interface
   * @param api the interface, not null
   * @return the generated API
   * @throws IllegalArgumentException when no generated API exists for {@code api}
   */
  public <T> T api(Class<T> api) {
    return connection.api(session, Objects.requireNonNull(api, "api"));
  }

  /**
   * The generated API of {@code api}.
   *
   * @param <T> the annotated interface
   * @param api the interface, not null
   * @return the generated API
   * @throws IllegalArgumentException when no generated API exists for {@code api}
   * @deprecated "client" now means only the OAuth client; use {@link #api(Class)}, which this calls
   */
  @Deprecated
  public <T> T client(Class<T> api) {
    return api(api);
  }

  /**
   * The interfaces that have a generated API on {@code loader}: those listed by the {@code ZohoApiRegistry} of each
   * compilation that ran the zohokit annotation processor (read through {@code META-INF/services}, without
   * scanning the class path). For frameworks that make each API a bean, as the Spring Boot starter does.
   *
   * @param loader the class loader to look on, not null; read once, then remembered
   * @return the interfaces, unmodifiable; each can be passed to {@link #api(Class)}
   */
  public static Set<Class<?>> apis(ClassLoader loader) {
    return Apis.interfaces(Objects.requireNonNull(loader, "loader"));
  }

  /**
   * The same connection for another user of the same client.
   *
   * @param userKey the other user's key, not null; tokens are kept per user
   * @return a connection for that user, sharing this one's HTTP client and connection pool
   */
  public Zoho forUser(String userKey) {
    return new Zoho(oauth, connection, connection.session(userKey));
  }

  /**
   * The OAuth client this connection takes its tokens from.
   *
   * @return the client, never null
   */
  public ZohoOAuth oauth() {
    return oauth;
  }

  /**
   * The user whose token the calls carry.
   *
   * @return the user key, never null
   */
  public String userKey() {
    return session.userKey();
  }

  /**
   * An HTTP client for the application's own requests as this user: each request carries the user's token and goes to
   * the user's API domain (the URL's scheme, host and port are replaced; its path and query kept), with the single
   * retry on a rejected token and no silent replay of writes that generated APIs have.
   *
   * @return the HTTP client, created on first use and then the same instance
   */
  public OkHttpClient httpClient() {
    return connection.userHttp(session);
  }

  /**
   * The mapper the generated APIs read and write JSON with: the one {@link ZohoOAuth} was built with.
   *
   * @return the mapper, never null
   */
  public ObjectMapper objectMapper() {
    return connection.objectMapper();
  }

  @Override
  public String toString() {
    return "Zoho{user=" + session.userKey() + ", " + oauth + "}";
  }
}

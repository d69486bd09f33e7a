package io.github.zohokit;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.auth.Scope;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.auth.ZohoToken;
import io.github.zohokit.internal.ZohoAuthInterceptor;
import io.github.zohokit.internal.ZohoErrorDecoder;
import io.github.zohokit.store.TokenKey;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Response;

/**
 * A connection to Zoho's APIs for one user of one client: an {@link OkHttpClient} that authorizes and routes every
 * request ({@link ZohoAuthInterceptor}), the Jackson mapper, and the error decoder.
 *
 * <pre>{@code
 * Zoho zoho = Zoho.connect(oauth);                  // the default user
 * Zoho alice = zoho.forUser("alice@example.com");   // per-user tokens (server-based apps)
 * }</pre>
 *
 * Cheap to create; instances for different users share the connection pool.
 */
public final class Zoho {
  private final ZohoOAuth oauth;
  private final String userKey;
  private final OkHttpClient httpClient;
  private final ZohoAuthInterceptor authorization;

  private Zoho(ZohoOAuth oauth, String userKey) {
    this.oauth = Objects.requireNonNull(oauth, "oauth");
    this.userKey = Objects.requireNonNull(userKey, "userKey");
    this.authorization = new ZohoAuthInterceptor(oauth, userKey);
    // No silent replay: OkHttp would resend any request after a connection failure; the interceptor resends only
    // GET and HEAD, once, and tells the caller a POST/PATCH/PUT/DELETE may have been applied.
    this.httpClient = oauth.httpClient().newBuilder().retryOnConnectionFailure(false).addInterceptor(authorization)
        .build();
  }

  /** Connects as {@link TokenKey#DEFAULT_USER}. */
  public static Zoho connect(ZohoOAuth oauth) {
    return new Zoho(oauth, TokenKey.DEFAULT_USER);
  }

  /**
   * The generated client for {@code api}, an interface compiled with the zohokit annotation processor.
   *
   * @throws IllegalArgumentException when no generated client exists for {@code api}
   */
  public <T> T client(Class<T> api) {
    ZohoClientFactory<T> factory = ClientFactories.find(api);
    return factory.create(this);
  }

  /** The same connection for another user of the same client. */
  public Zoho forUser(String userKey) {
    return new Zoho(oauth, userKey);
  }

  public ZohoOAuth oauth() {
    return oauth;
  }

  public String userKey() {
    return userKey;
  }

  /** The client whose requests carry this user's token and go to this user's API domain. */
  public OkHttpClient httpClient() {
    return httpClient;
  }

  /**
   * The base URL this user's API calls go to (their token's API domain), once a call has been made; null before.
   * Clients build URLs on it so that the interceptor need not rewrite them.
   */
  public HttpUrl apiBaseUrl() {
    return authorization.apiBase();
  }

  public ObjectMapper objectMapper() {
    return oauth.objectMapper();
  }

  /**
   * The exception for a failed (non-2xx) answer to {@code operation} (for example {@code GET /crm/v8/Leads}),
   * which declared {@code requiredScopes}. Reads the response body; the caller closes the response.
   */
  public ZohoException decodeError(Response response, String operation, Collection<String> requiredScopes) {
    Collection<Scope> granted = oauth.cachedToken(userKey).map(ZohoToken::scopes).orElse(List.of());
    return ZohoErrorDecoder.decode(response, operation, requiredScopes, granted);
  }

  @Override
  public String toString() {
    return "Zoho{user=" + userKey + ", " + oauth + "}";
  }
}

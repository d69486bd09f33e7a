package io.github.zohokit.internal;

import io.github.zohokit.ZohoException;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.auth.ZohoToken;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Authorizes every request of an {@link okhttp3.OkHttpClient} for one Zoho user:
 *
 * <ul>
 *   <li>adds {@code Authorization: Zoho-oauthtoken <access token>} (Zoho's scheme, although its token responses
 *       say {@code Bearer});
 *   <li>sends the request to the user's API domain (the token's {@code api_domain}, or the configured override):
 *       the scheme, host and port of the request URL are replaced, its path and query kept;
 *   <li>when Zoho answers 401 {@code INVALID_TOKEN} (or {@code AUTHENTICATION_FAILURE}, which Zoho sometimes sends
 *       for expired tokens), obtains another token — re-reading the store first, refreshing only if the failed
 *       token is still current — and retries the request exactly once (Zoho rejected the first attempt, so
 *       nothing was applied);
 *   <li>when the connection fails, resends a GET or HEAD once; any other method is not resent (Zoho may have
 *       applied it): the call fails with an error that says so. Use it on a client built with
 *       {@code retryOnConnectionFailure(false)}, as {@link io.github.zohokit.Zoho} does, so OkHttp does not
 *       resend either.
 * </ul>
 *
 * {@code OAUTH_SCOPE_MISMATCH} is never retried: a refresh cannot add a scope.
 */
public final class ZohoAuthInterceptor implements Interceptor {
  static final String AUTHORIZATION_SCHEME = "Zoho-oauthtoken ";
  private static final long ERROR_PEEK_BYTES = 16 * 1024;

  private final ZohoOAuth oauth;
  private final String userKey;
  /** The API base of the last token seen: resolved once per token, not per call. */
  private volatile Route route;

  private record Route(ZohoToken token, HttpUrl base) {}

  public ZohoAuthInterceptor(ZohoOAuth oauth, String userKey) {
    this.oauth = Objects.requireNonNull(oauth, "oauth");
    this.userKey = Objects.requireNonNull(userKey, "userKey");
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    ZohoToken token = obtain(() -> oauth.token(userKey));
    Response response = proceed(chain, authorize(original, token));
    if (response.code() != 401 || (original.body() != null && original.body().isOneShot())) {
      return response;
    }
    String code = ZohoErrorDecoder.errorCode(response.peekBody(ERROR_PEEK_BYTES).string());
    if (!ZohoErrorDecoder.isRejectedToken(code)) {
      return response;
    }
    response.close();
    ZohoToken renewed = obtain(() -> oauth.tokenRejected(userKey, token.accessToken()));
    return proceed(chain, authorize(original, renewed));
  }

  /** Sends {@code request}; after a connection failure resends it once if it is a GET or HEAD, never otherwise. */
  private static Response proceed(Chain chain, Request request) throws IOException {
    try {
      return chain.proceed(request);
    } catch (IOException e) {
      if (e instanceof TokenUnavailableException || chain.call().isCanceled()) {
        throw e;
      }
      String method = request.method();
      if (method.equals("GET") || method.equals("HEAD")) {
        return chain.proceed(request);
      }
      String what = method + " " + request.url().encodedPath();
      boolean notSent = e instanceof ConnectException || e instanceof UnknownHostException
          || e instanceof NoRouteToHostException;
      throw new NotResentException(notSent
          ? "could not connect for " + what + " (" + e + "); nothing was sent, it is safe to try again"
          : "the connection failed during " + what + " (" + e + "): Zoho may have applied the request. zohokit "
              + "does not resend it (that could, for example, create a record twice); check its effect in Zoho "
              + "before trying again", e);
    }
  }

  private static ZohoToken obtain(Supplier<ZohoToken> source) throws TokenUnavailableException {
    try {
      return source.get();
    } catch (ZohoException e) {
      throw new TokenUnavailableException(e);
    }
  }

  /** The token's API base; a token naming an untrusted API domain is refused before anything is sent. */
  private HttpUrl obtainBase(ZohoToken token) throws TokenUnavailableException {
    try {
      return oauth.apiBaseUrl(token);
    } catch (ZohoException e) {
      throw new TokenUnavailableException(e);
    }
  }

  /** The API base the last request went to (the user's API domain), or null before the first request. */
  public HttpUrl apiBase() {
    Route last = route;
    return last == null ? null : last.base();
  }

  private Request authorize(Request request, ZohoToken token) throws TokenUnavailableException {
    Route last = route;
    if (last == null || last.token() != token) {
      last = new Route(token, obtainBase(token));
      route = last;
    }
    HttpUrl url = request.url();
    HttpUrl base = last.base();
    boolean routed = url.port() == base.port() && url.host().equals(base.host()) && url.scheme().equals(base.scheme())
        && url.encodedPath().startsWith(base.encodedPath());
    return request.newBuilder()
        .url(routed ? url : route(url, base))
        .header("Authorization", AUTHORIZATION_SCHEME + token.accessToken().reveal())
        .build();
  }

  /** {@code url}'s path and query on {@code base}; a path prefix of {@code base} is kept in front. */
  static HttpUrl route(HttpUrl url, HttpUrl base) {
    String prefix = base.encodedPath();
    if (prefix.endsWith("/")) {
      prefix = prefix.substring(0, prefix.length() - 1);
    }
    String path = url.encodedPath();
    if (!prefix.isEmpty() && path.startsWith(prefix + "/")) {
      prefix = "";
    }
    return url.newBuilder().scheme(base.scheme()).host(base.host()).port(base.port())
        .encodedPath(prefix + path).build();
  }
}

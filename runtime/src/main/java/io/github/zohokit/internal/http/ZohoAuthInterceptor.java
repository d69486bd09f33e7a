package io.github.zohokit.internal.http;

import io.github.zohokit.internal.session.Authorization;
import io.github.zohokit.internal.session.Session;
import io.github.zohokit.ZohoException;
import io.github.zohokit.annotation.ZohoHost;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.util.function.Supplier;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Authorizes the requests of an {@link okhttp3.OkHttpClient} for Zoho. A request tagged with an {@link Authorization}
 * (every generated call) is sent as built, with that authorization's token; an untagged one (the application's own
 * calls on {@code SessionHttp.userHttp}) gets the current token of the interceptor's session and is routed:
 *
 * <ul>
 *   <li>sends a request tagged with a {@link ZohoHost} (a generated method annotated {@code @Host}) to that host of
 *       the API base ({@link ZohoHost#baseFor}), so the upload host follows the token's data centre, also after
 *       a renewal;
 *   <li>adds {@code Authorization: Zoho-oauthtoken <access token>} (Zoho's scheme, although its token responses
 *       say {@code Bearer});
 *   <li>sends an untagged request to the user's API domain (the token's {@code api_domain}, or the configured
 *       override): the scheme, host and port of the request URL are replaced, its path and query kept;
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
  private static final long ERROR_PEEK_BYTES = 16 * 1024;

  /** Whose token untagged requests carry; null on the shared client of generated calls, which are all tagged. */
  private final Session untagged;

  /**
   * Public only for {@code internal.session.SessionHttp}, which builds the interceptors.
   *
   * @param untagged whose token untagged requests carry; null for the shared HTTP client of generated calls
   */
  public ZohoAuthInterceptor(Session untagged) {
    this.untagged = untagged;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request original = chain.request();
    Authorization authorization = original.tag(Authorization.class);
    if (authorization == null) {
      if (untagged == null) {
        throw new IllegalStateException("a request without an Authorization tag reached zohokit's client for "
            + "generated calls: " + original.method() + " " + original.url().encodedPath());
      }
      authorization = obtain(untagged::authorization);
    }
    Response response = proceed(chain, authorize(original, authorization));
    if (response.code() != 401 || (original.body() != null && original.body().isOneShot())) {
      return response;
    }
    String code = ZohoErrorDecoder.errorCode(response.peekBody(ERROR_PEEK_BYTES).string());
    if (!ZohoErrorDecoder.isRejectedToken(code)) {
      return response;
    }
    response.close();
    Authorization rejected = authorization;
    Authorization renewed = obtain(() -> rejected.session().rejected(rejected));
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

  private static Authorization obtain(Supplier<Authorization> source) throws TokenUnavailableException {
    try {
      return source.get();
    } catch (ZohoException e) {
      throw new TokenUnavailableException(e);
    }
  }

  /**
   * {@code request} with {@code authorization}'s header and tag, on its API base (or on the base of the request's
   * {@link ZohoHost} tag for that API base): a URL already on that base (every generated call's first attempt) is
   * kept as it is; any other gets the base's scheme, host and port.
   */
  private static Request authorize(Request request, Authorization authorization) throws TokenUnavailableException {
    HttpUrl base;
    try {
      base = authorization.apiBase();
    } catch (ZohoException e) {
      throw new TokenUnavailableException(e);
    }
    ZohoHost host = request.tag(ZohoHost.class);
    if (host != null && host != ZohoHost.API) {
      base = HttpUrl.get(host.baseFor(base.toString()));
    }
    HttpUrl url = request.url();
    boolean routed = url.port() == base.port() && url.host().equals(base.host()) && url.scheme().equals(base.scheme())
        && underPrefix(url.encodedPath(), base.encodedPath());
    return request.newBuilder()
        .url(routed ? url : route(url, base))
        .header("Authorization", authorization.header())
        .tag(Authorization.class, authorization)
        .build();
  }

  /** Whether {@code path} is {@code prefix} or below it, segment-wise ({@code /fake-zohoX} is not under {@code /fake-zoho}). */
  static boolean underPrefix(String path, String prefix) {
    return path.startsWith(prefix) && (prefix.endsWith("/") || path.length() == prefix.length()
        || path.charAt(prefix.length()) == '/');
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

package io.github.zohokit.internal.session;

import io.github.zohokit.ZohoException;
import io.github.zohokit.token.ZohoToken;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * Not API: may change in any release. One user's current token as a call uses it, built once per token by its
 * {@link Session}: the token, the API base its calls go to (resolved and checked once), and the
 * {@code Authorization} header value. Generated clients build their URL on {@link #apiBase()} and tag the request
 * with this object; zohokit's interceptor ({@code internal.http.ZohoAuthInterceptor}) sets the header from the tag and asks
 * the session for another one when Zoho rejects it.
 */
public final class Authorization {
  private final Session session;
  private final ZohoToken token;
  private final HttpUrl apiBase;
  private final ZohoException unusable;
  private final String header;
  private final long expiresAtMillis;

  private Authorization(Session session, ZohoToken token, HttpUrl apiBase, ZohoException unusable) {
    this.session = session;
    this.token = token;
    this.expiresAtMillis = token.expiresAt().toEpochMilli();
    this.apiBase = apiBase;
    this.unusable = unusable;
    this.header = "Zoho-oauthtoken " + token.accessToken().reveal();
  }

  /**
   * {@code token} of {@code session}, whose calls go to {@code apiBase}.
   *
   * @param session the session that obtained the token
   * @param token the token, valid when this is built
   * @param apiBase the checked API base the calls go to
   * @return an authorization whose header value is built once
   */
  public static Authorization of(Session session, ZohoToken token, HttpUrl apiBase) {
    return new Authorization(Objects.requireNonNull(session, "session"), token, Objects.requireNonNull(apiBase,
        "apiBase"), null);
  }

  /**
   * {@code token} of {@code session}, which no call may use: {@code why} says why (for example its API domain is not
   * a trusted host). The token itself can still be read; {@link #apiBase()} throws {@code why}.
   *
   * @param session the session that obtained the token
   * @param token the token
   * @param why the exception a call with this authorization throws
   * @return an authorization that fails every call
   */
  public static Authorization unusable(Session session, ZohoToken token, ZohoException why) {
    return new Authorization(Objects.requireNonNull(session, "session"), token, null, Objects.requireNonNull(why,
        "why"));
  }

  /**
   * The session that issued this authorization: where to ask for another one.
   *
   * @return the session, never null
   */
  public Session session() {
    return session;
  }

  /**
   * The token this authorization sends.
   *
   * @return the token, never null
   */
  public ZohoToken token() {
    return token;
  }

  /**
   * The URL this user's API calls go to (the token's trusted API domain, or the configured override).
   *
   * @return the API base, never null
   * @throws ZohoException when the token must not be sent anywhere (an untrusted API domain in the store)
   */
  public HttpUrl apiBase() {
    if (unusable != null) {
      throw unusable;
    }
    return apiBase;
  }

  /**
   * When the token expires, in epoch milliseconds: compared with a clock's millis, without allocating.
   *
   * @return the token's expiry as milliseconds since 1970-01-01T00:00Z
   */
  public long expiresAtMillis() {
    return expiresAtMillis;
  }

  /**
   * The value of the {@code Authorization} header: Zoho's {@code Zoho-oauthtoken} scheme and the access token, built
   * once per token. Public only for zohokit's interceptor in another package; never log it.
   *
   * @return the header value
   */
  public String header() {
    return header;
  }

  @Override
  public String toString() {
    return "Authorization{" + session.userKey() + ", expires " + token.expiresAt() + ", " + (apiBase != null
        ? apiBase : "unusable") + "}";
  }
}

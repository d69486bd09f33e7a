package io.github.zohokit.spring;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Which application user a request belongs to: the key their Zoho tokens are stored under, read by the Login with
 * Zoho callback and by the application's own pages ({@code zoho.forUser(resolver.userKey(request))}).
 *
 * <p>The default takes the name of the authenticated principal ({@link HttpServletRequest#getUserPrincipal()}, which
 * Spring Security fills), else {@code zoho.login.anonymous-user-key}, else none. Define a bean of this type to key
 * tokens by something else (a tenant id, a database user id).
 */
@FunctionalInterface
public interface ZohoUserKeyResolver {
  /**
   * The user key of {@code request}'s user: tokens are stored and read under it.
   *
   * @param request the current request
   * @return the user key, or null (or blank) when the request has no user; the login endpoints then fail with error
   *     {@code no_user}
   */
  String userKey(HttpServletRequest request);
}

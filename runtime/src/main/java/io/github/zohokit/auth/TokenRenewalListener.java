package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;

/**
 * Told of every attempt to obtain a new access token without the user — a refresh-token grant, or a
 * client-credentials request — and of its outcome: for metrics and alerts. Register it with
 * {@link ZohoOAuth.Builder#renewalListener}.
 *
 * <p>Called on the thread that renewed, after the renewal; it must return quickly and must not throw (an exception
 * it throws is logged and ignored). Neither argument carries a secret in its {@code toString()}.
 */
public interface TokenRenewalListener {

  /**
   * {@code key}'s token was renewed; {@code token} is the new one.
   *
   * @param key the client and user whose token was renewed
   * @param token the new token, already stored
   */
  default void renewed(TokenKey key, ZohoToken token) {}

  /**
   * Renewing {@code key}'s token failed: {@code failure} is what the caller gets, for example a
   * {@link io.github.zohokit.RateLimitException}, a {@link io.github.zohokit.ZohoAuthException} (Zoho refused the
   * refresh token) or a {@link io.github.zohokit.ReauthorizationRequiredException} (nothing to renew with).
   *
   * @param key the client and user whose token was not renewed
   * @param failure the exception the waiting caller gets
   */
  default void renewalFailed(TokenKey key, RuntimeException failure) {}
}

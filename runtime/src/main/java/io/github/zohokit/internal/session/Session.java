package io.github.zohokit.internal.session;

import io.github.zohokit.ZohoException;

/**
 * Not API: may change in any release. One user of one {@code ZohoOAuth}: hands out the {@link Authorization} of
 * the user's current token. The valid path is a volatile read and a clock read: no store I/O, no lookup, no
 * allocation; a token close to expiry is renewed off the caller's thread.
 */
public interface Session {
  /**
   * The user these tokens are for.
   *
   * @return the user key, never null
   */
  String userKey();

  /**
   * What is made for this user besides the token (generated APIs, HTTP client); lives as long as this session.
   *
   * @return the session's own holder, the same on every call
   */
  UserObjects objects();

  /**
   * The authorization of a token valid now, renewing it first when it is missing or expired.
   *
   * @return the authorization, never null
   * @throws ZohoException when no token can be obtained (see {@code ZohoOAuth.token})
   */
  Authorization authorization();

  /**
   * Zoho rejected {@code rejected} (401 {@code INVALID_TOKEN}): another valid authorization, one another thread
   * or process already obtained or a renewed one.
   *
   * @param rejected the authorization Zoho rejected
   * @return an authorization of a different token, never null
   * @throws ZohoException when no token can be obtained
   */
  Authorization rejected(Authorization rejected);
}

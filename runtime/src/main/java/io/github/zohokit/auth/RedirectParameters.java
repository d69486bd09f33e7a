package io.github.zohokit.auth;

import io.github.zohokit.ZohoAuthException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameters Zoho sent back to a redirect URI, from the query string or the fragment: a whole URL
 * ({@code https://app/callback?code=...}), a custom-scheme URL, or just {@code code=...&state=...}.
 */
final class RedirectParameters {
  private final Map<String, String> params;

  private RedirectParameters(Map<String, String> params) {
    this.params = params;
  }

  static RedirectParameters parse(String redirect) {
    if (redirect == null) {
      throw new IllegalArgumentException("the redirect URL is null");
    }
    String s = redirect.trim();
    Map<String, String> params = new LinkedHashMap<>();
    int query = s.indexOf('?');
    int fragment = s.indexOf('#');
    if (query < 0 && fragment < 0 && s.contains("=") && !s.contains("://")) {
      addAll(params, s);
    } else {
      if (query >= 0) {
        addAll(params, s.substring(query + 1, fragment > query ? fragment : s.length()));
      }
      if (fragment >= 0) {
        addAll(params, s.substring(fragment + 1));
      }
    }
    return new RedirectParameters(params);
  }

  private static void addAll(Map<String, String> params, String encoded) {
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(name, value);
    }
  }

  String get(String name) {
    String value = params.get(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /**
   * Checks a redirect against the authorization that started it: {@code state} must match (constant time), and an
   * {@code error} Zoho sent back becomes an exception.
   *
   * @throws ZohoAuthException {@code state_mismatch}, or Zoho's error such as {@code access_denied}
   */
  RedirectParameters verify(AuthorizationRequest request) {
    if (!stateMatches(request.state())) {
      throw new ZohoAuthException("state_mismatch", "The redirect's state does not match the authorization this "
          + "session started: a forged request, a second login tab, or an expired session. Nothing was exchanged; "
          + "start the login again");
    }
    String error = get("error");
    if (error != null) {
      throw new ZohoAuthException(error, "Zoho redirected back with error '" + error + "'"
          + ("access_denied".equals(error) ? ". " + OAuthErrors.ACCESS_DENIED : "") + ". No token was issued");
    }
    return this;
  }

  /** Whether the redirect's {@code state} equals {@code expected}, compared in constant time. */
  boolean stateMatches(String expected) {
    String actual = get("state");
    return actual != null && expected != null && MessageDigest.isEqual(
        actual.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
  }
}

package io.github.zohokit.auth;

import io.github.zohokit.ZohoAuthException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * The parameters Zoho sent back to a redirect URI, from the query string or the fragment: a whole URL
 * ({@code https://app/callback?code=...}), a custom-scheme URL, or just {@code code=...&state=...}. Decoding is
 * OkHttp's {@link HttpUrl}; input it would only guess at is refused with {@code invalid_callback}: a URL it cannot
 * parse, a malformed percent escape ({@code %zz}), or a parameter given twice.
 */
final class RedirectParameters {
  private static final HttpUrl HOLDER = HttpUrl.get("http://callback.invalid/");
  /** A URL's start: a scheme as RFC 3986 spells it, then {@code ://}. {@code state=a&next=https://x} is not one. */
  private static final Pattern URL = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*)://");

  private final Map<String, String> params;

  private RedirectParameters(Map<String, String> params) {
    this.params = params;
  }

  /**
   * Reads the parameters of {@code redirect}.
   *
   * @throws ZohoAuthException {@code invalid_callback} for input that is not a callback zohokit can read safely
   */
  static RedirectParameters parse(String redirect) {
    if (redirect == null || redirect.isBlank()) {
      throw invalid("it is empty");
    }
    String s = redirect.trim();
    int fragment = s.indexOf('#');
    int query = s.indexOf('?');
    if (query > fragment && fragment >= 0) {
      query = -1;
    }
    Matcher url = URL.matcher(s);
    if (url.lookingAt()) {
      String scheme = url.group(1).toLowerCase(Locale.ROOT);
      if ((scheme.equals("http") || scheme.equals("https")) && HttpUrl.parse(s) == null) {
        throw invalid("it is not a valid URL");
      }
    } else if (query < 0 && fragment < 0) {
      // just the parameters: code=...&state=...
      s = "?" + s;
      query = 0;
    }
    Map<String, String> params = new LinkedHashMap<>();
    if (query >= 0) {
      addAll(params, s.substring(query + 1, fragment > query ? fragment : s.length()), "query");
    }
    if (fragment >= 0) {
      addAll(params, s.substring(fragment + 1), "fragment");
    }
    return new RedirectParameters(params);
  }

  private static void addAll(Map<String, String> params, String encoded, String part) {
    for (int i = encoded.indexOf('%'); i >= 0; i = encoded.indexOf('%', i + 1)) {
      if (i + 2 >= encoded.length() || Character.digit(encoded.charAt(i + 1), 16) < 0
          || Character.digit(encoded.charAt(i + 2), 16) < 0) {
        throw invalid("its " + part + " holds a malformed percent escape at character " + i);
      }
    }
    HttpUrl holder = HOLDER.newBuilder().encodedQuery(encoded).build();
    for (String name : holder.queryParameterNames()) {
      List<String> values = holder.queryParameterValues(name);
      if (values.size() > 1 || params.containsKey(name)) {
        throw invalid("it names the parameter '" + name + "' more than once");
      }
      String value = values.get(0);
      params.put(name, value == null ? "" : value);
    }
  }

  private static ZohoAuthException invalid(String why) {
    return new ZohoAuthException("invalid_callback", "The authorization callback cannot be read: " + why + ". Zoho "
        + "did not send this; nothing was exchanged. Pass the full redirect URL as the browser requested it, or "
        + "start the login again");
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
    if (get("state") == null) {
      throw new ZohoAuthException("state_mismatch", "The redirect carries no state, so it cannot be tied to the "
          + "authorization this session started: a forged request or a link opened by hand. Nothing was exchanged; "
          + "start the login again");
    }
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

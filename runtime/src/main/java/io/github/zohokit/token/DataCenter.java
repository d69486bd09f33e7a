package io.github.zohokit.token;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Zoho's data centres. Each has an accounts server (where OAuth happens) and a CRM API domain (where API calls
 * go). A user lives in one data centre; Zoho names it in the authorization callback ({@code location},
 * {@code accounts-server}) and in the token response ({@code api_domain}), and zohokit stores it with the token.
 *
 * <p>To point zohokit at another host (a test double, a proxy), override URLs with {@code ZohoEndpoints} (package
 * {@code io.github.zohokit.auth}; the token model does not depend on it); this enum only holds Zoho's real addresses.
 * A data centre this enum does not know yet is {@link #CUSTOM}, with both of its URLs configured through
 * {@code ZohoEndpoints.withCustomDataCenter(accountsUrl, apiBase)}.
 */
public enum DataCenter {
  /** United States (zoho.com). */
  US("us", "https://accounts.zoho.com", "https://www.zohoapis.com"),
  /** Europe (zoho.eu). */
  EU("eu", "https://accounts.zoho.eu", "https://www.zohoapis.eu"),
  /** India (zoho.in). */
  IN("in", "https://accounts.zoho.in", "https://www.zohoapis.in"),
  /** Australia (zoho.com.au). */
  AU("au", "https://accounts.zoho.com.au", "https://www.zohoapis.com.au"),
  /** China (zoho.com.cn). */
  CN("cn", "https://accounts.zoho.com.cn", "https://www.zohoapis.com.cn"),
  /** Japan (zoho.jp). */
  JP("jp", "https://accounts.zoho.jp", "https://www.zohoapis.jp"),
  /** Canada: the accounts host is {@code zohocloud.ca}, the API host {@code zohoapis.ca}. */
  CA("ca", "https://accounts.zohocloud.ca", "https://www.zohoapis.ca"),
  /** Saudi Arabia (zoho.sa). */
  SA("sa", "https://accounts.zoho.sa", "https://www.zohoapis.sa"),
  /** United Kingdom (zoho.uk). */
  UK("uk", "https://accounts.zoho.uk", "https://www.zohoapis.uk"),
  /** United Arab Emirates (zoho.ae; API domain zohoapis.ae, as Zoho's WorkDrive multi-DC page lists it). */
  AE("ae", "https://accounts.zoho.ae", "https://www.zohoapis.ae"),
  /**
   * A data centre zohokit does not list: it has no built-in URLs; configure them with
   * {@code ZohoEndpoints.withCustomDataCenter(accountsUrl, apiBase)}. Tokens from it are stored with location
   * {@code custom}.
   */
  CUSTOM("custom", null, null);

  private final String location;
  private final String accountsUrl;
  private final String apiDomain;

  DataCenter(String location, String accountsUrl, String apiDomain) {
    this.location = location;
    this.accountsUrl = accountsUrl;
    this.apiDomain = apiDomain;
  }

  /**
   * The lower-case code Zoho uses in {@code location} and {@code user_location}, for example {@code eu}.
   *
   * @return the location code, never null
   */
  public String location() {
    return location;
  }

  /**
   * Zoho's accounts server for this data centre, for example {@code https://accounts.zoho.eu}; null for
   * {@link #CUSTOM}.
   *
   * @return the URL, or null
   */
  public String accountsUrl() {
    return accountsUrl;
  }

  /**
   * Zoho's CRM API domain for this data centre, for example {@code https://www.zohoapis.eu}; null for {@link #CUSTOM}.
   *
   * @return the URL, or null
   */
  public String apiDomain() {
    return apiDomain;
  }

  /**
   * The data centre for a {@code location} code (case-insensitive), for example {@code eu}.
   *
   * @param location the code; null, blank or unknown gives empty
   * @return the data centre, or empty
   */
  public static Optional<DataCenter> fromLocation(String location) {
    if (location == null) {
      return Optional.empty();
    }
    String l = location.trim().toLowerCase(Locale.ROOT);
    for (DataCenter dc : values()) {
      if (dc.location.equals(l)) {
        return Optional.of(dc);
      }
    }
    return Optional.empty();
  }

  /**
   * Parses a data centre given by a user: a location code ({@code eu}) or an enum name ({@code EU}).
   *
   * @param text the code or name, case-insensitive, surrounding whitespace ignored
   * @return the data centre
   * @throws IllegalArgumentException listing the valid values
   */
  public static DataCenter parse(String text) {
    return fromLocation(text).orElseThrow(() -> new IllegalArgumentException("unknown Zoho data centre '" + text
        + "'; use one of us, eu, in, au, cn, jp, ca, sa, uk, ae, or custom (with its URLs configured)"));
  }

  /**
   * The data centre whose Zoho accounts server is at {@code url}'s host.
   *
   * @param url an accounts URL or bare host name, such as {@code https://accounts.zoho.eu}; null gives empty
   * @return the data centre, or empty when the host is none of Zoho's accounts servers
   */
  public static Optional<DataCenter> fromAccountsServer(String url) {
    String host = host(url);
    for (DataCenter dc : values()) {
      if (dc.accountsUrl != null && host(dc.accountsUrl).equals(host)) {
        return Optional.of(dc);
      }
    }
    return Optional.empty();
  }

  /**
   * The data centre whose API domain (production, sandbox or developer environment, for example
   * {@code sandbox.zohoapis.eu}) is {@code url}'s host.
   *
   * @param url an API URL or bare host name; null gives empty
   * @return the data centre, or empty when the host is none of Zoho's API hosts
   */
  public static Optional<DataCenter> fromApiDomain(String url) {
    String host = host(url);
    for (DataCenter dc : values()) {
      if (dc.apiDomain == null) {
        continue;
      }
      String suffix = host(dc.apiDomain).substring("www.".length());
      if (host.equals("www." + suffix) || host.equals("sandbox." + suffix) || host.equals("developer." + suffix)
          || host.equals(suffix)) {
        return Optional.of(dc);
      }
    }
    return Optional.empty();
  }

  static String host(String url) {
    if (url == null) {
      return "";
    }
    try {
      URI uri = URI.create(url.trim().contains("://") ? url.trim() : "https://" + url.trim());
      return uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      return "";
    }
  }
}

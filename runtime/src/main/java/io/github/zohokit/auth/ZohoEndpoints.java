package io.github.zohokit.auth;

import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.ZohoToken;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Where zohokit sends OAuth and API requests for each data centre: Zoho's real servers by default, any of them
 * overridable. Tests point a data centre at a local fake Zoho this way:
 *
 * <pre>{@code
 * ZohoEndpoints endpoints = ZohoEndpoints.zoho()
 *     .withAccountsUrl(DataCenter.US, "http://localhost:8085")
 *     .withApiBase(DataCenter.US, "http://localhost:8085");
 * }</pre>
 *
 * Immutable; each {@code with...} returns a copy.
 *
 * <p>It is also the list of hosts zohokit trusts, and nothing read from a token store, a token answer or a browser
 * callback widens it:
 *
 * <ul>
 *   <li>accounts servers (where the client secret and refresh tokens go): Zoho's accounts server of every data
 *       centre over https, and the ones configured here;
 *   <li>API bases (where access tokens go): Zoho's {@code zohoapis} hosts of every data centre (production,
 *       {@code sandbox.}, {@code developer.}) over https, and the ones configured here.
 * </ul>
 *
 * Configured URLs must use https, except loopback addresses ({@code localhost}, {@code 127.x.y.z}, {@code ::1}),
 * where a test double runs; a loopback URL is trusted only with the scheme, host and port configured.
 */
public final class ZohoEndpoints {
  private final Map<DataCenter, HttpUrl> accounts;
  private final Map<DataCenter, HttpUrl> apis;

  private ZohoEndpoints(Map<DataCenter, HttpUrl> accounts, Map<DataCenter, HttpUrl> apis) {
    this.accounts = accounts;
    this.apis = apis;
  }

  /**
   * Zoho's real servers for every data centre.
   *
   * @return the endpoints of every listed data centre; {@link DataCenter#CUSTOM} has none until configured
   */
  public static ZohoEndpoints zoho() {
    Map<DataCenter, HttpUrl> accounts = new EnumMap<>(DataCenter.class);
    Map<DataCenter, HttpUrl> apis = new EnumMap<>(DataCenter.class);
    for (DataCenter dc : DataCenter.values()) {
      if (dc.accountsUrl() != null) {
        accounts.put(dc, HttpUrl.get(dc.accountsUrl()));
        apis.put(dc, HttpUrl.get(dc.apiDomain()));
      }
    }
    return new ZohoEndpoints(accounts, apis);
  }

  /**
   * A copy with {@code dc}'s accounts server at {@code url}.
   *
   * @param dc the data centre, not null
   * @param url the accounts server's base URL, such as {@code https://accounts.zoho.eu} or
   *     {@code http://localhost:8085}
   * @return a new instance; this one is unchanged
   * @throws IllegalArgumentException when {@code url} is not an https URL or an http URL on a loopback address
   */
  public ZohoEndpoints withAccountsUrl(DataCenter dc, String url) {
    Map<DataCenter, HttpUrl> copy = new EnumMap<>(accounts);
    copy.put(Objects.requireNonNull(dc, "dc"), parse(url, "accounts URL for " + dc));
    return new ZohoEndpoints(copy, apis);
  }

  /**
   * A copy with {@code dc}'s API base (where API calls go) at {@code url}.
   *
   * @param dc the data centre, not null
   * @param url the API base URL, such as {@code https://www.zohoapis.eu} or {@code http://localhost:8085}
   * @return a new instance; this one is unchanged
   * @throws IllegalArgumentException when {@code url} is not an https URL or an http URL on a loopback address
   */
  public ZohoEndpoints withApiBase(DataCenter dc, String url) {
    Map<DataCenter, HttpUrl> copy = new EnumMap<>(apis);
    copy.put(Objects.requireNonNull(dc, "dc"), parse(url, "API base for " + dc));
    return new ZohoEndpoints(accounts, copy);
  }

  /**
   * A copy with the URLs of {@link DataCenter#CUSTOM}, a Zoho data centre zohokit does not list: its accounts
   * server (for example {@code https://accounts.zoho.xx}) and API domain ({@code https://www.zohoapis.xx}). Use it
   * with {@code ZohoOAuth.Builder.dataCenter(DataCenter.CUSTOM)}.
   *
   * @param accountsUrl the accounts server's base URL, https
   * @param apiBase the API base URL, https
   * @return a new instance; this one is unchanged
   * @throws IllegalArgumentException when a URL is not an https URL or an http URL on a loopback address
   */
  public ZohoEndpoints withCustomDataCenter(String accountsUrl, String apiBase) {
    return withAccountsUrl(DataCenter.CUSTOM, accountsUrl).withApiBase(DataCenter.CUSTOM, apiBase);
  }

  private static HttpUrl parse(String url, String what) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw new IllegalArgumentException("the " + what + " '" + url + "' is not an http(s) URL");
    }
    if (!parsed.isHttps() && !isLoopback(parsed.host())) {
      throw new IllegalArgumentException("the " + what + " '" + url + "' uses http on a host that is not a loopback "
          + "address; zohokit sends secrets there, so it accepts only https URLs, or http on localhost, "
          + "127.x.y.z or ::1 (a local test double)");
    }
    return parsed;
  }

  /** Whether {@code host} (as {@link HttpUrl#host()} gives it) is a loopback name or literal. */
  static boolean isLoopback(String host) {
    return host.equals("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
  }

  /**
   * The accounts server for {@code dc}.
   *
   * @param dc the data centre, not null
   * @return the accounts server's URL, configured or Zoho's own
   * @throws IllegalStateException for {@link DataCenter#CUSTOM} when its URLs were not configured
   */
  public HttpUrl accountsUrl(DataCenter dc) {
    return configured(accounts, dc, "accounts server");
  }

  /**
   * The API base URL for {@code dc}.
   *
   * @param dc the data centre, not null
   * @return the API base URL, configured or Zoho's own
   * @throws IllegalStateException for {@link DataCenter#CUSTOM} when its URLs were not configured
   */
  public HttpUrl apiBase(DataCenter dc) {
    return configured(apis, dc, "API domain");
  }

  /**
   * Whether {@code dc} has an accounts server here: always for Zoho's data centres, for {@link DataCenter#CUSTOM} only
   * once configured. A {@code location} in what Zoho sent back names a data centre, and {@code custom} is zohokit's
   * word, not Zoho's: unconfigured, it is as unknown as any other name.
   */
  boolean hasAccountsServer(DataCenter dc) {
    return accounts.containsKey(dc);
  }

  private static HttpUrl configured(Map<DataCenter, HttpUrl> urls, DataCenter dc, String what) {
    HttpUrl url = urls.get(Objects.requireNonNull(dc, "dc"));
    if (url == null) {
      throw new IllegalStateException("No " + what + " is configured for data centre " + dc + ": set both URLs with "
          + "ZohoEndpoints.zoho().withCustomDataCenter(accountsUrl, apiBase)");
    }
    return url;
  }

  /**
   * The data centre of the accounts server {@code url}: one configured here (same scheme, host and port), or Zoho's
   * own accounts server of a data centre over https; empty for any other server, which zohokit does not trust.
   *
   * @param url an http(s) URL or a bare host name (taken as https); null gives empty
   * @return the data centre, or empty when the server is not trusted
   */
  public Optional<DataCenter> dataCenterOfAccountsServer(String url) {
    HttpUrl parsed = parseLoosely(url);
    if (parsed == null) {
      return Optional.empty();
    }
    for (Map.Entry<DataCenter, HttpUrl> e : accounts.entrySet()) {
      if (sameOrigin(e.getValue(), parsed)) {
        return Optional.of(e.getKey());
      }
    }
    if (isZohoHttps(parsed)) {
      return DataCenter.fromAccountsServer(parsed.toString())
          .filter(dc -> HttpUrl.get(dc.accountsUrl()).host().equals(parsed.host()));
    }
    return Optional.empty();
  }

  /**
   * Where to send refresh and revoke requests for a token issued by {@code accountsServer}: the configured accounts
   * URL of its data centre; empty when {@code accountsServer} is not a trusted accounts server.
   *
   * @param accountsServer the accounts server a token answer named, as URL or host name; null gives empty
   * @return the URL to send the requests to, or empty when the server is not trusted
   */
  public Optional<HttpUrl> trustedAccountsServer(String accountsServer) {
    return dataCenterOfAccountsServer(accountsServer).map(accounts::get);
  }

  /**
   * The API base URL to call for a token whose answer named {@code apiDomain}:
   *
   * <ul>
   *   <li>absent: {@code fallback}'s configured API URL;
   *   <li>a Zoho API host over https ({@code www.zohoapis.eu}, {@code sandbox.zohoapis.eu}, ...): the configured
   *       override of that data centre if there is one, otherwise {@code apiDomain} itself;
   *   <li>an API URL configured here (same scheme, host and port): that URL;
   *   <li>anything else: empty, because zohokit does not send access tokens there.
   * </ul>
   *
   * @param apiDomain the {@code api_domain} of the token answer, as URL or host name; null or blank when absent
   * @param fallback the data centre whose API base applies when {@code apiDomain} is absent
   * @return the API base, or empty when {@code apiDomain} is not a trusted host
   * @throws IllegalStateException when {@code apiDomain} is absent and {@code fallback} is {@link DataCenter#CUSTOM}
   *     without configured URLs
   */
  public Optional<HttpUrl> trustedApiBase(String apiDomain, DataCenter fallback) {
    if (apiDomain == null || apiDomain.isBlank()) {
      return Optional.of(apiBase(fallback));
    }
    HttpUrl parsed = parseLoosely(apiDomain);
    if (parsed == null) {
      return Optional.empty();
    }
    for (HttpUrl configured : apis.values()) {
      if (sameOrigin(configured, parsed)) {
        return Optional.of(configured);
      }
    }
    if (isZohoHttps(parsed)) {
      Optional<DataCenter> zohoDc = DataCenter.fromApiDomain(parsed.toString());
      if (zohoDc.isPresent()) {
        HttpUrl configured = apis.get(zohoDc.get());
        if (!configured.host().equals(HttpUrl.get(zohoDc.get().apiDomain()).host())) {
          return Optional.of(configured);
        }
        return Optional.of(parsed.newBuilder().encodedPath("/").query(null).fragment(null).build());
      }
    }
    return Optional.empty();
  }

  /**
   * Where the API calls made with {@code token} go: its {@code api_domain} when that is a trusted API host, or the
   * configured API base of its data centre ({@code home}, the client's, when the token names none). Decided here,
   * by the configuration, for every token the engine hands to calls.
   *
   * @throws TokenStoreException when the token names an API domain zohokit does not trust (a tampered store)
   */
  HttpUrl apiBaseOf(ZohoToken token, DataCenter home) {
    return trustedApiBase(token.apiDomain(), token.dataCenter() != null ? token.dataCenter() : home)
        .orElseThrow(() -> new TokenStoreException("The stored token names api_domain '" + token.apiDomain()
            + "', which is neither a Zoho data centre's server (over https) nor one configured in ZohoEndpoints. "
            + "zohokit does not send the access token there, so the token was not used. If the token store was "
            + "edited or written by another program, delete this token and authorize again; if the server is "
            + "legitimate, configure it with ZohoEndpoints.withApiBase"));
  }

  /** An http(s) URL, or a bare host name taken as https; null when unparseable. */
  private static HttpUrl parseLoosely(String url) {
    if (url == null) {
      return null;
    }
    String trimmed = url.trim();
    return HttpUrl.parse(trimmed.contains("://") ? trimmed : "https://" + trimmed);
  }

  private static boolean isZohoHttps(HttpUrl url) {
    return url.isHttps() && url.port() == 443 && url.username().isEmpty() && url.password().isEmpty();
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
  }

  @Override
  public String toString() {
    return "ZohoEndpoints{accounts=" + accounts + ", apis=" + apis + "}";
  }
}

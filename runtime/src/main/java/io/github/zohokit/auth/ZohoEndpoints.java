package io.github.zohokit.auth;

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
 *     .withApiUrl(DataCenter.US, "http://localhost:8085");
 * }</pre>
 *
 * Immutable; each {@code with...} returns a copy.
 *
 * <p>It is also the list of accounts servers zohokit trusts: the authorization callback's
 * {@code accounts-server} parameter arrives through the user's browser, so zohokit only sends the client secret
 * to an accounts server listed here.
 */
public final class ZohoEndpoints {
  private final Map<DataCenter, HttpUrl> accounts;
  private final Map<DataCenter, HttpUrl> apis;

  private ZohoEndpoints(Map<DataCenter, HttpUrl> accounts, Map<DataCenter, HttpUrl> apis) {
    this.accounts = accounts;
    this.apis = apis;
  }

  /** Zoho's real servers for every data centre. */
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

  /** A copy with {@code dc}'s accounts server at {@code url}. */
  public ZohoEndpoints withAccountsUrl(DataCenter dc, String url) {
    Map<DataCenter, HttpUrl> copy = new EnumMap<>(accounts);
    copy.put(Objects.requireNonNull(dc, "dc"), parse(url, "accounts URL for " + dc));
    return new ZohoEndpoints(copy, apis);
  }

  /** A copy with {@code dc}'s API domain at {@code url}. */
  public ZohoEndpoints withApiUrl(DataCenter dc, String url) {
    Map<DataCenter, HttpUrl> copy = new EnumMap<>(apis);
    copy.put(Objects.requireNonNull(dc, "dc"), parse(url, "API URL for " + dc));
    return new ZohoEndpoints(accounts, copy);
  }

  /**
   * A copy with the URLs of {@link DataCenter#CUSTOM}, a Zoho data centre zohokit does not list: its accounts
   * server (for example {@code https://accounts.zoho.xx}) and API domain ({@code https://www.zohoapis.xx}). Use it
   * with {@code ZohoOAuth.Builder.dataCenter(DataCenter.CUSTOM)}.
   */
  public ZohoEndpoints withCustomDataCenter(String accountsUrl, String apiUrl) {
    return withAccountsUrl(DataCenter.CUSTOM, accountsUrl).withApiUrl(DataCenter.CUSTOM, apiUrl);
  }

  private static HttpUrl parse(String url, String what) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
    if (parsed == null) {
      throw new IllegalArgumentException("the " + what + " '" + url + "' is not an http(s) URL");
    }
    return parsed;
  }

  /**
   * The accounts server for {@code dc}.
   *
   * @throws IllegalStateException for {@link DataCenter#CUSTOM} when its URLs were not configured
   */
  public HttpUrl accountsUrl(DataCenter dc) {
    return configured(accounts, dc, "accounts server");
  }

  /**
   * The API base URL for {@code dc}.
   *
   * @throws IllegalStateException for {@link DataCenter#CUSTOM} when its URLs were not configured
   */
  public HttpUrl apiUrl(DataCenter dc) {
    return configured(apis, dc, "API domain");
  }

  private static HttpUrl configured(Map<DataCenter, HttpUrl> urls, DataCenter dc, String what) {
    HttpUrl url = urls.get(Objects.requireNonNull(dc, "dc"));
    if (url == null) {
      throw new IllegalStateException("No " + what + " is configured for data centre " + dc + ": set both URLs with "
          + "ZohoEndpoints.zoho().withCustomDataCenter(accountsUrl, apiUrl)");
    }
    return url;
  }

  /**
   * The data centre whose accounts server (as configured here, or Zoho's real one) is {@code url}; empty for an
   * accounts server this configuration does not know and therefore does not trust.
   */
  public Optional<DataCenter> dataCenterOfAccountsServer(String url) {
    HttpUrl parsed = url == null ? null : HttpUrl.parse(url.trim());
    if (parsed != null) {
      for (Map.Entry<DataCenter, HttpUrl> e : accounts.entrySet()) {
        if (sameOrigin(e.getValue(), parsed)) {
          return Optional.of(e.getKey());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The API base URL to call for a token whose response named {@code apiDomain}: the configured override when
   * {@code apiDomain} is a Zoho API domain of a data centre whose API URL was overridden, otherwise
   * {@code apiDomain} itself; {@code fallback}'s API URL when {@code apiDomain} is absent.
   */
  public HttpUrl apiBase(String apiDomain, DataCenter fallback) {
    if (apiDomain == null || apiDomain.isBlank()) {
      return apiUrl(fallback);
    }
    Optional<DataCenter> zohoDc = DataCenter.fromApiDomain(apiDomain);
    if (zohoDc.isPresent()) {
      HttpUrl configured = apis.get(zohoDc.get());
      if (!configured.host().equals(DataCenter.host(zohoDc.get().apiDomain()))) {
        return configured;
      }
    }
    String url = apiDomain.trim().contains("://") ? apiDomain.trim() : "https://" + apiDomain.trim();
    HttpUrl parsed = HttpUrl.parse(url);
    return parsed != null ? parsed : apiUrl(fallback);
  }

  private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
    return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
  }

  @Override
  public String toString() {
    return "ZohoEndpoints{accounts=" + accounts + ", apis=" + apis + "}";
  }
}

package io.github.zohokit.spring;

import io.github.zohokit.ZohoConfigurationException;
import io.github.zohokit.ZohoConfigurationException.Setting;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.JdbcTokenStore;
import io.github.zohokit.store.TokenCipher;
import io.github.zohokit.store.TokenStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;

/**
 * Reads the {@code zoho.*} properties into zohokit objects. The rules on the client are the runtime's
 * ({@link ZohoConfigurationException}); what it finds is reported under the property's name, looked up by the
 * exception's {@link Setting} in {@link #PROPERTIES}, never by reading its message. The checks here are those of the
 * starter's own properties (the store, the login scopes, the HTTP timeouts) and of values Spring bound to null.
 */
final class ZohoSettings {
  private static final String CONSOLE = "Zoho's API Console (https://api-console.zoho.com)";

  /** The property of each runtime setting; a setting with no property is named as the builder calls it. */
  static final Map<Setting, String> PROPERTIES = new EnumMap<>(Setting.class);

  /** What a Spring application does besides the runtime's fix, for some settings. */
  private static final Map<Setting, String> HINTS = new EnumMap<>(Setting.class);

  static {
    PROPERTIES.put(Setting.CLIENT_TYPE, "zoho.client-type");
    PROPERTIES.put(Setting.CLIENT_ID, "zoho.client-id");
    PROPERTIES.put(Setting.CLIENT_SECRET, "zoho.client-secret");
    PROPERTIES.put(Setting.REDIRECT_URI, "zoho.redirect-uri");
    PROPERTIES.put(Setting.DATA_CENTER, "zoho.data-center");
    PROPERTIES.put(Setting.ACCOUNTS_URL, "zoho.accounts-url");
    PROPERTIES.put(Setting.API_BASE, "zoho.api-base");
    PROPERTIES.put(Setting.REFRESH_MARGIN, "zoho.renewal-margin");
    PROPERTIES.put(Setting.EXPIRY_MARGIN, "zoho.expiry-margin");
    PROPERTIES.put(Setting.ACCOUNTS_TIMEOUT, "zoho.accounts-timeout");
    PROPERTIES.put(Setting.LEASE_TIMEOUT, "leaseTimeout (set by a ZohoOAuthBuilderCustomizer bean)");
    PROPERTIES.put(Setting.CLIENT_CREDENTIALS_SCOPES, "zoho.client-credentials.scopes");
    PROPERTIES.put(Setting.CLIENT_CREDENTIALS_SOID, "zoho.client-credentials.soid");
    PROPERTIES.put(Setting.SESSION_CACHE, "zoho.session-cache");
    HINTS.put(Setting.CLIENT_ID, "The client id is in " + CONSOLE);
    HINTS.put(Setting.CLIENT_SECRET, "Set it from the environment variable ZOHO_CLIENT_SECRET, not in a committed "
        + "file; a client-based client has none");
    HINTS.put(Setting.REDIRECT_URI, "For a server-based client its path is zoho.login.callback-path");
  }

  private ZohoSettings() {}

  static TokenStore tokenStore(ZohoProperties p, ZohoRenamedProperties renamed, DataSource dataSource) {
    ZohoProperties.TokenStoreKind kind = p.getTokenStoreKind();
    String kindProperty = "zoho.token-store-kind";
    if (kind == null) {
      kind = renamed.tokenStoreKind();
      kindProperty = ZohoRenamedProperties.TOKEN_STORE;
    }
    if (kind == null) {
      kind = dataSource != null ? ZohoProperties.TokenStoreKind.JDBC : ZohoProperties.TokenStoreKind.FILE;
    }
    switch (kind) {
      case MEMORY:
        return TokenStores.inMemory();   // keeps nothing at rest: zoho.encryption-key is not needed, not checked
      case JDBC:
        if (dataSource == null) {
          throw new ZohoPropertyException(kindProperty, "is jdbc but the application has no DataSource",
              "Add spring-boot-starter-jdbc and spring.datasource.url, or set zoho.token-store-kind=file");
        }
        JdbcTokenStore.Builder jdbc = JdbcTokenStore.builder(dataSource);
        try {
          jdbc.table(p.getTokenTable());
        } catch (IllegalArgumentException e) {
          throw new ZohoPropertyException("zoho.token-table", "is not a usable table name: " + e.getMessage(),
              "Use letters, digits and underscores, for example zohokit_tokens", e);
        }
        TokenCipher jdbcCipher = cipher(p);
        if (jdbcCipher != null) {
          jdbc.encryption(jdbcCipher);
        }
        return jdbc.build();
      default:
        String variable = renamed.tokenFile();
        Path file = p.getTokenFile() != null ? p.getTokenFile()
            : variable != null ? Path.of(variable) : TokenStores.defaultFile();
        TokenCipher cipher = cipher(p);
        return cipher != null ? TokenStores.file(file, cipher) : TokenStores.file(file);
    }
  }

  private static TokenCipher cipher(ZohoProperties p) {
    String key = p.getEncryptionKey();
    if (key == null || key.isBlank()) {
      return null;
    }
    try {
      return TokenCipher.aesGcm(key);
    } catch (IllegalArgumentException e) {
      // the message of TokenCipher says what is wrong with the key without repeating it
      throw new ZohoPropertyException("zoho.encryption-key", "is malformed (" + e.getMessage() + ")",
          "Set it to base64 of a 16-, 24- or 32-byte key, as printed by: openssl rand -base64 32");
    }
  }

  /** The OAuth builder for the properties; the runtime checks them, when set and in build(). */
  static ZohoOAuth.Builder oauth(ZohoProperties p, ZohoRenamedProperties renamed) {
    ClientType type = p.getClientType();
    if (type == null) {   // Spring bound null: the runtime's builder takes no null type
      throw new ZohoPropertyException("zoho.client-type", "is not set",
          "Set it to self-client, server-based, client-based, non-browser or mobile, as registered in " + CONSOLE);
    }
    if (p.getDataCenter() == null) {   // the same for the data centre
      throw new ZohoPropertyException("zoho.data-center", "is not set",
          "Set it to the data centre of the client (us, eu, in, au, cn, jp, ca, sa, uk, ae)");
    }
    ZohoEndpoints endpoints = ZohoEndpoints.zoho();
    endpoints = url(endpoints, p, "zoho.accounts-url", p.getAccountsUrl(), true);
    if (!blank(p.getApiBase())) {
      endpoints = url(endpoints, p, "zoho.api-base", p.getApiBase(), false);
    } else {
      endpoints = url(endpoints, p, ZohoRenamedProperties.API_URL, renamed.apiUrl(), false);
    }
    if (p.getScopes() != null) {
      for (String scope : p.getScopes()) {
        try {
          Scope.parseList(scope);
        } catch (IllegalArgumentException e) {
          throw new ZohoPropertyException("zoho.scopes", "holds '" + scope + "', which is not a Zoho scope ("
              + e.getMessage() + ")", "Write scopes as Zoho names them, for example ZohoCRM.modules.leads.READ");
        }
      }
    }
    Map<Setting, String> names = new EnumMap<>(PROPERTIES);
    Duration renewal = p.getRenewalMargin();
    if (renewal == null) {
      renewal = renamed.refreshMargin();
      names.put(Setting.REFRESH_MARGIN, ZohoRenamedProperties.REFRESH_MARGIN);
    }
    ZohoOAuth.Builder builder = ZohoOAuth.builder(type);
    try {
      builder.clientId(strip(p.getClientId()))
          .clientSecret(strip(p.getClientSecret()))
          .redirectUri(strip(p.getRedirectUri()))
          .dataCenter(p.getDataCenter())
          .endpoints(endpoints);
      if (renewal != null) {
        builder.refreshMargin(renewal);
      }
      if (p.getExpiryMargin() != null) {
        builder.expiryMargin(p.getExpiryMargin());
      }
      if (p.getAccountsTimeout() != null) {
        builder.accountsTimeout(p.getAccountsTimeout());
      }
      ZohoSessionCacheProperties sessions = p.getSessionCache();
      if (sessions.getIdleTime() == null) {
        throw new ZohoPropertyException("zoho.session-cache.idle-time", "is not set",
            "Set it to a positive duration, such as 1h, or remove it for the default");
      }
      builder.sessionCache(sessions.getMaxUsers(), sessions.getIdleTime());
      ZohoProperties.ClientCredentials credentials = p.getClientCredentials();
      boolean scopes = credentials.getScopes() != null && !credentials.getScopes().isEmpty();
      if (scopes || !blank(credentials.getSoid())) {
        builder.clientCredentials(strip(credentials.getSoid()), scopes ? credentials.getScopes() : List.of());
      }
    } catch (ZohoConfigurationException e) {
      throw property(e, names);
    }
    return builder;
  }

  /** Builds, reporting what the runtime's checks in build() find under the property's name. */
  static ZohoOAuth build(ZohoOAuth.Builder builder) {
    try {
      return builder.build();
    } catch (ZohoConfigurationException e) {
      throw property(e, PROPERTIES);
    }
  }

  /** The runtime's configuration error as a property error: the property from the table, the runtime's words. */
  static ZohoPropertyException property(ZohoConfigurationException e, Map<Setting, String> names) {
    String name = names.getOrDefault(e.setting(), e.setting().name());
    String fix = Character.toUpperCase(e.fix().charAt(0)) + e.fix().substring(1);
    String hint = HINTS.get(e.setting());
    return new ZohoPropertyException(name, "is not accepted: " + e.problem(),
        fix + (hint == null ? "" : ". " + hint), e);
  }

  private static String strip(String value) {
    return blank(value) ? null : value.strip();
  }

  private static ZohoEndpoints url(ZohoEndpoints endpoints, ZohoProperties p, String property, String url,
      boolean accounts) {
    if (blank(url)) {
      return endpoints;
    }
    try {
      return accounts ? endpoints.withAccountsUrl(p.getDataCenter(), url)
          : endpoints.withApiBase(p.getDataCenter(), url);
    } catch (IllegalArgumentException e) {
      // the runtime says why (not a URL, or plain http on a host that is not loopback); the URL without user info
      String why = e.getMessage().replace(url.trim(), redactUserInfo(url.trim())).replace(url, redactUserInfo(url));
      throw new ZohoPropertyException(property, "is refused: " + why + " (was '" + redactUserInfo(url) + "')",
          "Set it to an https URL, or http on localhost for a fake Zoho (such as http://localhost:8085), or remove "
          + "it to use Zoho's own server");
    }
  }

  /** {@code url} with any {@code user:password@} before the host replaced by {@code ***@}, for messages. */
  static String redactUserInfo(String url) {
    return url.replaceFirst("^([^:/?#]*://)?[^/?#@]*@", "$1***@");
  }

  /** The HTTP client: {@code base} (or a new one) with the timeout properties and the customizers applied. */
  static OkHttpClient httpClient(ZohoProperties p, OkHttpClient base, List<ZohoHttpClientCustomizer> customizers) {
    OkHttpClient.Builder builder = base != null ? base.newBuilder() : new OkHttpClient.Builder();
    if (p.getConnectTimeout() != null) {
      builder.connectTimeout(positive("zoho.connect-timeout", p.getConnectTimeout()));
    }
    if (p.getReadTimeout() != null) {
      builder.readTimeout(positive("zoho.read-timeout", p.getReadTimeout()));
    }
    customizers.forEach(c -> c.customize(builder));
    return builder.build();
  }

  private static Duration positive(String property, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new ZohoPropertyException(property, "must be positive, was " + value,
          "Set it to a duration such as 10s");
    }
    return value;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

package io.github.zohokit.spring;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.JdbcTokenStore;
import io.github.zohokit.store.TokenCipher;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;

/**
 * Reads the {@code zoho.*} properties into zohokit objects, checking each one first so that a missing or malformed
 * property fails start-up with its name and the fix, not with a stack trace from deep inside.
 */
final class ZohoSettings {
  private static final String CONSOLE = "Zoho's API Console (https://api-console.zoho.com)";

  private ZohoSettings() {}

  static TokenStore tokenStore(ZohoProperties p, DataSource dataSource) {
    ZohoProperties.TokenStoreKind kind = p.getTokenStore();
    if (kind == null) {
      kind = dataSource != null ? ZohoProperties.TokenStoreKind.JDBC : ZohoProperties.TokenStoreKind.FILE;
    }
    switch (kind) {
      case MEMORY:
        return TokenStores.inMemory();   // keeps nothing at rest: zoho.encryption-key is not needed, not checked
      case JDBC:
        if (dataSource == null) {
          throw new ZohoConfigurationException("zoho.token-store", "is jdbc but the application has no DataSource",
              "Add spring-boot-starter-jdbc and spring.datasource.url, or set zoho.token-store=file");
        }
        JdbcTokenStore.Builder jdbc = JdbcTokenStore.builder(dataSource);
        try {
          jdbc.table(p.getTokenTable());
        } catch (IllegalArgumentException e) {
          throw new ZohoConfigurationException("zoho.token-table", "is not a usable table name: " + e.getMessage(),
              "Use letters, digits and underscores, for example zohokit_tokens");
        }
        TokenCipher jdbcCipher = cipher(p);
        if (jdbcCipher != null) {
          jdbc.encryption(jdbcCipher);
        }
        return jdbc.build();
      default:
        Path file = p.getTokenFile() != null ? p.getTokenFile() : TokenStores.defaultFile();
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
      throw new ZohoConfigurationException("zoho.encryption-key", "is malformed (" + e.getMessage() + ")",
          "Set it to base64 of a 16-, 24- or 32-byte key, as printed by: openssl rand -base64 32");
    }
  }

  /** The OAuth builder for the properties, checked; the caller adds the store, HTTP client and mapper. */
  static ZohoOAuth.Builder oauth(ZohoProperties p) {
    ClientType type = p.getClientType();
    if (type == null) {
      throw new ZohoConfigurationException("zoho.client-type", "is not set",
          "Set it to self-client, server-based, client-based, non-browser or mobile, as registered in " + CONSOLE);
    }
    if (blank(p.getClientId())) {
      throw new ZohoConfigurationException("zoho.client-id", "is not set",
          "Copy the client id (1000.XXXX...) of your " + type.displayName() + " client from " + CONSOLE);
    }
    if (type.hasClientSecret() && blank(p.getClientSecret())) {
      throw new ZohoConfigurationException("zoho.client-secret", "is not set",
          "Copy the client secret of your " + type.displayName() + " client from " + CONSOLE
              + " into the environment variable ZOHO_CLIENT_SECRET (not into a committed file)");
    }
    if (!type.hasClientSecret() && !blank(p.getClientSecret())) {
      throw new ZohoConfigurationException("zoho.client-secret", "is set, but a client-based client has none",
          "Remove zoho.client-secret");
    }
    if (type.usesRedirectUri() && blank(p.getRedirectUri())) {
      throw new ZohoConfigurationException("zoho.redirect-uri", "is not set",
          "Set it to the redirect URI registered for the client in " + CONSOLE
              + ", for example https://app.example.com" + p.getLogin().getCallbackPath());
    }
    if (!type.usesRedirectUri() && !blank(p.getRedirectUri())) {
      throw new ZohoConfigurationException("zoho.redirect-uri", "is set, but a " + type.displayName()
          + " client has no redirect URI", "Remove zoho.redirect-uri");
    }
    if (p.getDataCenter() == null) {
      throw new ZohoConfigurationException("zoho.data-center", "is not set",
          "Set it to the data centre of the client (us, eu, in, au, cn, jp, ca, sa, uk, ae)");
    }
    ZohoEndpoints endpoints = ZohoEndpoints.zoho();
    endpoints = url(endpoints, p, "zoho.accounts-url", p.getAccountsUrl(), true);
    endpoints = url(endpoints, p, "zoho.api-url", p.getApiUrl(), false);
    if (p.getScopes() != null) {
      for (String scope : p.getScopes()) {
        try {
          Scope.parseList(scope);
        } catch (IllegalArgumentException e) {
          throw new ZohoConfigurationException("zoho.scopes", "holds '" + scope + "', which is not a Zoho scope ("
              + e.getMessage() + ")", "Write scopes as Zoho names them, for example ZohoCRM.modules.leads.READ");
        }
      }
    }
    Duration margin = p.getRefreshMargin();
    if (margin == null || margin.isNegative()) {
      throw new ZohoConfigurationException("zoho.refresh-margin", "must be zero or more, was " + margin,
          "Set it to a duration such as 5m");
    }
    Duration expiry = p.getExpiryMargin();
    if (expiry != null && (expiry.isNegative() || expiry.compareTo(margin) > 0)) {
      throw new ZohoConfigurationException("zoho.expiry-margin", "must be zero or more and at most zoho.refresh-margin ("
          + margin + "), was " + expiry, "Set it to a duration such as 1m, or remove it for the default");
    }
    ZohoOAuth.Builder builder;
    try {
      builder = ZohoOAuth.builder(type)
          .clientId(p.getClientId().strip())
          .clientSecret(blank(p.getClientSecret()) ? null : p.getClientSecret().strip())
          .redirectUri(blank(p.getRedirectUri()) ? null : p.getRedirectUri().strip())
          .dataCenter(p.getDataCenter())
          .endpoints(endpoints)
          .refreshMargin(margin)
          .accountsTimeout(positive("zoho.accounts-timeout", p.getAccountsTimeout()));
      if (expiry != null) {
        builder.expiryMargin(expiry);
      }
    } catch (IllegalArgumentException e) {
      throw invalid(e);
    }
    ZohoProperties.ClientCredentials credentials = p.getClientCredentials();
    boolean soid = !blank(credentials.getSoid());
    boolean scopes = credentials.getScopes() != null && !credentials.getScopes().isEmpty();
    if (soid && !scopes) {
      throw new ZohoConfigurationException("zoho.client-credentials.scopes",
          "is not set, but zoho.client-credentials.soid is",
          "The client-credentials grant needs the scopes; the organisation (ZohoCRM.<org id>) only where the "
          + "service has several");
    }
    if (scopes) {
      String property = soid ? "zoho.client-credentials.soid" : "zoho.client-credentials.scopes";
      if (type != ClientType.SELF_CLIENT) {
        throw new ZohoConfigurationException(property, "is set, but the client-credentials "
            + "grant is for self clients only", "Remove zoho.client-credentials.*, or set zoho.client-type=self-client");
      }
      try {
        builder.clientCredentials(soid ? credentials.getSoid().strip() : null, credentials.getScopes());
      } catch (IllegalArgumentException e) {
        throw new ZohoConfigurationException("zoho.client-credentials", "is invalid: " + e.getMessage(),
            "Check zoho.client-credentials.soid and zoho.client-credentials.scopes");
      }
    }
    return builder;
  }

  /** Builds, reporting what the runtime's own checks find as a configuration error. */
  static ZohoOAuth build(ZohoOAuth.Builder builder) {
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw invalid(e);
    }
  }

  private static ZohoConfigurationException invalid(IllegalArgumentException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    String property = message.contains("redirect URI") ? "zoho.redirect-uri"
        : message.contains("client id") ? "zoho.client-id"
        : message.contains("secret") ? "zoho.client-secret" : "zoho.*";
    return new ZohoConfigurationException(property, "is invalid: " + message, "Correct " + property);
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
      throw new ZohoConfigurationException(property, "is refused: " + why + " (was '" + redactUserInfo(url) + "')",
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
      throw new ZohoConfigurationException(property, "must be positive, was " + value,
          "Set it to a duration such as 10s");
    }
    return value;
  }

  static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}

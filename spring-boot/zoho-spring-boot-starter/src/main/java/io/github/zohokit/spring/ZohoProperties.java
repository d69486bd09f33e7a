package io.github.zohokit.spring;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.DataCenter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code zoho.*} properties: the client registered in Zoho's API Console, where its tokens are kept, and the
 * Login with Zoho endpoints. {@code zoho.client-secret} and {@code zoho.encryption-key} are secrets: they are
 * redacted in {@code /actuator/env} and {@code /actuator/configprops} and never logged; set them from the
 * environment, not in a committed file: {@code ZOHO_CLIENT_SECRET}, and {@code zoho.encryption-key=${ZOHO_TOKEN_KEY}}
 * (the environment variable the plugin's store uses). Those variables, and {@code ZOHO_GRANT_TOKEN}, are redacted too.
 */
@ConfigurationProperties("zoho")
public class ZohoProperties {

  /** Where tokens are kept. */
  public enum TokenStoreKind {
    /** A database table through the application's DataSource (the default when there is one). */
    JDBC,
    /** A JSON file (zoho.token-file), shared with mvn zoho:bootstrap-token (the default without a DataSource). */
    FILE,
    /** Memory only: tokens are lost when the application stops. */
    MEMORY
  }

  /**
   * The client type registered in the API Console: self-client, server-based, client-based, non-browser or mobile.
   */
  private ClientType clientType = ClientType.SELF_CLIENT;

  /** The client id from the API Console (1000.XXXX...). Required. */
  private String clientId;

  /** The client secret from the API Console. Required for every type but client-based. A secret. */
  private String clientSecret;

  /** The redirect URI registered in the API Console. Required for server-based, client-based and mobile clients. */
  private String redirectUri;

  /** The data centre the client is registered in and authorizations start at. */
  private DataCenter dataCenter = DataCenter.US;

  /** Overrides the accounts server of zoho.data-center (a fake Zoho in tests, a proxy). */
  private String accountsUrl;

  /** Overrides the API domain of zoho.data-center (a fake Zoho in tests, a proxy). */
  private String apiUrl;

  /** Where tokens are kept: jdbc (default when a DataSource bean exists), file (default otherwise) or memory. */
  private TokenStoreKind tokenStore;

  /** The token file of zoho.token-store=file. Default: ZOHO_TOKEN_STORE, else ~/.zoho/tokens.json. */
  private Path tokenFile;

  /** The table of zoho.token-store=jdbc (created on first use). */
  private String tokenTable = "zohokit_tokens";

  /**
   * Base64 of a 16-, 24- or 32-byte AES key (openssl rand -base64 32): tokens are encrypted at rest in the file or
   * JDBC store. A secret.
   */
  private String encryptionKey;

  /** How long before expiry an access token is renewed. */
  private Duration refreshMargin = Duration.ofMinutes(5);

  /**
   * The most one call to Zoho Accounts (token, refresh, revoke) may take, answer included; also bounds how long a
   * caller waits for another thread's or process's renewal. The refresh lease lasts 10 s longer.
   */
  private Duration accountsTimeout = Duration.ofSeconds(30);

  /** Connect timeout of calls to Zoho Accounts and the APIs. Default: the HTTP client's (10 s for OkHttp). */
  private Duration connectTimeout;

  /** Read timeout of calls to Zoho Accounts and the APIs. Default: the HTTP client's (10 s for OkHttp). */
  private Duration readTimeout;

  /**
   * The scopes Login with Zoho asks for. Default: every scope the generated clients on the class path declare
   * (META-INF/zoho/scopes.json).
   */
  private List<String> scopes = new ArrayList<>();

  private final ClientCredentials clientCredentials = new ClientCredentials();

  private final Login login = new Login();

  private final Health health = new Health();

  public ClientType getClientType() {
    return clientType;
  }

  public void setClientType(ClientType clientType) {
    this.clientType = clientType;
  }

  public String getClientId() {
    return clientId;
  }

  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  public String getClientSecret() {
    return clientSecret;
  }

  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  public String getRedirectUri() {
    return redirectUri;
  }

  public void setRedirectUri(String redirectUri) {
    this.redirectUri = redirectUri;
  }

  public DataCenter getDataCenter() {
    return dataCenter;
  }

  public void setDataCenter(DataCenter dataCenter) {
    this.dataCenter = dataCenter;
  }

  public String getAccountsUrl() {
    return accountsUrl;
  }

  public void setAccountsUrl(String accountsUrl) {
    this.accountsUrl = accountsUrl;
  }

  public String getApiUrl() {
    return apiUrl;
  }

  public void setApiUrl(String apiUrl) {
    this.apiUrl = apiUrl;
  }

  public TokenStoreKind getTokenStore() {
    return tokenStore;
  }

  public void setTokenStore(TokenStoreKind tokenStore) {
    this.tokenStore = tokenStore;
  }

  public Path getTokenFile() {
    return tokenFile;
  }

  public void setTokenFile(Path tokenFile) {
    this.tokenFile = tokenFile;
  }

  public String getTokenTable() {
    return tokenTable;
  }

  public void setTokenTable(String tokenTable) {
    this.tokenTable = tokenTable;
  }

  public String getEncryptionKey() {
    return encryptionKey;
  }

  public void setEncryptionKey(String encryptionKey) {
    this.encryptionKey = encryptionKey;
  }

  public Duration getRefreshMargin() {
    return refreshMargin;
  }

  public void setRefreshMargin(Duration refreshMargin) {
    this.refreshMargin = refreshMargin;
  }

  public Duration getAccountsTimeout() {
    return accountsTimeout;
  }

  public void setAccountsTimeout(Duration accountsTimeout) {
    this.accountsTimeout = accountsTimeout;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  public List<String> getScopes() {
    return scopes;
  }

  public void setScopes(List<String> scopes) {
    this.scopes = scopes;
  }

  public ClientCredentials getClientCredentials() {
    return clientCredentials;
  }

  public Login getLogin() {
    return login;
  }

  public Health getHealth() {
    return health;
  }

  /** Self clients: tokens from the client-credentials grant instead of a grant token. */
  public static class ClientCredentials {
    /** The organisation: ZohoCRM.&lt;org id&gt;, or the org id. Set it (with scopes) to use the grant. */
    private String soid;

    /** The scopes of client-credentials tokens. */
    private List<String> scopes = new ArrayList<>();

    public String getSoid() {
      return soid;
    }

    public void setSoid(String soid) {
      this.soid = soid;
    }

    public List<String> getScopes() {
      return scopes;
    }

    public void setScopes(List<String> scopes) {
      this.scopes = scopes;
    }
  }

  /** The Login with Zoho endpoints of server-based clients (Spring MVC). */
  public static class Login {
    /** Whether the endpoints are registered (server-based clients only). */
    private boolean enabled = true;

    /** Starts Login with Zoho: redirects the browser to Zoho. */
    private String path = "/zoho/login";

    /** Where Zoho redirects back to; the path of zoho.redirect-uri. */
    private String callbackPath = "/zoho/callback";

    /** Where the browser goes after a successful login. */
    private String successUrl = "/";

    /**
     * The user key tokens are stored under when the request has no authenticated principal. Unset: such a login
     * fails with the error page. Set it (for example to "default") only for an application with a single Zoho user.
     */
    private String anonymousUserKey;

    public boolean isEnabled() {
      return enabled;
    }

    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    public String getPath() {
      return path;
    }

    public void setPath(String path) {
      this.path = path;
    }

    public String getCallbackPath() {
      return callbackPath;
    }

    public void setCallbackPath(String callbackPath) {
      this.callbackPath = callbackPath;
    }

    public String getSuccessUrl() {
      return successUrl;
    }

    public void setSuccessUrl(String successUrl) {
      this.successUrl = successUrl;
    }

    public String getAnonymousUserKey() {
      return anonymousUserKey;
    }

    public void setAnonymousUserKey(String anonymousUserKey) {
      this.anonymousUserKey = anonymousUserKey;
    }
  }

  /** The actuator health indicator "zoho". */
  public static class Health {
    /** The user whose token the indicator checks. */
    private String userKey = "default";

    /**
     * Whether a missing token for zoho.health.user-key is DOWN. Default: true for self-client and non-browser
     * clients (one application token), false for per-user types, where the indicator then checks the store only.
     */
    private Boolean requireToken;

    public String getUserKey() {
      return userKey;
    }

    public void setUserKey(String userKey) {
      this.userKey = userKey;
    }

    public Boolean getRequireToken() {
      return requireToken;
    }

    public void setRequireToken(Boolean requireToken) {
      this.requireToken = requireToken;
    }
  }
}

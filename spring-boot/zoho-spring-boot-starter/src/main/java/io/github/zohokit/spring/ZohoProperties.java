package io.github.zohokit.spring;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The {@code zoho.*} properties: the client registered in Zoho's API Console, where its tokens are kept, and the
 * Login with Zoho endpoints. Each property is described once, on its field, as Spring Boot's own {@code *Properties}
 * classes do; the configuration processor copies those descriptions into {@code spring-configuration-metadata.json}.
 *
 * <p>The rules on the client (which type needs which property, the margins and timeouts) are the runtime's: a wrong
 * value fails start-up with Spring Boot's "APPLICATION FAILED TO START" report naming the property, the problem and
 * the fix. An application that defines the {@code ZohoOAuth} or {@code TokenStore} bean itself is not checked this
 * way. {@code zoho.client-secret} and {@code zoho.encryption-key} are secrets: set them from the environment
 * ({@code ZOHO_CLIENT_SECRET}, {@code zoho.encryption-key=${ZOHO_TOKEN_KEY}}); actuator redacts them.
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
   * The client type registered in the API Console: self-client, server-based, client-based, non-browser or mobile. It
   * decides which other properties are required or refused; only server-based gets the Login with Zoho endpoints.
   */
  private ClientType clientType = ClientType.SELF_CLIENT;

  /** The client id from the API Console (1000.XXXX...). Required; surrounding whitespace is stripped. */
  private String clientId;

  /**
   * The client secret from the API Console: required for every type but client-based, which has none. A secret: set
   * it from the environment (ZOHO_CLIENT_SECRET), not in a committed file.
   */
  private String clientSecret;

  /**
   * The redirect URI registered in the API Console: required for server-based, client-based and mobile clients,
   * refused for the others. Absolute, without a fragment; http(s) except for mobile clients (a lower-case custom
   * scheme). For a server-based client its path should be zoho.login.callback-path.
   */
  private String redirectUri;

  /**
   * The data centre the client is registered in and authorizations start at: us, eu, in, au, cn, jp, ca, sa, uk, ae,
   * or custom with zoho.accounts-url and zoho.api-base.
   */
  private DataCenter dataCenter = DataCenter.US;

  /**
   * The accounts server (token, refresh and revoke calls, the login page) to use instead of the data centre's: a fake
   * Zoho such as http://localhost:8085, or a proxy. Only https, or http on a loopback address, since client secrets
   * are sent there. Default: Zoho's server for the data centre.
   */
  private String accountsUrl;

  /**
   * Where API calls go instead of the data centre's API domain (https://www.zohoapis.com for us): a fake Zoho or a
   * proxy. Only https, or http on a loopback address. Default: Zoho's domain for the data centre.
   */
  private String apiBase;

  /**
   * Where the zohoTokenStore bean keeps tokens: jdbc, file or memory. Default: jdbc when the application has a single
   * (or a primary) DataSource bean, file otherwise. Ignored when the application defines its own TokenStore bean. (Not
   * zoho.token-store: the environment variable ZOHO_TOKEN_STORE, the token file, would bind to that name.)
   */
  private TokenStoreKind tokenStoreKind;

  /**
   * The JSON file of zoho.token-store-kind=file, which mvn zoho:bootstrap-token writes too; created on the first
   * write. Default: the environment variable ZOHO_TOKEN_STORE, else ~/.zoho/tokens.json.
   */
  private Path tokenFile;

  /**
   * The table of zoho.token-store-kind=jdbc; refresh leases go to TABLE_leases, and both are created on first
   * use. A plain SQL identifier: letters, digits and _, at most 51 characters, not starting with a digit.
   */
  private String tokenTable = "zohokit_tokens";

  /**
   * Base64 of a 16-, 24- or 32-byte AES key (openssl rand -base64 32) with which the file and jdbc stores encrypt
   * tokens at rest (AES-GCM). Default: none, tokens stored unencrypted. A secret: set it to ${ZOHO_TOKEN_KEY}, the
   * variable the plugin's store uses.
   */
  private String encryptionKey;

  /**
   * How long before its expiry an access token is renewed in the background while callers keep using it (Zoho's
   * tokens live an hour). Default 5m; zero renews only when the token counts as expired, with callers waiting.
   */
  private Duration renewalMargin;

  /**
   * How long before its expiry an access token counts as expired, so callers wait for its renewal instead of sending
   * a token that could expire on its way to Zoho. Default: 1m, or zoho.renewal-margin if that is shorter; at most
   * zoho.renewal-margin.
   */
  private Duration expiryMargin;

  /**
   * The most one call to Zoho Accounts (token, refresh, revoke) may take, answer included. A caller waiting for
   * another thread's or process's renewal waits at most this plus 5s; a shared store's refresh lease lasts this plus
   * 10s.
   */
  private Duration accountsTimeout = Duration.ofSeconds(30);

  /**
   * Connect timeout of calls to Zoho Accounts and the APIs; positive (zero does not mean "none" here). Default: that
   * of the application's single OkHttpClient bean, else OkHttp's 10s.
   */
  private Duration connectTimeout;

  /**
   * Read timeout (the longest wait for the next bytes of an answer) of calls to Zoho Accounts and the APIs; positive.
   * Default: that of the application's single OkHttpClient bean, else OkHttp's 10s.
   */
  private Duration readTimeout;

  /**
   * The scopes Login with Zoho asks for (server-based clients), such as ZohoCRM.modules.leads.READ; an element may
   * hold several separated by commas or spaces. Default: every scope the generated APIs on the class path declare
   * (META-INF/zoho/scopes.json), without those another covers, logged at start-up.
   */
  private List<String> scopes = new ArrayList<>();

  private final ClientCredentials clientCredentials = new ClientCredentials();
  private final Login login = new Login();
  private final Health health = new Health();
  /** How many idle users' sessions are kept, and for how long (server-based applications with many users). */
  @NestedConfigurationProperty
  private final ZohoSessionCacheProperties sessionCache = new ZohoSessionCacheProperties();
  /** Zoho CRM change notifications: the receiver endpoint, the channel store and the channel manager. */
  @NestedConfigurationProperty
  private final ZohoNotificationsProperties notifications = new ZohoNotificationsProperties();
  /** Keeping to Zoho's API limits: concurrency, credits, 429 cool-down, shared by the fleet (zoho.limits.*). */
  @NestedConfigurationProperty
  private final ZohoLimitsProperties limits = new ZohoLimitsProperties();

  public ClientType getClientType() { return clientType; }
  public void setClientType(ClientType clientType) { this.clientType = clientType; }

  public String getClientId() { return clientId; }
  public void setClientId(String clientId) { this.clientId = clientId; }

  public String getClientSecret() { return clientSecret; }
  public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }

  public String getRedirectUri() { return redirectUri; }
  public void setRedirectUri(String redirectUri) { this.redirectUri = redirectUri; }

  public DataCenter getDataCenter() { return dataCenter; }
  public void setDataCenter(DataCenter dataCenter) { this.dataCenter = dataCenter; }

  public String getAccountsUrl() { return accountsUrl; }
  public void setAccountsUrl(String accountsUrl) { this.accountsUrl = accountsUrl; }

  public String getApiBase() { return apiBase; }
  public void setApiBase(String apiBase) { this.apiBase = apiBase; }

  public TokenStoreKind getTokenStoreKind() { return tokenStoreKind; }
  public void setTokenStoreKind(TokenStoreKind tokenStoreKind) { this.tokenStoreKind = tokenStoreKind; }

  public Path getTokenFile() { return tokenFile; }
  public void setTokenFile(Path tokenFile) { this.tokenFile = tokenFile; }

  public String getTokenTable() { return tokenTable; }
  public void setTokenTable(String tokenTable) { this.tokenTable = tokenTable; }

  public String getEncryptionKey() { return encryptionKey; }
  public void setEncryptionKey(String encryptionKey) { this.encryptionKey = encryptionKey; }

  public Duration getRenewalMargin() { return renewalMargin; }
  public void setRenewalMargin(Duration renewalMargin) { this.renewalMargin = renewalMargin; }

  public Duration getExpiryMargin() { return expiryMargin; }
  public void setExpiryMargin(Duration expiryMargin) { this.expiryMargin = expiryMargin; }

  public Duration getAccountsTimeout() { return accountsTimeout; }
  public void setAccountsTimeout(Duration accountsTimeout) { this.accountsTimeout = accountsTimeout; }

  public Duration getConnectTimeout() { return connectTimeout; }
  public void setConnectTimeout(Duration connectTimeout) { this.connectTimeout = connectTimeout; }

  public Duration getReadTimeout() { return readTimeout; }
  public void setReadTimeout(Duration readTimeout) { this.readTimeout = readTimeout; }

  public List<String> getScopes() { return scopes; }
  public void setScopes(List<String> scopes) { this.scopes = scopes; }

  public ClientCredentials getClientCredentials() { return clientCredentials; }
  public Login getLogin() { return login; }
  public Health getHealth() { return health; }
  public ZohoSessionCacheProperties getSessionCache() { return sessionCache; }
  public ZohoNotificationsProperties getNotifications() { return notifications; }
  public ZohoLimitsProperties getLimits() { return limits; }

  /** Self clients: tokens from the client-credentials grant instead of a grant token. */
  public static class ClientCredentials {
    /**
     * The organisation client-credentials tokens are for: ZohoCRM.ORGID, or the bare ORGID. Default: none,
     * for a service with a single organisation. Needs zoho.client-credentials.scopes.
     */
    private String soid;

    /**
     * The scopes of tokens from the client-credentials grant; an element may hold several separated by commas or
     * spaces. Set, the grant is used (self clients only) and a missing token is requested when first needed; empty,
     * a self client gets its first token from a grant token (mvn zoho:bootstrap-token).
     */
    private List<String> scopes = new ArrayList<>();

    public String getSoid() { return soid; }
    public void setSoid(String soid) { this.soid = soid; }

    public List<String> getScopes() { return scopes; }
    public void setScopes(List<String> scopes) { this.scopes = scopes; }
  }

  /** The Login with Zoho endpoints of server-based clients (Spring MVC). */
  public static class Login {
    /** Whether the Login with Zoho endpoints and their error page are registered (server-based clients only). */
    private boolean enabled = true;

    /** The path (GET) that starts Login with Zoho for the request's user and redirects the browser to Zoho. */
    private String path = "/zoho/login";

    /**
     * The path (GET) Zoho redirects back to, which exchanges the code and stores the tokens. It must be the path of
     * zoho.redirect-uri; nothing checks that, and when they differ no login completes.
     */
    private String callbackPath = "/zoho/callback";

    /** Where the browser goes after a login; a value starting with / is taken below the context path. */
    private String successUrl = "/";

    /**
     * The user key tokens are stored under when the request has no authenticated principal. Unset: such a login fails
     * with error no_user. Set it (for example to "default") only for an application with a single Zoho user.
     */
    private String anonymousUserKey;

    public boolean isEnabled() { return enabled; }
    public void setEnabled(boolean enabled) { this.enabled = enabled; }

    public String getPath() { return path; }
    public void setPath(String path) { this.path = path; }

    public String getCallbackPath() { return callbackPath; }
    public void setCallbackPath(String callbackPath) { this.callbackPath = callbackPath; }

    public String getSuccessUrl() { return successUrl; }
    public void setSuccessUrl(String successUrl) { this.successUrl = successUrl; }

    public String getAnonymousUserKey() { return anonymousUserKey; }
    public void setAnonymousUserKey(String anonymousUserKey) { this.anonymousUserKey = anonymousUserKey; }
  }

  /** The actuator health indicator "zoho". */
  public static class Health {
    /** The user whose token the health indicator reads and, when due, renews; the user the Zoho bean connects as. */
    private String userKey = "default";

    /**
     * Whether a missing token for zoho.health.user-key is DOWN. Default: true for self-client and non-browser clients
     * (one application token), false for per-user types, where the indicator then checks the store only.
     */
    private Boolean requireToken;

    public String getUserKey() { return userKey; }
    public void setUserKey(String userKey) { this.userKey = userKey; }

    public Boolean getRequireToken() { return requireToken; }
    public void setRequireToken(Boolean requireToken) { this.requireToken = requireToken; }
  }
}

package io.github.zohokit.spring;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
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
 *
 * <p>The checks each setter describes run at start-up, when the auto-configured token store and {@code ZohoOAuth}
 * beans are created; "fails start-up naming the property" means Spring Boot's "APPLICATION FAILED TO START" report
 * names the property and what to set. An application that defines those beans itself is not checked this way.
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
   * How long before its expiry an access token counts as expired, so callers wait for its renewal instead of sending
   * it. Default: 1 minute, or the refresh margin if that is shorter.
   */
  private Duration expiryMargin;

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

  /**
   * The client type, {@code zoho.client-type}.
   *
   * @return the type; {@link ClientType#SELF_CLIENT} unless set
   */
  public ClientType getClientType() {
    return clientType;
  }

  /**
   * Sets {@code zoho.client-type}: the type the client was registered as in the API Console ({@code self-client},
   * {@code server-based}, {@code client-based}, {@code non-browser} or {@code mobile}; Spring's relaxed binding also
   * takes {@code SELF_CLIENT}). It decides which other properties are required and which are refused, and only
   * {@code server-based} gets the Login with Zoho endpoints. Default {@code self-client}. A value that is not one of
   * the five fails start-up in Spring's binding, whose report lists the valid values; null fails start-up with
   * "zoho.client-type is not set".
   *
   * @param clientType the registered type
   */
  public void setClientType(ClientType clientType) {
    this.clientType = clientType;
  }

  /**
   * The client id, {@code zoho.client-id}.
   *
   * @return the client id as set, surrounding whitespace included; null when unset
   */
  public String getClientId() {
    return clientId;
  }

  /**
   * Sets {@code zoho.client-id}: the client id the API Console shows ({@code 1000.XXXX...}). Required, no default.
   * Surrounding whitespace is stripped; unset or blank fails start-up naming the property, and whitespace inside the
   * id fails start-up as invalid.
   *
   * @param clientId the client id
   */
  public void setClientId(String clientId) {
    this.clientId = clientId;
  }

  /**
   * The client secret, {@code zoho.client-secret}. A secret: do not log it.
   *
   * @return the secret as set; null when unset
   */
  public String getClientSecret() {
    return clientSecret;
  }

  /**
   * Sets {@code zoho.client-secret}: the client secret the API Console shows. Required for every client type but
   * {@code client-based}, which has none; no default. Surrounding whitespace is stripped. Unset or blank fails
   * start-up for a type that needs it, and set fails start-up for a client-based client. Set it from the environment
   * ({@code ZOHO_CLIENT_SECRET}), not a committed file; actuator redacts it.
   *
   * @param clientSecret the client secret
   */
  public void setClientSecret(String clientSecret) {
    this.clientSecret = clientSecret;
  }

  /**
   * The redirect URI, {@code zoho.redirect-uri}.
   *
   * @return the URI as set; null when unset
   */
  public String getRedirectUri() {
    return redirectUri;
  }

  /**
   * Sets {@code zoho.redirect-uri}: the redirect URI registered for the client in the API Console; surrounding
   * whitespace is stripped. Required for server-based, client-based and mobile clients and refused for the others (start-up fails
   * either way, naming the property); no default. It must be absolute, without a fragment, and http(s) except for
   * mobile clients (a lower-case custom scheme); otherwise start-up fails as invalid. For a server-based client its
   * path should be {@code zoho.login.callback-path}, which nothing checks.
   *
   * @param redirectUri the registered redirect URI
   */
  public void setRedirectUri(String redirectUri) {
    this.redirectUri = redirectUri;
  }

  /**
   * The data centre, {@code zoho.data-center}.
   *
   * @return the data centre; {@link DataCenter#US} unless set
   */
  public DataCenter getDataCenter() {
    return dataCenter;
  }

  /**
   * Sets {@code zoho.data-center}: the data centre the client is registered in ({@code us}, {@code eu}, {@code in},
   * {@code au}, {@code cn}, {@code jp}, {@code ca}, {@code sa}, {@code uk}, {@code ae}, or {@code custom} with
   * {@code zoho.accounts-url} and {@code zoho.api-url}); authorizations start at its accounts server. Default
   * {@code us}. An unknown value fails start-up in Spring's binding; null fails start-up naming the property.
   *
   * @param dataCenter the data centre
   */
  public void setDataCenter(DataCenter dataCenter) {
    this.dataCenter = dataCenter;
  }

  /**
   * The accounts server override, {@code zoho.accounts-url}.
   *
   * @return the URL as set; null when unset
   */
  public String getAccountsUrl() {
    return accountsUrl;
  }

  /**
   * Sets {@code zoho.accounts-url}: the accounts server (token, refresh and revoke calls, the login page) to use for
   * {@code zoho.data-center} instead of Zoho's, such as a fake Zoho on {@code http://localhost:8085} or a proxy.
   * Default: Zoho's server for the data centre; blank counts as unset. Only https URLs, or http on localhost,
   * 127.x.y.z or ::1, are accepted, since client secrets are sent there; anything else fails start-up with
   * "zoho.accounts-url is not an http(s) URL" and the URL, any {@code user:password@} in it replaced by
   * {@code ***@}.
   *
   * @param accountsUrl the accounts server's base URL
   */
  public void setAccountsUrl(String accountsUrl) {
    this.accountsUrl = accountsUrl;
  }

  /**
   * The API domain override, {@code zoho.api-url}.
   *
   * @return the URL as set; null when unset
   */
  public String getApiUrl() {
    return apiUrl;
  }

  /**
   * Sets {@code zoho.api-url}: the API domain generated clients call for {@code zoho.data-center} instead of Zoho's
   * ({@code https://www.zohoapis.com} for us), such as a fake Zoho or a proxy. Default: Zoho's domain for the data
   * centre; blank counts as unset. Accepted and refused as {@link #setAccountsUrl zoho.accounts-url} is: https, or
   * http on a loopback address; anything else fails start-up naming the property.
   *
   * @param apiUrl the API base URL
   */
  public void setApiUrl(String apiUrl) {
    this.apiUrl = apiUrl;
  }

  /**
   * The token store kind, {@code zoho.token-store}.
   *
   * @return the kind; null when unset, in which case the auto-configuration picks jdbc or file
   */
  public TokenStoreKind getTokenStore() {
    return tokenStore;
  }

  /**
   * Sets {@code zoho.token-store}: where the {@code zohoTokenStore} bean keeps tokens, {@code jdbc}, {@code file} or
   * {@code memory}. Default (unset): jdbc when the application has a single (or a primary) DataSource bean, file
   * otherwise.
   * {@code jdbc} without a DataSource fails start-up naming the property; an unknown value fails start-up in
   * Spring's binding. Ignored when the application defines its own {@link io.github.zohokit.spi.TokenStore} bean.
   *
   * @param tokenStore the kind of store
   */
  public void setTokenStore(TokenStoreKind tokenStore) {
    this.tokenStore = tokenStore;
  }

  /**
   * The token file, {@code zoho.token-file}.
   *
   * @return the path as set; null when unset
   */
  public Path getTokenFile() {
    return tokenFile;
  }

  /**
   * Sets {@code zoho.token-file}: the JSON file of {@code zoho.token-store=file}, which {@code mvn
   * zoho:bootstrap-token} writes too. Default: the environment variable {@code ZOHO_TOKEN_STORE}, else
   * {@code ~/.zoho/tokens.json}. The file and its directories are created on the first write; a path that cannot be
   * read or written does not fail start-up; each token read or write that needs it then fails with a
   * {@link io.github.zohokit.store.TokenStoreException}. Unused by the other kinds.
   *
   * @param tokenFile the file
   */
  public void setTokenFile(Path tokenFile) {
    this.tokenFile = tokenFile;
  }

  /**
   * The token table, {@code zoho.token-table}.
   *
   * @return the table name; {@code zohokit_tokens} unless set
   */
  public String getTokenTable() {
    return tokenTable;
  }

  /**
   * Sets {@code zoho.token-table}: the table of {@code zoho.token-store=jdbc}; refresh leases go to
   * {@code &lt;table&gt;_leases}. Both are created on first use if missing. Default {@code zohokit_tokens}. It must be a
   * plain SQL identifier (letters, digits and {@code _}, at most 51 characters, not starting with a digit);
   * anything else fails start-up naming the property. Unused by the other kinds.
   *
   * @param tokenTable the table name
   */
  public void setTokenTable(String tokenTable) {
    this.tokenTable = tokenTable;
  }

  /**
   * The token encryption key, {@code zoho.encryption-key}. A secret: do not log it.
   *
   * @return the base64 key as set; null when unset
   */
  public String getEncryptionKey() {
    return encryptionKey;
  }

  /**
   * Sets {@code zoho.encryption-key}: base64 of a 16-, 24- or 32-byte AES key ({@code openssl rand -base64 32}) with
   * which the file and jdbc stores encrypt tokens at rest (AES-GCM). Default: unset or blank, tokens stored
   * unencrypted; the memory store ignores it. A value that is not base64 of such a key fails start-up naming the
   * property, without repeating the value. With a key, a token stored unencrypted or under another key is not used
   * (the store reports it when the token is read); without one, an encrypted token is reported the same way. Set it
   * from the environment ({@code zoho.encryption-key=${ZOHO_TOKEN_KEY}}); actuator redacts it.
   *
   * @param encryptionKey the key in standard base64
   */
  public void setEncryptionKey(String encryptionKey) {
    this.encryptionKey = encryptionKey;
  }

  /**
   * The refresh margin, {@code zoho.refresh-margin}.
   *
   * @return the margin; 5 minutes unless set
   */
  public Duration getRefreshMargin() {
    return refreshMargin;
  }

  /**
   * Sets {@code zoho.refresh-margin}: how long before its expiry an access token is renewed in the background while
   * callers keep using it (Zoho's tokens live an hour). Default 5 minutes; a duration such as {@code 5m},
   * {@code 300s} or {@code PT5M}, and a bare number is milliseconds. A token counts as expired 1 minute before its
   * expiry, or this margin before if that is shorter, and callers then wait for its renewal; so zero renews only at
   * expiry, with callers waiting. Negative or null fails start-up naming the property.
   *
   * @param refreshMargin the margin, zero or more
   */
  public void setRefreshMargin(Duration refreshMargin) {
    this.refreshMargin = refreshMargin;
  }

  /**
   * The expiry margin, {@code zoho.expiry-margin}.
   *
   * @return the margin; null (the runtime's default: 1 minute, or the refresh margin if shorter) unless set
   */
  public Duration getExpiryMargin() {
    return expiryMargin;
  }

  /**
   * Sets {@code zoho.expiry-margin}: how long before its expiry an access token counts as expired, so that callers
   * wait for its renewal instead of sending a token that could expire on its way to Zoho. A duration such as
   * {@code 1m}; negative, or longer than {@code zoho.refresh-margin}, fails start-up naming the property.
   *
   * @param expiryMargin the margin, zero or more and at most the refresh margin; null for the default
   */
  public void setExpiryMargin(Duration expiryMargin) {
    this.expiryMargin = expiryMargin;
  }

  /**
   * The accounts call timeout, {@code zoho.accounts-timeout}.
   *
   * @return the timeout; 30 seconds unless set
   */
  public Duration getAccountsTimeout() {
    return accountsTimeout;
  }

  /**
   * Sets {@code zoho.accounts-timeout}: the most one call to Zoho Accounts (token, refresh, revoke) may take, from
   * connecting to the last byte of the answer. A caller waiting for another thread's or process's renewal waits at
   * most this plus 5 seconds, and a shared store's refresh lease lasts this plus 10 seconds. Default 30 seconds; a
   * duration such as {@code 30s}, and a bare number is milliseconds. Zero, negative or null fails start-up naming the
   * property.
   *
   * @param accountsTimeout the whole-call timeout, positive
   */
  public void setAccountsTimeout(Duration accountsTimeout) {
    this.accountsTimeout = accountsTimeout;
  }

  /**
   * The connect timeout, {@code zoho.connect-timeout}.
   *
   * @return the timeout; null when unset
   */
  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  /**
   * Sets {@code zoho.connect-timeout}: the connect timeout of zohokit's HTTP client, for calls to Zoho Accounts and
   * the APIs. Default (unset): the timeout of the client it starts from, the application's {@code OkHttpClient} bean
   * when there is exactly one, else a new OkHttp client's 10 seconds. A duration such as {@code 10s}; a bare number
   * is milliseconds. Zero or negative fails start-up naming the property (it does not mean "no timeout" here).
   *
   * @param connectTimeout the timeout, positive
   */
  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  /**
   * The read timeout, {@code zoho.read-timeout}.
   *
   * @return the timeout; null when unset
   */
  public Duration getReadTimeout() {
    return readTimeout;
  }

  /**
   * Sets {@code zoho.read-timeout}: the read timeout (the longest wait for the next bytes of an answer) of zohokit's
   * HTTP client, for calls to Zoho Accounts and the APIs. Default (unset): the timeout of the client it starts from,
   * the application's {@code OkHttpClient} bean when there is exactly one, else a new OkHttp client's 10 seconds. A
   * duration such as {@code 10s}; a bare number is milliseconds. Zero or negative fails start-up naming the property.
   *
   * @param readTimeout the timeout, positive
   */
  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }

  /**
   * The scopes Login with Zoho asks for, {@code zoho.scopes}.
   *
   * @return the list, empty unless set; the list itself, not a copy
   */
  public List<String> getScopes() {
    return scopes;
  }

  /**
   * Sets {@code zoho.scopes}: the scopes the Login with Zoho endpoint asks for, such as
   * {@code ZohoCRM.modules.leads.READ}; an element may hold several separated by commas or spaces. Used only by the
   * login endpoints of a server-based client. Default (empty): every scope the generated clients on the class path
   * declare ({@code META-INF/zoho/scopes.json}), without those another covers, logged at start-up; when that is
   * empty too, start-up fails naming the property. The scopes are not parsed at start-up: a malformed one fails
   * each login request with the runtime's {@link IllegalArgumentException}.
   *
   * @param scopes the scopes
   */
  public void setScopes(List<String> scopes) {
    this.scopes = scopes;
  }

  /**
   * The {@code zoho.client-credentials.*} group.
   *
   * @return the group, never null
   */
  public ClientCredentials getClientCredentials() {
    return clientCredentials;
  }

  /**
   * The {@code zoho.login.*} group.
   *
   * @return the group, never null
   */
  public Login getLogin() {
    return login;
  }

  /**
   * The {@code zoho.health.*} group.
   *
   * @return the group, never null
   */
  public Health getHealth() {
    return health;
  }

  /** Self clients: tokens from the client-credentials grant instead of a grant token. */
  public static class ClientCredentials {
    /** The organisation: ZohoCRM.&lt;org id&gt;, or the org id. Set it (with scopes) to use the grant. */
    private String soid;

    /** The scopes of client-credentials tokens. */
    private List<String> scopes = new ArrayList<>();

    /**
     * The organisation, {@code zoho.client-credentials.soid}.
     *
     * @return the organisation as set; null when unset
     */
    public String getSoid() {
      return soid;
    }

    /**
     * Sets {@code zoho.client-credentials.soid}: the organisation client-credentials tokens are for, as
     * {@code ZohoCRM.&lt;org id&gt;} or the bare org id (which becomes {@code ZohoCRM.&lt;org id&gt;}). Default: unset, for a
     * service with a single organisation (Zoho answers {@code missing_org_info} when it needs one). Set without
     * {@code zoho.client-credentials.scopes}, or for a client that is not a self client, it fails start-up naming
     * the property; a value not of the form {@code Service.orgId} fails start-up as invalid.
     *
     * @param soid the organisation
     */
    public void setSoid(String soid) {
      this.soid = soid;
    }

    /**
     * The client-credentials scopes, {@code zoho.client-credentials.scopes}.
     *
     * @return the list, empty unless set; the list itself, not a copy
     */
    public List<String> getScopes() {
      return scopes;
    }

    /**
     * Sets {@code zoho.client-credentials.scopes}: the scopes of tokens from the client-credentials grant; an element
     * may hold several separated by commas or spaces. Default: empty, and a self client then gets its first token from
     * a grant token ({@code mvn zoho:bootstrap-token}). Set, the grant is used and a missing token is requested when
     * first needed; this is for self clients only, and start-up fails naming the property for any other type. A
     * malformed scope fails start-up as invalid.
     *
     * @param scopes the scopes
     */
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

    /**
     * Whether the login endpoints are on, {@code zoho.login.enabled}.
     *
     * @return true unless set to false
     */
    public boolean isEnabled() {
      return enabled;
    }

    /**
     * Sets {@code zoho.login.enabled}: whether the Login with Zoho endpoints and their error page are registered.
     * Default true; they exist only for a server-based client in a servlet web application with Spring MVC, whatever
     * this says. A value that is not a boolean fails start-up in Spring's binding.
     *
     * @param enabled false to leave the endpoints out
     */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /**
     * The login path, {@code zoho.login.path}.
     *
     * @return the path; {@code /zoho/login} unless set
     */
    public String getPath() {
      return path;
    }

    /**
     * Sets {@code zoho.login.path}: the path of the endpoint ({@code GET}) that starts Login with Zoho for the
     * request's user and redirects the browser to Zoho; the default error page links to it, after the context path.
     * Default {@code /zoho/login}.
     *
     * @param path the path, below the context path
     */
    public void setPath(String path) {
      this.path = path;
    }

    /**
     * The callback path, {@code zoho.login.callback-path}.
     *
     * @return the path; {@code /zoho/callback} unless set
     */
    public String getCallbackPath() {
      return callbackPath;
    }

    /**
     * Sets {@code zoho.login.callback-path}: the path of the endpoint ({@code GET}) Zoho redirects the browser back
     * to, which exchanges the code and stores the tokens. Default {@code /zoho/callback}. It must be the path of
     * {@code zoho.redirect-uri}; nothing checks that, and when they differ Zoho redirects to a path this endpoint
     * does not serve, so no login completes.
     *
     * @param callbackPath the path, below the context path
     */
    public void setCallbackPath(String callbackPath) {
      this.callbackPath = callbackPath;
    }

    /**
     * Where the browser goes after a login, {@code zoho.login.success-url}.
     *
     * @return the URL; {@code /} unless set
     */
    public String getSuccessUrl() {
      return successUrl;
    }

    /**
     * Sets {@code zoho.login.success-url}: where the callback redirects the browser once the tokens are stored.
     * Default {@code /}. A value starting with {@code /} is taken below the context path; any other value is sent
     * as the redirect location as it is.
     *
     * @param successUrl the path or URL
     */
    public void setSuccessUrl(String successUrl) {
      this.successUrl = successUrl;
    }

    /**
     * The user key for requests without a principal, {@code zoho.login.anonymous-user-key}.
     *
     * @return the key as set; null when unset
     */
    public String getAnonymousUserKey() {
      return anonymousUserKey;
    }

    /**
     * Sets {@code zoho.login.anonymous-user-key}: the user key the default {@link io.github.zohokit.spring.ZohoUserKeyResolver}
     * gives a request that has no authenticated principal, so its tokens are stored under it. Default: unset (blank
     * counts as unset), and such a login fails with error {@code no_user} on the error page. Set it, for example to
     * {@code default} (the user the {@link io.github.zohokit.Zoho} bean connects as), only in an application with a
     * single Zoho user: every anonymous visitor shares it. Ignored when the application defines its own resolver.
     *
     * @param anonymousUserKey the user key
     */
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

    /**
     * The user the health indicator checks, {@code zoho.health.user-key}.
     *
     * @return the user key; {@code default} unless set
     */
    public String getUserKey() {
      return userKey;
    }

    /**
     * Sets {@code zoho.health.user-key}: the user whose token the {@code zoho} health indicator reads from the
     * store and, when due, renews. Default {@code default}, the user the {@link io.github.zohokit.Zoho} bean and the
     * generated-client beans connect as.
     *
     * @param userKey the user key
     */
    public void setUserKey(String userKey) {
      this.userKey = userKey;
    }

    /**
     * Whether a missing token is DOWN, {@code zoho.health.require-token}.
     *
     * @return the setting; null when unset, in which case it follows the client type
     */
    public Boolean getRequireToken() {
      return requireToken;
    }

    /**
     * Sets {@code zoho.health.require-token}: whether the health indicator reports DOWN when no token is stored for
     * {@code zoho.health.user-key}; false reports UP with "none stored" after checking the store answers. Default
     * (unset): true for self-client and non-browser clients (one application token), false for the per-user types.
     * With {@code zoho.client-credentials.scopes} set, a missing token is requested instead, whatever this says.
     *
     * @param requireToken true to require the token, false not to, null for the default
     */
    public void setRequireToken(Boolean requireToken) {
      this.requireToken = requireToken;
    }
  }
}

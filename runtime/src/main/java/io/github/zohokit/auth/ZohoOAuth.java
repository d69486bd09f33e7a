package io.github.zohokit.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.RateLimitException;
import io.github.zohokit.RetryPolicy;
import io.github.zohokit.limits.ApiLimits;
import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoConfigurationException;
import io.github.zohokit.ZohoConfigurationException.Setting;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.internal.http.RetryInterceptor;
import io.github.zohokit.internal.http.ZohoJson;
import io.github.zohokit.internal.session.Authorization;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;

/**
 * Zoho OAuth for one client registered in the API Console: obtains tokens with the flow of the client's type,
 * keeps them in a {@link TokenStore}, and hands out valid access tokens — renewed ahead of expiry, once for all
 * concurrent callers, within Zoho's refresh limits.
 *
 * <pre>{@code
 * ZohoOAuth oauth = ZohoOAuth.selfClient(clientId, clientSecret)
 *     .dataCenter(DataCenter.EU)
 *     .tokenStore(TokenStores.file(Path.of(".zoho/tokens.json")))
 *     .build();
 * Secret token = oauth.accessToken(TokenKey.DEFAULT_USER);
 * }</pre>
 *
 * One instance per client; thread-safe. The first token of a user comes from the flow of the client type:
 * {@link #authorizationCodeFlow()} (server-based, mobile), {@link #implicitFlow()} (client-based),
 * {@link #selfClientFlow()} (self client), {@link #deviceFlow()} (non-browser).
 */
public final class ZohoOAuth {
  private final Engine engine;

  private ZohoOAuth(Builder b, ClientConfig client, Duration lease, Duration expiryMargin) {
    this.engine = Engine.wire(b.settings(client, lease, expiryMargin));
    engine.sessionHttp().ownedBy(this);
  }

  /**
   * A server-based (web application) client: authorization code flow, refresh tokens, one token per user.
   *
   * @param clientId the client id from the API Console ({@code 1000.…}); missing or with whitespace fails in
   *     {@link Builder#build()}
   * @param clientSecret the client secret; required, {@link Builder#build()} fails without it
   * @param redirectUri the redirect URI registered for the client, absolute {@code http(s)://} without a fragment
   * @return a builder of a server-based client
   */
  public static Builder serverBased(String clientId, String clientSecret, String redirectUri) {
    return new Builder(ClientType.SERVER_BASED).clientId(clientId).clientSecret(clientSecret).redirectUri(redirectUri);
  }

  /**
   * A client-based (JavaScript) client: implicit flow, no client secret, no refresh token.
   *
   * @param clientId the client id from the API Console; missing or with whitespace fails in {@link Builder#build()}
   * @param redirectUri the redirect URI registered for the client, absolute {@code http(s)://} without a fragment
   * @return a builder of a client-based client
   */
  public static Builder clientBased(String clientId, String redirectUri) {
    return new Builder(ClientType.CLIENT_BASED).clientId(clientId).redirectUri(redirectUri);
  }

  /**
   * A self client: console-generated grant tokens, or the client-credentials grant.
   *
   * @param clientId the client id from the API Console; missing or with whitespace fails in {@link Builder#build()}
   * @param clientSecret the client secret; required, {@link Builder#build()} fails without it
   * @return a builder of a self client
   */
  public static Builder selfClient(String clientId, String clientSecret) {
    return new Builder(ClientType.SELF_CLIENT).clientId(clientId).clientSecret(clientSecret);
  }

  /**
   * A non-browser client: Zoho's device flow, for command-line tools and devices without a browser.
   *
   * @param clientId the client id from the API Console; missing or with whitespace fails in {@link Builder#build()}
   * @param clientSecret the client secret; required, {@link Builder#build()} fails without it
   * @return a builder of a non-browser client
   */
  public static Builder nonBrowser(String clientId, String clientSecret) {
    return new Builder(ClientType.NON_BROWSER).clientId(clientId).clientSecret(clientSecret);
  }

  /**
   * A mobile client: authorization code with PKCE (S256); custom-scheme redirect URIs allowed.
   *
   * @param clientId the client id from the API Console; missing or with whitespace fails in {@link Builder#build()}
   * @param clientSecret the client secret; required, {@link Builder#build()} fails without it
   * @param redirectUri the redirect URI registered for the client: {@code http(s)://} or a lower-case custom scheme,
   *     without a fragment
   * @return a builder of a mobile client
   */
  public static Builder mobile(String clientId, String clientSecret, String redirectUri) {
    return new Builder(ClientType.MOBILE).clientId(clientId).clientSecret(clientSecret).redirectUri(redirectUri);
  }

  /**
   * A builder for a client whose type comes from configuration.
   *
   * @param type the client type, not null; it decides which settings {@link Builder#build()} requires or refuses
   * @return a builder with no client id, secret or redirect URI set yet
   */
  public static Builder builder(ClientType type) {
    return new Builder(type);
  }

  /**
   * The type this client was registered as in the API Console.
   *
   * @return the client type, never null
   */
  public ClientType clientType() {
    return engine.client().type();
  }

  /**
   * The client id this instance was built with.
   *
   * @return the client id, never blank
   */
  public String clientId() {
    return engine.client().clientId();
  }

  /**
   * The data centre this client starts authorizations in.
   *
   * @return the data centre, never null; {@link DataCenter#US} unless the builder named another
   */
  public DataCenter dataCenter() {
    return engine.client().dataCenter();
  }

  /**
   * Zoho's URLs this client talks to: the real servers, or the ones set with {@link Builder#endpoints}.
   *
   * @return the endpoints, never null
   */
  public ZohoEndpoints endpoints() {
    return engine.endpoints();
  }

  /**
   * The store tokens of this client are kept in.
   *
   * @return the configured store, or the shared default file store when none was configured
   */
  public TokenStore tokenStore() {
    return engine.store();
  }

  /**
   * A valid token for {@code userKey}, renewed first if it is missing from memory or expired; one close to expiry
   * is renewed in the background while it is still handed out.
   *
   * @param userKey the user whose token is wanted, for example {@link TokenKey#DEFAULT_USER}; tokens are kept per user
   * @return a token that is not expired, with at least the expiry margin left
   * @throws ReauthorizationRequiredException when no token can be obtained without the user, for example when
   *     Zoho declared the refresh token dead (then at once, without asking Zoho again, until a new token is stored)
   * @throws RateLimitException when Zoho's refresh budget is spent or Zoho throttles
   * @throws ZohoUnavailableException when Zoho could not be asked or did not really answer (HTTP 5xx, HTML, a
   *     timeout, a connection error), or a back-off after such failures has not ended: transient, try later
   * @throws ZohoAuthException when Zoho refuses the renewal
   */
  public ZohoToken token(String userKey) {
    return engine.manager().session(userKey).authorization().token();
  }

  /**
   * {@link #token(String)}'s access token.
   *
   * @param userKey the user whose token is wanted; tokens are kept per user
   * @return the access token, as a {@link Secret} that never prints its value
   */
  public Secret accessToken(String userKey) {
    return token(userKey).accessToken();
  }

  /**
   * Renews {@code userKey}'s token now, whatever its expiry, and returns the new one: for example to check that the
   * stored refresh token still works. A token another thread or process stored meanwhile counts as new. Costs one
   * access token of Zoho's budget.
   *
   * @param userKey the user whose token is renewed
   * @return the renewed token, already stored
   * @throws ZohoException as {@link #token(String)}: {@link ReauthorizationRequiredException} when nothing is stored
   *     or Zoho refuses the refresh token, {@link RateLimitException}, {@link ZohoUnavailableException},
   *     {@link ZohoAuthException}
   */
  public ZohoToken refresh(String userKey) {
    return tokenRejected(userKey, storedToken(userKey).map(ZohoToken::accessToken).orElse(null));
  }

  /** A valid token other than {@code rejected}: one another thread or process stored meanwhile, or a renewed one. */
  ZohoToken tokenRejected(String userKey, Secret rejected) {
    return engine.manager().session(userKey).renewReplacing(rejected).token();
  }

  /** The token held in memory for {@code userKey}, if any: no store I/O, no renewal, no network. */
  Optional<ZohoToken> cachedToken(String userKey) {
    return engine.manager().cached(userKey).map(Authorization::token);
  }

  /**
   * What the store holds for {@code userKey}, without renewing anything or calling Zoho.
   *
   * @param userKey the user whose token is looked up
   * @return the stored token, or empty when the store holds none for {@code userKey}
   */
  public Optional<ZohoToken> storedToken(String userKey) {
    return engine.store().load(engine.keeper().key(userKey)).map(StoredToken::token);
  }

  /**
   * Revokes {@code userKey}'s refresh token (or, without one, its access token) at Zoho, which also revokes every
   * access token minted from it, and removes the tokens from the store. A token Zoho no longer knows (already
   * revoked or evicted) is removed too.
   *
   * @param userKey the user whose tokens to revoke
   * @return what happened: {@link Revocation#REVOKED}, {@link Revocation#UNKNOWN_TO_ZOHO} (removed from the store
   *     all the same) or {@link Revocation#NOTHING_STORED}
   * @throws ZohoUnavailableException when Zoho could not be asked (the token is kept); {@link ZohoAuthException}
   *     when Zoho refused (the token is kept)
   */
  public Revocation revoke(String userKey) {
    return engine.keeper().revoke(userKey);
  }

  /**
   * Flows for server-based and mobile clients.
   *
   * @return a new flow bound to this client
   * @throws IllegalStateException when this client is neither server-based nor mobile
   */
  public AuthorizationCodeFlow authorizationCodeFlow() {
    requireType("the authorization code flow", ClientType.SERVER_BASED, ClientType.MOBILE);
    return new AuthorizationCodeFlow(engine.accounts(), engine.keeper(), engine.flows().pkce());
  }

  /**
   * Flows for client-based (JavaScript) clients.
   *
   * @return a new flow bound to this client
   * @throws IllegalStateException when this client is not client-based
   */
  public ImplicitFlow implicitFlow() {
    requireType("the implicit flow", ClientType.CLIENT_BASED);
    return new ImplicitFlow(engine.accounts(), engine.keeper(), engine.flows().objectMapper());
  }

  /**
   * Flows for self clients: grant-token exchange and client credentials.
   *
   * @return a new flow bound to this client
   * @throws IllegalStateException when this client is not a self client
   */
  public SelfClientFlow selfClientFlow() {
    requireType("the self-client flow", ClientType.SELF_CLIENT);
    return new SelfClientFlow(engine.accounts(), engine.keeper());
  }

  /**
   * Zoho's device flow, for non-browser clients.
   *
   * @return a new flow bound to this client
   * @throws IllegalStateException when this client is not a non-browser client
   */
  public DeviceFlow deviceFlow() {
    requireType("the device flow", ClientType.NON_BROWSER);
    return new DeviceFlow(engine.accounts(), engine.keeper(), engine.flows().slowDownInterval(),
        engine.flows().sleeper());
  }

  private void requireType(String flow, ClientType... types) {
    ClientConfig client = engine.client();
    for (ClientType type : types) {
      if (client.type() == type) {
        return;
      }
    }
    throw new IllegalStateException(flow + " is for " + (types.length == 1 ? types[0].displayName()
        : types[0].displayName() + " and " + types[1].displayName()) + " clients; client " + client.clientId()
        + " is a " + client.type().displayName() + " client");
  }

  /** The users' sessions of this client, for tests. */
  SessionCache<?> sessionCache() {
    return engine.manager().sessions();
  }

  @Override
  public String toString() {
    return "ZohoOAuth{" + engine.client() + ", store=" + engine.store() + "}";
  }

  /** Configures a {@link ZohoOAuth}; {@link #build()} validates everything for the client type. */
  public static final class Builder {
    /** What a caller waiting for a renewal allows the store on top of the accounts call timeout. */
    private static final Duration STORE_GRACE = Duration.ofSeconds(5);
    /** How much longer than the accounts call timeout the refresh lease lasts by default. */
    private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);
    private static final Duration DEFAULT_EXPIRY_MARGIN = Duration.ofMinutes(1);

    private final ClientType type;
    private String clientId;
    private String clientSecret;
    private String redirectUri;
    private DataCenter dataCenter = DataCenter.US;
    private ZohoEndpoints endpoints = ZohoEndpoints.zoho();
    private OkHttpClient http;
    private ObjectMapper objectMapper;
    private RetryPolicy retryPolicy = RetryPolicy.none();
    private ApiLimits apiLimits;
    private Clock clock = Clock.systemUTC();
    private TokenStore tokenStore;
    private Duration refreshMargin = Duration.ofMinutes(5);
    private Duration expiryMargin;
    private Executor renewalExecutor;
    private TokenManager.SessionLimits sessionLimits = TokenManager.SessionLimits.DEFAULT;
    private int refreshLimit = 10;
    private Duration refreshWindow = Duration.ofMinutes(10);
    private Duration leaseTimeout;
    private Duration accountsTimeout = Duration.ofSeconds(30);
    private TokenRenewal.ClientCredentials clientCredentials;
    private boolean pkce;
    private Duration slowDownInterval = Duration.ofSeconds(30);
    private Sleeper sleeper = Sleeper.REAL;
    private TokenRenewalListener renewalListener;
    private IdTokenVerifier idTokenVerifier;

    private Builder(ClientType type) {
      this.type = Objects.requireNonNull(type, "client type");
    }

    /**
     * The client id from the API Console; checked in {@link #build()}.
     *
     * @param clientId the client id ({@code 1000.…}), without whitespace
     * @return this builder
     */
    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    /**
     * The client secret; checked in {@link #build()}: required for every type except client-based, refused there.
     *
     * @param clientSecret the client secret; null for a client-based client
     * @return this builder
     */
    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    /**
     * The redirect URI registered in the API Console; checked in {@link #build()}: required for server-based,
     * client-based and mobile clients, refused for the others.
     *
     * @param redirectUri an absolute URI without a fragment; null for self and non-browser clients
     * @return this builder
     */
    public Builder redirectUri(String redirectUri) {
      this.redirectUri = redirectUri;
      return this;
    }

    /**
     * The data centre the client is registered in and authorizations start at. Default {@link DataCenter#US}.
     *
     * @param dataCenter the data centre, not null
     * @return this builder
     * @throws NullPointerException when {@code dataCenter} is null
     */
    public Builder dataCenter(DataCenter dataCenter) {
      this.dataCenter = Objects.requireNonNull(dataCenter, "dataCenter");
      return this;
    }

    /**
     * Overrides Zoho's URLs (a fake Zoho in tests, a proxy). Default: Zoho's real servers.
     *
     * @param endpoints the URLs to use, not null
     * @return this builder
     * @throws NullPointerException when {@code endpoints} is null
     */
    public Builder endpoints(ZohoEndpoints endpoints) {
      this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
      return this;
    }

    /**
     * The HTTP client for Zoho Accounts and API calls (its pool, timeouts, proxy). Default: a new one.
     *
     * @param httpClient the client to share (its pool, timeouts, proxy), not null
     * @return this builder
     * @throws NullPointerException when {@code httpClient} is null
     */
    public Builder httpClient(OkHttpClient httpClient) {
      this.http = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /**
     * The Jackson mapper for Zoho's JSON, used as given. Default: a new mapper that also reads and writes
     * {@code java.time} types in Zoho's formats ({@code OffsetDateTime} for date-times with their offset kept,
     * {@code LocalDate} for dates); a mapper of your own needs Jackson's {@code JavaTimeModule} registered for that
     * (with {@code WRITE_DATES_AS_TIMESTAMPS} and {@code ADJUST_DATES_TO_CONTEXT_TIME_ZONE} disabled), else such a
     * field fails with a {@link io.github.zohokit.ZohoMappingException}.
     *
     * @param objectMapper the mapper, not null
     * @return this builder
     * @throws NullPointerException when {@code objectMapper} is null
     */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
      return this;
    }

    /**
     * When API requests are sent again after a transient failure (HTTP 5xx, 429, a timeout): see {@link RetryPolicy}.
     * Default {@link RetryPolicy#none()}.
     *
     * @param retryPolicy the policy, such as {@code RetryPolicy.idempotent()}, not null
     * @return this builder
     * @throws NullPointerException when {@code retryPolicy} is null
     */
    public Builder retryPolicy(RetryPolicy retryPolicy) {
      this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
      return this;
    }

    /**
     * Keep to Zoho's API limits for the organisation: concurrency permits by edition, the pool of heavy calls, the
     * credit ledger with its stop rule, one cool-down after a 429, optionally shared by the whole fleet; see
     * {@link ApiLimits}. Applies to every generated call and every request of {@code Zoho.httpClient()}, after the
     * {@linkplain #retryPolicy retry policy} (each attempt takes its own permit). Default: none.
     *
     * @param apiLimits the limits, not null
     * @return this builder
     * @throws NullPointerException when {@code apiLimits} is null
     */
    public Builder apiLimits(ApiLimits apiLimits) {
      this.apiLimits = Objects.requireNonNull(apiLimits, "apiLimits");
      return this;
    }

    /**
     * Where tokens are kept. Default: the shared file {@link TokenStores#defaultFile()}.
     *
     * @param tokenStore the store, not null
     * @return this builder
     * @throws NullPointerException when {@code tokenStore} is null
     */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
      return this;
    }

    /**
     * The clock token expiry is judged by. Default: the system clock.
     *
     * @param clock the clock, not null; a fixed or offset clock in tests
     * @return this builder
     * @throws NullPointerException when {@code clock} is null
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * How long before expiry a token is renewed ahead, in the background, while callers keep using it. Default 5
     * minutes (Zoho's tokens live an hour). At least the {@linkplain #expiryMargin expiry margin}.
     *
     * @param refreshMargin the margin, not null, zero or more; zero renews only once the token counts as expired
     * @return this builder
     * @throws IllegalArgumentException when {@code refreshMargin} is negative ({@link #build()} fails when it is
     *     shorter than the expiry margin)
     */
    public Builder refreshMargin(Duration refreshMargin) {
      this.refreshMargin = requireNotNegative(refreshMargin, "refreshMargin", Setting.REFRESH_MARGIN);
      return this;
    }

    /**
     * How long before expiry a token counts as expired: it could expire on its way to Zoho, so callers wait for its
     * renewal instead of sending it. Default 1 minute (or the refresh margin, if shorter); at most the {@linkplain #refreshMargin refresh margin}.
     *
     * @param expiryMargin the margin, not null, zero or more
     * @return this builder
     * @throws IllegalArgumentException when {@code expiryMargin} is negative ({@link #build()} fails when it is longer
     *     than the refresh margin)
     */
    public Builder expiryMargin(Duration expiryMargin) {
      this.expiryMargin = requireNotNegative(expiryMargin, "expiryMargin", Setting.EXPIRY_MARGIN);
      return this;
    }

    /**
     * Where renewals ahead of expiry run, so no caller waits for them. Default: zohokit's own daemon threads,
     * created when needed. {@code Runnable::run} renews on the calling thread (the first caller past the refresh
     * margin then waits for Zoho).
     *
     * @param renewalExecutor the executor, not null; zohokit never shuts it down
     * @return this builder
     * @throws NullPointerException when {@code renewalExecutor} is null
     */
    public Builder renewalExecutor(Executor renewalExecutor) {
      this.renewalExecutor = Objects.requireNonNull(renewalExecutor, "renewalExecutor");
      return this;
    }

    /**
     * How many users' sessions (each user's token in memory, generated APIs and HTTP client) are kept while the
     * application holds nothing of them, and for how long after their last use, so that a server with many users
     * does not keep every user it ever served. Default: the 10,000 most recently used users, each for 1 hour (an
     * access token's lifetime). A use is {@code Zoho.forUser}, {@code Zoho.connect} or a token asked of this
     * client. A dropped session costs one store read when its user comes back. A {@code Zoho}, generated API or HTTP
     * client the application still holds keeps working, with the same session: a user never has two.
     *
     * @param maxUsers the most sessions kept, zero or more (zero keeps only the sessions the application holds)
     * @param idleTime how long after its last use a session is kept, positive
     * @return this builder
     * @throws ZohoConfigurationException naming {@link Setting#SESSION_CACHE} when {@code maxUsers} is negative or
     *     {@code idleTime} is not positive
     */
    public Builder sessionCache(int maxUsers, Duration idleTime) {
      Objects.requireNonNull(idleTime, "idleTime");
      if (maxUsers < 0) {
        throw new ZohoConfigurationException(Setting.SESSION_CACHE, "the most users' sessions kept must not be "
            + "negative, was " + maxUsers, "set it to zero or more, such as 10000");
      }
      if (idleTime.isNegative() || idleTime.isZero()) {
        throw new ZohoConfigurationException(Setting.SESSION_CACHE, "the idle time after which a user's session is "
            + "dropped must be positive, was " + idleTime, "set it to a positive duration, such as 1 hour");
      }
      this.sessionLimits = new TokenManager.SessionLimits(maxUsers, idleTime);
      return this;
    }

    /** What {@link #build()} checked, with the defaults of what was not set, for {@link Engine#wire}. */
    private Engine.Settings settings(ClientConfig client, Duration lease, Duration expiryMargin) {
      TokenManager.Timing timing = new TokenManager.Timing(refreshMargin, expiryMargin, lease,
          accountsTimeout.plus(STORE_GRACE));
      return new Engine.Settings(client, endpoints,
          tokenStore != null ? tokenStore : TokenStores.file(TokenStores.defaultFile()),
          http != null ? http : new OkHttpClient(),
          objectMapper != null ? objectMapper : ZohoJson.defaultMapper(), clock, accountsTimeout, refreshLimit,
          refreshWindow, timing, sessionLimits, renewalExecutor != null ? renewalExecutor : TokenManager.background(), sleeper,
          clientCredentials, renewalListener, idTokenVerifier, type == ClientType.MOBILE || pkce, slowDownInterval,
          retryPolicy, apiLimits);
    }

    private static Duration min(Duration a, Duration b) {
      return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration requireNotNegative(Duration margin, String name, Setting setting) {
      Objects.requireNonNull(margin, name);
      if (margin.isNegative()) {
        throw new ZohoConfigurationException(setting, "the " + name + " must not be negative, was " + margin,
            "set it to zero or more, such as 5 minutes");
      }
      return margin;
    }

    /**
     * Zoho's budget of access tokens per refresh token: zohokit refuses to request more than {@code limit} in any
     * {@code window}. Default 10 per 10 minutes, Zoho's documented limit.
     *
     * @param limit the most tokens per {@code window}, at least 1 ({@link #build()} fails otherwise)
     * @param window the sliding window the limit applies to, not null
     * @return this builder
     */
    public Builder refreshBudget(int limit, Duration window) {
      this.refreshLimit = limit;
      this.refreshWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /**
     * How long one process may hold the refresh lease of a shared store. It must be longer than the
     * {@linkplain #accountsTimeout accounts call timeout}; default: that timeout plus 10 seconds (40 seconds).
     *
     * @param leaseTimeout how long the lease lasts, not null; {@link #build()} fails unless it is longer than the
     *     accounts call timeout
     * @return this builder
     */
    public Builder leaseTimeout(Duration leaseTimeout) {
      this.leaseTimeout = Objects.requireNonNull(leaseTimeout, "leaseTimeout");
      return this;
    }

    /**
     * The most one call to Zoho Accounts may take, from connecting to reading the last byte of the answer (a server
     * that trickles its answer cannot hold a caller longer). A caller waiting for another thread's or process's
     * renewal waits at most this long plus 5 seconds. Default 30 seconds.
     *
     * @param timeout the whole-call timeout, positive
     * @return this builder
     * @throws IllegalArgumentException when {@code timeout} is zero or negative
     */
    public Builder accountsTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new ZohoConfigurationException(Setting.ACCOUNTS_TIMEOUT,
            "the accounts call timeout must be positive, was " + timeout, "set it to a duration such as 30 seconds");
      }
      this.accountsTimeout = timeout;
      return this;
    }

    /**
     * Self clients: obtain tokens with the client-credentials grant for organisation {@code soid}
     * ({@code ZohoCRM.<orgId>}, or just the org id; null when the service has a single organisation) and
     * {@code scopes}. Such tokens have no refresh token; zohokit requests a new one when the current one expires,
     * within the same budget and throttle memory as refreshes.
     *
     * @param soid the organisation, as {@code ZohoCRM.<orgId>} or the bare org id; null or blank for none
     * @param scopes the scopes to request, each element one scope or several separated by commas or spaces; at least
     *     one
     * @return this builder
     * @throws IllegalArgumentException when no scope is given or one is malformed ({@link #build()} fails when the
     *     client is not a self client)
     */
    public Builder clientCredentials(String soid, Collection<String> scopes) {
      String organisation;
      try {
        organisation = SelfClientFlow.normalizeSoid(soid);
      } catch (IllegalArgumentException e) {
        throw new ZohoConfigurationException(Setting.CLIENT_CREDENTIALS_SOID, e.getMessage(),
            "give the organisation as ZohoCRM.<org id> or the bare org id, or leave it out for a single organisation");
      }
      List<Scope> parsed;
      try {
        parsed = Scope.parseAll(scopes);
      } catch (IllegalArgumentException e) {
        throw new ZohoConfigurationException(Setting.CLIENT_CREDENTIALS_SCOPES, e.getMessage(),
            "name at least one scope as Zoho writes it, for example ZohoCRM.modules.leads.READ");
      }
      this.clientCredentials = new TokenRenewal.ClientCredentials(organisation, parsed);
      return this;
    }

    /**
     * {@link #clientCredentials(String, Collection)} without {@code soid}, for a service with a single organisation
     * (Zoho answers {@code missing_org_info} when it needs one).
     *
     * @param scopes the scopes to request, at least one
     * @return this builder
     * @throws IllegalArgumentException when no scope is given or one is malformed
     */
    public Builder clientCredentials(Collection<String> scopes) {
      return clientCredentials(null, scopes);
    }

    /**
     * Server-based clients: also use PKCE (S256). Mobile clients always do.
     *
     * @param pkce true to send a PKCE challenge from server-based clients too; ignored (always on) for mobile clients
     * @return this builder
     */
    public Builder pkce(boolean pkce) {
      this.pkce = pkce;
      return this;
    }

    /**
     * Device flow: the shortest time between two polls, whatever interval the server names (a longer one is
     * kept); each {@code slow_down} adds 5 seconds. Default 30 seconds, Zoho's documented rule (at most one poll
     * per 30 seconds); lower it only against a fake Zoho.
     *
     * @param interval the floor between polls, not null
     * @return this builder
     */
    public Builder deviceSlowDownInterval(Duration interval) {
      this.slowDownInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /**
     * Told of every token renewal and its outcome (metrics, alerts). Default: none.
     *
     * @param renewalListener the listener, not null; it runs on the renewing thread, so it should return quickly
     * @return this builder
     */
    public Builder renewalListener(TokenRenewalListener renewalListener) {
      this.renewalListener = Objects.requireNonNull(renewalListener, "renewalListener");
      return this;
    }

    /**
     * How the flows verify id_tokens (tests with a fixed key set). Default: against the key set of the accounts
     * server that issued the token ({@code <accounts server>/oauth/v2/keys}), fetched on first use and refreshed
     * when Zoho rotates its keys.
     *
     * @param verifier the verifier, not null
     * @return this builder
     */
    Builder idTokenVerifier(IdTokenVerifier verifier) {
      this.idTokenVerifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * The configured client.
     *
     * @return a new client, ready to use; it reads nothing from the store until a token is asked for
     * @throws ZohoConfigurationException naming the setting that is wrong for the client type (a missing secret, a
     *     redirect URI where none belongs, margins or timeouts that contradict each other), the problem and the fix
     */
    public ZohoOAuth build() {
      ClientConfig client = new ClientConfig(type, clientId, clientSecret == null ? null : Secret.of(clientSecret),
          redirectUri, dataCenter);
      Duration lease = leaseTimeout != null ? leaseTimeout : accountsTimeout.plus(LEASE_MARGIN);
      if (lease.compareTo(accountsTimeout) <= 0) {
        throw new ZohoConfigurationException(Setting.LEASE_TIMEOUT, "the refresh lease (leaseTimeout "
            + lease.toSeconds() + "s) must last longer than the accounts call timeout (accountsTimeout "
            + accountsTimeout.toSeconds() + "s), or another process renews while the first is still waiting for "
            + "Zoho", "raise the lease or lower the timeout");
      }
      Duration expiry = expiryMargin != null ? expiryMargin : min(DEFAULT_EXPIRY_MARGIN, refreshMargin);
      if (expiry.compareTo(refreshMargin) > 0) {
        throw new ZohoConfigurationException(Setting.EXPIRY_MARGIN, "the expiry margin (" + expiry
            + ") must not be longer than the refresh margin (" + refreshMargin + "): a token is renewed ahead before "
            + "it counts as expired", "shorten the expiry margin or lengthen the refresh margin");
      }
      if (clientCredentials != null && type != ClientType.SELF_CLIENT) {
        throw new ZohoConfigurationException(Setting.CLIENT_CREDENTIALS_SCOPES, "the client-credentials grant is only "
            + "for self clients, this is a " + type.displayName() + " client",
            "remove the client-credentials settings, or register a self client");
      }
      return new ZohoOAuth(this, client, lease, expiry);
    }
  }
}

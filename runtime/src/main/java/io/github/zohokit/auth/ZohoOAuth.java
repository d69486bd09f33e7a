package io.github.zohokit.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.RateLimitException;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.store.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStoreException;
import io.github.zohokit.store.TokenStores;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
  private static final Logger log = LoggerFactory.getLogger(ZohoOAuth.class);
  /** What a caller waiting for a renewal allows the store on top of the accounts call timeout. */
  private static final Duration STORE_GRACE = Duration.ofSeconds(5);
  /** How much longer than the accounts call timeout the refresh lease lasts by default. */
  private static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

  private final ClientConfig client;
  private final ZohoEndpoints endpoints;
  private final OkHttpClient httpClient;
  private final ObjectMapper objectMapper;
  private final Clock clock;
  private final TokenStore store;
  private final AccountsClient accounts;
  private final RefreshBudget budget;
  private final TokenManager manager;
  private final ClientCredentials clientCredentials;
  private final boolean pkce;
  private final Duration slowDownInterval;
  private final Sleeper sleeper;
  private final TokenRenewalListener renewalListener;
  private final IdTokenVerifier idTokenVerifier;
  private final Map<HttpUrl, IdTokenVerifier> verifiers = new ConcurrentHashMap<>();

  private ZohoOAuth(Builder b) {
    this.client = new ClientConfig(b.type, b.clientId, b.clientSecret == null ? null : Secret.of(b.clientSecret),
        b.redirectUri, b.dataCenter);
    this.endpoints = b.endpoints;
    this.httpClient = b.httpClient != null ? b.httpClient : new OkHttpClient();
    this.objectMapper = b.objectMapper != null ? b.objectMapper : new ObjectMapper();
    this.clock = b.clock;
    this.store = b.tokenStore != null ? b.tokenStore : TokenStores.file(TokenStores.defaultFile());
    this.accounts = new AccountsClient(httpClient, objectMapper, b.accountsTimeout);
    this.budget = new RefreshBudget(b.refreshLimit, b.refreshWindow);
    this.sleeper = b.sleeper;
    this.renewalListener = b.renewalListener;
    Duration lease = b.leaseTimeout != null ? b.leaseTimeout : b.accountsTimeout.plus(LEASE_MARGIN);
    if (lease.compareTo(b.accountsTimeout) <= 0) {
      throw new IllegalArgumentException("Invalid Zoho client configuration: the refresh lease (leaseTimeout "
          + lease.toSeconds() + "s) must last longer than the accounts call timeout (accountsTimeout "
          + b.accountsTimeout.toSeconds() + "s), or another process renews while the first is still waiting for "
          + "Zoho; raise the lease or lower the timeout");
    }
    this.manager = new TokenManager(store, clock, b.refreshMargin, lease, b.accountsTimeout.plus(STORE_GRACE),
        sleeper, new TokenManager.Renewal() {
          @Override
          public ZohoToken renew(TokenKey key, StoredToken stored) {
            return renewAndTell(key, stored);
          }

          @Override
          public void refuseEarly(TokenKey key, StoredToken stored) {
            refuseIfDead(key, stored);
          }
        });
    if (b.clientCredentials != null && b.type != ClientType.SELF_CLIENT) {
      throw new IllegalArgumentException("Invalid Zoho client configuration: the client-credentials grant is only "
          + "for self clients, this is a " + b.type.displayName() + " client");
    }
    this.clientCredentials = b.clientCredentials;
    this.pkce = b.type == ClientType.MOBILE || b.pkce;
    this.slowDownInterval = b.slowDownInterval;
    this.idTokenVerifier = b.idTokenVerifier;
  }

  /** A server-based (web application) client: authorization code flow, refresh tokens, one token per user. */
  public static Builder serverBased(String clientId, String clientSecret, String redirectUri) {
    return new Builder(ClientType.SERVER_BASED).clientId(clientId).clientSecret(clientSecret).redirectUri(redirectUri);
  }

  /** A client-based (JavaScript) client: implicit flow, no client secret, no refresh token. */
  public static Builder clientBased(String clientId, String redirectUri) {
    return new Builder(ClientType.CLIENT_BASED).clientId(clientId).redirectUri(redirectUri);
  }

  /** A self client: console-generated grant tokens, or the client-credentials grant. */
  public static Builder selfClient(String clientId, String clientSecret) {
    return new Builder(ClientType.SELF_CLIENT).clientId(clientId).clientSecret(clientSecret);
  }

  /** A non-browser client: Zoho's device flow, for command-line tools and devices without a browser. */
  public static Builder nonBrowser(String clientId, String clientSecret) {
    return new Builder(ClientType.NON_BROWSER).clientId(clientId).clientSecret(clientSecret);
  }

  /** A mobile client: authorization code with PKCE (S256); custom-scheme redirect URIs allowed. */
  public static Builder mobile(String clientId, String clientSecret, String redirectUri) {
    return new Builder(ClientType.MOBILE).clientId(clientId).clientSecret(clientSecret).redirectUri(redirectUri);
  }

  /** A builder for a client whose type comes from configuration. */
  public static Builder builder(ClientType type) {
    return new Builder(type);
  }

  public ClientType clientType() {
    return client.type();
  }

  public String clientId() {
    return client.clientId();
  }

  /** The data centre this client starts authorizations in. */
  public DataCenter dataCenter() {
    return client.dataCenter();
  }

  public ZohoEndpoints endpoints() {
    return endpoints;
  }

  public TokenStore tokenStore() {
    return store;
  }

  /** The HTTP client used for Zoho Accounts, and the base of API clients built on this OAuth. */
  public OkHttpClient httpClient() {
    return httpClient;
  }

  public ObjectMapper objectMapper() {
    return objectMapper;
  }

  public Clock clock() {
    return clock;
  }

  /** The key of {@code userKey}'s tokens for this client. */
  public TokenKey key(String userKey) {
    return new TokenKey(client.clientId(), userKey);
  }

  /**
   * A valid access token for {@code userKey}, renewed first if it is missing from memory, expired or close to
   * expiry.
   *
   * @throws ReauthorizationRequiredException when no token can be obtained without the user, for example when
   *     Zoho declared the refresh token dead (then at once, without asking Zoho again, until a new token is stored)
   * @throws RateLimitException when Zoho's refresh budget is spent or Zoho throttles
   * @throws ZohoUnavailableException when Zoho could not be asked or did not really answer (HTTP 5xx, HTML, a
   *     timeout, a connection error), or a back-off after such failures has not ended: transient, try later
   * @throws ZohoAuthException when Zoho refuses the renewal
   */
  public ZohoToken token(String userKey) {
    return manager.current(key(userKey));
  }

  /** {@link #token(String)}'s access token. */
  public Secret accessToken(String userKey) {
    return token(userKey).accessToken();
  }

  /**
   * Zoho rejected {@code rejected} as invalid (401 {@code INVALID_TOKEN}): returns another valid token — one that
   * another thread or process already obtained, or a renewed one. Refreshes only if {@code rejected} is still the
   * stored token.
   */
  public ZohoToken tokenRejected(String userKey, Secret rejected) {
    return manager.rejected(key(userKey), rejected);
  }

  /** The token held in memory for {@code userKey}, if any: no store I/O, no renewal, no network. */
  public Optional<ZohoToken> cachedToken(String userKey) {
    return manager.cached(key(userKey));
  }

  /** What the store holds for {@code userKey}, without renewing anything or calling Zoho. */
  public Optional<ZohoToken> storedToken(String userKey) {
    return store.load(key(userKey)).map(StoredToken::token);
  }

  /**
   * The API base URL calls for {@code token} go to: its {@code api_domain} when that is a trusted API host (see
   * {@link ZohoEndpoints}), or the configured override of its data centre.
   *
   * @throws TokenStoreException when the token names an API domain zohokit does not trust (a tampered store)
   */
  public HttpUrl apiBaseUrl(ZohoToken token) {
    DataCenter dc = token.dataCenter() != null ? token.dataCenter() : client.dataCenter();
    return endpoints.trustedApiBase(token.apiDomain(), dc).orElseThrow(() -> untrusted("api_domain",
        token.apiDomain(), "the access token", "ZohoEndpoints.withApiUrl"));
  }

  private static TokenStoreException untrusted(String field, String value, String secret, String configure) {
    return new TokenStoreException("The stored token names " + field + " '" + value + "', which is neither a Zoho "
        + "data centre's server (over https) nor one configured in ZohoEndpoints. zohokit does not send " + secret
        + " there, so the token was not used. If the token store was edited or written by another program, delete "
        + "this token and authorize again; if the server is legitimate, configure it with " + configure);
  }

  /**
   * Revokes {@code userKey}'s refresh token (or, without one, its access token) at Zoho, which also revokes every
   * access token minted from it, and removes the tokens from the store.
   *
   * @return false when nothing was stored for {@code userKey}
   */
  public boolean revoke(String userKey) {
    TokenKey key = key(userKey);
    Optional<StoredToken> stored = store.load(key);
    if (stored.isEmpty()) {
      return false;
    }
    ZohoToken token = stored.get().token();
    Secret revoked = token.hasRefreshToken() ? token.refreshToken() : token.accessToken();
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", revoked.reveal());
    AccountsClient.Answer answer;
    try {
      answer = accounts.post(accountsServerFor(token), "/oauth/v2/token/revoke", form);
    } catch (ZohoUnavailableException e) {
      throw new ZohoUnavailableException(e.getMessage() + ". Revoking " + key + " failed; the token was kept in "
          + store + ". Try revoking again", e.status().orElse(0), null, e);
    }
    String status = answer.text("status");
    if (!"success".equalsIgnoreCase(status)) {
      if (answer.status() == 400) {
        // Zoho answers 400 for a token it does not know (already revoked, or never issued): nothing left to revoke
        log.warn("Zoho did not know the token of {} any more (HTTP 400{}); removing it from {}", key,
            answer.error() == null ? "" : ", '" + answer.error() + "'", store);
      } else if (answer.error() != null) {
        TokenResponses.throwIfError(answer, OAuthErrors.Request.REVOKE, client);
      } else {
        throw new ZohoAuthException(null, "Zoho did not confirm revoking the token of " + key + " (HTTP "
            + answer.status() + ", status " + status + "); the token was kept in " + store + ". Try again");
      }
    }
    store.delete(key);
    manager.forget(key);
    log.debug("Revoked the {} of {} and removed it from {}", token.hasRefreshToken() ? "refresh token" : "access token",
        key, store);
    return true;
  }

  /** Flows for server-based and mobile clients. */
  public AuthorizationCodeFlow authorizationCodeFlow() {
    requireType("the authorization code flow", ClientType.SERVER_BASED, ClientType.MOBILE);
    return new AuthorizationCodeFlow(this);
  }

  /** Flows for client-based (JavaScript) clients. */
  public ImplicitFlow implicitFlow() {
    requireType("the implicit flow", ClientType.CLIENT_BASED);
    return new ImplicitFlow(this);
  }

  /** Flows for self clients: grant-token exchange and client credentials. */
  public SelfClientFlow selfClientFlow() {
    requireType("the self-client flow", ClientType.SELF_CLIENT);
    return new SelfClientFlow(this);
  }

  /** Zoho's device flow, for non-browser clients. */
  public DeviceFlow deviceFlow() {
    requireType("the device flow", ClientType.NON_BROWSER);
    return new DeviceFlow(this, slowDownInterval, sleeper);
  }

  private void requireType(String flow, ClientType... types) {
    for (ClientType type : types) {
      if (client.type() == type) {
        return;
      }
    }
    throw new IllegalStateException(flow + " is for " + (types.length == 1 ? types[0].displayName()
        : types[0].displayName() + " and " + types[1].displayName()) + " clients; client " + client.clientId()
        + " is a " + client.type().displayName() + " client");
  }

  // ---- shared by the flows ----

  ClientConfig client() {
    return client;
  }

  AccountsClient accounts() {
    return accounts;
  }

  Instant now() {
    return clock.instant();
  }

  boolean pkceEnabled() {
    return pkce;
  }

  /** The accounts server this client starts with (its data centre's, or the configured override). */
  HttpUrl accountsUrl() {
    return endpoints.accountsUrl(client.dataCenter());
  }

  /**
   * Posts a token request to {@code accountsServer} and reads the token it answers with.
   *
   * @throws ZohoAuthException {@code untrusted_api_domain} when the answer names an API domain zohokit does not
   *     trust
   */
  ZohoToken requestToken(HttpUrl accountsServer, Map<String, String> form, OAuthErrors.Request request,
      DataCenter dataCenter) {
    return tokenFrom(accounts.post(accountsServer, "/oauth/v2/token", form), request, accountsServer, dataCenter);
  }

  /**
   * Reads the token in an answer of {@code accountsServer} (token or device-token endpoint).
   *
   * @throws ZohoAuthException {@code untrusted_api_domain} when the answer names an API domain zohokit does not
   *     trust
   */
  ZohoToken tokenFrom(AccountsClient.Answer answer, OAuthErrors.Request request, HttpUrl accountsServer,
      DataCenter dataCenter) {
    ZohoToken token = TokenResponses.parse(answer, request, client, now(), accountsServer.toString(), dataCenter);
    requireTrustedApiDomain(token, "Zoho Accounts at " + accountsServer);
    return token;
  }

  /** Refuses a token, just received from {@code source}, whose {@code api_domain} is not a trusted API host. */
  void requireTrustedApiDomain(ZohoToken token, String source) {
    DataCenter dc = token.dataCenter() != null ? token.dataCenter() : client.dataCenter();
    if (endpoints.trustedApiBase(token.apiDomain(), dc).isEmpty()) {
      throw new ZohoAuthException("untrusted_api_domain", source + " named api_domain '" + token.apiDomain()
          + "', which is neither a Zoho data centre's API host (over https) nor one configured in ZohoEndpoints. "
          + "zohokit does not send access tokens there, so the token was not stored. If the host is legitimate, "
          + "configure it with ZohoEndpoints.withApiUrl");
    }
  }

  /**
   * Stores a token a flow just obtained and makes it current. Refresh tokens are precious (Zoho keeps at most 20 per
   * user and evicts the oldest): a token that comes without one keeps the refresh token stored for the user (from
   * the same accounts server), and a token with a new one replaces the stored one, which is then revoked at Zoho
   * (best effort: a failure is logged, the new token is kept).
   */
  ZohoToken keep(String userKey, ZohoToken token) {
    TokenKey key = key(userKey);
    ZohoToken previous = store.load(key).map(StoredToken::token).orElse(null);
    ZohoToken kept = token;
    if (!token.hasRefreshToken() && previous != null && previous.hasRefreshToken()
        && !isDead(previous)) {
      if (Objects.equals(previous.accountsServer(), token.accountsServer()) || token.accountsServer() == null) {
        kept = token.toBuilder().refreshToken(previous.refreshToken()).build();
        log.debug("The new token of {} came without a refresh token; keeping the stored one", key);
      } else {
        log.warn("The new token of {} comes from accounts server {} without a refresh token; the stored refresh "
            + "token belongs to {} and is not kept", key, token.accountsServer(), previous.accountsServer());
      }
    }
    store.save(key, kept);
    manager.put(key, kept);
    log.debug("Stored a new {} token for {} in {} (expires {}, scopes {})", client.type().displayName(), key, store,
        kept.expiresAt(), kept.scopes());
    if (previous != null && previous.hasRefreshToken() && kept.hasRefreshToken()
        && !previous.refreshToken().equals(kept.refreshToken())
        && !isDead(previous)) {
      revokeReplaced(key, previous);
    }
    return kept;
  }

  /**
   * Whether a refresh token is stored for {@code userKey} that Zoho has not refused (as revoked or evicted; recorded
   * in the store or seen by this process) and whose scopes cover {@code scopes}: then a new authorization for
   * {@code scopes} need not ask for consent. A wider request does (the stored refresh token was granted for less).
   */
  boolean hasUsableRefreshToken(String userKey, Collection<Scope> scopes) {
    return store.load(key(userKey)).map(StoredToken::token)
        .filter(t -> t.hasRefreshToken() && !isDead(t))
        // a token answer without scopes (unknown grant) is taken as covering: consent would mint a token for nothing
        .filter(t -> t.scopes().isEmpty() || scopes.stream().allMatch(wanted -> Scope.covered(t.scopes(), wanted)))
        .isPresent();
  }

  /** Whether Zoho refused {@code token}'s refresh token (recorded in the store, or seen by this process). */
  private boolean isDead(ZohoToken token) {
    return token.refreshTokenRejectedAt() != null || budget.isDead(token.refreshToken());
  }

  /** Revokes the refresh token {@code replaced} held before a new one was stored; logs instead of failing. */
  private void revokeReplaced(TokenKey key, ZohoToken replaced) {
    try {
      Map<String, String> form = new LinkedHashMap<>();
      form.put("token", replaced.refreshToken().reveal());
      AccountsClient.Answer answer = accounts.post(accountsServerFor(replaced), "/oauth/v2/token/revoke", form);
      if ("success".equalsIgnoreCase(answer.text("status"))) {
        log.info("Revoked the previous refresh token of {}, replaced by a new one", key);
      } else {
        log.warn("Zoho did not confirm revoking the previous refresh token of {} (HTTP {}, error {}); it may stay "
            + "active until it is revoked in Zoho's Connected Apps page", key, answer.status(), answer.error());
      }
    } catch (RuntimeException e) {
      log.warn("Could not revoke the previous refresh token of {}: {}. It may stay active until it is revoked in "
          + "Zoho's Connected Apps page", key, e.getMessage());
    }
  }

  /**
   * Verifies the id_token of a token just obtained, if it has one: signature by a key of {@code issuer}'s key set
   * (or the configured verifier), issuer ({@code issuer}, or Zoho's accounts server of {@code dc}), audience
   * (this client), expiry, and {@code nonce} when the request sent one.
   *
   * @throws ZohoAuthException {@code invalid_id_token}
   */
  void verifyIdToken(ZohoToken token, HttpUrl issuer, DataCenter dc, String nonce) {
    if (token.idToken() == null) {
      return;
    }
    IdTokenVerifier verifier = idTokenVerifier != null ? idTokenVerifier : verifiers.computeIfAbsent(issuer,
        server -> IdTokenVerifier.fromJwksUrl(httpClient, server.newBuilder().encodedPath("/oauth/v2/keys")
            .query(null).build().toString(), clock));
    List<String> issuers = new ArrayList<>();
    issuers.add(issuer.toString());
    if (dc != null) {
      issuers.add(dc.accountsUrl());
    }
    verifier.verify(token.idToken().reveal(), client.clientId(), issuers, nonce);
  }

  /**
   * The accounts server that issued {@code token} (or its configured override); refresh and revoke go there.
   *
   * @throws TokenStoreException when the token names an accounts server zohokit does not trust
   */
  HttpUrl accountsServerFor(ZohoToken token) {
    if (token.accountsServer() != null) {
      return endpoints.trustedAccountsServer(token.accountsServer()).orElseThrow(() -> untrusted("accounts_server",
          token.accountsServer(), "the client secret or the refresh token", "ZohoEndpoints.withAccountsUrl"));
    }
    return endpoints.accountsUrl(token.dataCenter() != null ? token.dataCenter() : client.dataCenter());
  }

  Map<String, String> clientAuthentication() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", client.clientId());
    if (client.clientSecret() != null) {
      form.put("client_secret", client.clientSecret().reveal());
    }
    return form;
  }

  /** {@link #renew}, telling the {@link TokenRenewalListener} how it went. */
  private ZohoToken renewAndTell(TokenKey key, StoredToken stored) {
    if (renewalListener == null) {
      return renew(key, stored);
    }
    ZohoToken renewed;
    try {
      renewed = renew(key, stored);
    } catch (RuntimeException e) {
      tell(() -> renewalListener.renewalFailed(key, e));
      throw e;
    }
    tell(() -> renewalListener.renewed(key, renewed));
    return renewed;
  }

  private void tell(Runnable notification) {
    try {
      notification.run();
    } catch (RuntimeException e) {
      log.warn("The token renewal listener {} failed; ignored: {}", renewalListener, e.toString());
    }
  }

  /**
   * Refuses at once, with no request and no refresh lease, to renew a token whose refresh token Zoho declared dead:
   * only a new token (a new login, a new grant token) helps.
   */
  private void refuseIfDead(TokenKey key, StoredToken stored) {
    ZohoToken old = stored.token();
    if (old.hasRefreshToken() && isDead(old)) {
      throw new ReauthorizationRequiredException("invalid_code", "Not renewing the token of " + key + ": Zoho "
          + "declared its refresh token dead" + (old.refreshTokenRejectedAt() != null ? " at "
          + old.refreshTokenRejectedAt() : "") + " ('invalid_code'). " + OAuthErrors.DEAD_REFRESH_TOKEN
          + " No request was sent. " + OAuthErrors.howToReauthorize(client.type()), null);
    }
  }

  /** How the token manager obtains a new token when the stored one cannot be used. */
  private ZohoToken renew(TokenKey key, StoredToken stored) {
    ZohoToken old = stored == null ? null : stored.token();
    if (old != null && old.hasRefreshToken()) {
      refuseIfDead(key, stored);
      return refresh(key, old);
    }
    if (clientCredentials != null) {
      SelfClientFlow flow = new SelfClientFlow(this);
      return budget.request(clientCredentials.budgetKey, clock::instant,
          "requesting a client-credentials token for " + key,
          () -> flow.requestClientCredentials(clientCredentials.scopes, clientCredentials.soid));
    }
    String what = old == null ? "No token is stored for " + key + " in " + store
        : "The token of " + key + " expired and has no refresh token";
    switch (client.type()) {
      case CLIENT_BASED:
        throw new ReauthorizationRequiredException(what + ". Client-based apps get no refresh token: send the user "
            + "to Zoho to authorize again", new ImplicitFlow(this).reauthorization(old));
      case SELF_CLIENT:
        throw new ReauthorizationRequiredException(what + ". Exchange a grant token first (mvn zoho:bootstrap-token "
            + "-Dzoho.grantToken=..., or SelfClientFlow.exchangeGrantToken), or configure clientCredentials(soid, "
            + "scopes) for tokens without a refresh token", null);
      case NON_BROWSER:
        throw new ReauthorizationRequiredException(what + ". Log in with the device flow first (mvn "
            + "zoho:device-login, or DeviceFlow.login) with AccessType.OFFLINE", null);
      default:
        throw new ReauthorizationRequiredException(what + ". Send the user through the authorization code flow "
            + "(AuthorizationCodeFlow.authorize) with AccessType.OFFLINE to get a refresh token", null);
    }
  }

  private ZohoToken refresh(TokenKey key, ZohoToken old) {
    HttpUrl server = accountsServerFor(old);
    Map<String, String> form = clientAuthentication();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", old.refreshToken().reveal());
    log.debug("Refreshing the access token of {} at {}", key, server);
    ZohoToken fresh;
    try {
      fresh = budget.request(old.refreshToken(), clock::instant, "refreshing the access token of " + key,
          () -> requestToken(server, form, OAuthErrors.Request.REFRESH, old.dataCenter()));
    } catch (ReauthorizationRequiredException e) {
      markDead(key, old);
      throw e;
    }
    // Zoho does not rotate refresh tokens: keep the old one unless the answer carries one, and keep what the
    // refresh answer leaves out.
    return fresh.toBuilder()
        .refreshToken(fresh.hasRefreshToken() ? fresh.refreshToken() : old.refreshToken())
        .scopes(fresh.scopes().isEmpty() ? old.scopes() : fresh.scopes())
        .apiDomain(fresh.apiDomain() != null ? fresh.apiDomain() : old.apiDomain())
        .accountsServer(old.accountsServer() != null ? old.accountsServer() : fresh.accountsServer())
        .dataCenter(fresh.dataCenter() != null ? fresh.dataCenter() : old.dataCenter())
        // an id_token in a refresh answer carries no nonce to check: keep the one verified at login
        .idToken(old.idToken())
        .build();
  }

  /**
   * Zoho declared {@code old}'s refresh token dead: remember it in this process, and in the stored record (if it
   * still holds that refresh token) so that other processes do not send it either.
   */
  private void markDead(TokenKey key, ZohoToken old) {
    budget.dead(old.refreshToken(), clock.instant());
    try {
      Optional<StoredToken> now = store.load(key);
      if (now.isPresent() && old.refreshToken().equals(now.get().token().refreshToken())
          && now.get().token().refreshTokenRejectedAt() == null) {
        store.compareAndSet(key, now.get().version(),
            now.get().token().toBuilder().refreshTokenRejectedAt(clock.instant()).build());
      }
    } catch (TokenStoreException e) {
      log.warn("Could not record in {} that Zoho declared the refresh token of {} dead: {}", store, key,
          e.getMessage());
    }
    log.error("Zoho declared the refresh token of {} dead (invalid_code); it will not be sent again. {}", key,
        OAuthErrors.howToReauthorize(client.type()));
  }

  @Override
  public String toString() {
    return "ZohoOAuth{" + client + ", store=" + store + "}";
  }

  /** Client-credentials settings: the organisation ({@code soid}) and scopes. */
  static final class ClientCredentials {
    final String soid;
    final List<Scope> scopes;
    /** The key of these settings in the refresh budget. */
    final String budgetKey;

    ClientCredentials(String soid, List<Scope> scopes) {
      this.soid = soid;
      this.scopes = scopes;
      this.budgetKey = "client_credentials " + soid + " " + Scope.join(scopes);
    }
  }

  /** Configures a {@link ZohoOAuth}; {@link #build()} validates everything for the client type. */
  public static final class Builder {
    private final ClientType type;
    private String clientId;
    private String clientSecret;
    private String redirectUri;
    private DataCenter dataCenter = DataCenter.US;
    private ZohoEndpoints endpoints = ZohoEndpoints.zoho();
    private OkHttpClient httpClient;
    private ObjectMapper objectMapper;
    private Clock clock = Clock.systemUTC();
    private TokenStore tokenStore;
    private Duration refreshMargin = Duration.ofMinutes(5);
    private int refreshLimit = 10;
    private Duration refreshWindow = Duration.ofMinutes(10);
    private Duration leaseTimeout;
    private Duration accountsTimeout = Duration.ofSeconds(30);
    private ClientCredentials clientCredentials;
    private boolean pkce;
    private Duration slowDownInterval = Duration.ofSeconds(30);
    private Sleeper sleeper = Sleeper.REAL;
    private TokenRenewalListener renewalListener;
    private IdTokenVerifier idTokenVerifier;

    private Builder(ClientType type) {
      this.type = Objects.requireNonNull(type, "client type");
    }

    public Builder clientId(String clientId) {
      this.clientId = clientId;
      return this;
    }

    public Builder clientSecret(String clientSecret) {
      this.clientSecret = clientSecret;
      return this;
    }

    public Builder redirectUri(String redirectUri) {
      this.redirectUri = redirectUri;
      return this;
    }

    /** The data centre the client is registered in and authorizations start at. Default {@link DataCenter#US}. */
    public Builder dataCenter(DataCenter dataCenter) {
      this.dataCenter = Objects.requireNonNull(dataCenter, "dataCenter");
      return this;
    }

    /** Overrides Zoho's URLs (a fake Zoho in tests, a proxy). Default: Zoho's real servers. */
    public Builder endpoints(ZohoEndpoints endpoints) {
      this.endpoints = Objects.requireNonNull(endpoints, "endpoints");
      return this;
    }

    /** The HTTP client for Zoho Accounts and API calls (its pool, timeouts, proxy). Default: a new one. */
    public Builder httpClient(OkHttpClient httpClient) {
      this.httpClient = Objects.requireNonNull(httpClient, "httpClient");
      return this;
    }

    /** The Jackson mapper for Zoho's JSON. Default: a new {@link ObjectMapper}. */
    public Builder objectMapper(ObjectMapper objectMapper) {
      this.objectMapper = Objects.requireNonNull(objectMapper, "objectMapper");
      return this;
    }

    /** Where tokens are kept. Default: the shared file {@link TokenStores#defaultFile()}. */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
      return this;
    }

    /** The clock token expiry is judged by. Default: the system clock. */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How long before expiry a token is renewed. Default 5 minutes (Zoho's tokens live an hour). */
    public Builder refreshMargin(Duration refreshMargin) {
      if (refreshMargin.isNegative()) {
        throw new IllegalArgumentException("the refresh margin must not be negative, was " + refreshMargin);
      }
      this.refreshMargin = refreshMargin;
      return this;
    }

    /**
     * Zoho's budget of access tokens per refresh token: zohokit refuses to request more than {@code limit} in any
     * {@code window}. Default 10 per 10 minutes, Zoho's documented limit.
     */
    public Builder refreshBudget(int limit, Duration window) {
      this.refreshLimit = limit;
      this.refreshWindow = Objects.requireNonNull(window, "window");
      return this;
    }

    /**
     * How long one process may hold the refresh lease of a shared store. It must be longer than the
     * {@linkplain #accountsTimeout accounts call timeout}; default: that timeout plus 10 seconds (40 seconds).
     */
    public Builder leaseTimeout(Duration leaseTimeout) {
      this.leaseTimeout = Objects.requireNonNull(leaseTimeout, "leaseTimeout");
      return this;
    }

    /**
     * The most one call to Zoho Accounts may take, from connecting to reading the last byte of the answer (a server
     * that trickles its answer cannot hold a caller longer). A caller waiting for another thread's or process's
     * renewal waits at most this long plus 5 seconds. Default 30 seconds.
     */
    public Builder accountsTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("the accounts call timeout must be positive, was " + timeout);
      }
      this.accountsTimeout = timeout;
      return this;
    }

    /**
     * Self clients: obtain tokens with the client-credentials grant for organisation {@code soid}
     * ({@code ZohoCRM.<orgId>}, or just the org id; null when the service has a single organisation) and
     * {@code scopes}. Such tokens have no refresh token; zohokit requests a new one when the current one expires,
     * within the same budget and throttle memory as refreshes.
     */
    public Builder clientCredentials(String soid, Collection<String> scopes) {
      this.clientCredentials = new ClientCredentials(SelfClientFlow.normalizeSoid(soid), parseScopes(scopes));
      return this;
    }

    /**
     * {@link #clientCredentials(String, Collection)} without {@code soid}, for a service with a single organisation
     * (Zoho answers {@code missing_org_info} when it needs one).
     */
    public Builder clientCredentials(Collection<String> scopes) {
      return clientCredentials(null, scopes);
    }

    /** Server-based clients: also use PKCE (S256). Mobile clients always do. */
    public Builder pkce(boolean pkce) {
      this.pkce = pkce;
      return this;
    }

    /**
     * Device flow: the shortest time between two polls, whatever interval the server names (a longer one is
     * kept); each {@code slow_down} adds 5 seconds. Default 30 seconds, Zoho's documented rule (at most one poll
     * per 30 seconds); lower it only against a fake Zoho.
     */
    public Builder deviceSlowDownInterval(Duration interval) {
      this.slowDownInterval = Objects.requireNonNull(interval, "interval");
      return this;
    }

    /** Told of every token renewal and its outcome (metrics, alerts). Default: none. */
    public Builder renewalListener(TokenRenewalListener renewalListener) {
      this.renewalListener = Objects.requireNonNull(renewalListener, "renewalListener");
      return this;
    }

    /**
     * How the flows verify id_tokens. Default: against the key set of the accounts server that issued the token
     * ({@code <accounts server>/oauth/v2/keys}), fetched on first use and refreshed when Zoho rotates its keys.
     */
    public Builder idTokenVerifier(IdTokenVerifier verifier) {
      this.idTokenVerifier = Objects.requireNonNull(verifier, "verifier");
      return this;
    }

    Builder sleeper(Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    public ZohoOAuth build() {
      return new ZohoOAuth(this);
    }
  }

  static List<Scope> parseScopes(Collection<String> scopes) {
    Objects.requireNonNull(scopes, "scopes");
    List<Scope> parsed = new ArrayList<>();
    for (String scope : scopes) {
      parsed.addAll(Scope.parseList(scope));
    }
    if (parsed.isEmpty()) {
      throw new IllegalArgumentException("no scopes given; name at least one, for example ZohoCRM.modules.ALL");
    }
    return parsed;
  }
}

package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.auth.ZohoEndpoints;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A fake Zoho — Accounts and CRM v8 — over real HTTP on loopback, one server per data centre, that behaves like
 * Zoho where integrations break: single-use grant codes that expire, refresh throttling and token eviction,
 * device-flow states, per-data-centre tokens, scope checks with Zoho's error bodies, 204 for empty pages, the
 * 2,000-record paging wall, per-record batch results.
 *
 * <pre>{@code
 * try (FakeZoho fake = FakeZoho.start()) {
 *   FakeClient client = fake.registerSelfClient();
 *   String code = fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL"));
 *   ZohoOAuth oauth = ZohoOAuth.selfClient(client.clientId(), client.clientSecret())
 *       .endpoints(fake.endpoints()).tokenStore(TokenStores.inMemory()).build();
 *   oauth.selfClientFlow().exchangeGrantToken(code);
 *   ...
 *   assertThat(fake.count("token:refresh_token")).isEqualTo(1);
 * }
 * }</pre>
 *
 * Tests control it directly (register clients, mint grant codes, approve device logins, move the clock, expire
 * tokens, inject faults, read counters and the request log), or over HTTP at {@link #controlUrl()} when it runs
 * standalone ({@link FakeZohoMain}).
 */
public final class FakeZoho implements AutoCloseable {
  static {
    // Answers are written in two parts; without TCP_NODELAY a pooled client waits ~40 ms for a delayed ACK.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private final Map<DataCenter, HttpServer> servers = new EnumMap<>(DataCenter.class);
  private final Map<DataCenter, String> urls = new EnumMap<>(DataCenter.class);
  private final ExecutorService executor;
  private final FakeClock clock = new FakeClock();
  private final Ids ids = new Ids();
  private final IdTokens idTokens = new IdTokens();
  private final Accounts accounts;
  private final Crm crm;
  private final FakeSync sync;
  private final FakeNotifications notifications;
  private final BulkEndpoints bulkEndpoints;
  private final AccountsEndpoints accountsEndpoints;
  private final CrmEndpoints crmEndpoints;
  private final ControlEndpoints controlEndpoints;
  private final Observations observations = new Observations();
  private final Faults faults = new Faults(observations);
  private final ApiAllowance allowance;
  private final Map<DataCenter, FakeUser> admins = new EnumMap<>(DataCenter.class);
  private final DataCenter home;
  private volatile String browserUser;
  private final CountDownLatch closed = new CountDownLatch(1);

  private FakeZoho(Builder b) throws IOException {
    this.accounts = new Accounts(clock, new Accounts.Settings(b.limits, b.accessTokenLifetime, b.browserCodeLifetime,
        b.selfClientCodeLifetime, b.deviceCodeLifetime, b.deviceInterval, b.deviceSlowDownWindow));
    this.crm = new Crm(ids, clock);
    this.sync = new FakeSync(crm);
    this.notifications = new FakeNotifications(this, crm, clock);
    this.allowance = new ApiAllowance(clock, b.dataCenters, b.apiRequestsPerMinute, b.apiCreditsPerDay);
    this.allowance.concurrency(b.apiConcurrency, b.heavyApiConcurrency);
    this.allowance.latency(b.apiLatency);
    this.accountsEndpoints = new AccountsEndpoints(this, accounts, b.oauthErrorStatus);
    this.crmEndpoints = new CrmEndpoints(this, accounts, crm, allowance);
    this.controlEndpoints = new ControlEndpoints(this);
    this.bulkEndpoints = new BulkEndpoints(this, accounts, crm, allowance, sync);
    this.home = b.dataCenters.get(0);
    this.executor = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, "fake-zoho");
      thread.setDaemon(true);
      return thread;
    });
    InetAddress loopback = InetAddress.getLoopbackAddress();
    boolean first = true;
    try {
      for (DataCenter dc : b.dataCenters) {
        HttpServer server = HttpServer.create(new InetSocketAddress(loopback, first ? b.port : 0), 1024);
        server.createContext("/", exchange -> handle(dc, exchange));
        server.setExecutor(executor);
        server.start();
        servers.put(dc, server);
        urls.put(dc, "http://" + loopback.getHostAddress() + ":" + server.getAddress().getPort());
        first = false;
      }
    } catch (IOException e) {
      close();
      throw e;
    }
    for (DataCenter dc : b.dataCenters) {
      FakeUser admin = accounts.addUser(dc == home ? "ann@zylker.example" : "admin." + dc.location() + "@zylker.example",
          dc == home ? "Ann Lee" : "Admin " + dc.name(), dc);
      admins.put(dc, admin);
      crm.addOrg(dc, admin, b.seedLeads);
      if (b.schema != null) {
        OrgSchemas.install(crm, dc, b.schema);
      }
    }
    this.browserUser = admins.get(home).email();
  }

  /**
   * A fake with the default settings: US and EU data centres, Zoho's limits, 25 seeded leads each.
   *
   * @return the running fake, on free loopback ports; close it to stop its servers
   * @throws IllegalStateException when a server cannot listen
   */
  public static FakeZoho start() {
    return builder().start();
  }

  /**
   * A builder with Zoho's defaults: US and EU data centres, Zoho's limits and lifetimes, 25 seeded leads.
   *
   * @return a new builder; {@link Builder#start()} starts the fake
   */
  public static Builder builder() {
    return new Builder();
  }

  // ---- addresses ----

  /**
   * The base URL of {@code dc}'s server: its accounts server and API domain at once.
   *
   * @param dc a data centre this fake serves
   * @return {@code http://} the loopback address and port, such as {@code http://127.0.0.1:43210}; no trailing slash
   * @throws IllegalArgumentException when the fake does not serve {@code dc}
   */
  public String baseUrl(DataCenter dc) {
    String url = urls.get(dc);
    if (url == null) {
      throw new IllegalArgumentException("this fake does not serve " + dc + "; it serves " + urls.keySet());
    }
    return url;
  }

  /**
   * The data centres served, the first being where clients are registered.
   *
   * @return a new list, in the order the builder was given
   */
  public List<DataCenter> dataCenters() {
    return new ArrayList<>(urls.keySet());
  }

  /**
   * Where clients are registered and authorizations start.
   *
   * @return the first data centre of {@link Builder#dataCenters}, {@link DataCenter#US} by default
   */
  public DataCenter homeDataCenter() {
    return home;
  }

  /**
   * Endpoints that send each served data centre's accounts and API calls to this fake; data centres it does not
   * serve keep Zoho's real addresses.
   *
   * @return endpoints for {@code ZohoOAuth}'s builder
   */
  public ZohoEndpoints endpoints() {
    ZohoEndpoints endpoints = ZohoEndpoints.zoho();
    for (Map.Entry<DataCenter, String> e : urls.entrySet()) {
      endpoints = endpoints.withAccountsUrl(e.getKey(), e.getValue()).withApiBase(e.getKey(), e.getValue());
    }
    return endpoints;
  }

  /**
   * The JSON control API, for standalone use ({@link FakeZohoMain}).
   *
   * @return the home data centre's base URL followed by {@code /_fake}
   */
  public String controlUrl() {
    return baseUrl(home) + "/_fake";
  }

  // ---- clients and users ----

  /**
   * Registers a client the way the API Console does, in the home data centre, with a new client id and (for every
   * type but client-based apps) a new secret.
   *
   * @param type the kind of client; not null
   * @param name the name the consent page shows
   * @param redirectUris where the authorization pages may redirect; compared exactly. At least one for types that
   *     redirect ({@link ClientType#usesRedirectUri()}); not null
   * @param javascriptDomains origins such as {@code http://localhost:8080} that get CORS answers; not null
   * @return the registered client, with its id and secret
   * @throws IllegalArgumentException when {@code type} needs a redirect URI and none is given
   */
  public FakeClient registerClient(ClientType type, String name, List<String> redirectUris,
      List<String> javascriptDomains) {
    Objects.requireNonNull(type, "type");
    if (type.usesRedirectUri() && redirectUris.isEmpty()) {
      throw new IllegalArgumentException("a " + type.displayName() + " client needs a redirect URI");
    }
    return accounts.register(new FakeClient(Ids.clientId(), type.hasClientSecret() ? Ids.clientSecret() : null, type,
        name, redirectUris, javascriptDomains, home));
  }

  /**
   * Registers a self client (grant codes from {@link #generateGrantCode}, client credentials).
   *
   * @return the client, with its id and secret
   */
  public FakeClient registerSelfClient() {
    return registerClient(ClientType.SELF_CLIENT, "Self Client", List.of(), List.of());
  }

  /**
   * Registers a server-based client (authorization code) that may redirect to {@code redirectUri}.
   *
   * @param redirectUri the one redirect URI, compared exactly
   * @return the client, with its id and secret
   */
  public FakeClient registerServerBasedClient(String redirectUri) {
    return registerClient(ClientType.SERVER_BASED, "Web App", List.of(redirectUri), List.of());
  }

  /**
   * Registers a client-based app (implicit grant, no secret); {@code javascriptDomain} (an origin such as
   * {@code http://localhost:8080}) gets CORS.
   *
   * @param redirectUri the one redirect URI, compared exactly
   * @param javascriptDomain the origin the app's pages run on, scheme, host and port
   * @return the client, with its id and no secret
   */
  public FakeClient registerClientBasedClient(String redirectUri, String javascriptDomain) {
    return registerClient(ClientType.CLIENT_BASED, "JS App", List.of(redirectUri), List.of(javascriptDomain));
  }

  /**
   * Registers a non-browser client (device flow).
   *
   * @return the client, with its id and secret
   */
  public FakeClient registerNonBrowserClient() {
    return registerClient(ClientType.NON_BROWSER, "CLI", List.of(), List.of());
  }

  /**
   * Registers a mobile client (authorization code with PKCE) that may redirect to {@code redirectUri}.
   *
   * @param redirectUri the one redirect URI, compared exactly
   * @return the client, with its id and secret
   */
  public FakeClient registerMobileClient(String redirectUri) {
    return registerClient(ClientType.MOBILE, "Mobile App", List.of(redirectUri), List.of());
  }

  /**
   * The registered client with this id, or null when there is none.
   *
   * @param clientId the client id; null finds nothing
   * @return the client, or null
   */
  public FakeClient client(String clientId) {
    return accounts.client(clientId);
  }

  /**
   * The administrator of the home organisation, signed in to the fake's consent page by default.
   *
   * @return {@code ann@zylker.example}, whose account lives in the home data centre
   */
  public FakeUser defaultUser() {
    return admins.get(home);
  }

  /**
   * Adds a user whose account lives in {@code dc}; authorizations for them must be completed at {@code dc}'s
   * accounts server. Adding an email a second time replaces that user with a new one (a new ZUID).
   *
   * @param email the sign-in address, matched without regard to case
   * @param fullName the full name, such as {@code Sam Lee}
   * @param dc the user's data centre; one this fake serves
   * @return the user, with a new ZUID
   * @throws IllegalArgumentException when the fake does not serve {@code dc}
   */
  public FakeUser addUser(String email, String fullName, DataCenter dc) {
    baseUrl(dc);
    return accounts.addUser(email, fullName, dc);
  }

  /**
   * Every user of the fake, in every data centre (see {@link #defaultUser()}).
   *
   * @return a new list: each data centre's administrator and the users added since
   */
  public List<FakeUser> users() {
    return accounts.users();
  }

  /**
   * The user the consent pages sign in as unless another is picked.
   *
   * @param user a user of this fake, for example from {@link #addUser}; not null
   */
  public void signInAs(FakeUser user) {
    this.browserUser = user.email();
  }

  String browserUser() {
    return browserUser;
  }

  // ---- what the API Console and the user do ----

  /**
   * What the API Console's "Generate Code" does for a self client: a grant code for {@code scopes} (3 minutes),
   * for the {@link #defaultUser()}'s organisation. The code is single-use.
   *
   * @param client a self client of this fake
   * @param scopes scopes such as {@code ZohoCRM.modules.ALL}; an element may hold several, separated by commas
   *     or spaces
   * @return the grant code, for {@code SelfClientFlow.exchangeGrantToken}
   * @throws IllegalArgumentException when {@code client} is not a self client, or a scope is malformed
   * @throws IllegalStateException when Zoho would refuse the code (the client's limit of grant codes per window)
   */
  public String generateGrantCode(FakeClient client, Collection<String> scopes) {
    return generateGrantCode(client, scopes, null, defaultUser());
  }

  /**
   * A self-client grant code with its own lifetime (null for the default), for {@code user}'s organisation.
   *
   * @param client a self client of this fake
   * @param scopes scopes such as {@code ZohoCRM.modules.ALL}; an element may hold several, separated by commas
   *     or spaces
   * @param lifetime how long the code stays valid on the fake's clock; null for
   *     {@link Builder#selfClientCodeLifetime}
   * @param user the user granting it; the code is exchanged at the accounts server of the user's data centre
   * @return the grant code
   * @throws IllegalArgumentException when {@code client} is not a self client, or a scope is malformed
   * @throws IllegalStateException when Zoho would refuse the code (the client's limit of grant codes per window)
   */
  public String generateGrantCode(FakeClient client, Collection<String> scopes, Duration lifetime, FakeUser user) {
    if (client.type() != ClientType.SELF_CLIENT) {
      throw new IllegalArgumentException("grant codes are generated in the API Console for self clients only");
    }
    List<Scope> parsed = new ArrayList<>();
    scopes.forEach(s -> parsed.addAll(Scope.parseList(s)));
    try {
      return accounts.issueCode(client, user, parsed, null, null, null, true, true, true,
          lifetime != null ? lifetime : accounts.settings().selfClientCodeLifetime()).code;
    } catch (OAuthError e) {
      throw new IllegalStateException("Zoho refuses the grant code: " + e.code + " (" + e.description + ")");
    }
  }

  /**
   * The user (default: {@link #defaultUser()}) approves the device login showing {@code userCode}: the next poll
   * gets the tokens.
   *
   * @param userCode the code the device flow shows the user, with or without surrounding spaces, any case
   * @throws IllegalArgumentException when no device login with that code exists or it has expired
   */
  public void approveDevice(String userCode) {
    approveDevice(userCode, defaultUser());
  }

  /**
   * Approves a pending device code as {@code user}, as if they entered it on the verification page. A user of
   * another data centre makes the poll answer {@code other_dc}, as Zoho does.
   *
   * @param userCode the code the device flow shows the user
   * @param user the user approving
   * @throws IllegalArgumentException when no device login with that code exists or it has expired
   */
  public void approveDevice(String userCode, FakeUser user) {
    accounts.decideDevice(userCode, user, true);
  }

  /**
   * The user codes of device logins waiting for approval.
   *
   * @return a new list of the codes neither approved, denied nor expired
   */
  public List<String> pendingDeviceCodes() {
    return accounts.pendingUserCodes();
  }

  /**
   * Denies a pending device code: the next poll answers {@code access_denied}.
   *
   * @param userCode the code the device flow shows the user
   * @throws IllegalArgumentException when no device login with that code exists or it has expired
   */
  public void denyDevice(String userCode) {
    accounts.decideDevice(userCode, defaultUser(), false);
  }

  // ---- time and tokens ----

  /**
   * Moves the fake's clock: codes, tokens and limit windows expire as if the time had passed. Only the fake's
   * clock moves; the client's own clock (and so its idea of when a token expires) does not.
   *
   * @param duration how far forward; a negative duration moves it back
   */
  public void advanceClock(Duration duration) {
    clock.advance(duration);
  }

  /**
   * Expires every access token now; clients learn it as 401 {@code INVALID_TOKEN}. Refresh tokens stay valid.
   *
   * @return how many tokens were still valid and are now expired
   */
  public int expireAccessTokens() {
    return accounts.expireAccessTokens();
  }

  /**
   * Whether {@code accessToken} is accepted now in {@code dc}.
   *
   * @param accessToken the token value
   * @param dc the data centre whose API is asked; a token works only in the data centre that issued it
   * @return false when the token is unknown, revoked, expired or from another data centre
   */
  public boolean isValidAccessToken(String accessToken, DataCenter dc) {
    return accounts.validAccess(accessToken, dc) != null;
  }

  /**
   * Revokes a refresh token (with every access token minted from it) or an access token, as the user removing the
   * app in Zoho's "Connected Apps" would; later refreshes with it get {@code invalid_code}. False when the fake
   * does not know {@code token} or it was already revoked.
   *
   * @param token a refresh or access token value
   * @return whether a live token was revoked
   */
  public boolean revokeToken(String token) {
    return accounts.revoke(token);
  }

  /**
   * Refresh tokens of {@code client} not revoked or evicted.
   *
   * @param client a client of this fake
   * @return how many of its refresh tokens still work, across every user and data centre
   */
  public int liveRefreshTokens(FakeClient client) {
    return accounts.liveRefreshTokens(client);
  }

  // ---- faults ----

  /**
   * The next {@code times} requests to {@code target} get {@code fault}, in any data centre. Faults queue up: a
   * second call adds its faults after those not yet used.
   *
   * @param target which requests
   * @param times how many of them; 0 or less queues nothing
   * @param fault what they get
   */
  public void failNext(Fault.Target target, int times, Fault fault) {
    faults.failNext(target, times, fault);
  }

  /**
   * The next request with exactly this method and path gets {@code fault}, in any data centre, whatever else is
   * queued; requests to other paths are not touched (for a fault on one step of a sequence, such as a Bulk Write job
   * creation after its upload).
   *
   * @param method the HTTP method, such as {@code POST}
   * @param path the path without query, such as {@code /crm/bulk/v8/write}
   * @param fault what it gets
   */
  public void failNextRequest(String method, String path, Fault fault) {
    faults.failNextRequest(method, path, fault);
  }

  /**
   * Limits CRM calls per data centre to {@code perMinute}; past it Zoho's 429 {@code TOO_MANY_REQUESTS}.
   *
   * @param perMinute calls per sliding minute of the fake's clock; 0 or less for no limit
   */
  public void limitApiRequests(int perMinute) {
    allowance.requestsPerMinute(perMinute);
  }

  /**
   * Gives each organisation {@code perDay} API credits; past half of them answers carry X-API-CREDITS-REMAINING.
   * Each CRM call costs one; once all are spent, calls get 429 {@code TOO_MANY_REQUESTS}. The credits spent are
   * counted for the fake's lifetime: they do not come back at midnight or when the clock moves.
   *
   * @param perDay the credits; 0 or less for no limit
   */
  public void apiCredits(int perDay) {
    allowance.creditsPerDay(perDay);
  }

  /**
   * Limits each organisation's CRM calls in flight at once, as Zoho does by edition (Free 5, Standard 10,
   * Professional 15, Enterprise 20, Ultimate 25), and its heavy calls (COQL, search, writes of more than 10 records,
   * bulk jobs, convert, mail, records by custom view, composite) to their own pool (Zoho: 10); past either, Zoho's
   * 429 {@code TOO_MANY_REQUESTS}, counted under {@code limit:concurrency} ({@link #count}).
   *
   * @param calls concurrent calls per organisation; 0 or less for no limit
   * @param heavyCalls concurrent heavy calls per organisation; 0 or less for no limit
   */
  public void limitConcurrency(int calls, int heavyCalls) {
    allowance.concurrency(calls, heavyCalls);
  }

  /**
   * Makes every CRM call take at least {@code latency} before it is answered (it counts as in flight meanwhile), so
   * that concurrency limits are reached as against Zoho.
   *
   * @param latency the time, zero for none; not null
   */
  public void apiLatency(Duration latency) {
    allowance.latency(Objects.requireNonNull(latency, "latency"));
  }

  /**
   * The most CRM calls that were in flight at once in one organisation (limited or not), since the start or
   * {@link #resetObservations()}; calls refused with 429 for concurrency are not counted.
   *
   * @return the maximum concurrency observed
   */
  public int maxConcurrentCalls() {
    return allowance.maxInFlight();
  }

  /**
   * The most heavy calls in flight at once in one organisation, since the start or {@link #resetObservations()}.
   *
   * @return the maximum heavy-call concurrency observed
   */
  public int maxConcurrentHeavyCalls() {
    return allowance.maxHeavyInFlight();
  }

  /**
   * The API credits {@code dc}'s organisation spent (counted only while {@link #apiCredits} limits them), each call
   * at Zoho's price: 1, COQL 1–3 by its LIMIT, 1 per 10 records written, 50 per Bulk Read job, 500 per Bulk Write
   * job, ...
   *
   * @param dc a data centre this fake serves
   * @return the credits spent in the fake's lifetime
   */
  public int apiCreditsUsed(DataCenter dc) {
    return allowance.creditsUsed(dc);
  }

  // ---- observation ----

  /**
   * How many requests of a kind arrived: {@code token:authorization_code}, {@code token:refresh_token},
   * {@code token:client_credentials}, {@code revoke}, {@code device:code}, {@code device:token}, or
   * {@code crm:GET /crm/v8/Leads} (method and path).
   *
   * @param key the kind of request
   * @return how many arrived since the start or {@link #resetObservations()}; 0 for a key never seen
   */
  public int count(String key) {
    return observations.count(key);
  }

  /**
   * Every counter, sorted by key.
   *
   * @return a copy: key to count, only keys seen at least once
   */
  public Map<String, Integer> counters() {
    return observations.counters();
  }

  /**
   * Every request so far, in arrival order, except those to the control API.
   *
   * @return a copy of the request log since the start or {@link #resetObservations()}
   */
  public List<RecordedCall> requests() {
    return observations.requests();
  }

  /** Clears the counters and the request log. */
  public void resetObservations() {
    observations.reset();
    allowance.resetObservations();
  }

  // ---- CRM data ----

  /**
   * Adds {@code count} realistic records to {@code module} of {@code dc}'s organisation.
   *
   * @param dc a data centre this fake serves
   * @param module {@code Leads}, {@code Contacts}, {@code Accounts} or {@code Deals}, any case
   * @param count how many; 0 or less adds none
   * @return the new records' ids, in order
   * @throws IllegalArgumentException when the fake does not serve {@code dc} or has no such module
   */
  public List<String> seedRecords(DataCenter dc, String module, int count) {
    return crm.seed(dc, module, count);
  }

  /**
   * A copy of the records of {@code module} in {@code dc}'s organisation, as JSON objects.
   *
   * @param dc a data centre this fake serves
   * @param module the module's API name, any case
   * @return deep copies in id order, every field included; changing them changes nothing in the fake
   * @throws IllegalArgumentException when the fake does not serve {@code dc} or has no such module
   */
  public List<JsonNode> records(DataCenter dc, String module) {
    return new ArrayList<>(crm.records(dc, module));
  }

  /**
   * The organisation id of {@code dc} (what {@code soid=ZohoCRM.<id>} names).
   *
   * @param dc a data centre this fake serves
   * @return the id {@code GET /crm/v8/org} answers with there
   * @throws IllegalArgumentException when the fake does not serve {@code dc}
   */
  public String orgId(DataCenter dc) {
    return crm.orgInfo(dc).get("id").asText();
  }

  /**
   * What a data-sync test needs: many records, changes behind the client's back, deletes, conversions, and Zoho's
   * sync limits (page tokens, bulk jobs) lowered to reach them quickly.
   *
   * @return this fake's sync controls, the same instance each time
   */
  public FakeSync sync() {
    return sync;
  }

  /**
   * Zoho's Notification API: watch channels (expired and deleted on the fake's clock), and notifications posted to
   * their loopback {@code notify_url} after records are written or deleted through the records API.
   *
   * @return this fake's notification controls, the same instance each time
   */
  public FakeNotifications notifications() {
    return notifications;
  }

  // ---- internals ----

  FakeClock clock() {
    return clock;
  }

  IdTokens idTokens() {
    return idTokens;
  }

  Crm crm() {
    return crm;
  }

  Accounts accounts() {
    return accounts;
  }

  FakeUser orgAdmin(DataCenter dc) {
    return admins.get(dc);
  }

  void increment(String key) {
    observations.increment(key);
  }

  private void handle(DataCenter dc, HttpExchange exchange) throws IOException {
    Runnable admitted = null;
    try {
      Http http = Http.of(exchange);
      if (!http.path.startsWith("/_fake")) {
        observations.record(new RecordedCall(dc, http.method, http.path, http.params()));
      }
      if (faults.apply(http)) {
        return;
      }
      if (http.path.startsWith("/crm/")) {
        // the organisation's concurrent calls and heavy calls (off by default): past them, 429 (ApiAllowance)
        admitted = allowance.admit(dc, http);
        if (admitted == null) {
          observations.increment("limit:concurrency");
          new ZohoError(429, "TOO_MANY_REQUESTS", "too many requests").answer(http);
          return;
        }
        http.beforeAnswer = admitted;
      }
      if (http.path.startsWith("/oauth/") || http.path.startsWith("/.well-known/")) {
        accountsEndpoints.handle(dc, http);
      } else if (BulkEndpoints.handles(http)) {
        bulkEndpoints.handle(dc, http);
      } else if (http.path.startsWith("/crm/")) {
        crmEndpoints.handle(dc, http);
      } else if (http.path.equals("/_fake") || http.path.startsWith("/_fake/")) {
        controlEndpoints.handle(http);
      } else {
        ZohoError.invalidUrl().answer(http);
      }
    } catch (RuntimeException | IOException e) {
      try {
        ObjectNode body = Http.JSON.createObjectNode().put("code", "INTERNAL_ERROR");
        body.putObject("details").put("fake_error", String.valueOf(e));
        body.put("message", "Internal Server Error").put("status", "error");
        Http.of(exchange).json(500, body);
      } catch (IOException | RuntimeException ignored) {
        exchange.close();
      }
    } finally {
      if (admitted != null) {
        admitted.run();
      }
      exchange.close();
    }
  }

  /** Stops every server. */
  @Override
  public void close() {
    for (HttpServer server : servers.values()) {
      server.stop(0);
    }
    executor.shutdownNow();
    notifications.close();
    closed.countDown();
  }

  /**
   * Waits until the fake is closed (by {@link #close()} or the control API's {@code /_fake/shutdown}).
   *
   * @throws InterruptedException when the waiting thread is interrupted; the fake keeps running
   */
  public void awaitClosed() throws InterruptedException {
    closed.await();
  }

  @Override
  public String toString() {
    return "FakeZoho" + urls;
  }

  /** Configures a {@link FakeZoho}. */
  public static final class Builder {
    private List<DataCenter> dataCenters = List.of(DataCenter.US, DataCenter.EU);
    private int port;
    private Limits limits = Limits.zoho();
    private Duration accessTokenLifetime = Duration.ofHours(1);
    private Duration browserCodeLifetime = Duration.ofMinutes(2);
    private Duration selfClientCodeLifetime = Duration.ofMinutes(3);
    private Duration deviceCodeLifetime = Duration.ofMinutes(5);
    private OrgSchemas.Schema schema;
    private Duration deviceInterval = Duration.ofSeconds(5);
    private Duration deviceSlowDownWindow = Duration.ofSeconds(30);
    private int oauthErrorStatus = 200;
    private int seedLeads = 25;
    private int apiRequestsPerMinute;
    private int apiCreditsPerDay;
    private int apiConcurrency;
    private int heavyApiConcurrency;
    private Duration apiLatency = Duration.ZERO;

    private Builder() {}

    /**
     * The data centres to serve, each on its own port; the first is where clients are registered.
     *
     * @param dataCenters one or more, without repeats (a repeat still gets one server)
     * @return this builder
     * @throws IllegalArgumentException when none is given
     */
    public Builder dataCenters(DataCenter... dataCenters) {
      if (dataCenters.length == 0) {
        throw new IllegalArgumentException("serve at least one data centre");
      }
      this.dataCenters = List.of(dataCenters);
      return this;
    }

    /**
     * The port of the first data centre's server (0, the default, picks a free one); the others always get free
     * ports.
     *
     * @param port 0 to 65535
     * @return this builder
     */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /**
     * Zoho's limits to enforce (refreshes per window, live tokens, grant codes); Zoho's own by default.
     *
     * @param limits the limits, for example {@code Limits.zoho().withAccessTokensPerRefreshToken(2)}; not null
     * @return this builder
     */
    public Builder limits(Limits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * Access token lifetime (Zoho: 1 hour), on the fake's clock.
     *
     * @param lifetime how long a new access token is accepted; also the {@code expires_in} the fake answers with;
     *     not null
     * @return this builder
     */
    public Builder accessTokenLifetime(Duration lifetime) {
      this.accessTokenLifetime = lifetime;
      return this;
    }

    /**
     * Grant code lifetime of browser flows (Zoho's Accounts pages: 2 minutes).
     *
     * @param lifetime how long a code from the consent page can be exchanged; not null
     * @return this builder
     */
    public Builder browserCodeLifetime(Duration lifetime) {
      this.browserCodeLifetime = lifetime;
      return this;
    }

    /**
     * Default lifetime of self-client grant codes (the API Console's default: 3 minutes).
     *
     * @param lifetime how long a code from {@link FakeZoho#generateGrantCode} can be exchanged; not null
     * @return this builder
     */
    public Builder selfClientCodeLifetime(Duration lifetime) {
      this.selfClientCodeLifetime = lifetime;
      return this;
    }

    /**
     * Device user code lifetime (Zoho: 5 minutes).
     *
     * @param lifetime how long a device login can be approved and polled; not null
     * @return this builder
     */
    public Builder deviceCodeLifetime(Duration lifetime) {
      this.deviceCodeLifetime = lifetime;
      return this;
    }

    /**
     * The polling interval the device flow announces (Zoho: 5000 ms).
     *
     * @param interval the {@code interval} of the device-code answer; not null. Polls are throttled by
     *     {@link #deviceSlowDownWindow}, not by this
     * @return this builder
     */
    public Builder deviceInterval(Duration interval) {
      this.deviceInterval = interval;
      return this;
    }

    /**
     * Two device polls closer than this get {@code slow_down} (Zoho: 30 seconds). Lower it to keep tests fast.
     *
     * @param window the least time between two polls of one device login; {@link Duration#ZERO} never throttles;
     *     not null
     * @return this builder
     */
    public Builder deviceSlowDownWindow(Duration window) {
      this.deviceSlowDownWindow = window;
      return this;
    }

    /**
     * The HTTP status of OAuth error answers: 200 as Zoho mostly sends (default), or 400.
     *
     * @param status the status of the token and device endpoints' OAuth errors; the token throttle always answers
     *     400
     * @return this builder
     */
    public Builder oauthErrorStatus(int status) {
      this.oauthErrorStatus = status;
      return this;
    }

    /**
     * Leads seeded in each organisation (default 25).
     *
     * @param count how many {@code Leads} records each data centre's organisation starts with; 0 for none
     * @return this builder
     */
    public Builder seedLeads(int count) {
      this.seedLeads = count;
      return this;
    }

    /**
     * CRM requests per minute per organisation before 429 (default: unlimited); see
     * {@link FakeZoho#limitApiRequests}.
     *
     * @param perMinute calls per sliding minute; 0 or less for no limit
     * @return this builder
     */
    public Builder apiRequestsPerMinute(int perMinute) {
      this.apiRequestsPerMinute = perMinute;
      return this;
    }

    /**
     * API credits per organisation (default: unlimited); see {@link FakeZoho#apiCredits}.
     *
     * @param credits credits for the fake's lifetime, one per CRM call; 0 or less for no limit
     * @return this builder
     */
    public Builder apiCreditsPerDay(int credits) {
      this.apiCreditsPerDay = credits;
      return this;
    }

    /**
     * Concurrent CRM calls and heavy calls per organisation before 429 (default: unlimited); see
     * {@link FakeZoho#limitConcurrency}.
     *
     * @param calls concurrent calls; 0 or less for no limit
     * @param heavyCalls concurrent heavy calls; 0 or less for no limit
     * @return this builder
     */
    public Builder apiConcurrency(int calls, int heavyCalls) {
      this.apiConcurrency = calls;
      this.heavyApiConcurrency = heavyCalls;
      return this;
    }

    /**
     * The least time each CRM call takes (default none); see {@link FakeZoho#apiLatency}.
     *
     * @param latency the time, not null
     * @return this builder
     */
    public Builder apiLatency(Duration latency) {
      this.apiLatency = Objects.requireNonNull(latency, "latency");
      return this;
    }

    /**
     * Follows an organisation's schema snapshot (the directory {@code mvn zoho:schema} writes): the settings API
     * answers its modules and fields, its modules take records, and writes are checked against it as Zoho checks
     * them (wrong JSON type {@code INVALID_DATA}, missing system-mandatory field {@code MANDATORY_NOT_FOUND},
     * read-only fields not written, new picklist values accepted, lookups answered as {@code {"id","name"}}).
     *
     * @param directory the snapshot directory ({@code org.json}, {@code modules/*.json}), in every data centre
     * @return this builder
     * @throws java.io.UncheckedIOException when the snapshot cannot be read
     */
    public Builder schema(java.nio.file.Path directory) {
      this.schema = OrgSchemas.read(directory);
      return this;
    }

    /**
     * Starts one server per data centre on loopback; close the fake to stop them.
     *
     * @return the running fake, with each data centre's administrator and seeded leads
     * @throws IllegalStateException when a server cannot listen (for example the {@link #port} is taken); the
     *     servers already started are stopped
     */
    public FakeZoho start() {
      try {
        return new FakeZoho(this);
      } catch (IOException e) {
        throw new IllegalStateException("the fake Zoho could not start: " + e.getMessage(), e);
      }
    }
  }

  static Map<String, Object> describe(FakeZoho fake) {
    Map<String, Object> info = new LinkedHashMap<>();
    Map<String, String> dcs = new LinkedHashMap<>();
    fake.urls.forEach((dc, url) -> dcs.put(dc.location(), url));
    info.put("url", fake.baseUrl(fake.home));
    info.put("control", fake.controlUrl());
    info.put("data_centers", dcs);
    return info;
  }
}

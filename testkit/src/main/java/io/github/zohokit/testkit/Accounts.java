package io.github.zohokit.testkit;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Zoho Accounts' state: clients, users, grant codes, refresh and access tokens, device logins — and the limits
 * on them. Every method is synchronized: the fake favours being exact over being fast.
 */
final class Accounts {
  /** A grant code waiting to be exchanged. */
  static final class GrantCode {
    final String code;
    final FakeClient client;
    final FakeUser user;
    final List<Scope> scopes;
    final String redirectUri;
    final String codeChallenge;
    final String challengeMethod;
    final boolean offline;
    final boolean promptConsent;
    final boolean selfClient;
    final Instant expiresAt;
    boolean used;

    GrantCode(String code, FakeClient client, FakeUser user, List<Scope> scopes, String redirectUri,
        String codeChallenge, String challengeMethod, boolean offline, boolean promptConsent, boolean selfClient,
        Instant expiresAt) {
      this.code = code;
      this.client = client;
      this.user = user;
      this.scopes = scopes;
      this.redirectUri = redirectUri;
      this.codeChallenge = codeChallenge;
      this.challengeMethod = challengeMethod;
      this.offline = offline;
      this.promptConsent = promptConsent;
      this.selfClient = selfClient;
      this.expiresAt = expiresAt;
    }
  }

  /** A refresh token and what it minted. */
  static final class RefreshToken {
    final String value;
    final FakeClient client;
    final FakeUser user;
    final List<Scope> scopes;
    final DataCenter dc;
    final Deque<AccessToken> live = new ArrayDeque<>();
    final Deque<Instant> minted = new ArrayDeque<>();
    boolean revoked;

    RefreshToken(String value, FakeClient client, FakeUser user, List<Scope> scopes, DataCenter dc) {
      this.value = value;
      this.client = client;
      this.user = user;
      this.scopes = scopes;
      this.dc = dc;
    }
  }

  /** An access token; valid in one data centre until it expires or is revoked or evicted. */
  static final class AccessToken {
    final String value;
    final FakeClient client;
    final FakeUser user;
    final List<Scope> scopes;
    final DataCenter dc;
    volatile Instant expiresAt;
    volatile boolean revoked;

    AccessToken(String value, FakeClient client, FakeUser user, List<Scope> scopes, DataCenter dc, Instant expiresAt) {
      this.value = value;
      this.client = client;
      this.user = user;
      this.scopes = scopes;
      this.dc = dc;
      this.expiresAt = expiresAt;
    }
  }

  /** A device login. */
  static final class DeviceLogin {
    enum State { PENDING, APPROVED, DENIED }

    final String deviceCode;
    final String userCode;
    final FakeClient client;
    final List<Scope> scopes;
    final boolean offline;
    final Instant expiresAt;
    State state = State.PENDING;
    FakeUser user;
    Instant lastPoll;

    DeviceLogin(String deviceCode, String userCode, FakeClient client, List<Scope> scopes, boolean offline,
        Instant expiresAt) {
      this.deviceCode = deviceCode;
      this.userCode = userCode;
      this.client = client;
      this.scopes = scopes;
      this.offline = offline;
      this.expiresAt = expiresAt;
    }
  }

  /** Tokens issued by one request. */
  record Issued(AccessToken access, RefreshToken refresh, boolean openId) {}

  private final FakeClock clock;
  private final Settings settings;
  private final Map<String, FakeClient> clients = new LinkedHashMap<>();
  private final Map<String, FakeUser> users = new LinkedHashMap<>();
  private final Map<String, GrantCode> codes = new HashMap<>();
  private final Map<String, Deque<Instant>> codesIssued = new HashMap<>();
  private final Map<String, RefreshToken> refreshTokens = new HashMap<>();
  private final Map<String, Deque<RefreshToken>> refreshByUser = new HashMap<>();
  private final Map<String, AccessToken> accessTokens = new HashMap<>();
  private final Map<String, DeviceLogin> devices = new HashMap<>();
  private final Set<String> consents = new HashSet<>();
  private final Set<String> sessionGrants = new HashSet<>();
  private int userCounter;

  Accounts(FakeClock clock, Settings settings) {
    this.clock = clock;
    this.settings = settings;
  }

  /** What the fake is configured with. */
  record Settings(Limits limits, Duration accessTokenLifetime, Duration browserCodeLifetime,
      Duration selfClientCodeLifetime, Duration deviceCodeLifetime, Duration deviceInterval,
      Duration deviceSlowDownWindow) {}

  Settings settings() {
    return settings;
  }

  // ---- clients and users ----

  synchronized FakeClient register(FakeClient client) {
    clients.put(client.clientId(), client);
    return client;
  }

  synchronized FakeClient client(String clientId) {
    return clientId == null ? null : clients.get(clientId);
  }

  synchronized List<FakeClient> clients() {
    return new ArrayList<>(clients.values());
  }

  synchronized FakeUser addUser(String email, String name, DataCenter home) {
    userCounter++;
    FakeUser user = new FakeUser(String.valueOf(700_000_000L + userCounter), email, name, home);
    users.put(email.toLowerCase(), user);
    return user;
  }

  synchronized FakeUser user(String email) {
    return email == null ? null : users.get(email.toLowerCase());
  }

  synchronized List<FakeUser> users() {
    return new ArrayList<>(users.values());
  }

  /** Checks client id and secret; the errors Zoho gives for each. */
  synchronized FakeClient authenticate(String clientId, String secret, boolean secretRequired) {
    FakeClient client = client(clientId);
    if (client == null) {
      throw new OAuthError("invalid_client");
    }
    if (secretRequired || secret != null) {
      if (client.clientSecret() == null || secret == null || !constantTimeEquals(client.clientSecret(), secret)) {
        throw new OAuthError("invalid_client_secret");
      }
    }
    return client;
  }

  // ---- grant codes ----

  synchronized GrantCode issueCode(FakeClient client, FakeUser user, List<Scope> scopes, String redirectUri,
      String challenge, String method, boolean offline, boolean promptConsent, boolean selfClient,
      Duration lifetime) {
    Deque<Instant> issued = codesIssued.computeIfAbsent(client.clientId(), k -> new ArrayDeque<>());
    prune(issued);
    if (issued.size() >= settings.limits().grantCodesPerClient()) {
      throw new OAuthError("access_denied", "too many grant tokens for this client in the last "
          + settings.limits().refreshWindow().toMinutes() + " minutes");
    }
    issued.addLast(clock.instant());
    GrantCode code = new GrantCode(Ids.token(), client, user, scopes, redirectUri, challenge, method, offline,
        promptConsent, selfClient, clock.instant().plus(lifetime));
    codes.put(code.code, code);
    return code;
  }

  /** Exchanges a grant code at {@code dc}'s accounts server. */
  synchronized Issued exchange(FakeClient client, String code, String redirectUri, String verifier, DataCenter dc) {
    GrantCode grant = codes.get(code);
    if (grant == null || grant.used || !clock.instant().isBefore(grant.expiresAt)
        || !grant.client.clientId().equals(client.clientId()) || grant.user.homeDataCenter() != dc) {
      throw new OAuthError("invalid_code");
    }
    if (!grant.selfClient && !grant.redirectUri.equals(redirectUri)) {
      throw new OAuthError("invalid_redirect_uri");
    }
    if (grant.codeChallenge != null) {
      if (verifier == null || !grant.codeChallenge.equals(challenge(verifier, grant.challengeMethod))) {
        throw new OAuthError("invalid_code_verifier");
      }
    }
    grant.used = true;
    String consentKey = client.clientId() + "/" + grant.user.zuid();
    boolean firstConsent = consents.add(consentKey);
    boolean refresh = grant.selfClient || grant.offline && (firstConsent || grant.promptConsent);
    return issue(client, grant.user, grant.scopes, dc, refresh);
  }

  static String challenge(String verifier, String method) {
    if (method == null || method.equalsIgnoreCase("plain")) {
      return verifier;
    }
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---- tokens ----

  /** Issues an access token, and a refresh token when {@code withRefresh}. */
  synchronized Issued issue(FakeClient client, FakeUser user, List<Scope> scopes, DataCenter dc, boolean withRefresh) {
    RefreshToken refresh = null;
    if (withRefresh) {
      refresh = new RefreshToken(Ids.token(), client, user, scopes, dc);
      refreshTokens.put(refresh.value, refresh);
      Deque<RefreshToken> mine = refreshByUser.computeIfAbsent(client.clientId() + "/" + user.zuid(),
          k -> new ArrayDeque<>());
      mine.addLast(refresh);
      while (mine.size() > settings.limits().refreshTokensPerUser()) {
        revoke(mine.removeFirst());
      }
    }
    AccessToken access = mint(client, user, scopes, dc, refresh);
    return new Issued(access, refresh, openId(scopes));
  }

  private AccessToken mint(FakeClient client, FakeUser user, List<Scope> scopes, DataCenter dc, RefreshToken from) {
    AccessToken access = new AccessToken(Ids.token(), client, user, scopes, dc,
        clock.instant().plus(settings.accessTokenLifetime()));
    accessTokens.put(access.value, access);
    if (from != null) {
      from.live.addLast(access);
      while (from.live.size() > settings.limits().liveAccessTokensPerRefreshToken()) {
        from.live.removeFirst().revoked = true;
      }
    }
    return access;
  }

  /** A refresh at {@code dc}: no new refresh token, Zoho's throttle past the budget. */
  synchronized Issued refresh(FakeClient client, String refreshToken, DataCenter dc) {
    RefreshToken refresh = refreshTokens.get(refreshToken);
    if (refresh == null || refresh.revoked || !refresh.client.clientId().equals(client.clientId())
        || refresh.dc != dc) {
      throw new OAuthError("invalid_code");
    }
    prune(refresh.minted);
    if (refresh.minted.size() >= settings.limits().accessTokensPerRefreshToken()) {
      throw OAuthError.throttled();
    }
    refresh.minted.addLast(clock.instant());
    return new Issued(mint(client, refresh.user, refresh.scopes, dc, refresh), null, false);
  }

  private void prune(Deque<Instant> times) {
    Instant cutoff = clock.instant().minus(settings.limits().refreshWindow());
    while (!times.isEmpty() && !times.peekFirst().isAfter(cutoff)) {
      times.removeFirst();
    }
  }

  /** The access token if it is valid at {@code dc}; null otherwise. */
  synchronized AccessToken validAccess(String token, DataCenter dc) {
    AccessToken access = accessTokens.get(token);
    if (access == null || access.revoked || access.dc != dc || !clock.instant().isBefore(access.expiresAt)) {
      return null;
    }
    return access;
  }

  /** Revokes a refresh token (with its access tokens) or an access token; false when unknown. */
  synchronized boolean revoke(String token) {
    RefreshToken refresh = refreshTokens.get(token);
    if (refresh != null && !refresh.revoked) {
      revoke(refresh);
      return true;
    }
    AccessToken access = accessTokens.get(token);
    if (access != null && !access.revoked) {
      access.revoked = true;
      return true;
    }
    return false;
  }

  private void revoke(RefreshToken refresh) {
    refresh.revoked = true;
    refresh.live.forEach(a -> a.revoked = true);
  }

  /** Makes every access token expire now. */
  synchronized int expireAccessTokens() {
    Instant now = clock.instant();
    int count = 0;
    for (AccessToken access : accessTokens.values()) {
      if (now.isBefore(access.expiresAt)) {
        access.expiresAt = now;
        count++;
      }
    }
    return count;
  }

  synchronized int liveRefreshTokens(FakeClient client) {
    int count = 0;
    for (RefreshToken r : refreshTokens.values()) {
      if (!r.revoked && r.client.clientId().equals(client.clientId())) {
        count++;
      }
    }
    return count;
  }

  // ---- client-based session grants ----

  synchronized void grantSession(FakeClient client, FakeUser user) {
    sessionGrants.add(client.clientId() + "/" + user.zuid());
  }

  synchronized boolean hasSession(FakeClient client, FakeUser user) {
    return sessionGrants.contains(client.clientId() + "/" + user.zuid());
  }

  // ---- device logins ----

  synchronized DeviceLogin startDevice(FakeClient client, List<Scope> scopes, boolean offline) {
    DeviceLogin login = new DeviceLogin(Ids.token(), Ids.userCode(), client, scopes, offline,
        clock.instant().plus(settings.deviceCodeLifetime()));
    devices.put(login.deviceCode, login);
    return login;
  }

  synchronized DeviceLogin deviceByUserCode(String userCode) {
    for (DeviceLogin login : devices.values()) {
      if (login.userCode.equalsIgnoreCase(userCode == null ? "" : userCode.trim())) {
        return login;
      }
    }
    return null;
  }

  synchronized List<String> pendingUserCodes() {
    List<String> codes = new ArrayList<>();
    Instant now = clock.instant();
    for (DeviceLogin login : devices.values()) {
      if (login.state == DeviceLogin.State.PENDING && now.isBefore(login.expiresAt)) {
        codes.add(login.userCode);
      }
    }
    return codes;
  }

  synchronized void decideDevice(String userCode, FakeUser user, boolean approve) {
    DeviceLogin login = deviceByUserCode(userCode);
    if (login == null || !clock.instant().isBefore(login.expiresAt)) {
      throw new IllegalArgumentException("no pending device login with user code " + userCode);
    }
    login.user = user;
    login.state = approve ? DeviceLogin.State.APPROVED : DeviceLogin.State.DENIED;
  }

  /** One poll at {@code dc}: the issued tokens or the user's data centre; an OAuth error is thrown. */
  synchronized DevicePoll pollDevice(FakeClient client, String deviceCode, DataCenter dc) {
    DeviceLogin login = devices.get(deviceCode);
    if (login == null || !login.client.clientId().equals(client.clientId())) {
      throw new OAuthError("invalid_code");
    }
    Instant now = clock.instant();
    if (!now.isBefore(login.expiresAt)) {
      devices.remove(deviceCode);
      throw new OAuthError("expired");
    }
    Instant last = login.lastPoll;
    login.lastPoll = now;
    if (last != null && Duration.between(last, now).compareTo(settings.deviceSlowDownWindow()) < 0) {
      throw new OAuthError("slow_down");
    }
    switch (login.state) {
      case DENIED:
        devices.remove(deviceCode);
        throw new OAuthError("access_denied");
      case PENDING:
        throw new OAuthError("authorization_pending");
      default:
        if (login.user.homeDataCenter() != dc) {
          return new DevicePoll.OtherDataCenter(login.user.homeDataCenter());
        }
        devices.remove(deviceCode);
        String consentKey = client.clientId() + "/" + login.user.zuid();
        consents.add(consentKey);
        return new DevicePoll.Granted(issue(client, login.user, login.scopes, dc, login.offline));
    }
  }

  private static boolean openId(List<Scope> scopes) {
    for (Scope s : scopes) {
      if (s.operation() == null) {
        return true;
      }
    }
    return false;
  }

  private static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }

  static boolean isClientType(FakeClient client, ClientType... types) {
    for (ClientType t : types) {
      if (client.type() == t) {
        return true;
      }
    }
    return false;
  }
}

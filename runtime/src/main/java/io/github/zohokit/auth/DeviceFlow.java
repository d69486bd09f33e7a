package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.token.TokenKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zoho's device flow for non-browser clients, which differs from RFC 8628: endpoints under {@code /oauth/v3/device},
 * {@code grant_type=device_request} / {@code device_token}, the device code sent as {@code code}, the client secret
 * required when polling, {@code verification_url}, intervals in milliseconds, {@code slow_down} meaning "at most one
 * poll per 30 seconds", {@code expired} instead of {@code expired_token}, and {@code other_dc} with
 * {@code user_location} when the user lives in another data centre.
 *
 * <p>Polling: the first poll comes after the server's interval, and polls are never closer than the minimum
 * interval ({@link ZohoOAuth.Builder#deviceSlowDownInterval}, 30 seconds by default, as Zoho documents) unless the
 * server asks for a longer one; each {@code slow_down} adds 5 seconds (or the current interval, if shorter, which
 * only a fake Zoho with sub-second settings needs). A transient failure of a poll (HTTP 5xx, a
 * timeout, a dropped connection) does not end the login: polling goes on until the code expires. A waiting login
 * ends at once when {@linkplain UserCode#cancel() cancelled} or its thread is interrupted.
 *
 * <pre>{@code
 * ZohoToken token = oauth.deviceFlow().login(List.of("ZohoCRM.modules.ALL"),
 *     auth -> System.out.println("Open " + auth.verificationUrl() + " and enter " + auth.userCode()),
 *     TokenKey.DEFAULT_USER);
 * }</pre>
 */
public final class DeviceFlow {
  private static final Logger log = LoggerFactory.getLogger(DeviceFlow.class);
  private static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);
  private static final Duration SLOW_DOWN_STEP = Duration.ofSeconds(5);
  private static final Duration DEFAULT_EXPIRY = Duration.ofMinutes(5);

  private final Accounts accounts;
  private final TokenKeeper keeper;
  private final Duration slowDownInterval;
  private final Sleeper sleeper;

  DeviceFlow(Accounts accounts, TokenKeeper keeper, Duration slowDownInterval, Sleeper sleeper) {
    this.accounts = accounts;
    this.keeper = keeper;
    this.slowDownInterval = slowDownInterval;
    this.sleeper = sleeper;
  }

  /**
   * Starts an offline device login (refresh token included) for {@link TokenKey#DEFAULT_USER}.
   *
   * @param scopes the scopes to ask for, each element one scope or several separated by commas or spaces; at least one
   * @return the started login, to show to the user and then pass to {@link #awaitToken}
   * @throws IllegalArgumentException when no scope is given or one is malformed
   * @throws ZohoAuthException when Zoho refuses the request or its answer lacks the user code
   */
  public UserCode start(Collection<String> scopes) {
    return start(scopes, AccessType.OFFLINE);
  }

  /**
   * {@link #start(Collection, AccessType, String)} for {@link TokenKey#DEFAULT_USER}.
   *
   * @param scopes the scopes to ask for, at least one
   * @param accessType {@link AccessType#OFFLINE} for a refresh token, {@link AccessType#ONLINE} for an access token
   *     only
   * @return the started login
   * @throws IllegalArgumentException when no scope is given or one is malformed
   * @throws ZohoAuthException when Zoho refuses the request or its answer lacks the user code
   */
  public UserCode start(Collection<String> scopes, AccessType accessType) {
    return start(scopes, accessType, TokenKey.DEFAULT_USER);
  }

  /**
   * Asks Zoho for a user code, for a login whose token will be stored under {@code userKey}. With
   * {@link AccessType#OFFLINE} it sends {@code prompt=consent} (Zoho issues a refresh token only on consent) unless
   * a refresh token covering {@code scopes} is stored for that user: Zoho keeps at most 20 refresh tokens per user and
   * evicts the oldest, and a login without one keeps the stored one.
   *
   * @param scopes the scopes to ask for, each element one scope or several separated by commas or spaces; at least one
   * @param accessType {@link AccessType#OFFLINE} for a refresh token, {@link AccessType#ONLINE} for an access token
   *     only
   * @param userKey the user the token will be stored for
   * @return the started login: show its user code and verification URL, then pass it to {@link #awaitToken}
   * @throws IllegalArgumentException when no scope is given or one is malformed
   * @throws ZohoAuthException when Zoho refuses the request or its answer lacks the user code
   */
  public UserCode start(Collection<String> scopes, AccessType accessType, String userKey) {
    List<Scope> parsed = Scope.parseAll(scopes);
    Map<String, String> form = new java.util.LinkedHashMap<>();
    form.put("client_id", accounts.client().clientId());
    form.put("grant_type", "device_request");
    form.put("scope", Scope.join(parsed));
    form.put("access_type", accessType.param());
    if (accessType == AccessType.OFFLINE && !keeper.hasUsableRefreshToken(userKey, parsed)) {
      form.put("prompt", "consent");
    }
    AccountsHttp.Answer answer = accounts.post(accounts.accountsUrl(), "/oauth/v3/device/code", form);
    TokenResponses.throwIfError(answer, OAuthErrors.Request.DEVICE_CODE, accounts.client());
    String userCode = answer.text("user_code");
    String deviceCode = answer.text("device_code");
    String verificationUrl = answer.text("verification_url");
    if (verificationUrl == null) {
      verificationUrl = answer.text("verification_uri");
    }
    if (userCode == null || deviceCode == null || verificationUrl == null) {
      throw new ZohoAuthException(null, "Zoho's device-code answer from " + answer.url() + " lacks user_code, "
          + "device_code or verification_url; is the accounts URL right and the client a non-browser client?");
    }
    Duration interval = TokenResponses.deviceDuration(answer.json().get("interval"), DEFAULT_INTERVAL);
    Duration expiresIn = TokenResponses.deviceDuration(answer.json().get("expires_in"), DEFAULT_EXPIRY);
    return new UserCode(userCode, Secret.of(deviceCode), verificationUrl,
        answer.text("verification_uri_complete"), interval, accounts.now().plus(expiresIn), parsed);
  }

  /**
   * Polls until the user approves, denies or lets the code expire, and stores the token under {@code userKey}.
   * Blocks the calling thread; polls no faster than Zoho allows (see the class comment).
   *
   * @param code the login {@link #start} returned
   * @param listener told of each pending poll, slow-down and data-centre change
   * @param userKey the user the token is stored for
   * @return the token, already stored
   * @throws ZohoAuthException {@code access_denied} when the user refused, {@code expired} when the code expired
   * @throws CancellationException when {@link UserCode#cancel()} was called
   */
  public ZohoToken awaitToken(UserCode code, Listener listener, String userKey) {
    HttpUrl server = accounts.accountsUrl();
    DataCenter dc = accounts.client().dataCenter();
    Duration interval = max(code.interval(), slowDownInterval);
    while (true) {
      Duration remaining = Duration.between(accounts.now(), code.expiresAt());
      if (remaining.isNegative() || remaining.isZero()) {
        throw expired();
      }
      listener.onPending(interval, remaining);
      sleep(interval, code);
      Map<String, String> form = accounts.clientAuthentication();
      form.put("grant_type", "device_token");
      form.put("code", code.deviceCode().reveal());
      AccountsHttp.Answer answer;
      try {
        answer = accounts.post(server, "/oauth/v3/device/token", form);
      } catch (ZohoUnavailableException e) {
        log.warn("Polling the device login (code {}) failed; polling goes on until the code expires at {}: {}",
            code.userCode(), code.expiresAt(), e.getMessage());
        continue;
      }
      String error = answer.error();
      if (error == null) {
        ZohoToken token = accounts.tokenFrom(answer, OAuthErrors.Request.DEVICE_TOKEN, server, dc);
        accounts.verifyIdToken(token, server, dc, null);
        return keeper.keep(userKey, token);
      }
      switch (error) {
        case "authorization_pending":
          break;
        case "slow_down":
          interval = max(interval.plus(min(SLOW_DOWN_STEP, interval)), slowDownInterval);
          listener.onSlowDown(interval);
          break;
        case "other_dc":
          String location = answer.text("user_location");
          dc = DataCenter.fromLocation(location).filter(accounts.endpoints()::hasAccountsServer)
              .orElseThrow(() -> new ZohoAuthException("other_dc", "Zoho says the user lives in data centre '"
                  + location + "', which zohokit does not know or has no accounts server configured for"));
          server = accounts.endpoints().accountsUrl(dc);
          listener.onDataCenterChanged(dc);
          break;
        case "access_denied":
          throw new ZohoAuthException(error, "Zoho answered access_denied to the device login (code "
              + code.userCode() + "); no token was issued. " + OAuthErrors.ACCESS_DENIED);
        case "expired":
        case "expired_token":
          throw expired();
        default:
          TokenResponses.throwIfError(answer, OAuthErrors.Request.DEVICE_TOKEN, accounts.client());
      }
    }
  }

  /**
   * {@link #start} then {@link #awaitToken}: the whole device login.
   *
   * @param scopes the scopes to ask for, at least one
   * @param listener shown the user code first, then told of each poll
   * @param userKey the user the token is stored for
   * @return the token, already stored
   * @throws ZohoAuthException as {@link #awaitToken}, or when Zoho refuses the start
   * @throws CancellationException when the login was cancelled
   */
  public ZohoToken login(Collection<String> scopes, Listener listener, String userKey) {
    UserCode code = start(scopes, AccessType.OFFLINE, userKey);
    listener.onUserCode(code);
    return awaitToken(code, listener, userKey);
  }

  /**
   * {@link #login(Collection, Listener, String)} for {@link TokenKey#DEFAULT_USER}.
   *
   * @param scopes the scopes to ask for, at least one
   * @param listener shown the user code first, then told of each poll
   * @return the token, already stored
   * @throws ZohoAuthException as {@link #awaitToken}, or when Zoho refuses the start
   * @throws CancellationException when the login was cancelled
   */
  public ZohoToken login(Collection<String> scopes, Listener listener) {
    return login(scopes, listener, TokenKey.DEFAULT_USER);
  }

  private static ZohoAuthException expired() {
    return new ZohoAuthException("expired", "The device login's user code expired before the user approved it "
        + "(Zoho's codes live about 5 minutes). Start the login again");
  }

  private void sleep(Duration duration, UserCode code) {
    try {
      if (sleeper == Sleeper.REAL) {
        code.awaitCancel(duration);
      } else {
        sleeper.sleep(duration);
      }
      if (code.isCancelled()) {
        throw new CancellationException("The device login (code " + code.userCode() + ") was cancelled");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ZohoException("interrupted while waiting for the device login to be approved", e);
    }
  }

  private static Duration min(Duration a, Duration b) {
    return a.compareTo(b) <= 0 ? a : b;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * A started device login: the code the user types at the verification URL, and what polling needs. Show
   * {@link #userCode()} and {@link #verificationUrl()} (or {@link #verificationUrlComplete()}, which has the code
   * filled in) to the user.
   */
  public static final class UserCode {
    private final String userCode;
    private final Secret deviceCode;
    private final String verificationUrl;
    private final String verificationUrlComplete;
    private final Duration interval;
    private final Instant expiresAt;
    private final List<Scope> scopes;
    private final CountDownLatch cancelled = new CountDownLatch(1);

    UserCode(String userCode, Secret deviceCode, String verificationUrl, String verificationUrlComplete,
        Duration interval, Instant expiresAt, List<Scope> scopes) {
      this.userCode = userCode;
      this.deviceCode = deviceCode;
      this.verificationUrl = verificationUrl;
      this.verificationUrlComplete = verificationUrlComplete;
      this.interval = interval;
      this.expiresAt = expiresAt;
      this.scopes = List.copyOf(scopes);
    }

    /**
     * The code the user enters at {@link #verificationUrl()}.
     *
     * @return the user code, as Zoho formats it
     */
    public String userCode() {
      return userCode;
    }

    Secret deviceCode() {
      return deviceCode;
    }

    /**
     * Where the user enters the code, for example {@code https://accounts.zoho.com/oauth/v3/device}.
     *
     * @return the URL, never null
     */
    public String verificationUrl() {
      return verificationUrl;
    }

    /**
     * The verification URL with the code filled in, when Zoho sends one; otherwise {@link #verificationUrl()}.
     *
     * @return the URL to open, never null
     */
    public String verificationUrlComplete() {
      return verificationUrlComplete != null ? verificationUrlComplete : verificationUrl;
    }

    /**
     * How often Zoho allows polling.
     *
     * @return the interval Zoho named (5 seconds when it named none); polling never goes below the configured minimum
     */
    public Duration interval() {
      return interval;
    }

    /**
     * When the user code stops working.
     *
     * @return the expiry, computed from Zoho's {@code expires_in} (5 minutes when it named none)
     */
    public Instant expiresAt() {
      return expiresAt;
    }

    /**
     * The scopes the user is asked to grant.
     *
     * @return the parsed scopes, unmodifiable
     */
    public List<Scope> scopes() {
      return scopes;
    }

    /**
     * Cancels the login: a thread waiting in {@link DeviceFlow#awaitToken} stops polling at once and throws
     * {@link java.util.concurrent.CancellationException}. Safe to call from any thread, more than once.
     */
    public void cancel() {
      cancelled.countDown();
    }

    /**
     * Whether {@link #cancel()} was called.
     *
     * @return true once cancelled
     */
    public boolean isCancelled() {
      return cancelled.getCount() == 0;
    }

    /** Waits up to {@code duration}, returning early when cancelled. */
    void awaitCancel(Duration duration) throws InterruptedException {
      cancelled.await(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS);
    }

    @Override
    public String toString() {
      return "DeviceFlow.UserCode{userCode=" + userCode + ", verificationUrl=" + verificationUrl + ", interval="
          + interval + ", expiresAt=" + expiresAt + "}";
    }
  }

  /** What a device login tells its user interface. Only {@link #onUserCode} is required. */
  public interface Listener {

    /**
     * Show the user code and verification URL now; the user has until {@link UserCode#expiresAt()}.
     *
     * @param code the started login, with the code and URL to show
     */
    void onUserCode(UserCode code);

    /**
     * The user has not approved yet; the next poll is in {@code nextPoll}, the code expires in {@code remaining}.
     *
     * @param nextPoll the wait until the next poll
     * @param remaining the time until the user code expires
     */
    default void onPending(Duration nextPoll, Duration remaining) {}

    /**
     * Zoho asked to poll more slowly; polling continues every {@code interval}.
     *
     * @param interval the new wait between polls
     */
    default void onSlowDown(Duration interval) {}

    /**
     * The user's account lives in another data centre; polling continues at its accounts server.
     *
     * @param dataCenter the user's data centre, where the token will come from
     */
    default void onDataCenterChanged(DataCenter dataCenter) {}
  }
}

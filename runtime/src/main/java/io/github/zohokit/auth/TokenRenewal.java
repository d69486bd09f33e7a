package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.token.TokenKey;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How the token manager renews one client's tokens: with the refresh token when there is one (within Zoho's
 * budget, refusing at once a refresh token Zoho declared dead), otherwise by the strategy of the client's
 * configuration ({@link WithoutRefreshToken}); the {@link TokenRenewalListener} hears every outcome.
 */
final class TokenRenewal implements TokenManager.Renewal {
  private static final Logger log = LoggerFactory.getLogger(TokenRenewal.class);

  /** How a client obtains a token when the stored one (null when none is stored) has no refresh token. */
  interface WithoutRefreshToken {
    ZohoToken renew(TokenKey key, ZohoToken old);
  }

  /**
   * The client-credentials grant (self clients configured with {@code clientCredentials}): a new token for the
   * configured organisation and scopes, within the same budget and throttle memory as refreshes.
   */
  static WithoutRefreshToken clientCredentials(ClientCredentials settings, Accounts accounts, RefreshBudget budget,
      Clock clock) {
    return (key, old) -> budget.request(settings.budgetKey, clock::instant,
        "requesting a client-credentials token for " + key,
        () -> accounts.clientCredentials(settings.scopes, settings.soid));
  }

  /**
   * Only the user can help: the exception says how for {@code type}, with the request to send the user to when
   * {@code reauthorization} can build one (client-based apps) and null otherwise.
   */
  static WithoutRefreshToken reauthorization(ClientType type, TokenStore store,
      Function<ZohoToken, AuthorizationRequest> reauthorization) {
    return (key, old) -> {
      throw new ReauthorizationRequiredException((old == null ? "No token is stored for " + key + " in " + store
          : "The token of " + key + " expired and has no refresh token") + ". " + type.howToGetFirstToken(),
          reauthorization.apply(old));
    };
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

  private final ClientType type;
  private final Accounts accounts;
  private final DeadRefreshTokens dead;
  private final RefreshBudget budget;
  private final Clock clock;
  private final WithoutRefreshToken withoutRefreshToken;
  private final TokenRenewalListener listener;

  TokenRenewal(ClientType type, Accounts accounts, DeadRefreshTokens dead, RefreshBudget budget, Clock clock,
      WithoutRefreshToken withoutRefreshToken, TokenRenewalListener listener) {
    this.type = type;
    this.accounts = accounts;
    this.dead = dead;
    this.budget = budget;
    this.clock = clock;
    this.withoutRefreshToken = withoutRefreshToken;
    this.listener = listener;
  }

  @Override
  public ZohoToken renew(TokenKey key, StoredToken stored) {
    if (listener == null) {
      return renewQuietly(key, stored);
    }
    ZohoToken renewed;
    try {
      renewed = renewQuietly(key, stored);
    } catch (RuntimeException e) {
      tell(() -> listener.renewalFailed(key, e));
      throw e;
    }
    tell(() -> listener.renewed(key, renewed));
    return renewed;
  }

  /**
   * Refuses at once, with no request and no refresh lease, to renew a token whose refresh token Zoho declared dead:
   * only a new token (a new login, a new grant token) helps.
   */
  @Override
  public void refuseEarly(TokenKey key, StoredToken stored) {
    ZohoToken old = stored.token();
    if (old.hasRefreshToken() && dead.isDead(old)) {
      throw new ReauthorizationRequiredException("invalid_code", "Not renewing the token of " + key + ": Zoho "
          + "declared its refresh token dead" + (old.refreshTokenRejectedAt() != null ? " at "
          + old.refreshTokenRejectedAt() : "") + " ('invalid_code'). " + OAuthErrors.DEAD_REFRESH_TOKEN
          + " No request was sent. " + type.howToRecover(), null);
    }
  }

  private ZohoToken renewQuietly(TokenKey key, StoredToken stored) {
    ZohoToken old = stored == null ? null : stored.token();
    if (old == null || !old.hasRefreshToken()) {
      return withoutRefreshToken.renew(key, old);
    }
    refuseEarly(key, stored);
    ZohoToken fresh;
    try {
      fresh = budget.request(old.refreshToken(), clock::instant, "refreshing the access token of " + key,
          () -> accounts.refresh(key, old));
    } catch (ReauthorizationRequiredException e) {
      dead.markDead(key, old);
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

  private void tell(Runnable notification) {
    try {
      notification.run();
    } catch (RuntimeException e) {
      log.warn("The token renewal listener {} failed; ignored: {}", listener, e.toString());
    }
  }
}

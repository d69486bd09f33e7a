package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.store.TokenStoreException;
import java.time.Clock;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the flows' tokens go and what zohokit remembers about refresh tokens: stores a token a flow obtained (keeping
 * or revoking the refresh token it replaces), and records a refresh token Zoho declared dead so that no process sends
 * it again.
 */
final class TokenKeeper {
  private static final Logger log = LoggerFactory.getLogger(TokenKeeper.class);

  private final ClientConfig client;
  private final TokenStore store;
  private final TokenEndpoint endpoint;
  private final RefreshBudget budget;
  private final Clock clock;
  private TokenManager manager;

  TokenKeeper(ClientConfig client, TokenStore store, TokenEndpoint endpoint, RefreshBudget budget, Clock clock) {
    this.client = client;
    this.store = store;
    this.endpoint = endpoint;
    this.budget = budget;
    this.clock = clock;
  }

  /** The manager whose in-memory tokens a kept token replaces; set once, before any flow runs. */
  void managing(TokenManager manager) {
    this.manager = Objects.requireNonNull(manager, "manager");
  }

  TokenKey key(String userKey) {
    return new TokenKey(client.clientId(), userKey);
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
    if (!token.hasRefreshToken() && previous != null && previous.hasRefreshToken() && !isDead(previous)) {
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
        && !previous.refreshToken().equals(kept.refreshToken()) && !isDead(previous)) {
      endpoint.revokeReplaced(key, previous);
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
  boolean isDead(ZohoToken token) {
    return token.refreshTokenRejectedAt() != null || budget.isDead(token.refreshToken());
  }

  /**
   * Zoho declared {@code old}'s refresh token dead: remember it in this process, and in the stored record (if it
   * still holds that refresh token) so that other processes do not send it either.
   */
  void markDead(TokenKey key, ZohoToken old) {
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
        client.type().howToRecover());
  }
}

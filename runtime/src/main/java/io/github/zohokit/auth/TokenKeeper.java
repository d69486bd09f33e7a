package io.github.zohokit.auth;

import io.github.zohokit.scope.Scope;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the flows' tokens go: stores a token a flow obtained (keeping or revoking the refresh token it replaces) and
 * makes it the manager's current one; says whether a usable refresh token is stored (then no consent is needed).
 */
final class TokenKeeper {
  private static final Logger log = LoggerFactory.getLogger(TokenKeeper.class);

  private final ClientConfig client;
  private final TokenStore store;
  private final Accounts accounts;
  private final DeadRefreshTokens dead;
  private final TokenManager manager;

  /**
   * @param dead the refresh tokens Zoho declared dead: never kept, never counted as usable
   * @param manager the manager whose in-memory token a kept token replaces
   */
  TokenKeeper(ClientConfig client, TokenStore store, Accounts accounts, DeadRefreshTokens dead,
      TokenManager manager) {
    this.client = client;
    this.store = store;
    this.accounts = accounts;
    this.dead = dead;
    this.manager = manager;
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
    if (!token.hasRefreshToken() && previous != null && previous.hasRefreshToken() && !dead.isDead(previous)) {
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
        && !previous.refreshToken().equals(kept.refreshToken()) && !dead.isDead(previous)) {
      accounts.revokeReplaced(key, previous);
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
        .filter(t -> t.hasRefreshToken() && !dead.isDead(t))
        // a token answer without scopes (unknown grant) is taken as covering: consent would mint a token for nothing
        .filter(t -> t.scopes().isEmpty() || scopes.stream().allMatch(wanted -> Scope.covered(t.scopes(), wanted)))
        .isPresent();
  }

  /**
   * Revokes {@code userKey}'s refresh token (or, without one, its access token) at Zoho and removes the tokens from
   * the store and from memory; see {@link ZohoOAuth#revoke(String)}.
   */
  Revocation revoke(String userKey) {
    TokenKey key = key(userKey);
    Optional<StoredToken> stored = store.load(key);
    if (stored.isEmpty()) {
      return Revocation.NOTHING_STORED;
    }
    ZohoToken token = stored.get().token();
    Revocation outcome = accounts.revoke(key, token, store.toString());
    store.delete(key);
    manager.forget(key);
    log.debug("{} the {} of {} and removed it from {}", outcome == Revocation.REVOKED ? "Revoked" : "Zoho no longer "
        + "knew", token.hasRefreshToken() ? "refresh token" : "access token", key, store);
    return outcome;
  }
}

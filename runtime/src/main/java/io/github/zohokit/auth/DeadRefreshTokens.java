package io.github.zohokit.auth;

import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The refresh tokens Zoho declared dead ({@code invalid_code}: revoked, evicted as the 21st, or the app removed),
 * so that no process sends one again: marked in the stored record (the lasting mark, seen by every process sharing
 * the store) and in this process's {@link RefreshBudget} (for a store that could not be written). The renewal learns
 * of a death and records it; the renewal and the keeper ask before using a refresh token.
 */
final class DeadRefreshTokens {
  private static final Logger log = LoggerFactory.getLogger(DeadRefreshTokens.class);

  private final ClientType type;
  private final TokenStore store;
  private final RefreshBudget budget;
  private final Clock clock;

  DeadRefreshTokens(ClientType type, TokenStore store, RefreshBudget budget, Clock clock) {
    this.type = type;
    this.store = store;
    this.budget = budget;
    this.clock = clock;
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
        type.howToRecover());
  }
}

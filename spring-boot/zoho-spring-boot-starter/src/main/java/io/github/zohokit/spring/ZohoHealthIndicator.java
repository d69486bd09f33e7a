package io.github.zohokit.spring;

import io.github.zohokit.ZohoException;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health {@code zoho}: UP when the token store answers and the token of {@code zoho.health.user-key} is valid
 * (renewed first if it is due, as the next API call would); DOWN when the store is unreachable, the token is
 * missing (where one is required) or cannot be renewed. With client credentials configured
 * ({@code zoho.client-credentials.scopes}) a missing token is obtained, as the first API call would. Details name the client, the store, the token's expiry,
 * data centre and scopes — never a token or the client secret. With {@code zoho.limits.enabled=true} the detail
 * {@code limits} shows the governor's state (permits in use by this instance per pool, waits, 429s, credits left,
 * calls refused by the stop rule); it never changes the status.
 */
final class ZohoHealthIndicator implements HealthIndicator {
  private final ZohoOAuth oauth;
  private final String userKey;
  private final boolean requireToken;
  private final boolean clientCredentials;
  private final ZohoLimitsState limits;

  ZohoHealthIndicator(ZohoOAuth oauth, ZohoProperties.Health settings, boolean clientCredentials) {
    this(oauth, settings, clientCredentials, null);
  }

  ZohoHealthIndicator(ZohoOAuth oauth, ZohoProperties.Health settings, boolean clientCredentials,
      ZohoLimitsState limits) {
    this.limits = limits;
    this.oauth = oauth;
    this.clientCredentials = clientCredentials;
    this.userKey = settings.getUserKey();
    this.requireToken = settings.getRequireToken() != null ? settings.getRequireToken()
        : oauth.clientType() == ClientType.SELF_CLIENT || oauth.clientType() == ClientType.NON_BROWSER;
  }

  @Override
  public Health health() {
    Health.Builder health = new Health.Builder()
        .withDetail("clientType", oauth.clientType().displayName())
        .withDetail("clientId", oauth.clientId())
        .withDetail("userKey", userKey)
        .withDetail("tokenStore", oauth.tokenStore().toString());
    if (limits != null) {
      health.withDetail("limits", limitsDetail());
    }
    Optional<ZohoToken> stored;
    try {
      stored = oauth.storedToken(userKey);
    } catch (ZohoException e) {
      return health.down().withDetail("error", "the token store is unreachable: " + e.getMessage()).build();
    }
    if (stored.isEmpty() && !clientCredentials) {
      if (!requireToken) {
        return health.up().withDetail("token", "none stored (tokens are per user)").build();
      }
      return health.down().withDetail("error", "no token is stored for user '" + userKey + "'; obtain one first "
          + "(mvn zoho:bootstrap-token for a self client, Login with Zoho for a web app)").build();
    }
    ZohoToken token;
    try {
      token = oauth.token(userKey);
    } catch (ZohoException e) {
      return health.down().withDetail("error", e.getClass().getSimpleName() + ": " + e.getMessage()).build();
    }
    health.up().withDetail("expiresAt", token.expiresAt().toString())
        .withDetail("scopes", token.scopes().stream().map(Object::toString).toArray(String[]::new));
    if (token.dataCenter() != null) {
      health.withDetail("dataCenter", token.dataCenter().name());
    }
    return health.build();
  }

  private Map<String, Object> limitsDetail() {
    Map<String, Object> detail = new LinkedHashMap<>();
    limits.inUse.forEach((pool, held) -> detail.put(pool + "InUse", held.get() + " of "
        + limits.size.get(pool).get()));
    detail.put("waits", limits.waits.get());
    detail.put("tooManyRequests", limits.tooManyRequests.get());
    long remaining = limits.creditsRemaining.get();
    detail.put("creditsRemaining", remaining == ZohoLimitsState.UNKNOWN ? "unknown (no call yet, or daily credits "
        + "unknown)" : remaining + " of " + limits.dailyCredits.get());
    detail.put("refused", limits.refused.get());
    if (limits.lastRefusal() != null) {
      detail.put("lastRefusal", limits.lastRefusal());
    }
    return detail;
  }
}

package io.github.zohokit.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.RetryPolicy;
import io.github.zohokit.internal.http.GovernorInterceptor;
import io.github.zohokit.internal.http.RetryInterceptor;
import io.github.zohokit.limits.ApiLimits;
import io.github.zohokit.internal.session.SessionHttp;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.token.DataCenter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import okhttp3.OkHttpClient;

/**
 * The token engine of one {@link ZohoOAuth}, built by {@link #wire} in dependency order: each part is built from
 * parts built before it, so no part is finished later by a setter, and the facade only delegates.
 *
 * <pre>
 *   Accounts (over AccountsHttp)          the only part that talks to Zoho Accounts
 *   RefreshBudget, DeadRefreshTokens      what this process remembers about asking for tokens
 *   TokenRenewal                          how a token is renewed: refresh token, client credentials, or the user
 *   TokenManager                          the current token per user; calls' API base from ZohoEndpoints
 *   TokenKeeper                           where the flows' tokens go (store, then the manager)
 *   SessionHttp                           what calls take: sessions, the authorizing HTTP clients (behind the
 *                                         retry policy and the governor of the API limits, when configured)
 * </pre>
 *
 * The flows are made on demand from {@code accounts} and {@code keeper}.
 */
record Engine(ClientConfig client, ZohoEndpoints endpoints, TokenStore store, Accounts accounts,
    TokenManager manager, TokenKeeper keeper, SessionHttp sessionHttp, Flows flows) {

  /** What {@link ZohoOAuth.Builder} collected, defaults applied and checked. */
  record Settings(ClientConfig client, ZohoEndpoints endpoints, TokenStore store, OkHttpClient http,
      ObjectMapper objectMapper, Clock clock, Duration accountsTimeout, int refreshLimit, Duration refreshWindow,
      TokenManager.Timing timing, TokenManager.SessionLimits sessionLimits, Executor renewalExecutor, Sleeper sleeper,
      TokenRenewal.ClientCredentials clientCredentials, TokenRenewalListener renewalListener,
      IdTokenVerifier idTokenVerifier, boolean pkce, Duration slowDownInterval, RetryPolicy retryPolicy,
      ApiLimits apiLimits) {}

  /** What the user-facing flows need beyond {@code accounts} and {@code keeper}. */
  record Flows(ObjectMapper objectMapper, boolean pkce, Duration slowDownInterval, Sleeper sleeper) {}

  static Engine wire(Settings s) {
    ClientConfig client = s.client();
    Accounts accounts = new Accounts(client, s.endpoints(),
        new AccountsHttp(s.http(), s.objectMapper(), s.accountsTimeout()), s.http(), s.clock(), s.idTokenVerifier());
    RefreshBudget budget = new RefreshBudget(s.refreshLimit(), s.refreshWindow());
    DeadRefreshTokens dead = new DeadRefreshTokens(client.type(), s.store(), budget, s.clock());
    TokenRenewal renewal = new TokenRenewal(client.type(), accounts, dead, budget, s.clock(),
        withoutRefreshToken(s, accounts, budget), s.renewalListener());
    DataCenter home = client.dataCenter();
    TokenManager manager = new TokenManager(client.clientId(), s.store(), s.clock(), s.timing(), s.sessionLimits(),
        s.sleeper(),
        s.renewalExecutor(), renewal, token -> s.endpoints().apiBaseOf(token, home));
    TokenKeeper keeper = new TokenKeeper(client, s.store(), accounts, dead, manager);
    SessionHttp sessionHttp = new SessionHttp(
        GovernorInterceptor.install(RetryInterceptor.install(s.http(), s.retryPolicy()), s.apiLimits()), s.objectMapper(),
        manager::session);
    return new Engine(client, s.endpoints(), s.store(), accounts, manager, keeper, sessionHttp,
        new Flows(s.objectMapper(), s.pkce(), s.slowDownInterval(), s.sleeper()));
  }

  /**
   * How a token without a refresh token is renewed: the client-credentials grant when configured; otherwise only the
   * user can help, and the exception carries the request to send a client-based app's user to.
   */
  private static TokenRenewal.WithoutRefreshToken withoutRefreshToken(Settings s, Accounts accounts,
      RefreshBudget budget) {
    if (s.clientCredentials() != null) {
      return TokenRenewal.clientCredentials(s.clientCredentials(), accounts, budget, s.clock());
    }
    ClientType type = s.client().type();
    return TokenRenewal.reauthorization(type, s.store(), type == ClientType.CLIENT_BASED
        ? old -> ImplicitFlow.reauthorization(accounts, old) : old -> null);
  }
}

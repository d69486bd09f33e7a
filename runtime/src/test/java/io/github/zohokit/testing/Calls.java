package io.github.zohokit.testing;

import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.internal.call.Route;
import io.github.zohokit.internal.call.ZohoCalls;
import io.github.zohokit.internal.session.SessionHttp;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.time.Instant;

/** Starts calls the way generated APIs do, for tests of the call machinery. */
public final class Calls {
  private Calls() {}

  /** The calls of {@link TokenKey#DEFAULT_USER} of {@code oauth}. */
  public static ZohoCalls of(ZohoOAuth oauth) {
    SessionHttp connection = SessionHttp.of(oauth);
    return new ZohoCalls(connection.callHttp(), connection.objectMapper(),
        connection.session(TokenKey.DEFAULT_USER));
  }

  /**
   * The calls of {@link TokenKey#DEFAULT_USER} against {@code apiBase} (a local server), with a stored access token
   * valid for an hour, so that nothing is renewed.
   */
  public static ZohoCalls against(String apiBase) {
    TokenStore store = TokenStores.inMemory();
    store.save(new TokenKey(Fixtures.CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of(Fixtures.ACCESS_TOKEN)).expiresAt(Instant.now().plusSeconds(3600))
        .apiDomain(apiBase).build());
    return of(ZohoOAuth.selfClient(Fixtures.CLIENT_ID, Fixtures.CLIENT_SECRET)
        .endpoints(ZohoEndpoints.zoho().withApiBase(DataCenter.US, apiBase)).tokenStore(store).build());
  }

  /** A route as a generated API declares one, for a method {@code call} of this class. */
  public static Route route(String httpMethod, String template, String... scopes) {
    return Route.of(Calls.class, "call", httpMethod, template, scopes);
  }
}

package io.github.zohokit.testing;

import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.internal.call.Route;
import io.github.zohokit.internal.call.ZohoCalls;
import io.github.zohokit.internal.session.SessionHttp;
import io.github.zohokit.token.TokenKey;

/** Starts calls the way generated APIs do, for tests of the call machinery. */
public final class Calls {
  private Calls() {}

  /** The calls of {@link TokenKey#DEFAULT_USER} of {@code oauth}. */
  public static ZohoCalls of(ZohoOAuth oauth) {
    SessionHttp connection = SessionHttp.of(oauth);
    return new ZohoCalls(connection.callHttp(), connection.objectMapper(),
        connection.session(TokenKey.DEFAULT_USER));
  }

  /** A route as a generated API declares one, for a method {@code call} of this class. */
  public static Route route(String httpMethod, String template, String... scopes) {
    return Route.of(Calls.class, "call", httpMethod, template, scopes);
  }
}

package io.github.zohokit.testing;

import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.internal.Authorization;
import io.github.zohokit.internal.Connection;
import io.github.zohokit.internal.ZohoCalls;
import io.github.zohokit.token.TokenKey;
import okhttp3.HttpUrl;
import okhttp3.Request;

/** Builds calls the way generated clients do, for tests of the call machinery. */
public final class Calls {
  private Calls() {}

  /** The calls of {@link TokenKey#DEFAULT_USER} of {@code oauth}. */
  public static ZohoCalls of(ZohoOAuth oauth) {
    Connection connection = Connection.of(oauth);
    return new ZohoCalls(connection, connection.session(TokenKey.DEFAULT_USER));
  }

  /** A request for {@code path} (then {@code segments}) on the user's API base, tagged as generated code does. */
  public static Request.Builder request(ZohoCalls calls, String path, String... segments) {
    Authorization authorization = calls.authorization();
    HttpUrl.Builder url = calls.url(authorization, path);
    for (String segment : segments) {
      url.addPathSegment(segment);
    }
    return new Request.Builder().url(url.build()).tag(Authorization.class, authorization);
  }
}

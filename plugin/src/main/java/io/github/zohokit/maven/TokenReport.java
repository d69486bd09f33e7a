package io.github.zohokit.maven;

import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A redacted description of a stored token, for build output. No secret is ever shown in full. */
final class TokenReport {
  private TokenReport() {}

  /** "client ID, user KEY": whose token a line is about. */
  static String who(TokenKey key) {
    return "client " + key.clientId() + ", user " + key.userKey();
  }

  /** The token's redacted details, one indented line each, to follow a goal's outcome line. */
  static List<String> details(ZohoToken token, String storeDescription, Instant now) {
    List<String> lines = new ArrayList<>();
    lines.add("  data centre   : " + (token.dataCenter() == null ? "unknown" : token.dataCenter().name())
        + (token.accountsServer() == null ? "" : " (accounts " + token.accountsServer() + ")"));
    lines.add("  API domain    : " + (token.apiDomain() == null ? "unknown" : token.apiDomain()));
    lines.add("  scopes        : " + (token.scopes().isEmpty() ? "not reported by Zoho" : Scope.join(token.scopes())));
    Duration left = Duration.between(now, token.expiresAt());
    lines.add("  access token  : " + token.accessToken() + ", " + (left.isNegative() ? "expired at " : "expires ")
        + token.expiresAt() + (left.isNegative() ? "" : " (in " + human(left) + ")"));
    lines.add("  refresh token : " + (token.hasRefreshToken() ? token.refreshToken().toString() : "none")
        + (token.hasRefreshToken() && !token.hasLiveRefreshToken()
            ? " (declared dead by Zoho at " + token.refreshTokenRejectedAt() + ")" : ""));
    lines.add("  stored in     : " + storeDescription);
    return lines;
  }


  static String human(Duration d) {
    long minutes = d.toMinutes();
    return minutes >= 60 ? minutes / 60 + "h" + minutes % 60 + "m" : minutes + "m" + d.toSecondsPart() + "s";
  }
}

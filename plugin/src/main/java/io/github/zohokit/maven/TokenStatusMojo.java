package io.github.zohokit.maven;

import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Shows what the token store holds for the client and user — redacted — and whether it covers the build's scopes:
 * one line with the outcome, then the token's details. No network call.
 *
 * <p>The client id is not a parameter: a {@code settings.xml} {@code <server>} (id {@code serverId}, username =
 * client id), else {@code ZOHO_CLIENT_ID}, else {@code -Dzoho.clientId}. No secret is needed.
 */
@Mojo(name = "token-status", requiresProject = false, requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class TokenStatusMojo extends AbstractZohoMojo {

  /** Fail when no token is stored, or when it lacks a required scope. */
  @Parameter(property = "zoho.failIfMissing", defaultValue = "false")
  protected boolean failIfMissing;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    Credentials credentials = credentials(false);
    TokenKey key = new TokenKey(credentials.clientId(), userKey);
    Optional<StoredToken> stored;
    try {
      stored = store().load(key);
    } catch (TokenStoreException e) {
      throw new MojoFailureException(e.getMessage());
    }
    if (stored.isEmpty()) {
      String message = "No Zoho token is stored for " + TokenReport.who(key) + " in " + tokenStorePath()
          + "; run mvn zoho:bootstrap-token";
      if (failIfMissing) {
        throw new MojoFailureException(message);
      }
      getLog().warn(message);
      return;
    }
    ZohoToken token = stored.get().token();
    RequiredScopes required = requiredScopes();
    List<Scope> missing = required.isEmpty() ? List.of() : Scope.missing(token.scopes(), required.all());
    String outcome = "Zoho token for " + TokenReport.who(key);
    boolean dead = token.hasRefreshToken() && !token.hasLiveRefreshToken();
    if (dead) {
      outcome += " no longer works: Zoho declared its refresh token dead at " + token.refreshTokenRejectedAt()
          + " (revoked, or evicted as the oldest of 20). Run mvn zoho:bootstrap-token with a new grant token for: "
          + (required.isEmpty() ? "the scopes you need" : required.consoleString());
    } else if (required.isEmpty()) {
      outcome += " is stored; no required scopes found to compare (no scope manifest, no zoho.scopes)";
    } else if (missing.isEmpty()) {
      outcome += " covers the " + required.all().size() + " scopes this build needs";
    } else {
      outcome += " lacks scopes this build needs: " + Scope.join(missing) + ". Run mvn zoho:bootstrap-token "
          + "with a new grant token for: " + required.consoleString();
    }
    boolean works = missing.isEmpty() && !dead;
    if (works) {
      getLog().info(outcome);
    } else if (!failIfMissing) {
      getLog().warn(outcome);
    }
    for (String line : TokenReport.details(token, tokenStorePath().toString(), Instant.now())) {
      getLog().info(line);
    }
    if (!works && failIfMissing) {
      throw new MojoFailureException(outcome);
    }
  }
}

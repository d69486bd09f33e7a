package io.github.zohokit.maven;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStoreException;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Obtains access and refresh tokens for a self client, for exactly the scopes this build's Zoho clients declare,
 * and stores them where the runtime finds them.
 *
 * <p>If the store already holds a live token for the client and user that covers those scopes, nothing happens —
 * no network call. Otherwise — nothing stored, the stored refresh token declared dead by Zoho (recorded by the
 * runtime when Zoho answered {@code invalid_code}, or found by {@code -Dzoho.verify}), the stored token expired with
 * no refresh token, or a scope missing — the grant token ({@code -Dzoho.grantToken}, or {@code ZOHO_GRANT_TOKEN})
 * generated in the API Console is exchanged, the granted scopes are checked, and only then are the tokens stored.
 * The store's path is exposed as the project property {@code zoho.tokenStore}.
 *
 * <ul>
 *   <li>{@code -Dzoho.verify=true}: check that the stored token still works with one refresh (one request to Zoho);
 *       when Zoho declares it dead, the grant token is exchanged instead.
 *   <li>{@code -Dzoho.force=true}: exchange the grant token even when the stored token covers the scopes, for
 *       example to replace a token whose refresh token was revoked but not yet found dead.
 * </ul>
 *
 * <p>Inputs that are not parameters (so that neither a POM nor {@code mvn -X} can expose them; never printed):
 *
 * <ul>
 *   <li>client id and secret, each from the first of: {@code -Dzoho.clientId} and {@code -Dzoho.clientSecret}
 *       (these land in the shell history and {@code ps}: prefer the other two), the environment variables
 *       {@code ZOHO_CLIENT_ID} and {@code ZOHO_CLIENT_SECRET}, a {@code settings.xml} {@code <server>} with the id
 *       of {@code serverId} (default {@code zoho}; username = client id, password = client secret, encrypted with
 *       {@code mvn --encrypt-password}). The secret is only needed when a grant token is exchanged.
 *   <li>grant token: the environment variable {@code ZOHO_GRANT_TOKEN} or {@code -Dzoho.grantToken}; single use,
 *       valid for minutes, generated on the Self Client's "Generate Code" tab with the string {@code zoho:scopes}
 *       prints.
 * </ul>
 *
 * <p>{@code -Dzoho.dependencyScopes=referenced|all|none} chooses which dependency APIs' scopes are requested
 * (default: only those this project's classes use; {@code -Dzoho.includeDependencies=false} is the same as
 * {@code none}). {@code -Dzoho.accountsUrl=http://127.0.0.1:PORT} sends every request to that
 * server instead of Zoho's (a fake Zoho in tests). Offline ({@code mvn -o}): a covering stored token still makes the
 * goal succeed; an exchange with Zoho fails at once with a message (a loopback accounts URL is allowed).
 */
@Mojo(name = "bootstrap-token", defaultPhase = LifecyclePhase.PROCESS_CLASSES, requiresProject = false,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class BootstrapTokenMojo extends AbstractZohoMojo {

  /**
   * Exchange the grant token and replace the stored token even if that covers the scopes (and may still work).
   */
  @Parameter(property = "zoho.force", defaultValue = "false")
  protected boolean force;

  /**
   * Check the stored token with one refresh before deciding it covers the build; a token Zoho declares dead is
   * then replaced with the grant token. Costs one request to Zoho; off by default, so that a build with a valid
   * token makes no network call.
   */
  @Parameter(property = "zoho.verify", defaultValue = "false")
  protected boolean verify;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    RequiredScopes required = requireScopes();
    required.explanation().forEach(getLog()::info);
    Set<Scope> scopes = required.all();
    Credentials credentials = credentials(false);
    TokenKey key = new TokenKey(credentials.clientId(), userKey);
    String where = tokenStorePath().toString();
    exposeStorePath(where);
    try {
      String grantToken = property("zoho.grantToken");
      if (grantToken == null) {
        grantToken = System.getenv("ZOHO_GRANT_TOKEN");
      }
      if (!force) {
        Optional<ZohoToken> existing = Bootstrap.coveringToken(store(), key, scopes, Clock.systemUTC());
        if (existing.isPresent() && verify) {
          requireNetwork("checking the stored token (zoho.verify)");
          credentials.require(true, serverId);
          Optional<String> dead = new Bootstrap(oauth(ClientType.SELF_CLIENT, credentials), store(), key).verify();
          if (dead.isPresent()) {
            getLog().warn("The stored Zoho token for " + key + " no longer works: " + dead.get());
            existing = Optional.empty();
          } else {
            getLog().info("Zoho renewed the stored token for " + key + " (zoho.verify): it works");
          }
        }
        if (existing.isPresent()) {
          getLog().info("Zoho token for " + key + " already covers the " + scopes.size() + " required scopes ("
              + where + "); nothing to do" + (grantToken == null ? "" : ". The grant token given was not used: "
              + "add -Dzoho.verify=true to check the stored token with Zoho first, or -Dzoho.force=true to "
              + "replace it"));
          return;
        }
      }
      if (grantToken == null || grantToken.isBlank()) {
        throw new MojoFailureException(Bootstrap.noGrantToken(scopes, dataCenter()));
      }
      requireNetwork("exchanging the grant token");
      credentials.require(true, serverId);
      ZohoToken token = new Bootstrap(oauth(ClientType.SELF_CLIENT, credentials), store(), key)
          .exchange(grantToken.trim(), scopes);
      getLog().info("Stored new Zoho tokens for the " + scopes.size() + " scopes of this build, for "
          + TokenReport.who(key) + ":");
      for (String line : TokenReport.details(token, where, Clock.systemUTC().instant())) {
        getLog().info(line);
      }
    } catch (TokenStoreException e) {
      throw new MojoFailureException(e.getMessage());
    }
  }

  private void exposeStorePath(String where) {
    if (project != null) {
      project.getProperties().setProperty("zoho.tokenStore", where);
    }
  }
}

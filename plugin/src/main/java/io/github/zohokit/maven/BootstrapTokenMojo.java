package io.github.zohokit.maven;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.Scope;
import io.github.zohokit.auth.ZohoToken;
import io.github.zohokit.store.TokenKey;
import io.github.zohokit.store.TokenStoreException;
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
 * <p>If the store already holds a token for the client and user that covers those scopes, nothing happens — no
 * network call. Otherwise the grant token ({@code -Dzoho.grantToken}, or {@code ZOHO_GRANT_TOKEN}) generated in
 * the API Console is exchanged, the granted scopes are checked, and only then are the tokens stored. The store's
 * path is exposed as the project property {@code zoho.tokenStore}.
 *
 * <p>The grant token and the client secret are read from {@code -D} properties, the environment or
 * {@code settings.xml} only — never from the POM — and never printed.
 */
@Mojo(name = "bootstrap-token", defaultPhase = LifecyclePhase.PROCESS_CLASSES, requiresProject = false,
    requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class BootstrapTokenMojo extends AbstractZohoMojo {

  /** Replace a stored token even if it covers the scopes. */
  @Parameter(property = "zoho.force", defaultValue = "false")
  protected boolean force;

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
      if (!force) {
        Optional<ZohoToken> existing = Bootstrap.coveringToken(store(), key, scopes, Clock.systemUTC());
        if (existing.isPresent()) {
          getLog().info("Zoho token for " + key + " already covers the " + scopes.size() + " required scopes ("
              + where + "); nothing to do");
          return;
        }
      }
      String grantToken = property("zoho.grantToken");
      if (grantToken == null) {
        grantToken = System.getenv("ZOHO_GRANT_TOKEN");
      }
      if (grantToken == null || grantToken.isBlank()) {
        throw new MojoFailureException(Bootstrap.noGrantToken(scopes, dataCenter()));
      }
      requireNetwork("exchanging the grant token");
      credentials.require(true, serverId);
      ZohoToken token = new Bootstrap(oauth(ClientType.SELF_CLIENT, credentials), store(), key)
          .exchange(grantToken.trim(), scopes);
      getLog().info("Stored new Zoho tokens for the " + scopes.size() + " scopes of this build:");
      for (String line : TokenReport.lines(key, token, where, Clock.systemUTC().instant())) {
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

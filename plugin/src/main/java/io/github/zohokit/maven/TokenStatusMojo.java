package io.github.zohokit.maven;

import io.github.zohokit.auth.Scope;
import io.github.zohokit.auth.ZohoToken;
import io.github.zohokit.store.StoredToken;
import io.github.zohokit.store.TokenKey;
import io.github.zohokit.store.TokenStoreException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/** Shows what the token store holds for the client and user — redacted — and whether it covers the build's scopes. */
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
      String message = "No Zoho token is stored for " + key + " in " + tokenStorePath()
          + "; run mvn zoho:bootstrap-token";
      if (failIfMissing) {
        throw new MojoFailureException(message);
      }
      getLog().warn(message);
      return;
    }
    ZohoToken token = stored.get().token();
    for (String line : TokenReport.lines(key, token, tokenStorePath().toString(), Instant.now())) {
      getLog().info(line);
    }
    RequiredScopes required = requiredScopes();
    if (required.isEmpty()) {
      getLog().info("  required scopes: none found (no scope manifest, no zoho.scopes)");
      return;
    }
    List<Scope> missing = Scope.missing(token.scopes(), required.all());
    if (missing.isEmpty()) {
      getLog().info("  covers the " + required.all().size() + " scopes this build needs");
    } else {
      getLog().warn(TokenReport.missingLine(missing));
      if (failIfMissing) {
        throw new MojoFailureException("The stored Zoho token lacks scopes this build needs: " + Scope.join(missing)
            + ". Run mvn zoho:bootstrap-token -Dzoho.force=true with a grant token for: " + required.consoleString());
      }
    }
  }
}

package io.github.zohokit.maven;

import io.github.zohokit.token.TokenKey;
import io.github.zohokit.ZohoException;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.ZohoOAuth;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Revokes the stored refresh token at Zoho (which also revokes its access tokens) and removes it from the store.
 *
 * <p>Needs the client id and secret, which are not parameters: each from the first of
 * {@code -Dzoho.clientId} / {@code -Dzoho.clientSecret} (they land in the shell history), {@code ZOHO_CLIENT_ID} /
 * {@code ZOHO_CLIENT_SECRET}, a {@code settings.xml} {@code <server>} (id {@code serverId}, username = client id,
 * password = client secret). Fails offline ({@code -o})
 * unless {@code zoho.accountsUrl} is a loopback address.
 */
@Mojo(name = "revoke-token", requiresProject = false, threadSafe = true)
public class RevokeTokenMojo extends AbstractZohoMojo {

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    requireNetwork("revoking the token");
    ZohoOAuth oauth = oauth(ClientType.SELF_CLIENT, credentials(true)).build();
    try {
      String who = TokenReport.who(new TokenKey(oauth.clientId(), userKey));
      switch (oauth.revoke(userKey)) {
        case REVOKED:
          getLog().info("Revoked the Zoho token of " + who + " at Zoho and removed it from " + tokenStorePath());
          break;
        case UNKNOWN_TO_ZOHO:
          getLog().info("Zoho no longer knew the token of " + who + " (already revoked or replaced); removed it "
              + "from " + tokenStorePath());
          break;
        default:
          getLog().info("No Zoho token is stored for " + who + " in " + tokenStorePath() + "; nothing to revoke");
      }
    } catch (ZohoException e) {
      throw new MojoFailureException("Revoking failed: " + e.getMessage());
    }
  }
}

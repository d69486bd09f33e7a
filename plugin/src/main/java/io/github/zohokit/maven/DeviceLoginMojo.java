package io.github.zohokit.maven;

import io.github.zohokit.auth.DeviceFlow;
import io.github.zohokit.ZohoException;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;
import java.time.Clock;
import java.time.Duration;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Logs in a non-browser client with Zoho's device flow from the terminal: shows the code and where to enter it,
 * polls at the rate Zoho allows with a countdown, follows the user to their data centre, and stores the tokens.
 *
 * <p>Needs the client id and secret of a non-browser client, which are not parameters: each from the first of
 * {@code -Dzoho.clientId} / {@code -Dzoho.clientSecret} (they land in the shell history), {@code ZOHO_CLIENT_ID} /
 * {@code ZOHO_CLIENT_SECRET}, a {@code settings.xml} {@code <server>} (id {@code serverId}, username = client id,
 * password = client secret).
 * The scopes are those of the build's scope manifests (see {@code dependencyScopes}) plus {@code zoho.scopes}.
 * Fails offline ({@code -o}) unless {@code zoho.accountsUrl} is a loopback address.
 */
@Mojo(name = "device-login", requiresProject = false, requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class DeviceLoginMojo extends AbstractZohoMojo {

  /**
   * The shortest time between two polls, whatever interval Zoho names (a longer one is kept); Zoho allows at most
   * one poll per 30 seconds.
   */
  @Parameter(property = "zoho.slowDownSeconds", defaultValue = "30")
  protected int slowDownSeconds;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    RequiredScopes required = requireScopes();
    Credentials credentials = credentials(true);
    requireNetwork("the device login");
    try {
      ZohoToken token = oauth(ClientType.NON_BROWSER, credentials)
          .deviceSlowDownInterval(Duration.ofSeconds(slowDownSeconds)).build().deviceFlow()
          .login(required.all().stream().map(Object::toString).toList(), new Console(), userKey);
      getLog().info("Logged in: stored Zoho tokens for " + TokenReport.who(new TokenKey(credentials.clientId(), userKey))
          + " in " + tokenStorePath());
      for (String line : TokenReport.details(token, tokenStorePath().toString(), Clock.systemUTC().instant())) {
        getLog().info(line);
      }
    } catch (ZohoException e) {
      throw new MojoFailureException("The device login failed: " + e.getMessage());
    }
  }

  /** What the user sees while the login waits. */
  private final class Console implements DeviceFlow.Listener {
    @Override
    public void onUserCode(DeviceFlow.UserCode authorization) {
      getLog().info("------------------------------------------------------------------------");
      getLog().info("  To log in, open   " + authorization.verificationUrl());
      getLog().info("  and enter code    " + authorization.userCode());
      if (!authorization.verificationUrlComplete().equals(authorization.verificationUrl())) {
        getLog().info("  (or open " + authorization.verificationUrlComplete() + ")");
      }
      getLog().info("------------------------------------------------------------------------");
    }

    @Override
    public void onPending(Duration nextPoll, Duration remaining) {
      getLog().info("Waiting for approval: code valid for " + TokenReport.human(remaining) + ", next check in "
          + TokenReport.human(nextPoll));
    }

    @Override
    public void onSlowDown(Duration interval) {
      getLog().info("Zoho asked to poll more slowly; checking every " + TokenReport.human(interval));
    }

    @Override
    public void onDataCenterChanged(DataCenter dataCenter) {
      getLog().info("Your Zoho account is in the " + dataCenter + " data centre; continuing there");
    }
  }
}

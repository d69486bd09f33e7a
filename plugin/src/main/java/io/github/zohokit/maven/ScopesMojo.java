package io.github.zohokit.maven;

import io.github.zohokit.auth.Scope;
import io.github.zohokit.auth.ScopeManifest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the scope string to paste into the API Console's "Generate Code" dialog — every scope this build's
 * compiled Zoho clients declare, plus {@code zoho.scopes} — and which client needs which.
 */
@Mojo(name = "scopes", requiresProject = false, requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public class ScopesMojo extends AbstractZohoMojo {

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    RequiredScopes required = requireScopes();
    getLog().info("Scopes for the API Console's \"Generate Code\" dialog:");
    getLog().info("");
    getLog().info("  " + required.consoleString());
    getLog().info("");
    for (ScopeManifest.Client client : required.manifest().clients()) {
      getLog().info(client.interfaceName() + ": " + Scope.join(client.scopes()));
      for (ScopeManifest.Method method : client.methods()) {
        getLog().info("    " + method.name() + "  " + method.httpMethod() + " " + method.path() + "  "
            + Scope.join(method.scopes()));
      }
    }
  }
}

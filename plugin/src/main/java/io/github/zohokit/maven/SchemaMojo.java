package io.github.zohokit.maven;

import io.github.zohokit.schema.Drift;
import io.github.zohokit.schema.SchemaDiff;
import io.github.zohokit.schema.SchemaFetcher;
import io.github.zohokit.schema.Snapshot;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Reads the organisation's modules and fields ({@code GET /crm/v8/settings/modules} and
 * {@code /settings/fields?module=}) with the build's credentials and stored token, and writes the snapshot to
 * commit ({@code src/main/zoho/schema/}), normalised so that an unchanged organisation changes no byte. Prints what
 * changed against the previous snapshot. Online; never bound to a phase: run it when the organisation changed.
 *
 * <p>The token needs {@code ZohoCRM.settings.modules.READ} and {@code ZohoCRM.settings.fields.READ}, and
 * {@code ZohoCRM.org.READ} to record the organisation's id (without it the snapshot records none, and
 * {@code schema-check} cannot tell another organisation apart).
 */
@Mojo(name = "schema", requiresProject = false, requiresDependencyResolution = ResolutionScope.NONE,
    threadSafe = true)
public class SchemaMojo extends AbstractSchemaMojo {

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    Snapshot previous = committed();
    List<String> selection = selection(previous);
    Snapshot fresh = SchemaFetcher.keepUnchangedOrg(fetch(selection), previous);
    if (previous != null) {
      Drift drift = SchemaDiff.compare(previous, fresh);
      drift.report().forEach(getLog()::info);
    }
    List<String> changed;
    try {
      changed = fresh.write(snapshotDirectory.toPath());
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    }
    if (changed.isEmpty()) {
      getLog().info("Snapshot " + snapshotDirectory + " is up to date (" + fresh.modules().size() + " modules); "
          + "no file changed");
    } else {
      getLog().info("Wrote " + changed.size() + " file(s) of the snapshot in " + snapshotDirectory + ": "
          + String.join(", ", changed) + ". Commit them");
    }
  }
}

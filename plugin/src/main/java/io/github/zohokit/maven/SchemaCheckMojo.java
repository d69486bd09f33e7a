package io.github.zohokit.maven;

import io.github.zohokit.schema.Change;
import io.github.zohokit.schema.Drift;
import io.github.zohokit.schema.SchemaDiff;
import io.github.zohokit.schema.Snapshot;
import io.github.zohokit.schema.UnifiedDiff;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Compares the committed snapshot with the live organisation (online, for CI): every difference in one run, grouped
 * by module and classified breaking / additive / cosmetic, a unified diff of the snapshot files, and
 * {@code target/zohokit/schema-drift.json}. Fails according to {@code failOn}. A token for another organisation or
 * data centre is reported as that.
 */
@Mojo(name = "schema-check", requiresProject = true, requiresDependencyResolution = ResolutionScope.NONE,
    threadSafe = true)
public class SchemaCheckMojo extends AbstractSchemaMojo {

  /** When to fail: {@code breaking} (default), {@code any} or {@code none}. */
  @Parameter(property = "zoho.schema.failOn", defaultValue = "breaking")
  protected String failOn;

  /**
   * Changes that never fail the build, comma-separated {@code Module.Field:code} patterns with {@code *}, such as
   * {@code Leads.*:field-added,*:label-changed}; without {@code :code}, any change of that field or module.
   */
  @Parameter(property = "zoho.schema.ignore")
  protected String ignore;

  /** The machine-readable report. */
  @Parameter(property = "zoho.schema.report", defaultValue = "${project.build.directory}/zohokit/schema-drift.json")
  protected File report;

  @Override
  protected void run() throws MojoExecutionException, MojoFailureException {
    Drift.FailOn policy;
    try {
      policy = Drift.FailOn.parse(failOn);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("zoho.schema.failOn: " + e.getMessage());
    }
    Snapshot committed = committed();
    if (committed == null) {
      throw new MojoFailureException("No snapshot in " + snapshotDirectory + " to check: run mvn zoho:schema "
          + "-Dzoho.modules=... and commit it");
    }
    Snapshot live = fetch(selection(committed));
    Drift drift = SchemaDiff.compare(committed, live);
    List<Change> failures = drift.failures(policy, ignoreList());
    for (String line : drift.report()) {
      if (failures.isEmpty()) {
        getLog().info(line);
      } else {
        getLog().error(line);
      }
    }
    if (drift.otherOrganisation() == null && !drift.changes().isEmpty()) {
      getLog().info("Unified diff of the snapshot files (a = committed, b = live):");
      UnifiedDiff.of(committed, live).forEach(getLog()::info);
    }
    try {
      Files.createDirectories(report.toPath().getParent());
      Files.writeString(report.toPath(), drift.toJson(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new MojoExecutionException("cannot write " + report + ": " + e.getMessage(), e);
    }
    getLog().info("Report: " + report);
    if (!failures.isEmpty()) {
      StringBuilder message = new StringBuilder("The organisation no longer matches the snapshot "
          + snapshotDirectory + " (failOn=" + failOn + "): " + failures.size() + " change(s) fail the build:");
      failures.forEach(c -> message.append("\n  ").append(c.describe()));
      if (drift.otherOrganisation() == null) {
        message.append("\nRun mvn zoho:schema and commit ").append(snapshotDirectory)
            .append(" to accept them, or ignore them with -Dzoho.schema.ignore=").append(failures.get(0).key());
      }
      throw new MojoFailureException(message.toString());
    }
  }

  private List<String> ignoreList() {
    List<String> list = new ArrayList<>();
    if (ignore != null) {
      for (String p : ignore.split(",")) {
        if (!p.isBlank()) {
          list.add(p.trim());
        }
      }
    }
    return list;
  }
}

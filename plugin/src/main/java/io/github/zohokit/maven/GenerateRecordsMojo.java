package io.github.zohokit.maven;

import io.github.zohokit.schema.GeneratorConfig;
import io.github.zohokit.schema.Overrides;
import io.github.zohokit.schema.RecordGenerator;
import io.github.zohokit.schema.SchemaException;
import io.github.zohokit.schema.Snapshot;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Generates typed records and APIs from the committed snapshot (offline: no network, no token), into
 * {@code target/generated-sources/zohokit}, and adds that directory to the compile sources. Files whose content
 * does not change are not rewritten, so incremental builds stay incremental; when neither the snapshot, the overrides
 * file, the configuration nor the generated files changed since the last run (a stamp beside the output directory
 * records them), the goal does not even read the snapshot. Also writes
 * {@code ZohoSchemaSnapshot.java} (see {@code zoho.records.schemaChecks}), from which zoho-processor learns where the
 * snapshot is and checks field names and {@code @Coql} statements against it.
 */
@Mojo(name = "generate-records", defaultPhase = LifecyclePhase.GENERATE_SOURCES, threadSafe = true)
public class GenerateRecordsMojo extends AbstractMojo {

  /** The snapshot directory that {@code zoho:schema} wrote. */
  @Parameter(property = "zoho.schema.directory", defaultValue = "${project.basedir}/src/main/zoho/schema")
  protected File snapshotDirectory;

  /** The package of the generated types, such as {@code com.example.crm.zoho}. */
  @Parameter(property = "zoho.records.package", required = true)
  protected String packageName;

  /** The modules to generate, comma-separated API names; default every module of the snapshot. */
  @Parameter(property = "zoho.records.modules")
  protected String modules;

  /** The user's corrections (Java types, names); a missing file is none. */
  @Parameter(property = "zoho.records.overrides",
      defaultValue = "${project.basedir}/src/main/zoho/schema-overrides.json")
  protected File overrides;

  /** Whether to generate a typed API interface per module ({@code LeadsApi}); needs zoho-processor. */
  @Parameter(property = "zoho.records.apis", defaultValue = "true")
  protected boolean apis;

  /**
   * Whether zoho-processor checks field names ({@code fields=}, {@code @Fields}) and {@code @Coql} statements
   * against the snapshot at compile time: this goal then also writes {@code ZohoSchemaSnapshot.java}, which tells
   * the processor where the snapshot is.
   */
  @Parameter(property = "zoho.records.schemaChecks", defaultValue = "true")
  protected boolean schemaChecks = true;

  /** Where the sources go. */
  @Parameter(property = "zoho.records.outputDirectory",
      defaultValue = "${project.build.directory}/generated-sources/zohokit")
  protected File outputDirectory;

  /** Skips the goal. */
  @Parameter(property = "zoho.skip", defaultValue = "false")
  protected boolean skip;

  @Parameter(defaultValue = "${project}", readonly = true)
  protected MavenProject project;

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("Skipping (zoho.skip=true)");
      return;
    }
    if (!Snapshot.exists(snapshotDirectory.toPath())) {
      throw new MojoFailureException("No snapshot in " + snapshotDirectory + ": run mvn zoho:schema "
          + "-Dzoho.modules=Leads,... once (online) and commit the directory");
    }
    List<String> selected = new ArrayList<>();
    if (modules != null) {
      for (String m : modules.split(",")) {
        if (!m.isBlank()) {
          selected.add(m.trim());
        }
      }
    }
    File basedir = project == null ? null : project.getBasedir();
    Path output = outputDirectory.toPath();
    List<String> changed;
    GenerationStamp stamp = null;
    try {
      try {
        stamp = GenerationStamp.of(output, List.of(packageName, String.valueOf(selected), String.valueOf(apis),
            String.valueOf(schemaChecks), String.valueOf(basedir)), overrides == null
            ? List.of(snapshotDirectory.toPath()) : List.of(snapshotDirectory.toPath(), overrides.toPath()),
            RecordGenerator.class);
        if (stamp.upToDate(output)) {
          addSourceRoot();
          getLog().info("Generated sources in " + outputDirectory + " are up to date (snapshot and configuration "
              + "unchanged)");
          return;
        }
      } catch (java.io.IOException e) {
        getLog().debug("No generation stamp (" + e.getMessage() + "); generating");
        stamp = null;
      }
      Snapshot snapshot = Snapshot.read(snapshotDirectory.toPath());
      GeneratorConfig config = new GeneratorConfig(packageName, selected,
          Overrides.read(overrides == null ? null : overrides.toPath()), apis);
      changed = new ArrayList<>(new RecordGenerator(snapshot, config, getLog()::warn).writeTo(output));
      if (schemaChecks ? SnapshotMarker.write(output, packageName,
          SnapshotMarker.source(packageName, snapshotDirectory, basedir))
          : SnapshotMarker.delete(output, packageName)) {
        changed.add(SnapshotMarker.CLASS_NAME + ".java");
      }
    } catch (SchemaException | IllegalArgumentException e) {
      deleteStamp(stamp);
      throw new MojoFailureException(e.getMessage());
    } catch (UncheckedIOException e) {
      deleteStamp(stamp);
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (java.io.IOException e) {
      deleteStamp(stamp);
      throw new MojoExecutionException("cannot write " + SnapshotMarker.CLASS_NAME + ".java to " + outputDirectory
          + ": " + e.getMessage(), e);
    }
    if (stamp != null) {
      try {
        stamp.write(output);
      } catch (java.io.IOException e) {
        getLog().warn("Cannot write the generation stamp beside " + outputDirectory + " (" + e.getMessage()
            + "); the next build generates again");
      }
    }
    addSourceRoot();
    getLog().info(changed.isEmpty() ? "Generated sources in " + outputDirectory + " are up to date"
        : "Generated " + changed.size() + " file(s) in " + outputDirectory);
  }

  private void addSourceRoot() {
    if (project != null) {
      project.addCompileSourceRoot(outputDirectory.getAbsolutePath());
    }
  }

  private void deleteStamp(GenerationStamp stamp) {
    try {
      if (stamp != null) {
        stamp.delete();
      }
    } catch (java.io.IOException e) {
      getLog().debug("Cannot delete the generation stamp: " + e.getMessage());
    }
  }
}

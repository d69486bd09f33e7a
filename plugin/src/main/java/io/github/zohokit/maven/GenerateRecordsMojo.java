package io.github.zohokit.maven;

import io.github.zohokit.schema.GeneratorConfig;
import io.github.zohokit.schema.Overrides;
import io.github.zohokit.schema.RecordGenerator;
import io.github.zohokit.schema.SchemaException;
import io.github.zohokit.schema.Snapshot;
import java.io.Closeable;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
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
    Closeable lock;
    try {
      lock = GenerationStamp.lock(outputDirectory.toPath(), packageName, () -> getLog().info("Waiting for another "
          + "build generating into " + outputDirectory));
    } catch (IOException e) {
      getLog().debug("Cannot lock the generation stamp (" + e.getMessage() + "); generating without one");
      lock = null;
    }
    try {
      generate(selected, basedir, lock != null);
    } finally {
      if (lock != null) {
        try {
          lock.close();
        } catch (IOException e) {
          getLog().debug("Cannot release the generation stamp's lock: " + e.getMessage());
        }
      }
    }
  }

  /** Generates, or skips when the stamp says nothing changed ({@code stamped}: while holding the stamp's lock). */
  private void generate(List<String> selected, File basedir, boolean stamped)
      throws MojoExecutionException, MojoFailureException {
    Path output = outputDirectory.toPath();
    List<String> changed;
    List<String> warnings = new ArrayList<>();
    GenerationStamp stamp = null;
    List<String> left = null;
    try {
      try {
        stamp = stamped ? stamp(selected, basedir) : null;
        Optional<List<String>> lastWarnings = stamp == null ? Optional.empty() : stamp.upToDate(output);
        if (lastWarnings.isPresent()) {
          lastWarnings.get().forEach(getLog()::warn);
          addSourceRoot();
          getLog().info("Generated sources in " + outputDirectory + " are up to date (snapshot and configuration "
              + "unchanged)");
          return;
        }
      } catch (IOException e) {
        getLog().debug("No generation stamp (" + e.getMessage() + "); generating");
        stamp = null;
      }
      Snapshot snapshot = readSnapshot(snapshotDirectory.toPath());
      GeneratorConfig config = new GeneratorConfig(packageName, selected,
          Overrides.read(overrides == null ? null : overrides.toPath()), apis);
      changed = new ArrayList<>(new RecordGenerator(snapshot, config, warning -> {
        warnings.add(warning);
        getLog().warn(warning);
      }).writeTo(output));
      if (schemaChecks ? SnapshotMarker.write(output, packageName,
          SnapshotMarker.source(packageName, snapshotDirectory, basedir))
          : SnapshotMarker.delete(output, packageName)) {
        changed.add(SnapshotMarker.CLASS_NAME + ".java");
      }
      if (stamp != null) {
        left = GenerationStamp.listing(output); // at once: a later change by anyone else is then seen as a change
      }
    } catch (SchemaException | IllegalArgumentException e) {
      deleteStamp(stamp);
      throw new MojoFailureException(e.getMessage());
    } catch (UncheckedIOException e) {
      deleteStamp(stamp);
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (IOException e) {
      deleteStamp(stamp);
      throw new MojoExecutionException("cannot write " + SnapshotMarker.CLASS_NAME + ".java to " + outputDirectory
          + ": " + e.getMessage(), e);
    }
    if (stamp != null) {
      try {
        // an input that changed while generating (another build, an editor) may not be what was read: no stamp
        if (stamp.sameInputs(stamp(selected, basedir))) {
          stamp.write(left, warnings);
        } else {
          stamp.delete();
          getLog().debug("The snapshot, overrides or plugin changed while generating; the next build generates "
              + "again");
        }
      } catch (IOException e) {
        deleteStamp(stamp);
        getLog().warn("Cannot write the generation stamp beside " + outputDirectory + " (" + e.getMessage()
            + "); the next build generates again");
      }
    }
    addSourceRoot();
    getLog().info(changed.isEmpty() ? "Generated sources in " + outputDirectory + " are up to date"
        : "Generated " + changed.size() + " file(s) in " + outputDirectory);
  }

  /** The stamp of a generation with this configuration and the current inputs. */
  private GenerationStamp stamp(List<String> selected, File basedir) throws IOException {
    Path snapshot = snapshotDirectory.toPath();
    List<Path> inputs = new ArrayList<>(Snapshot.files(snapshot));
    if (overrides != null) {
      inputs.add(overrides.toPath());
    }
    List<String> configuration = Arrays.asList(packageName, String.valueOf(selected), String.valueOf(apis),
        String.valueOf(schemaChecks), String.valueOf(basedir), snapshot.toAbsolutePath().normalize().toString());
    return GenerationStamp.of(outputDirectory.toPath(), packageName, configuration, inputs,
        List.of(RecordGenerator.class, GenerateRecordsMojo.class));
  }

  /** Reads the snapshot (a method of its own so that a test can change the snapshot as it is read). */
  Snapshot readSnapshot(Path dir) {
    return Snapshot.read(dir);
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
    } catch (IOException e) {
      getLog().debug("Cannot delete the generation stamp: " + e.getMessage());
    }
  }
}

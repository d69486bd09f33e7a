package io.github.zohokit.maven;

import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.schema.SchemaException;
import io.github.zohokit.schema.SchemaFetcher;
import io.github.zohokit.schema.Snapshot;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.scope.ScopeManifest;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What the online schema goals share: the snapshot directory, the module selection, and reading the organisation's
 * metadata with the build's credentials and stored token (as {@code bootstrap-token} stores it).
 */
abstract class AbstractSchemaMojo extends AbstractZohoMojo {

  /** The snapshot directory: {@code org.json} and {@code modules/<api_name>.json}, to commit. */
  @Parameter(property = "zoho.schema.directory", defaultValue = "${project.basedir}/src/main/zoho/schema")
  protected File snapshotDirectory;

  /**
   * The modules to read, comma-separated API names; {@code *} for every API-supported module; {@code !Name}
   * excludes one. Subform and linking modules they use are followed. Default: the modules of the existing snapshot;
   * without one, the modules this project's compiled APIs name (their paths, and the read scopes of {@code @Coql}
   * methods; see {@code CodeModules}).
   */
  @Parameter(property = "zoho.modules")
  protected String modules;

  /** The snapshot on disk, or null when there is none. */
  protected Snapshot committed() throws MojoFailureException {
    if (!Snapshot.exists(snapshotDirectory.toPath())) {
      return null;
    }
    try {
      return Snapshot.read(snapshotDirectory.toPath());
    } catch (SchemaException e) {
      throw new MojoFailureException(e.getMessage());
    }
  }

  /**
   * The module selection: the parameter, else the committed snapshot's modules (without followed ones), else the
   * modules the project's compiled APIs name.
   */
  protected List<String> selection(Snapshot committed) throws MojoFailureException {
    if (modules != null && !modules.isBlank()) {
      List<String> list = new ArrayList<>();
      for (String m : modules.split(",")) {
        if (!m.isBlank()) {
          list.add(m.trim());
        }
      }
      return list;
    }
    if (committed != null) {
      List<String> list = new ArrayList<>();
      committed.modules().stream().filter(m -> !m.isSubform() && !"linking".equals(m.generatedType()))
          .forEach(m -> list.add(m.apiName()));
      return list;
    }
    File classes = project == null || project.getFile() == null ? null
        : new File(project.getBuild().getOutputDirectory());
    try {
      Set<String> named = CodeModules.named(classes);
      if (!named.isEmpty()) {
        getLog().info("Modules: " + String.join(", ", named) + ", the modules this project's compiled APIs name ("
            + new File(classes, ScopeManifest.RESOURCE) + "); pass -Dzoho.modules=... to choose others");
        return new ArrayList<>(named);
      }
    } catch (IOException e) {
      throw new MojoFailureException("Cannot read " + new File(classes, ScopeManifest.RESOURCE) + ": "
          + e.getMessage());
    }
    throw new MojoFailureException("Which modules? Set <modules> in the plugin's configuration or pass "
        + "-Dzoho.modules=Leads,Contacts (API names; * for every API-supported module); there is no snapshot in "
        + snapshotDirectory + " to take them from, and " + (classes == null ? "there is no project whose compiled "
        + "APIs could name them" : "this project's compiled APIs name none (" + new File(classes,
        ScopeManifest.RESOURCE) + (new File(classes, ScopeManifest.RESOURCE).isFile() ? ": no module in their paths "
        + "or COQL scopes)" : " does not exist: run mvn compile first, or pass the modules)")));
  }

  /** Reads the selected modules from the live organisation. */
  protected Snapshot fetch(List<String> selection) throws MojoExecutionException, MojoFailureException {
    requireNetwork("reading the organisation's modules and fields");
    Credentials credentials = credentials(false);
    DataCenter dc = dataCenter();
    ZohoOAuth oauth = oauth(ClientType.SELF_CLIENT, credentials).build();
    if (oauth.storedToken(userKey).isEmpty()) {
      throw new MojoFailureException("No Zoho token is stored for " + TokenReport.who(new TokenKey(
          credentials.clientId(), userKey)) + " in " + tokenStorePath() + ". Run mvn zoho:bootstrap-token first: "
          + "in a project whose POM runs generate-records (or schema, schema-check) it requests " + String.join(", ", SchemaGoals.SCOPES)
          + " itself; elsewhere add -Dzoho.scopes=" + String.join(",", SchemaGoals.SCOPES));
    }
    Zoho zoho = Zoho.connect(oauth).forUser(userKey);
    ZohoMetadata source = new ZohoMetadata(zoho.httpClient(), endpoints(dc).apiBase(dc), dc.location(),
        getLog()::warn);
    try {
      return new SchemaFetcher(source, getLog()::info).fetch(selection, toolVersion(),
          Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    } catch (SchemaException | ZohoMetadata.MetadataException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (UncheckedIOException e) {
      throw new MojoExecutionException(e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new MojoFailureException("Reading the organisation's metadata failed: " + e.getMessage(), e);
    }
  }

  private static String toolVersion() {
    String version = AbstractSchemaMojo.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}

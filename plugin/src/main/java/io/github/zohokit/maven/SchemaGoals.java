package io.github.zohokit.maven;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;

/**
 * Whether a project configures the schema goals, and the scopes those goals need. A project configures them when
 * its POM's build runs this plugin with an execution of {@code generate-records}, {@code schema} or
 * {@code schema-check}: it keeps a snapshot of its organisation, which {@code zoho:schema} fetches and
 * {@code zoho:schema-check} compares, so the token {@code bootstrap-token} stores must allow reading the metadata.
 */
final class SchemaGoals {
  static final String GROUP_ID = "io.github.zohokit";
  static final String ARTIFACT_ID = "zoho-maven-plugin";
  static final Set<String> GOALS = Set.of("generate-records", "schema", "schema-check");
  /**
   * What {@code zoho:schema} and {@code zoho:schema-check} call: {@code GET /crm/v8/settings/modules}
   * (ZohoCRM.settings.modules.READ), {@code GET /crm/v8/settings/fields} (ZohoCRM.settings.fields.READ) and
   * {@code GET /crm/v8/org} for the organisation's id (ZohoCRM.org.READ); the scope catalogue's rows for these calls
   * (zoho-crm-v8-scopes.tsv, from Zoho's modules, fields and org API pages).
   */
  static final List<String> SCOPES = List.of("ZohoCRM.settings.modules.READ", "ZohoCRM.settings.fields.READ",
      "ZohoCRM.org.READ");

  private SchemaGoals() {}

  /** The schema goals {@code project}'s build runs, sorted; empty when none or without a project. */
  static Set<String> configuredIn(MavenProject project) {
    Set<String> goals = new TreeSet<>();
    if (project == null || project.getBuildPlugins() == null) {
      return goals;
    }
    for (Plugin plugin : project.getBuildPlugins()) {
      if (!ARTIFACT_ID.equals(plugin.getArtifactId()) || !GROUP_ID.equals(plugin.getGroupId())) {
        continue;
      }
      for (PluginExecution execution : plugin.getExecutions()) {
        for (String goal : execution.getGoals()) {
          if (GOALS.contains(goal)) {
            goals.add(goal);
          }
        }
      }
    }
    return goals;
  }
}

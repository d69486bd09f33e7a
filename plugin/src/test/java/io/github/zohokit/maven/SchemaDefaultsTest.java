package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.scope.Scope;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.PluginExecution;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a project that keeps a schema snapshot gets without configuring it: the metadata scopes in
 * {@code zoho:scopes} and {@code bootstrap-token}, the modules its code names as {@code zoho:schema}'s default,
 * and the source file that points zoho-processor at the snapshot.
 */
class SchemaDefaultsTest {
  @TempDir Path dir;

  private static MavenProject project(String... goals) {
    Model model = new Model();
    model.setBuild(new Build());
    Plugin compiler = new Plugin();
    compiler.setGroupId("org.apache.maven.plugins");
    compiler.setArtifactId("maven-compiler-plugin");
    model.getBuild().addPlugin(compiler);
    Plugin zoho = new Plugin();
    zoho.setGroupId(SchemaGoals.GROUP_ID);
    zoho.setArtifactId(SchemaGoals.ARTIFACT_ID);
    PluginExecution execution = new PluginExecution();
    execution.setGoals(List.of(goals));
    zoho.addExecution(execution);
    model.getBuild().addPlugin(zoho);
    return new MavenProject(model);
  }

  private File manifest(String json) throws Exception {
    File classes = dir.resolve("classes").toFile();
    Files.createDirectories(classes.toPath().resolve("META-INF/zoho"));
    Files.writeString(classes.toPath().resolve("META-INF/zoho/scopes.json"), json);
    return classes;
  }

  private static String method(String name, String http, String path, String... scopes) {
    return "{\"name\":\"" + name + "\",\"http\":\"" + http + "\",\"path\":\"" + path + "\",\"scopes\":[\""
        + String.join("\",\"", scopes) + "\"]}";
  }

  @Test
  void aProjectRunningASchemaGoalAsksForTheMetadataScopes() throws Exception {
    assertThat(SchemaGoals.configuredIn(project("generate-records"))).containsExactly("generate-records");
    assertThat(SchemaGoals.configuredIn(project("bootstrap-token"))).isEmpty();
    assertThat(SchemaGoals.configuredIn(null)).isEmpty();
    File classes = manifest("{\"format\":\"zohokit-scopes\",\"formatVersion\":1,\"clients\":[{\"interface\":"
        + "\"com.example.LeadsApi\",\"methods\":[" + method("list", "GET", "/crm/v8/Leads",
        "ZohoCRM.modules.leads.READ") + "]}]}");
    RequiredScopes plain = RequiredScopes.read(classes, List.of(), null, RequiredScopes.DependencyScopes.NONE);
    assertThat(plain.withSchemaGoals(SchemaGoals.configuredIn(project("bootstrap-token"))).consoleString())
        .isEqualTo("ZohoCRM.modules.leads.READ");
    RequiredScopes withSchema = plain.withSchemaGoals(SchemaGoals.configuredIn(project("schema-check",
        "generate-records")));
    assertThat(withSchema.all()).containsExactlyInAnyOrderElementsOf(Scope.parseAll(List.of(
        "ZohoCRM.modules.leads.READ", "ZohoCRM.settings.modules.READ", "ZohoCRM.settings.fields.READ",
        "ZohoCRM.org.READ")));
    assertThat(withSchema.explanation()).contains("  ZohoCRM.settings.fields.READ",
        "      zoho:schema and zoho:schema-check, to read the organisation's modules, fields and id (this project "
            + "runs generate-records, schema-check)");
  }

  @Test
  void theModulesTheCodeNamesAreThePathsModulesAndTheCoqlReadScopes() throws Exception {
    File classes = manifest("{\"format\":\"zohokit-scopes\",\"formatVersion\":1,\"clients\":[{\"interface\":"
        + "\"com.example.Api\",\"methods\":["
        + method("lead", "GET", "/crm/v8/Leads/{id}", "ZohoCRM.modules.leads.READ") + ","
        + method("any", "GET", "/crm/v8/{module}", "ZohoCRM.modules.READ") + ","
        + method("projects", "GET", "/crm/v8/Projects__c", "ZohoCRM.modules.custom.READ") + ","
        + method("users", "GET", "/crm/v8/users", "ZohoCRM.users.READ") + ","
        + method("orders", "POST", "/crm/v8/coql", "ZohoCRM.coql.READ", "ZohoCRM.modules.salesorders.READ") + "]}]}");
    assertThat(CodeModules.named(classes)).containsExactly("Leads", "Projects__c", "Sales_Orders");
    assertThat(CodeModules.named(dir.resolve("none").toFile())).isEmpty();
    assertThat(CodeModules.named(null)).isEmpty();
  }

  @Test
  void theMarkerNamesTheSnapshotRelativeToTheProject() throws Exception {
    File base = dir.toFile();
    String source = SnapshotMarker.source("com.example.crm", new File(base, "src/main/zoho/schema"), base);
    assertThat(source).contains("package com.example.crm;", "final class ZohoSchemaSnapshot {",
        "static final String SHOWN = \"src/main/zoho/schema\";",
        "static final String DIRECTORY = \"" + dir.resolve("src/main/zoho/schema").toAbsolutePath().toString()
            .replace("\\", "\\\\") + "\";");
    Path out = dir.resolve("generated");
    assertThat(SnapshotMarker.write(out, "com.example.crm", source)).isTrue();
    assertThat(SnapshotMarker.write(out, "com.example.crm", source)).isFalse(); // unchanged: not rewritten
    assertThat(out.resolve("com/example/crm/ZohoSchemaSnapshot.java")).hasContent(source);
    assertThat(SnapshotMarker.delete(out, "com.example.crm")).isTrue();
    assertThat(Set.of(out.resolve("com/example/crm").toFile().list())).isEmpty();
  }
}

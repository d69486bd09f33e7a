package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.scope.Scope;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scopes a build requests: the minimal set, who asked for each, and what a dependency contributes. */
class RequiredScopesTest {
  @TempDir Path dir;
  private File classes;
  private File crmJar;

  private static String manifest(String client, String... methods) {
    StringBuilder b = new StringBuilder("{\"format\":\"zohokit-scopes\",\"formatVersion\":1,\"clients\":[{\"interface\":\"")
        .append(client).append("\",\"methods\":[");
    for (int i = 0; i < methods.length; i += 2) {
      b.append(i == 0 ? "" : ",").append("{\"name\":\"").append(methods[i]).append("\",\"http\":\"GET\",")
          .append("\"path\":\"/crm/v8/Leads\",\"scopes\":[\"").append(methods[i + 1]).append("\"]}");
    }
    return b.append("]}]}").toString();
  }

  @BeforeEach
  void project() throws Exception {
    classes = dir.resolve("classes").toFile();
    Files.createDirectories(classes.toPath().resolve("META-INF/zoho"));
    Files.writeString(classes.toPath().resolve("META-INF/zoho/scopes.json"), manifest("com.example.LeadsApi",
        "list", "ZohoCRM.modules.leads.READ", "create", "ZohoCRM.modules.leads.ALL"));
    crmJar = dir.resolve("zoho-crm-1.0.jar").toFile();
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(crmJar.toPath()))) {
      out.putNextEntry(new JarEntry("META-INF/zoho/scopes.json"));
      out.write(("{\"format\":\"zohokit-scopes\",\"formatVersion\":1,\"clients\":["
          + manifest("io.github.zohokit.crm.v8.UsersApi", "current", "ZohoCRM.users.READ").replaceAll(
              "^\\{\"format\":\"zohokit-scopes\",\"formatVersion\":1,\"clients\":\\[|\\]}$", "") + ","
          + manifest("io.github.zohokit.crm.v8.RecordsApi", "get", "ZohoCRM.modules.READ").replaceAll(
              "^\\{\"format\":\"zohokit-scopes\",\"formatVersion\":1,\"clients\":\\[|\\]}$", "")
          + "]}").getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Compiles a class of this project that uses {@code UsersApi}, a dependency's client interface. */
  private void compileAUserOfUsersApi() throws Exception {
    Path src = dir.resolve("src");
    Files.createDirectories(src.resolve("io/github/zohokit/crm/v8"));
    Files.createDirectories(src.resolve("com/example"));
    Files.writeString(src.resolve("io/github/zohokit/crm/v8/UsersApi.java"),
        "package io.github.zohokit.crm.v8; public interface UsersApi { String current(); }");
    Files.writeString(src.resolve("com/example/Sync.java"), "package com.example; "
        + "class Sync { String run(io.github.zohokit.crm.v8.UsersApi users) { return users.current(); } }");
    Path apiClasses = dir.resolve("api-classes");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, "-d", apiClasses.toString(),
        src.resolve("io/github/zohokit/crm/v8/UsersApi.java").toString())).isZero();
    assertThat(javac.run(null, null, null, "-d", classes.toString(), "-cp", apiClasses.toString(),
        src.resolve("com/example/Sync.java").toString())).isZero();
  }

  @Test
  void theMinimalSetLeavesOutWhatABroaderScopeCovers() throws Exception {
    RequiredScopes scopes = RequiredScopes.read(classes, List.of(), null, RequiredScopes.DependencyScopes.REFERENCED);
    assertThat(scopes.consoleString()).isEqualTo("ZohoCRM.modules.leads.ALL");
    assertThat(scopes.explanation()).contains("Scopes to request (1), and who asked for each:",
        "  ZohoCRM.modules.leads.ALL", "      com.example.LeadsApi: list(), create() (this project)",
        "Not requested separately: ZohoCRM.modules.leads.READ (covered by ZohoCRM.modules.leads.ALL)");
  }

  @Test
  void aDependencysClientsAreLeftOutUnlessTheProjectUsesThem() throws Exception {
    RequiredScopes scopes = RequiredScopes.read(classes, List.of(crmJar), null,
        RequiredScopes.DependencyScopes.REFERENCED);
    assertThat(scopes.consoleString()).isEqualTo("ZohoCRM.modules.leads.ALL");
    assertThat(String.join("\n", scopes.explanation())).contains("Not requested: the APIs of zoho-crm-1.0.jar, "
        + "because this project's classes do not use them (zoho.dependencyScopes=referenced, the default): "
        + "io.github.zohokit.crm.v8.UsersApi (ZohoCRM.users.READ), io.github.zohokit.crm.v8.RecordsApi "
        + "(ZohoCRM.modules.READ). Pass -Dzoho.dependencyScopes=all to request them too");
  }

  @Test
  void aDependencyClientTheProjectUsesIsRequestedAndNamed() throws Exception {
    compileAUserOfUsersApi();
    RequiredScopes scopes = RequiredScopes.read(classes, List.of(crmJar), null,
        RequiredScopes.DependencyScopes.REFERENCED);
    assertThat(scopes.all()).extracting(Scope::toString)
        .containsExactly("ZohoCRM.modules.leads.ALL", "ZohoCRM.users.READ");
    assertThat(scopes.explanation()).contains("      io.github.zohokit.crm.v8.UsersApi: current() (zoho-crm-1.0.jar)");
    assertThat(String.join("\n", scopes.explanation())).contains("io.github.zohokit.crm.v8.RecordsApi")
        .doesNotContain("crm.v8.UsersApi (ZohoCRM.users.READ)");
  }

  @Test
  void allAndNoneOverrideTheDefault() throws Exception {
    assertThat(RequiredScopes.read(classes, List.of(crmJar), "ZohoCRM.org.READ", RequiredScopes.DependencyScopes.ALL)
        .consoleString()).isEqualTo("ZohoCRM.modules.READ,ZohoCRM.modules.leads.ALL,ZohoCRM.org.READ,"
            + "ZohoCRM.users.READ");
    compileAUserOfUsersApi();
    RequiredScopes none = RequiredScopes.read(classes, List.of(crmJar), null, RequiredScopes.DependencyScopes.NONE);
    assertThat(none.consoleString()).isEqualTo("ZohoCRM.modules.leads.ALL");
    assertThat(String.join("\n", none.explanation())).contains("because zoho.dependencyScopes=none");
  }

  @Test
  void scopesGivenByHandSayWhoAsked() throws Exception {
    RequiredScopes scopes = RequiredScopes.read(classes, List.of(), "ZohoCRM.settings.fields.READ",
        RequiredScopes.DependencyScopes.REFERENCED);
    assertThat(scopes.explanation()).contains("  ZohoCRM.settings.fields.READ", "      zoho.scopes");
  }

  @Test
  void manifestsAreCheckedAgainstTheCatalogueToo() throws Exception {
    Files.writeString(classes.toPath().resolve("META-INF/zoho/scopes.json"), manifest("com.example.OldApi",
        "list", "ZohoCRM.modules.contacts.READ").replace("/crm/v8/Leads", "/crm/v8/Deals"));
    String log = String.join("\n", RequiredScopes.read(classes, List.of(), null,
        RequiredScopes.DependencyScopes.REFERENCED).explanation());
    assertThat(log).contains("Warning: com.example.OldApi.list() (this project) declares [ZohoCRM.modules.contacts.READ] "
        + "for GET /crm/v8/Deals, but Zoho documents ZohoCRM.modules.deals.READ or ZohoCRM.modules.deals.ALL or "
        + "ZohoCRM.modules.ALL");
    Files.writeString(classes.toPath().resolve("META-INF/zoho/scopes.json"), manifest("com.example.CustomApi",
        "list", "ZohoCRM.modules.custom.READ").replace("/crm/v8/Leads", "/crm/v8/Projects__c"));
    assertThat(RequiredScopes.read(classes, List.of(), null, RequiredScopes.DependencyScopes.REFERENCED)
        .explanation()).contains("Not in zohokit's scope catalogue, so unchecked: com.example.CustomApi.list() GET "
            + "/crm/v8/Projects__c (this project)");
  }

  @Test
  void anUnknownPolicyIsNamed() {
    assertThatThrownBy(() -> RequiredScopes.DependencyScopes.parse("some"))
        .hasMessage("zoho.dependencyScopes=some is not a choice; use referenced (the default: dependency APIs this "
            + "project's classes use), all or none");
  }
}

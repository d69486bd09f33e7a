package io.github.zohokit.processor;

import static io.github.zohokit.processor.DiagnosticsTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An IDE or an incremental build recompiles only some interfaces into a class directory that already holds the
 * rest: the registration and the manifest keep the clients of the earlier build, except one whose interface no
 * longer carries any zohokit annotation.
 */
class PartialRecompileTest {
  private static final JavaFileObject LEADS = source("com.example.crm.LeadsApi",
      "package com.example.crm;",
      "import io.github.zohokit.annotation.*;",
      "@ZohoScope(\"ZohoCRM.modules.leads.READ\")",
      "public interface LeadsApi {",
      "  @Get(\"/crm/v8/Leads/{id}\") String find(@Path(\"id\") String id);",
      "}");
  private static final JavaFileObject USERS = source("com.example.crm.UsersApi",
      "package com.example.crm;",
      "import io.github.zohokit.annotation.*;",
      "@ZohoScope(\"ZohoCRM.users.READ\")",
      "public interface UsersApi {",
      "  @Get(\"/crm/v8/users\") String all();",
      "}");
  private static final JavaFileObject LEADS_PLAIN = source("com.example.crm.LeadsApi",
      "package com.example.crm;",
      "public interface LeadsApi {",
      "  String find(String id);",
      "}");
  private static final JavaFileObject USERS_CHANGED = source("com.example.crm.UsersApi",
      "package com.example.crm;",
      "import io.github.zohokit.annotation.*;",
      "@ZohoScope(\"ZohoCRM.users.READ\")",
      "public interface UsersApi {",
      "  @Get(\"/crm/v8/users\") String all();",
      "  @Get(\"/crm/v8/users/{id}\") String one(@Path(\"id\") String id);",
      "}");

  @TempDir Path out;

  @Test
  void recompilingOneInterfaceKeepsTheOthersInServicesAndManifest() throws Exception {
    compile(LEADS, USERS);
    compile(USERS_CHANGED);

    assertThat(read(ZohoProcessor.SERVICES)).isEqualTo("com.example.crm.ZohoApiRegistry\n");
    assertThat(read("com/example/crm/ZohoApiRegistry.java"))
        .contains("apis.add(LeadsApi.class, ZohoLeadsApi::new);")
        .contains("apis.add(UsersApi.class, ZohoUsersApi::new);");
    String manifest = read("META-INF/zoho/scopes.json");
    assertThat(manifest)
        .contains("\"interface\": \"com.example.crm.LeadsApi\"")
        .contains("{\"name\": \"one\"")
        .contains("\"scopes\": [\"ZohoCRM.modules.leads.READ\", \"ZohoCRM.users.READ\"]\n}\n");
    assertThat(manifest.split("\"interface\": \"com.example.crm.UsersApi\"", -1)).hasSize(2);
  }

  @Test
  void anInterfaceThatNoLongerExistsIsDropped() throws Exception {
    compile(LEADS, USERS);
    try (Stream<Path> files = Files.list(out.resolve("com/example/crm"))) {
      for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().startsWith("LeadsApi"))::iterator) {
        Files.delete(file);
      }
    }
    compile(USERS_CHANGED);

    assertThat(read(ZohoProcessor.SERVICES)).isEqualTo("com.example.crm.ZohoApiRegistry\n");
    assertThat(read("com/example/crm/ZohoApiRegistry.java")).doesNotContain("LeadsApi")
        .contains("apis.add(UsersApi.class, ZohoUsersApi::new);");
    assertThat(read("META-INF/zoho/scopes.json")).doesNotContain("LeadsApi")
        .endsWith("\"scopes\": [\"ZohoCRM.users.READ\"]\n}\n");
  }

  @Test
  void anInterfaceRecompiledWithoutItsAnnotationsLeavesTheRegistryAndTheManifest() throws Exception {
    compile(LEADS, USERS);
    assertThat(read("com/example/crm/ZohoApiRegistry.java")).contains("LeadsApi.class");
    // every zohokit annotation removed from LeadsApi; the IDE recompiles it with the other interface

    compile(LEADS_PLAIN, USERS);

    assertOnlyUsersApiIsRegistered();
  }

  @Test
  void anInterfaceThatLostItsAnnotationsLeavesThemAlsoWhenTheCompilationHasNoOtherApi() throws Exception {
    compile(LEADS, USERS);
    // the IDE recompiles the changed interface and what depends on it: its generated API, still on disk
    JavaFileObject staleGenerated = source("com.example.crm.ZohoLeadsApi",
        read("com/example/crm/ZohoLeadsApi.java").split("\n", -1));

    compile(LEADS_PLAIN, staleGenerated);

    assertOnlyUsersApiIsRegistered();
  }

  private void assertOnlyUsersApiIsRegistered() throws IOException {
    assertThat(read(ZohoProcessor.SERVICES)).isEqualTo("com.example.crm.ZohoApiRegistry\n");
    assertThat(read("com/example/crm/ZohoApiRegistry.java")).doesNotContain("LeadsApi")
        .contains("apis.add(UsersApi.class, ZohoUsersApi::new);");
    assertThat(read("META-INF/zoho/scopes.json")).doesNotContain("LeadsApi").contains("UsersApi");
  }

  private void compile(JavaFileObject... sources) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
      String classPath = System.getProperty("java.class.path") + File.pathSeparator + out;
      JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics,
          List.of("-d", out.toString(), "-classpath", classPath), null, List.of(sources));
      task.setProcessors(List.of(new ZohoProcessor()));
      assertThat(task.call()).as(diagnostics.getDiagnostics().toString()).isTrue();
    }
  }

  private String read(String resource) throws IOException {
    return Files.readString(out.resolve(resource), StandardCharsets.UTF_8);
  }
}

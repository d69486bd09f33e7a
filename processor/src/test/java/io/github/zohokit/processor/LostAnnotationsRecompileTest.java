package io.github.zohokit.processor;

import static io.github.zohokit.processor.DiagnosticsTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A partial recompile (an IDE, an incremental build) of an interface whose zohokit annotations were all removed: its
 * stale generated API leaves the registry and the manifest, in two javac runs into one class directory.
 */
class LostAnnotationsRecompileTest {
  private static final JavaFileObject LEADS = source("com.example.crm.LeadsApi",
      "package com.example.crm;",
      "import io.github.zohokit.annotation.*;",
      "@ZohoScope(\"ZohoCRM.modules.leads.READ\")",
      "public interface LeadsApi {",
      "  @Get(\"/crm/v8/Leads/{id}\") String find(@Path(\"id\") String id);",
      "}");
  private static final JavaFileObject LEADS_PLAIN = source("com.example.crm.LeadsApi",
      "package com.example.crm;",
      "public interface LeadsApi {",
      "  String find(String id);",
      "}");
  private static final JavaFileObject USERS = source("com.example.crm.UsersApi",
      "package com.example.crm;",
      "import io.github.zohokit.annotation.*;",
      "@ZohoScope(\"ZohoCRM.users.READ\")",
      "public interface UsersApi {",
      "  @Get(\"/crm/v8/users\") String all();",
      "}");

  @TempDir Path out;

  @Test
  void anInterfaceRecompiledWithoutItsAnnotationsLeavesTheRegistryAndTheManifest() throws Exception {
    compile(LEADS, USERS);
    assertThat(read("com/example/crm/ZohoApiRegistry.java")).contains("LeadsApi.class");

    compile(LEADS_PLAIN, USERS);

    assertThat(read(ZohoProcessor.SERVICES)).isEqualTo("com.example.crm.ZohoApiRegistry\n");
    assertThat(read("com/example/crm/ZohoApiRegistry.java")).doesNotContain("LeadsApi")
        .contains("apis.add(UsersApi.class, ZohoUsersApi::new);");
    assertThat(read("META-INF/zoho/scopes.json")).doesNotContain("LeadsApi").contains("UsersApi");
  }

  @Test
  void itLeavesThemAlsoWhenTheCompilationHasNoOtherApi() throws Exception {
    compile(LEADS, USERS);
    // the IDE recompiles the changed interface and what depends on it: its generated API, still on disk
    JavaFileObject staleGenerated = source("com.example.crm.ZohoLeadsApi",
        read("com/example/crm/ZohoLeadsApi.java").split("\n", -1));

    compile(LEADS_PLAIN, staleGenerated);

    assertThat(read(ZohoProcessor.SERVICES)).isEqualTo("com.example.crm.ZohoApiRegistry\n");
    assertThat(read("com/example/crm/ZohoApiRegistry.java")).doesNotContain("LeadsApi")
        .contains("apis.add(UsersApi.class, ZohoUsersApi::new);");
    assertThat(read("META-INF/zoho/scopes.json")).doesNotContain("LeadsApi").contains("UsersApi");
  }

  @Test
  void anInterfaceNotRecompiledKeepsItsEntry() throws Exception {
    compile(LEADS, USERS);
    compile(source("com.example.crm.UsersApi",
        "package com.example.crm;",
        "import io.github.zohokit.annotation.*;",
        "@ZohoScope(\"ZohoCRM.users.READ\")",
        "public interface UsersApi {",
        "  @Get(\"/crm/v8/users/{id}\") String one(@Path(\"id\") String id);",
        "}"));
    assertThat(read("com/example/crm/ZohoApiRegistry.java")).contains("apis.add(LeadsApi.class, ZohoLeadsApi::new);")
        .contains("apis.add(UsersApi.class, ZohoUsersApi::new);");
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

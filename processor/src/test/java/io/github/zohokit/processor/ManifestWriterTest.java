package io.github.zohokit.processor;

import static io.github.zohokit.processor.DiagnosticsTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.scope.Scope;
import io.github.zohokit.scope.ScopeManifest;
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

/** The processor writes the manifest through its owner, {@link ScopeManifest}, and reads an earlier one back through it. */
class ManifestWriterTest {
  private static final JavaFileObject LEADS = source("com.example.crm.LeadsApi",
      "package com.example.crm;",
      "import io.github.zohokit.annotation.*;",
      "@ZohoScope(\"ZohoCRM.modules.leads.READ\")",
      "public interface LeadsApi {",
      "  @Get(\"/crm/v8/Leads/{id}\") String find(@Path(\"id\") String id);",
      "  @ZohoScope({\"ZohoCRM.modules.leads.CREATE\", \"zohocrm.modules.leads.create\"})",
      "  @Post(\"/crm/v8/Leads\") String create(@Body String lead);",
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
  void theManifestIsTheOwnersTextOfTheCompiledClients() throws Exception {
    compile(LEADS, USERS);

    String written = read();
    ScopeManifest manifest = ScopeManifest.parse(written, "out");
    assertThat(manifest.toJson()).as("the owner's layout, byte for byte").isEqualTo(written);
    assertThat(manifest.api("com.example.crm.LeadsApi").orElseThrow().methods())
        .containsExactly(
            new ScopeManifest.Method("create", "POST", "/crm/v8/Leads", Scope.parseList("ZohoCRM.modules.leads.CREATE"),
                "method", "documented"),
            new ScopeManifest.Method("find", "GET", "/crm/v8/Leads/{id}", Scope.parseList("ZohoCRM.modules.leads.READ"),
                "interface", "documented"));
    assertThat(Scope.join(manifest.scopes()))
        .isEqualTo("ZohoCRM.modules.leads.CREATE,ZohoCRM.modules.leads.READ,ZohoCRM.users.READ");
  }

  @Test
  void anEarlierManifestInAnyJsonLayoutIsReadBackThroughTheOwner() throws Exception {
    compile(LEADS, USERS);
    String pretty = read();
    // the same manifest as another tool (or a future zohokit) may lay it out: one line, no indentation
    Files.writeString(out.resolve(ScopeManifest.RESOURCE), pretty.replaceAll("\n\\s*", ""), StandardCharsets.UTF_8);

    compile(USERS);

    assertThat(read()).as("LeadsApi kept from the earlier manifest, written in the owner's layout again")
        .isEqualTo(pretty);
  }

  @Test
  void anEarlierFileThatIsNotAManifestIsReplaced() throws Exception {
    compile(LEADS, USERS);
    Files.writeString(out.resolve(ScopeManifest.RESOURCE), "{\"format\": \"something else\"}");

    compile(USERS);

    assertThat(ScopeManifest.parse(read(), "out").apis()).extracting(ScopeManifest.Api::interfaceName)
        .containsExactly("com.example.crm.UsersApi");
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

  private String read() throws IOException {
    return Files.readString(out.resolve(ScopeManifest.RESOURCE), StandardCharsets.UTF_8);
  }
}

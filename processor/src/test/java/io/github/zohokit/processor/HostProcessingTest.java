package io.github.zohokit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.zohokit.processor.DiagnosticsTest.compile;
import static io.github.zohokit.processor.DiagnosticsTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Host}: the host a method's call goes to. */
class HostProcessingTest {
  private static JavaFileObject api(String... methods) {
    String[] lines = new String[methods.length + 4];
    lines[0] = "package test;";
    lines[1] = "import io.github.zohokit.annotation.*;";
    lines[2] = "@ZohoScope({\"ZohoFiles.files.ALL\", \"ZohoCRM.bulk.CREATE\"}) interface Api {";
    System.arraycopy(methods, 0, lines, 3, methods.length);
    lines[lines.length - 1] = "}";
    return source("test.Api", lines);
  }

  @Test
  void aFileUploadHostIsWrittenOnTheRouteAndTheApiHostIsTheDefault() throws Exception {
    Compilation c = compile(api(
        "  @Post(\"/crm/v8/upload\") @Host(ZohoHost.FILE_UPLOAD) String upload(@Part(\"file\") byte[] zip);",
        "  @Post(\"/crm/v8/upload\") @Host(ZohoHost.API) String onApi(@Part(\"file\") byte[] zip);",
        "  @Post(\"/crm/v8/upload\") String plain(@Part(\"file\") byte[] zip);"));
    assertThat(c).succeededWithoutWarnings();
    String code = c.generatedSourceFile("test.ZohoApi").get().getCharContent(true).toString()
        .replaceAll("\n\\s*", "");   // JavaPoet wraps long chains
    assertThat(code)
        .contains("\"ZohoCRM.bulk.CREATE\").on(ZohoHost.FILE_UPLOAD);")
        .containsOnlyOnce(".on(");
  }

  @Test
  void theFileUploadHostOnAGetIsAnError() {
    JavaFileObject api = api("  @Get(\"/crm/v8/upload\") @Host(ZohoHost.FILE_UPLOAD) String read();");
    assertThat(compile(api)).hadErrorContaining("read() is a GET on @Host(ZohoHost.FILE_UPLOAD); the file-upload "
        + "host takes uploads: use @Post or @Put, or drop @Host to call the API base").inFile(api).onLine(4);
  }

  @Test
  void theFileUploadHostOnADeleteIsAnError() {
    assertThat(compile(api("  @Delete(\"/crm/v8/upload\") @Host(ZohoHost.FILE_UPLOAD) void remove();")))
        .hadErrorContaining("remove() is a DELETE on @Host(ZohoHost.FILE_UPLOAD)");
  }
}

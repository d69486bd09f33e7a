package io.github.zohokit.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the coverage rule over the whole catalogue without network: an interface with a method for every operation
 * and every documented alternative compiles; declaring an unrelated scope on every fixed-path operation fails on at
 * least 95 % of them. (The same figures against Zoho's own OpenAPI files: tools/scope-catalogue/figures.py.)
 */
class CatalogueCorpusTest {
  private static final Pattern VARIABLE = Pattern.compile("\\{([^}]+)}");

  /** One catalogue row: method, path, alternatives (each a list of scopes needed together). */
  private record Row(String method, String path, List<List<String>> alternatives) {}

  private static List<Row> rows;

  @BeforeAll
  static void readCatalogue() throws Exception {
    rows = new ArrayList<>();
    try (InputStream in = CatalogueCorpusTest.class.getClassLoader()
        .getResourceAsStream("META-INF/zohokit/zoho-crm-v8-scopes.tsv");
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.isBlank() || line.startsWith("#") || line.startsWith("@")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        if (c[2].equals("-")) {
          continue;
        }
        List<List<String>> alternatives = new ArrayList<>();
        for (String alternative : c[2].split("\\|")) {
          List<String> scopes = new ArrayList<>();
          for (String scope : alternative.split("&")) {
            scopes.add(scope.trim().replace("{module}", "leads"));
          }
          alternatives.add(scopes);
        }
        rows.add(new Row(c[0], c[1], alternatives));
      }
    }
  }

  private static String method(int i, String httpMethod, String path, List<String> scopes) {
    StringBuilder params = new StringBuilder();
    Matcher m = VARIABLE.matcher(path);
    int n = 0;
    while (m.find()) {
      params.append(n == 0 ? "" : ", ").append("@Path(\"").append(m.group(1)).append("\") String p").append(n++);
    }
    StringBuilder scopeList = new StringBuilder();
    for (String scope : scopes) {
      scopeList.append(scopeList.length() == 0 ? "" : ", ").append('"').append(scope).append('"');
    }
    String annotation = httpMethod.charAt(0) + httpMethod.substring(1).toLowerCase();
    return "  @" + annotation + "(\"" + path + "\") @ZohoScope({" + scopeList + "}) void m" + i + "(" + params + ");";
  }

  private static Compilation compile(List<String> methods) {
    List<String> lines = new ArrayList<>(List.of("package corpus;", "import io.github.zohokit.annotation.*;",
        "interface Ops {"));
    lines.addAll(methods);
    lines.add("}");
    JavaFileObject source = JavaFileObjects.forSourceLines("corpus.Ops", lines.toArray(new String[0]));
    return javac().withProcessors(new ZohoProcessor()).withOptions("-proc:only", "-Xmaxerrs", "100000").compile(source);
  }

  @Test
  void everyDocumentedAlternativeOfEveryOperationCompiles() {
    List<String> methods = new ArrayList<>();
    for (Row row : rows) {
      for (List<String> alternative : row.alternatives()) {
        methods.add(method(methods.size(), row.method(), row.path(), alternative));
      }
    }
    assertThat(rows).hasSizeGreaterThan(380);
    assertThat(methods).hasSizeGreaterThan(900);
    List<String> errors = new ArrayList<>();
    for (Diagnostic<? extends JavaFileObject> d : compile(methods).errors()) {
      errors.add(d.getLineNumber() + ": " + d.getMessage(null));
    }
    assertThat(errors).isEmpty();
  }

  @Test
  void anUnrelatedScopeFailsOnAtLeast95PercentOfFixedPathOperations() {
    List<String> methods = new ArrayList<>();
    for (Row row : rows) {
      if (row.path().contains("{module}")) {
        continue;
      }
      boolean moduleFamily = row.alternatives().stream().flatMap(List::stream)
          .anyMatch(s -> s.toLowerCase().contains(".modules."));
      String unrelated = moduleFamily && !row.path().toLowerCase().contains("/vendors")
          ? "ZohoCRM.modules.vendors.ALL" : moduleFamily ? "ZohoCRM.modules.leads.ALL" : "ZohoCRM.modules.vendors.ALL";
      if (moduleFamily && row.alternatives().stream().flatMap(List::stream).anyMatch(s -> s.equalsIgnoreCase(
          "ZohoCRM.modules.ALL"))) {
        unrelated = "ZohoCRM.settings.variables.ALL";
      }
      methods.add(method(methods.size(), row.method(), row.path(), List.of(unrelated)));
    }
    // one method per line: count the methods with an error, not the errors (a method may get two)
    long errors = compile(methods).errors().stream().mapToLong(Diagnostic::getLineNumber).distinct().count();
    assertThat(methods).hasSizeGreaterThan(250);
    assertThat(100.0 * errors / methods.size()).isGreaterThanOrEqualTo(95.0);
  }
}

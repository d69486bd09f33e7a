package io.github.zohokit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Every compile-time check, asserted with its message and the line of the offending element. */
class DiagnosticsTest {

  static Compilation compile(JavaFileObject... sources) {
    return javac().withProcessors(new ZohoProcessor()).withOptions("-Xlint:all", "-Werror").compile(sources);
  }

  static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceLines(name, lines);
  }

  private static JavaFileObject api(String... body) {
    String[] lines = new String[body.length + 5];
    lines[0] = "package test;";
    lines[1] = "import io.github.zohokit.annotation.*;";
    lines[2] = "import java.util.*;";
    lines[3] = "interface Api {";
    System.arraycopy(body, 0, lines, 4, body.length);
    lines[lines.length - 1] = "}";
    return source("test.Api", lines);
  }

  @Test
  void malformedScope() {
    JavaFileObject api = api(
        "  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules\")",
        "  String list();");
    Compilation c = compile(api);
    assertThat(c).hadErrorContaining("malformed Zoho scope 'ZohoCRM.modules'").inFile(api).onLine(5);
    assertThat(c).hadErrorContaining("expected Service.scope_name.OPERATION, for example ZohoCRM.modules.leads.READ");
  }

  @Test
  void malformedOperation() {
    Compilation c = compile(api("  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.FETCH\")",
        "  String list();"));
    assertThat(c).hadErrorContaining("the last segment 'FETCH' is not an operation");
  }

  @Test
  void methodWithoutScope() {
    JavaFileObject api = api("  @Get(\"/crm/v8/Leads\")", "  String list();");
    assertThat(compile(api)).hadErrorContaining("list() has no OAuth scope: annotate it, or Api, with "
        + "@ZohoScope(\"...\")").inFile(api).onLine(6);
  }

  @Test
  void pathVariableWithoutParameter() {
    JavaFileObject api = api("  @Get(\"/crm/v8/Leads/{id}\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  String find();");
    assertThat(compile(api)).hadErrorContaining("the path /crm/v8/Leads/{id} of find() has {id}, but no parameter "
        + "is annotated @Path(\"id\"); add one").inFile(api).onLine(6);
  }

  @Test
  void pathParameterWithoutVariable() {
    JavaFileObject api = api("  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  String find(@Path(\"id\") String id);");
    assertThat(compile(api)).hadErrorContaining("@Path(\"id\") on 'id' names no {id} in the path /crm/v8/Leads")
        .inFile(api).onLine(6);
  }

  @Test
  void twoBodies() {
    assertThat(compile(api("  @Post(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.CREATE\")",
        "  String create(@Body String a, @Body String b);")))
        .hadErrorContaining("create() has two @Body parameters ('a' and 'b')");
  }

  @Test
  void bodyOnGet() {
    assertThat(compile(api("  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  String list(@Body String query);")))
        .hadErrorContaining("list() is a GET and cannot send a @Body");
  }

  @Test
  void bodyOnDelete() {
    assertThat(compile(api("  @Delete(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.DELETE\")",
        "  void delete(@Body List<String> ids);")))
        .hadErrorContaining("delete() is a DELETE and cannot send a @Body");
  }

  @Test
  void unsupportedReturnType() {
    JavaFileObject api = api("  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  int count();");
    assertThat(compile(api)).hadErrorContaining("count() returns int, which a Zoho client cannot return")
        .inFile(api).onLine(6);
  }

  @Test
  void wildcardReturnType() {
    assertThat(compile(api("  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  List<?> list();"))).hadErrorContaining("list() returns java.util.List<?>");
  }

  @Test
  void streamNeedsGet() {
    assertThat(compile(api("  @Post(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.CREATE\")",
        "  java.util.stream.Stream<String> all();"))).hadErrorContaining("returns a Stream, which pages through a "
        + "list; that needs @Get");
  }

  @Test
  void parameterWithoutAnnotation() {
    JavaFileObject api = api("  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  String list(String fields);");
    assertThat(compile(api)).hadErrorContaining("parameter 'fields' of list() has no annotation; annotate it with "
        + "exactly one of @Path, @Query, @Header or @Body").inFile(api).onLine(6);
  }

  @Test
  void methodWithoutHttpAnnotation() {
    assertThat(compile(api("  @ZohoScope(\"ZohoCRM.modules.leads.READ\")", "  String list();")))
        .hadErrorContaining("list() has no HTTP annotation");
  }

  @Test
  void classesAreRejected() {
    JavaFileObject source = source("test.Leads", "package test;",
        "@io.github.zohokit.annotation.ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "abstract class Leads {}");
    assertThat(compile(source)).hadErrorContaining("belong on interfaces, but Leads is a class").inFile(source)
        .onLine(3);
  }

  @Test
  void genericInterfacesAreRejected() {
    JavaFileObject source = source("test.Api", "package test;", "import io.github.zohokit.annotation.*;",
        "@ZohoScope(\"ZohoCRM.modules.leads.READ\")", "interface Api<T> {", "  @Get(\"/crm/v8/Leads\") T list();",
        "}");
    assertThat(compile(source)).hadErrorContaining("must not be generic");
  }

  @Test
  void aScopeThatCannotCoverTheCallIsRejectedWithTheScopeItNeeds() {
    JavaFileObject api = api("  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.contacts.READ\")",
        "  String list();");
    assertThat(compile(api)).hadErrorContaining("GET /crm/v8/Leads needs ZohoCRM.modules.leads.READ, which the "
        + "declared scopes [ZohoCRM.modules.contacts.READ] do not cover; declare "
        + "@ZohoScope(\"ZohoCRM.modules.leads.READ\") on list() (or a broader scope such as "
        + "ZohoCRM.modules.leads.ALL)").inFile(api).onLine(5);
  }

  @Test
  void readScopeDoesNotCoverAnInsert() {
    assertThat(compile(api("  @Post(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  String create(@Body String body);"))).hadErrorContaining("POST /crm/v8/Leads needs "
        + "ZohoCRM.modules.leads.CREATE");
  }

  @Test
  void upsertNeedsCreateAndUpdate() {
    assertThat(compile(api("  @Post(\"/crm/v8/Leads/upsert\") @ZohoScope(\"ZohoCRM.modules.leads.CREATE\")",
        "  String upsert(@Body String body);"))).hadErrorContaining("needs ZohoCRM.modules.leads.UPDATE");
  }

  @Test
  void broaderScopesAndOtherCaseCover() {
    assertThat(compile(api(
        "  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.ALL\") String a();",
        "  @Get(\"/crm/v8/Leads\") @ZohoScope(\"zohocrm.modules.LEADS.read\") String b();",
        "  @Get(\"/crm/v8/settings/fields\") @ZohoScope(\"ZohoCRM.settings.ALL\") String c(@Query(\"module\") String m);",
        "  @Post(\"/crm/v8/coql\") @ZohoScope(\"ZohoCRM.coql.READ\") String d(@Body String q);",
        "  @Get(\"/crm/v8/{module}\") @ZohoScope(\"ZohoCRM.modules.custom.READ\") String e(@Path(\"module\") String m);",
        "  @Get(\"/crm/v8/users\") @ZohoScope(\"ZohoCRM.users.ALL\") String f();"))).succeededWithoutWarnings();
  }

  @Test
  void oneBadInterfaceDoesNotStopTheOthers() {
    JavaFileObject bad = source("test.Bad", "package test;", "import io.github.zohokit.annotation.*;",
        "interface Bad {", "  @Get(\"/crm/v8/Leads\") String list();", "}");
    JavaFileObject good = source("test.Good", "package test;", "import io.github.zohokit.annotation.*;",
        "@ZohoScope(\"ZohoCRM.org.READ\")", "interface Good {", "  @Get(\"/crm/v8/org\") String org();", "}");
    JavaFileObject worse = source("test.Worse", "package test;", "import io.github.zohokit.annotation.*;",
        "@ZohoScope(\"ZohoCRM.users.READ\")", "interface Worse {", "  @Get(\"/crm/v8/users/{id}\") String user();", "}");
    Compilation c = compile(bad, good, worse);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("list() has no OAuth scope").inFile(bad).onLine(4);
    assertThat(c).hadErrorContaining("has {id}, but no parameter").inFile(worse).onLine(5);
  }
}

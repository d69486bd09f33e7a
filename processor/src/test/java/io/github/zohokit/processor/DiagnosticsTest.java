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
  void aScopeThatCannotCoverTheCallIsRejectedWithTheScopeZohoDocumentsForThisCall() {
    JavaFileObject api = api("  @Get(\"/crm/v8/Deals\") @ZohoScope(\"ZohoCRM.modules.contacts.READ\")",
        "  String list();");
    assertThat(compile(api)).hadErrorContaining("GET /crm/v8/Deals needs ZohoCRM.modules.deals.READ or "
        + "ZohoCRM.modules.deals.ALL or ZohoCRM.modules.ALL (Zoho's documentation: oas record.json), which the "
        + "declared scopes [ZohoCRM.modules.contacts.READ] do not cover; declare "
        + "@ZohoScope(\"ZohoCRM.modules.deals.READ\") on list()").inFile(api).onLine(5);
  }

  @Test
  void theMessageNamesZohosScopeNotOneInferredFromTheUrl() {
    JavaFileObject api = api("  @Get(\"/crm/v8/settings/global_picklists\")",
        "  @ZohoScope(\"ZohoCRM.settings.global_picklists.READ\")", "  String picklists();");
    assertThat(compile(api)).hadErrorContaining("declare @ZohoScope(\"ZohoCRM.settings.global_picklist.READ\") on "
        + "picklists()").inFile(api).onLine(6);
  }

  @Test
  void whatZohosPagesDocumentCompiles() {
    assertThat(compile(api(
        "  @Get(\"/crm/v8/settings/global_picklists\") @ZohoScope(\"ZohoCRM.settings.global_picklist.READ\") String a();",
        "  @Get(\"/crm/v8/org/currencies\") @ZohoScope(\"ZohoCRM.settings.currencies.READ\") String b();",
        "  @Get(\"/crm/v8/settings/email_templates\") @ZohoScope(\"ZohoCRM.templates.email.READ\") String c();",
        "  @Get(\"/crm/v8/settings/automation/assignment_rules\") @ZohoScope(\"ZohoCRM.settings.assignment_rules.READ\")"
            + " String d();",
        "  @Post(\"/crm/v8/settings/data_sharing/rules/search\") @ZohoScope(\"ZohoCRM.modules.ALL\") String e();",
        "  @Post(\"/crm/v8/settings/user_groups/actions/get_assigned\") @ZohoScope(\"ZohoCRM.settings.user_groups.READ\")"
            + " String f();"))).succeededWithoutWarnings();
  }

  @Test
  void aReadingPostNeedsAReadScope() {
    JavaFileObject api = api("  @Post(\"/crm/v8/settings/user_groups/actions/get_assigned\")",
        "  @ZohoScope(\"ZohoCRM.settings.user_groups.CREATE\")", "  String assigned();");
    assertThat(compile(api)).hadErrorContaining("declare @ZohoScope(\"ZohoCRM.settings.user_groups.READ\")")
        .inFile(api).onLine(6);
  }

  @Test
  void readScopeDoesNotCoverAnInsert() {
    assertThat(compile(api("  @Post(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  String create(@Body String body);"))).hadErrorContaining("POST /crm/v8/Leads needs "
        + "ZohoCRM.modules.leads.CREATE");
  }

  @Test
  void coqlNeedsTheCoqlScopeAndAModuleScope() {
    JavaFileObject api = api("  @Post(\"/crm/v8/coql\") @ZohoScope(\"ZohoCRM.coql.READ\")",
        "  String query(@Body String q);");
    assertThat(compile(api)).hadErrorContaining("declare @ZohoScope(\"ZohoCRM.coql.READ\", "
        + "\"ZohoCRM.modules.leads.READ\") on query()").inFile(api).onLine(5);
  }

  @Test
  void aScopeFromTheInterfaceIsReportedOnTheMethod() {
    JavaFileObject source = source("test.Api", "package test;", "import io.github.zohokit.annotation.*;",
        "@ZohoScope(\"ZohoCRM.modules.leads.READ\")", "interface Api {", "  @Get(\"/crm/v8/Leads\") String list();",
        "  @Get(\"/crm/v8/Vendors\") String vendors();", "}");
    Compilation c = compile(source);
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining("GET /crm/v8/Vendors needs ZohoCRM.modules.vendors.READ").inFile(source)
        .onLine(6);
  }

  @Test
  void aVariableModuleNeedsScopesValidForSomeModule() {
    JavaFileObject api = api("  @Get(\"/crm/v8/{module}/{id}\") @ZohoScope(\"ZohoCRM.settings.ALL\")",
        "  String find(@Path(\"module\") String module, @Path(\"id\") String id);");
    assertThat(compile(api)).hadErrorContaining("GET /crm/v8/{module}/{id} needs, for the module it is called with, "
        + "ZohoCRM.modules.{module}.READ or ZohoCRM.modules.{module}.ALL or ZohoCRM.modules.ALL").inFile(api)
        .onLine(5);
    assertThat(compile(api)).hadErrorContaining("fit no module. Declare the scope for the module(s) you call, for "
        + "example @ZohoScope(\"ZohoCRM.modules.leads.READ\") on find()");
  }

  @Test
  void broaderScopesOtherCaseAndModuleScopesForAVariableModuleCover() {
    assertThat(compile(api(
        "  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.ALL\") String a();",
        "  @Get(\"/crm/v8/Leads\") @ZohoScope(\"zohocrm.modules.LEADS.read\") String b();",
        "  @Get(\"/crm/v8/settings/fields\") @ZohoScope(\"ZohoCRM.settings.ALL\") String c(@Query(\"module\") String m);",
        "  @Post(\"/crm/v8/coql\") @ZohoScope({\"ZohoCRM.coql.READ\", \"ZohoCRM.modules.READ\"}) String d(@Body String q);",
        "  @Get(\"/crm/v8/{module}\") @ZohoScope(\"ZohoCRM.modules.custom.READ\") String e(@Path(\"module\") String m);",
        "  @Get(\"/crm/v8/{module}\") @ZohoScope(\"ZohoCRM.modules.leads.READ\") String g(@Path(\"module\") String m);",
        "  @Get(\"/crm/v8/users\") @ZohoScope(\"ZohoCRM.users.ALL\") String f();"))).succeededWithoutWarnings();
  }

  @Test
  void unknownCallsAreAcceptedByDefault() {
    assertThat(compile(api("  @Get(\"/crm/v8/Custom_Projects\") @ZohoScope(\"ZohoCRM.modules.custom.READ\")",
        "  String projects();"))).succeededWithoutWarnings();
  }

  @Test
  void unknownCallsWarnWhenAsked() {
    JavaFileObject api = api("  @Get(\"/crm/v8/Custom_Projects\") @ZohoScope(\"ZohoCRM.modules.custom.READ\")",
        "  String projects();");
    Compilation c = javac().withProcessors(new ZohoProcessor()).withOptions("-Azoho.unknownScopes=warn").compile(api);
    assertThat(c).succeeded();
    assertThat(c).hadWarningContaining("GET /crm/v8/Custom_Projects of projects() is not in zohokit's scope "
        + "catalogue (a custom module or an API it does not list), so its scopes [ZohoCRM.modules.custom.READ] "
        + "cannot be checked").inFile(api).onLine(5);
  }

  @Test
  void unknownCallsFailWhenAsked() {
    JavaFileObject api = api("  @Get(\"/crm/v8/Custom_Projects\") @ZohoScope(\"ZohoCRM.modules.custom.READ\")",
        "  String projects();");
    Compilation c = javac().withProcessors(new ZohoProcessor()).withOptions("-Azoho.unknownScopes=error").compile(api);
    assertThat(c).hadErrorContaining("is not in zohokit's scope catalogue").inFile(api).onLine(5);
    assertThat(c).hadErrorContaining("(-Azoho.unknownScopes=accept accepts unknown calls)");
  }

  @Test
  void aBadUnknownScopesValueIsAnError() {
    Compilation c = javac().withProcessors(new ZohoProcessor()).withOptions("-Azoho.unknownScopes=maybe")
        .compile(api("  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")", "  String list();"));
    assertThat(c).hadErrorContaining("-Azoho.unknownScopes=maybe is not a choice; use accept (the default), warn or "
        + "error");
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

package io.github.zohokit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.github.zohokit.processor.DiagnosticsTest.compile;
import static io.github.zohokit.processor.DiagnosticsTest.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** What a successful compilation produces: clean generated code, the registration and a stable manifest. */
class GenerationTest {
  private static final JavaFileObject LEADS = source("com.example.crm.LeadsApi",
      "package com.example.crm;",
      "import io.github.zohokit.annotation.*;",
      "import java.util.*;",
      "@ZohoScope(\"ZohoCRM.modules.leads.READ\")",
      "public interface LeadsApi {",
      "  @Get(\"/crm/v8/Leads\") io.github.zohokit.crm.RecordPage<Map<String, Object>> list(",
      "      @Query(\"fields\") List<String> fields);",
      "  @Get(\"/crm/v8/Leads/{id}\") Optional<Map<String, Object>> find(@Path(\"id\") long id);",
      "  @Post(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.CREATE\")",
      "  List<io.github.zohokit.crm.ActionResult> create(@Body List<Map<String, Object>> leads);",
      "  interface Notes {",
      "    @Get(\"/crm/v8/Notes\") @ZohoScope(\"ZohoCRM.modules.notes.READ\") String all();",
      "  }",
      "}");
  private static final JavaFileObject USERS = source("com.example.crm.UsersApi",
      "package com.example.crm;",
      "import io.github.zohokit.annotation.*;",
      "@ZohoScope({\"ZohoCRM.users.READ\", \"ZohoCRM.org.READ\"})",
      "interface UsersApi {",
      "  @Get(\"/crm/v8/users?type=CurrentUser\") String current();",
      "  @Delete(\"/crm/v8/users/{id}\") @ZohoScope(\"ZohoCRM.users.DELETE\") void delete(@Path(\"id\") String id);",
      "}");

  @Test
  void generatedCodeCompilesWithoutAnyWarningUnderXlintAll() {
    Compilation c = compile(LEADS, USERS);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("com.example.crm.ZohoLeadsApi");
    assertThat(c).generatedSourceFile("com.example.crm.ZohoLeadsApi_Notes");
    assertThat(c).generatedSourceFile("com.example.crm.ZohoUsersApi");
  }

  @Test
  void generatedMethodsOnlyBindArguments() throws Exception {
    String code = text(compile(LEADS, USERS).generatedSourceFile("com.example.crm.ZohoUsersApi").get());
    assertThat(code)
        .contains("public final class ZohoUsersApi implements UsersApi")
        .contains("Route.of(UsersApi.class, \"current\", \"GET\",\n"
            + "      \"/crm/v8/users?type=CurrentUser\", \"ZohoCRM.users.READ\", \"ZohoCRM.org.READ\")")
        .contains("return this.calls.start(CURRENT).fetch(Decoder.text());")
        .contains("this.calls.start(DELETE).path(\"id\", id).send();")
        .doesNotContain("class Factory")
        .doesNotContain("getMethod")
        .doesNotContain("reflect");
  }

  private static final JavaFileObject TYPED = source("com.example.crm.TypedLeadsApi",
      "package com.example.crm;",
      "import io.github.zohokit.annotation.*;",
      "import java.util.*;",
      "import java.util.stream.Stream;",
      "@ZohoScope(\"ZohoCRM.modules.leads.ALL\")",
      "public interface TypedLeadsApi {",
      "  final class Lead { public String id; public String lastName; }",
      "  @Get(\"/crm/v8/Leads\") io.github.zohokit.crm.RecordPage<Lead> page(@Query(\"page\") Integer page,",
      "      @Header(\"If-Modified-Since\") String since);",
      "  @Get(\"/crm/v8/Leads\") Stream<Lead> stream(@Query(\"fields\") List<String> fields,",
      "      @Header(\"If-Modified-Since\") String since, @Header(\"X-Trace\") String trace);",
      "  @Get(\"/crm/v8/Leads/{id}\") Optional<Lead> find(@Path(\"id\") String id);",
      "  @Post(\"/crm/v8/Leads\") List<io.github.zohokit.crm.ActionResult> create(@Body List<Lead> leads);",
      "  @Post(\"/crm/v8/Leads/actions/a_rather_long_custom_function_name_that_goes_on\")",
      "  List<io.github.zohokit.crm.ActionResult> runAFunctionWithAVeryLongMethodNameIndeed(",
      "      @Body List<Lead> leads, @Header(\"X-A-Rather-Long-Header-Name\") String aRatherLongHeaderValueName);",
      "}");

  @Test
  void generatedFieldsAreNamedAfterWhatTheyReadOrWrite() throws Exception {
    String code = text(compile(TYPED).generatedSourceFile("com.example.crm.ZohoTypedLeadsApi").get());
    assertThat(code)
        .contains("private final Decoder<RecordPage<TypedLeadsApi.Lead>> leadPageDecoder;")
        .contains("private final Decoder<TypedLeadsApi.Lead> leadDecoder;")
        .contains("private final Decoder<List<ActionResult>> actionResultListDecoder;")
        .contains("private final ObjectWriter leadRecordsWriter;")
        .doesNotContainPattern("(decoder|writer)[0-9]");
  }

  @Test
  void generatedClassIsAnnotatedAndEveryMethodNamesItsRoute() throws Exception {
    String code = text(compile(TYPED).generatedSourceFile("com.example.crm.ZohoTypedLeadsApi").get());
    assertThat(code)
        .contains("@Generated(\"io.github.zohokit.processor.ZohoProcessor\")\npublic final class")
        .contains("public Optional<TypedLeadsApi.Lead> find(String id) {\n    // GET /crm/v8/Leads/{id}\n")
        .contains("    // POST /crm/v8/Leads/actions/a_rather_long_custom_function_name_that_goes_on\n");
    assertThat(code.split("// GET ", -1)).hasSize(1 + 3);
    assertThat(code.split("// POST ", -1)).hasSize(1 + 2);
  }

  @Test
  void generatedLinesStayWithin120Columns() throws Exception {
    Compilation c = compile(TYPED, LEADS, USERS);
    for (JavaFileObject file : c.generatedSourceFiles()) {
      String[] lines = text(file).split("\n");
      for (int i = 0; i < lines.length; i++) {
        assertThat(lines[i].length()).as(file.getName() + ":" + (i + 1) + " " + lines[i]).isLessThanOrEqualTo(120);
      }
    }
  }

  @Test
  void eachCallIsOneExpressionWithNoSharedMutableBuilder() throws Exception {
    // where JavaPoet wraps a long chain does not matter here
    String code = text(compile(TYPED).generatedSourceFile("com.example.crm.ZohoTypedLeadsApi").get())
        .replaceAll("\n\\s+\\.", ".");
    assertThat(code)
        .doesNotContain("Request.Builder")
        .doesNotContain("HttpUrl.Builder")
        .contains(".header(\"If-Modified-Since\", since).header(\"X-Trace\", trace)")
        .contains(".fetchPages(this.leadPageDecoder);");
  }

  @Test
  void oneRegistryPerCompilationListsEveryClientAndIsTheOnlyService() throws Exception {
    Compilation c = compile(LEADS, USERS);
    String services = text(c.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/services/io.github.zohokit.internal.call.ApiRegistry").get());
    assertThat(services).isEqualTo("com.example.crm.ZohoApiRegistry\n");
    assertThat(text(c.generatedSourceFile("com.example.crm.ZohoApiRegistry").get()))
        .contains("public final class ZohoApiRegistry implements ApiRegistry")
        .contains("apis.add(LeadsApi.class, ZohoLeadsApi::new);")
        .contains("apis.add(LeadsApi.Notes.class, ZohoLeadsApi_Notes::new);")
        .contains("apis.add(UsersApi.class, ZohoUsersApi::new);");
  }

  @Test
  void parametersNamedLikeTheGeneratedFieldsCompile() throws Exception {
    // (that a future fails instead of throwing when no token can be had is now the runtime's, ZohoCallAsyncTest)
    JavaFileObject callsApi = source("com.example.crm.CallsApi",
        "package com.example.crm;",
        "import io.github.zohokit.annotation.*;",
        "import io.github.zohokit.crm.ActionResult;",
        "import java.util.*;",
        "import java.util.concurrent.CompletableFuture;",
        "@ZohoScope(\"ZohoCRM.modules.calls.ALL\")",
        "public interface CallsApi {",
        "  @Post(\"/crm/v8/Calls\") List<ActionResult> create(@Body List<Map<String, Object>> calls);",
        "  @Get(\"/crm/v8/Calls/{id}\") CompletableFuture<String> find(@Path(\"id\") String calls,",
        "      @Query(\"fields\") String actionResultListDecoder);",
        "}");
    Compilation c = compile(callsApi);
    assertThat(c).succeededWithoutWarnings();
    assertThat(text(c.generatedSourceFile("com.example.crm.ZohoCallsApi").get()))
        .contains("this.calls.start(CREATE)")
        .contains("return this.calls.start(FIND).path(\"id\", calls).query(\"fields\", actionResultListDecoder)\n"
            + "        .fetchAsync(Decoder.text());");
  }

  @Test
  void overloadedMethodsNameTheirParameterTypesAndAParameterCannotHideARoute() throws Exception {
    JavaFileObject overloads = source("com.example.crm.OverloadedApi",
        "package com.example.crm;",
        "import io.github.zohokit.annotation.*;",
        "import java.util.*;",
        "@ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "public interface OverloadedApi {",
        "  @Get(\"/crm/v8/Leads/{id}\") String find(@Path(\"id\") String id);",
        "  @Get(\"/crm/v8/Leads/{id}\") String find(@Path(\"id\") String id, @Query(\"fields\") List<String> f);",
        "  @Get(\"/crm/v8/Leads\") String list(@Query(\"LIST\") String LIST);",
        "}");
    Compilation c = compile(overloads);
    assertThat(c).succeededWithoutWarnings();
    assertThat(text(c.generatedSourceFile("com.example.crm.ZohoOverloadedApi").get()).replaceAll("\\s+", " "))
        .contains("Route FIND = Route.of(OverloadedApi.class, \"find\", new Class<?>[] {String.class}, \"GET\",")
        .contains("Route FIND2 = Route.of(OverloadedApi.class, \"find\", new Class<?>[] {String.class, List.class},")
        .contains("Route LIST = Route.of(OverloadedApi.class, \"list\", \"GET\",")
        .contains("this.calls.start(ZohoOverloadedApi.LIST).query(\"LIST\", LIST)");
  }

  @Test
  void theRegistrySitsInThePackageTheInterfacesShareOrWhereTheOptionNamesIt() throws Exception {
    JavaFileObject invoices = source("com.example.billing.InvoicesApi",
        "package com.example.billing;",
        "import io.github.zohokit.annotation.*;",
        "@ZohoScope(\"ZohoCRM.modules.invoices.READ\")",
        "public interface InvoicesApi {",
        "  @Get(\"/crm/v8/Invoices\") String all();",
        "}");
    Compilation shared = compile(LEADS, invoices);
    assertThat(shared).succeededWithoutWarnings();
    assertThat(text(shared.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/services/io.github.zohokit.internal.call.ApiRegistry").get())).isEqualTo("com.example.ZohoApiRegistry\n");

    Compilation named = com.google.testing.compile.Compiler.javac().withProcessors(new ZohoProcessor())
        .withOptions("-Azoho.registry=com.example.billing.BillingZohoClients").compile(LEADS, invoices);
    assertThat(named).succeeded();
    assertThat(text(named.generatedFile(StandardLocation.CLASS_OUTPUT,
        "META-INF/services/io.github.zohokit.internal.call.ApiRegistry").get()))
        .isEqualTo("com.example.billing.BillingZohoClients\n");
    assertThat(text(named.generatedSourceFile("com.example.billing.BillingZohoClients").get()))
        .contains("apis.add(InvoicesApi.class, ZohoInvoicesApi::new);")
        .contains("apis.add(LeadsApi.class, ZohoLeadsApi::new);");
  }

  @Test
  void manifestIsSortedAndByteForByteStableAcrossBuilds() throws Exception {
    String first = manifest(compile(LEADS, USERS));
    String second = manifest(compile(USERS, LEADS));
    assertThat(second).isEqualTo(first);
    assertThat(first).isEqualTo("{\n"
        + "  \"format\": \"zohokit-scopes\",\n"
        + "  \"formatVersion\": 1,\n"
        + "  \"clients\": [\n"
        + "    {\n"
        + "      \"interface\": \"com.example.crm.LeadsApi\",\n"
        + "      \"methods\": [\n"
        + "        {\"name\": \"create\", \"http\": \"POST\", \"path\": \"/crm/v8/Leads\", \"scopes\": "
        + "[\"ZohoCRM.modules.leads.CREATE\"], \"scopeFrom\": \"method\", \"catalogue\": \"documented\"},\n"
        + "        {\"name\": \"find\", \"http\": \"GET\", \"path\": \"/crm/v8/Leads/{id}\", \"scopes\": "
        + "[\"ZohoCRM.modules.leads.READ\"], \"scopeFrom\": \"interface\", \"catalogue\": \"documented\"},\n"
        + "        {\"name\": \"list\", \"http\": \"GET\", \"path\": \"/crm/v8/Leads\", \"scopes\": "
        + "[\"ZohoCRM.modules.leads.READ\"], \"scopeFrom\": \"interface\", \"catalogue\": \"documented\"}\n"
        + "      ],\n"
        + "      \"scopes\": [\"ZohoCRM.modules.leads.CREATE\", \"ZohoCRM.modules.leads.READ\"]\n"
        + "    },\n"
        + "    {\n"
        + "      \"interface\": \"com.example.crm.LeadsApi.Notes\",\n"
        + "      \"methods\": [\n"
        + "        {\"name\": \"all\", \"http\": \"GET\", \"path\": \"/crm/v8/Notes\", \"scopes\": "
        + "[\"ZohoCRM.modules.notes.READ\"], \"scopeFrom\": \"method\", \"catalogue\": \"documented\"}\n"
        + "      ],\n"
        + "      \"scopes\": [\"ZohoCRM.modules.notes.READ\"]\n"
        + "    },\n"
        + "    {\n"
        + "      \"interface\": \"com.example.crm.UsersApi\",\n"
        + "      \"methods\": [\n"
        + "        {\"name\": \"current\", \"http\": \"GET\", \"path\": \"/crm/v8/users?type=CurrentUser\", \"scopes\": "
        + "[\"ZohoCRM.org.READ\", \"ZohoCRM.users.READ\"], \"scopeFrom\": \"interface\", \"catalogue\": \"documented\"},\n"
        + "        {\"name\": \"delete\", \"http\": \"DELETE\", \"path\": \"/crm/v8/users/{id}\", \"scopes\": "
        + "[\"ZohoCRM.users.DELETE\"], \"scopeFrom\": \"method\", \"catalogue\": \"documented\"}\n"
        + "      ],\n"
        + "      \"scopes\": [\"ZohoCRM.org.READ\", \"ZohoCRM.users.DELETE\", \"ZohoCRM.users.READ\"]\n"
        + "    }\n"
        + "  ],\n"
        + "  \"scopes\": [\"ZohoCRM.modules.leads.CREATE\", \"ZohoCRM.modules.leads.READ\", "
        + "\"ZohoCRM.modules.notes.READ\", \"ZohoCRM.org.READ\", \"ZohoCRM.users.DELETE\", \"ZohoCRM.users.READ\"]\n"
        + "}\n");
  }

  @Test
  void gradleIncrementalProcessingIsDeclared() throws Exception {
    try (InputStream in = ZohoProcessor.class.getClassLoader()
        .getResourceAsStream("META-INF/gradle/incremental.annotation.processors")) {
      assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
          .isEqualTo("io.github.zohokit.processor.ZohoProcessor,aggregating\n");
    }
  }

  private static String manifest(Compilation c) throws Exception {
    return text(c.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/zoho/scopes.json").get());
  }

  private static String text(javax.tools.FileObject file) throws Exception {
    return file.getCharContent(true).toString();
  }
}

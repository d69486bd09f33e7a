package io.github.zohokit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks against the organisation's schema snapshot (src/test/resources/schema: Leads, Accounts, and Archive__c
 * which Zoho does not support in the API), and {@code @Coql}'s checks that need no snapshot; each asserted with its
 * message and the line of the annotation that has the problem.
 */
class SnapshotChecksTest {
  private static final String SCOPES = "@ZohoScope({\"ZohoCRM.coql.READ\", \"ZohoCRM.modules.leads.READ\"})";

  static Path snapshot() {
    try {
      return Path.of(SnapshotChecksTest.class.getResource("/schema/org.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** What zoho:generate-records writes beside the records: where the snapshot is, and how to name it. */
  static JavaFileObject marker(Path directory) {
    return JavaFileObjects.forSourceLines("test.ZohoSchemaSnapshot",
        "package test;",
        "final class ZohoSchemaSnapshot {",
        "  static final String DIRECTORY = \"" + directory.toString().replace("\\", "\\\\") + "\";",
        "  static final String SHOWN = \"src/main/zoho/schema\";",
        "  private ZohoSchemaSnapshot() {}",
        "}");
  }

  // -processing: that lint reports the Jackson annotations of a projection record as claimed by no processor, as it
  // does for the user's own; the processor leaves Jackson's annotations to whoever processes them.
  private static Compilation withSnapshot(JavaFileObject api) {
    return javac().withProcessors(new ZohoProcessor()).withOptions("-Xlint:all,-processing", "-Werror")
        .compile(api, marker(snapshot()));
  }

  private static Compilation withoutSnapshot(JavaFileObject api) {
    return javac().withProcessors(new ZohoProcessor()).withOptions("-Xlint:all,-processing", "-Werror").compile(api);
  }

  /** An interface whose line 5 is {@code lines[0]}. */
  static JavaFileObject api(String... body) {
    List<String> lines = new ArrayList<>(List.of("package test;", "import io.github.zohokit.annotation.*;",
        "import io.github.zohokit.crm.RecordPage;", "interface Api {"));
    lines.addAll(List.of(body));
    lines.add("}");
    return JavaFileObjects.forSourceLines("test.Api", lines);
  }

  private static JavaFileObject coql(String statement, String method) {
    return api("  @Coql(\"" + statement + "\") " + SCOPES, "  " + method);
  }

  @Test
  void aMisspeltFieldIsAnErrorOnTheAnnotationWithTheClosestField() {
    JavaFileObject api = coql("select Last_Name, Lead_Sourse from Leads", "RecordPage<Object> leads();");
    Compilation c = withSnapshot(api);
    assertThat(c).hadErrorContaining("`Lead_Sourse` is not a field of Leads in snapshot src/main/zoho/schema "
        + "(fetched 2026-12-01); did you mean `Lead_Source`? If the org changed, run `mvn zoho:schema`")
        .inFile(api).onLine(5);
    assertThat(c).hadErrorCount(1);
  }

  @Test
  void withoutASnapshotTheSameStatementCompilesAsBefore() {
    assertThat(withoutSnapshot(coql("select Last_Name, Lead_Sourse from Leads", "RecordPage<Object> leads();")))
        .succeededWithoutWarnings();
  }

  @Test
  void aValidStatementCompilesAndIsSentWithItsParametersAsLiterals() {
    JavaFileObject api = coql("select Last_Name, Account_Name.Account_Name from Leads where (Lead_Status = :status "
        + "and No_of_Employees > 10) and Last_Activity_Time >= '2026-11-01T00:00:00+05:30' limit 200",
        "RecordPage<Object> contacted(String status);");
    Compilation c = withSnapshot(api);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.ZohoApi").contentsAsUtf8String()
        .contains("CoqlLiterals.body(\"select Last_Name, Account_Name.Account_Name from Leads where (Lead_Status = \"");
    assertThat(c).generatedSourceFile("test.ZohoApi").contentsAsUtf8String()
        .contains("CoqlLiterals.literal(\"status\", status)");
    assertThat(c).generatedSourceFile("test.ZohoApi").contentsAsUtf8String()
        .contains(".body(this.mapWriter, coqlBody)");
  }

  @Test
  void anUnknownModuleNamesTheClosestAndAnUnsupportedOneSaysSo() {
    JavaFileObject api = coql("select Last_Name from Leadz", "RecordPage<Object> leads();");
    assertThat(withSnapshot(api)).hadErrorContaining("`Leadz` is not a module in snapshot src/main/zoho/schema "
        + "(fetched 2026-12-01), which holds Accounts, Archive__c, Leads; did you mean `Leads`?").inFile(api).onLine(5);
    JavaFileObject archive = api("  @Coql(\"select Name from Archive__c\") "
        + "@ZohoScope({\"ZohoCRM.coql.READ\", \"ZohoCRM.modules.custom.READ\"})", "  RecordPage<Object> archived();");
    assertThat(withSnapshot(archive)).hadErrorContaining("`Archive__c` is not supported in Zoho's API "
        + "(api_supported is false in snapshot src/main/zoho/schema (fetched 2026-12-01))").inFile(archive).onLine(5);
  }

  @Test
  void dottedPathsFollowLookups() {
    JavaFileObject api = coql("select Account_Name.Industy, Email.Domain, Account_Name.Parent_Account.Account_Name "
        + "from Leads", "RecordPage<Object> leads();");
    Compilation c = withSnapshot(api);
    assertThat(c).hadErrorContaining("`Industy` is not a field of Accounts in snapshot src/main/zoho/schema "
        + "(fetched 2026-12-01); did you mean `Industry`?").inFile(api).onLine(5);
    assertThat(c).hadErrorContaining("`Email` of Leads is a email field, not a lookup, so `Email.Domain` does not "
        + "resolve").inFile(api).onLine(5);
    assertThat(c).hadErrorCount(2);
  }

  @Test
  void aLiteralThatCannotFitTheFieldsTypeIsAnError() {
    JavaFileObject api = coql("select Last_Name from Leads where ((No_of_Employees = 'many' and "
        + "Date_of_Birth = '01/02/1990') and (Email_Opt_Out = 'yes' and Last_Name = 42)) or "
        + "(Last_Activity_Time > '2026-11-01' and Account_Name = '4876876000000001')", "RecordPage<Object> odd();");
    Compilation c = withSnapshot(api);
    assertThat(c).hadErrorContaining("`'many'` does not fit `No_of_Employees`, a integer field of Leads in snapshot "
        + "src/main/zoho/schema (fetched 2026-12-01): write a number, such as 100").inFile(api).onLine(5);
    assertThat(c).hadErrorContaining("`'01/02/1990'` does not fit `Date_of_Birth`, a date field of Leads")
        .inFile(api).onLine(5);
    assertThat(c).hadErrorContaining("`'yes'` does not fit `Email_Opt_Out`, a boolean field of Leads");
    assertThat(c).hadErrorContaining("`42` does not fit `Last_Name`, a text field of Leads in snapshot "
        + "src/main/zoho/schema (fetched 2026-12-01): write text in single quotes");
    assertThat(c).hadErrorContaining("`'2026-11-01'` does not fit `Last_Activity_Time`, a datetime field of Leads "
        + "in snapshot src/main/zoho/schema (fetched 2026-12-01): write a date-time in quotes with its offset");
    assertThat(c).hadErrorCount(5);
  }

  @Test
  void moreThanFiftyColumnsIsAnErrorWithoutASnapshotToo() {
    StringBuilder columns = new StringBuilder("Last_Name");
    for (int i = 0; i < 50; i++) {
      columns.append(", Email");
    }
    JavaFileObject api = coql("select " + columns + " from Leads", "RecordPage<Object> wide();");
    assertThat(withoutSnapshot(api)).hadErrorContaining("the COQL statement of wide() is not valid: selects 51 "
        + "columns; Zoho allows at most 50 per query (COQL-Limitations.html): split it into two queries")
        .inFile(api).onLine(5);
  }

  @Test
  void aSyntaxErrorIsReportedWithoutASnapshot() {
    JavaFileObject api = coql("select from Leads", "RecordPage<Object> none();");
    assertThat(withoutSnapshot(api)).hadErrorContaining("the COQL statement of none() is not valid: the select list "
        + "is empty: name at least one field").inFile(api).onLine(5);
  }

  @Test
  void theScopesMustCoverTheModuleQueried() {
    JavaFileObject api = coql("select Account_Name from Accounts", "RecordPage<Object> accounts();");
    assertThat(withoutSnapshot(api)).hadErrorContaining("the COQL statement of accounts() queries Accounts, which "
        + "needs ZohoCRM.modules.accounts.READ or ").inFile(api).onLine(5);
    assertThat(withoutSnapshot(api)).hadErrorContaining("declare @ZohoScope({\"ZohoCRM.coql.READ\", "
        + "\"ZohoCRM.modules.accounts.READ\"}) on accounts()");
    JavaFileObject broad = api("  @Coql(\"select Account_Name from Accounts\") "
        + "@ZohoScope({\"ZohoCRM.coql.READ\", \"ZohoCRM.modules.READ\"})", "  RecordPage<Object> accounts();");
    assertThat(withoutSnapshot(broad)).succeededWithoutWarnings();
  }

  @Test
  void parametersAreBoundByNameEachUsedAndPlain() {
    JavaFileObject api = api(
        "  @Coql(\"select Last_Name from Leads where Email = :mail\") " + SCOPES,
        "  RecordPage<Object> byEmail(String email);",
        "  @Coql(\"select Last_Name from Leads where Email = :email\") " + SCOPES,
        "  RecordPage<Object> byEmail2(@Query(\"email\") String email);");
    Compilation c = withoutSnapshot(api);
    assertThat(c).hadErrorContaining("the COQL statement of byEmail() uses :mail, but byEmail() has no parameter "
        + "'mail'; did you mean `email`? Its parameters: email").inFile(api).onLine(5);
    assertThat(c).hadErrorContaining("parameter 'email' of byEmail() is not used in its COQL statement")
        .inFile(api).onLine(5);
    assertThat(c).hadErrorContaining("parameter 'email' of the @Coql method byEmail2() is bound into the statement "
        + "as :email; remove its @Path/@Query/@Header/@Body").inFile(api).onLine(8);
  }

  @Test
  void aCoqlMethodHasNoOtherHttpAnnotation() {
    JavaFileObject api = api("  @Post(\"/crm/v8/coql\") @Coql(\"select Last_Name from Leads\") " + SCOPES,
        "  RecordPage<Object> leads();");
    assertThat(withoutSnapshot(api)).hadErrorContaining("leads() has @Coql and POST; a @Coql method is sent as "
        + "POST /crm/v8/coql: remove the HTTP annotation").inFile(api).onLine(6);
  }

  @Test
  void fieldsOfAConstantQueryAndOfFieldsParametersAreChecked() {
    JavaFileObject api = api(
        "  @Get(\"/crm/v8/Leads?fields=Last_Name,Emial,$approved\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  RecordPage<Object> list();",
        "  @Get(\"/crm/v8/Accounts\") @ZohoScope(\"ZohoCRM.modules.accounts.READ\")",
        "  RecordPage<Object> accounts(",
        "      @Query(\"fields\") @Fields({\"Account_Name\", \"Industri\", \"id\"}) java.util.List<String> fields);",
        "  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  RecordPage<Object> misplaced(@Query(\"sort_by\") @Fields(\"Email\") String sortBy);");
    Compilation c = withSnapshot(api);
    assertThat(c).hadErrorContaining("`Emial` is not a field of Leads in snapshot src/main/zoho/schema (fetched "
        + "2026-12-01); did you mean `Email`? If the org changed, run `mvn zoho:schema`").inFile(api).onLine(5);
    assertThat(c).hadErrorContaining("`Industri` is not a field of Accounts in snapshot src/main/zoho/schema "
        + "(fetched 2026-12-01); did you mean `Industry`?").inFile(api).onLine(9);
    assertThat(c).hadErrorContaining("@Fields on 'sortBy' of misplaced() belongs on the @Query(\"fields\") "
        + "parameter").inFile(api).onLine(11);
    assertThat(c).hadErrorCount(3);
    assertThat(withoutSnapshot(api)).hadErrorCount(1); // only the misplaced @Fields
  }

  @Test
  void moreThanFiftyFieldsIsAnError() {
    StringBuilder names = new StringBuilder("\"Email\"");
    for (int i = 0; i < 50; i++) {
      names.append(", \"Last_Name\"");
    }
    JavaFileObject api = api("  @Get(\"/crm/v8/Leads\") @ZohoScope(\"ZohoCRM.modules.leads.READ\")",
        "  RecordPage<Object> list(@Query(\"fields\") @Fields({" + names + "}) java.util.List<String> fields);");
    assertThat(withoutSnapshot(api)).hadErrorContaining("@Fields of 'fields' names 51 fields; Zoho takes at most 50 "
        + "per request").inFile(api).onLine(6);
  }

  @Test
  void aMalformedSnapshotIsAnErrorNamingTheFileAndTheKey(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("modules"));
    Files.writeString(dir.resolve("org.json"), "{\"fetched_at\": \"2026-12-01T00:00:00Z\", \"modules\": [\"Leads\"]}");
    Files.writeString(dir.resolve("modules/Leads.json"), "{\"api_name\": \"Leads\", \"fields\": [{\"data_type\": 1}]}");
    Compilation c = javac().withProcessors(new ZohoProcessor()).withOptions("-Azohokit.schema=" + dir)
        .compile(coql("select Last_Name from Leads", "RecordPage<Object> leads();"));
    assertThat(c).hadErrorContaining("zohokit cannot read the schema snapshot: " + dir.resolve("modules/Leads.json")
        + ": fields[0].api_name: expected a text value. Fix the file or fetch it again with mvn zoho:schema");
  }

  @Test
  void theOptionNamesTheSnapshotAsGiven() {
    JavaFileObject api = coql("select Last_Nam from Leads", "RecordPage<Object> leads();");
    Compilation c = javac().withProcessors(new ZohoProcessor()).withOptions("-Azohokit.schema=" + snapshot())
        .compile(api);
    assertThat(c).hadErrorContaining("`Last_Nam` is not a field of Leads in snapshot " + snapshot()
        + " (fetched 2026-12-01); did you mean `Last_Name`?").inFile(api).onLine(5);
  }

  @Test
  void aProjectionRecordIsGeneratedFromTheSelectListTypedFromTheSnapshot() {
    JavaFileObject api = api("  @Coql(value = \"select Last_Name, Account_Name.Account_Name, No_of_Employees, "
        + "Annual_Revenue, Last_Activity_Time, COUNT(id) as total from Leads\", projection = \"LeadRow\") " + SCOPES,
        "  RecordPage<LeadRow> rows();");
    Compilation c = withSnapshot(api);
    assertThat(c).succeededWithoutWarnings();
    org.assertj.core.api.Assertions.assertThat(source(c, "test.LeadRow")).contains(
        "public record LeadRow(@JsonProperty(\"Last_Name\") String lastName,",
        "@JsonProperty(\"Account_Name.Account_Name\") String accountNameAccountName,",
        "@JsonProperty(\"No_of_Employees\") Integer noOfEmployees,",
        "@JsonProperty(\"Annual_Revenue\") BigDecimal annualRevenue,",
        "@JsonProperty(\"Last_Activity_Time\") OffsetDateTime lastActivityTime,",
        "@JsonProperty(\"total\") JsonNode total, @JsonProperty(\"id\") String id)");
    // without a snapshot the columns are JsonNode
    org.assertj.core.api.Assertions.assertThat(source(withoutSnapshot(api), "test.LeadRow"))
        .contains("@JsonProperty(\"Last_Name\") JsonNode lastName");
  }

  private static String source(Compilation c, String type) {
    try {
      return c.generatedSourceFile(type).orElseThrow().getCharContent(true).toString();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

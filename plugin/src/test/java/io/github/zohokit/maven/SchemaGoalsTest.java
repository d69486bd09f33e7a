package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.TokenKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** zoho:schema, zoho:schema-check and zoho:generate-records against the fake Zoho. */
@MojoTest
class SchemaGoalsTest {
  private static final List<String> SCOPES = List.of("ZohoCRM.settings.modules.READ", "ZohoCRM.settings.fields.READ",
      "ZohoCRM.org.READ");

  private FakeZoho fake;
  private Path dir;
  private Path tokens;

  @BeforeEach
  void start() throws Exception {
    fake = FakeZoho.builder().dataCenters(DataCenter.US, DataCenter.EU).start();
    FakeClient client = fake.registerSelfClient();
    dir = Files.createTempDirectory("zoho-schema");
    tokens = dir.resolve("tokens.json");
    System.setProperty("zoho.clientId", client.clientId());
    System.setProperty("zoho.clientSecret", client.clientSecret());
    Set<Scope> scopes = new TreeSet<>(Scope.parseList(String.join(",", SCOPES)));
    new Bootstrap(ZohoOAuth.builder(ClientType.SELF_CLIENT).clientId(client.clientId())
        .clientSecret(client.clientSecret()).endpoints(fake.endpoints()), TokenStores.file(tokens),
        new TokenKey(client.clientId(), "default")).exchange(fake.generateGrantCode(client, SCOPES), scopes);
  }

  @AfterEach
  void stop() {
    System.clearProperty("zoho.clientId");
    System.clearProperty("zoho.clientSecret");
    fake.close();
  }

  private <T extends AbstractSchemaMojo> T configure(T mojo, String modules) {
    mojo.accountsUrl = fake.baseUrl(DataCenter.US);
    mojo.tokenStore = tokens.toFile();
    mojo.snapshotDirectory = dir.resolve("schema").toFile();
    mojo.modules = modules;
    mojo.dataCenter = "us";
    mojo.userKey = "default";
    return mojo;
  }

  @Test
  @InjectMojo(goal = "schema")
  void writesTheSnapshotAndAnUnchangedOrgChangesNoFile(SchemaMojo mojo) throws Exception {
    configure(mojo, "Leads,Deals").execute();
    Path leads = dir.resolve("schema/modules/Leads.json");
    assertThat(Files.readString(leads)).contains("\"api_name\": \"Last_Name\"", "\"system_mandatory\": true")
        .doesNotContain("\"read_only\"");
    assertThat(Files.readString(dir.resolve("schema/org.json"))).contains("\"org_id\": \"" + fake.orgId(DataCenter.US)
        + "\"", "\"data_center\": \"us\"", "\"modules\": [\n    \"Deals\",\n    \"Leads\"\n  ]");
    Files.setLastModifiedTime(leads, FileTime.fromMillis(1000));
    Files.setLastModifiedTime(dir.resolve("schema/org.json"), FileTime.fromMillis(1000));
    mojo.modules = null;
    mojo.execute();
    assertThat(Files.getLastModifiedTime(leads).toMillis()).isEqualTo(1000);
    assertThat(Files.getLastModifiedTime(dir.resolve("schema/org.json")).toMillis()).isEqualTo(1000);
  }

  @Test
  @InjectMojo(goal = "schema")
  void withoutModulesSnapshotOrCompiledApisTheErrorSaysWhatToPass(SchemaMojo mojo) {
    configure(mojo, null);
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("Which modules? Set <modules> in the plugin's configuration or pass "
            + "-Dzoho.modules=Leads,Contacts (API names; * for every API-supported module); there is no snapshot in "
            + dir.resolve("schema"));
  }

  @Test
  @InjectMojo(goal = "schema-check")
  void schemaCheckFailsOnARemovedFieldNamingItAndWritesTheReport(SchemaCheckMojo mojo) throws Exception {
    SchemaMojo schema = configure(new SchemaMojo(), "Leads");
    schema.execute();
    configure(mojo, null);
    mojo.report = dir.resolve("drift.json").toFile();
    mojo.failOn = "breaking";
    mojo.execute();
    assertThat(Files.readString(dir.resolve("drift.json"))).contains("\"breaking\": 0");
    // the committed snapshot names a field the org no longer has
    Path leads = dir.resolve("schema/modules/Leads.json");
    Files.writeString(leads, Files.readString(leads).replace("\"api_name\": \"Phone\"", "\"api_name\": \"Fax\""));
    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class)
        .hasMessageContaining("BREAKING field-renamed Leads.Fax")
        .hasMessageContaining("Run mvn zoho:schema and commit");
    assertThat(Files.readString(dir.resolve("drift.json"))).contains("\"code\": \"field-renamed\"");
    mojo.ignore = "Leads.Fax";
    mojo.execute();
  }

  @Test
  @InjectMojo(goal = "schema-check")
  void aTokenOfAnotherDataCentreIsReportedAsThat(SchemaCheckMojo mojo) throws Exception {
    Path schema = dir.resolve("schema");
    configure(new SchemaMojo(), "Leads").execute();
    Files.writeString(schema.resolve("org.json"), Files.readString(schema.resolve("org.json"))
        .replace("\"data_center\": \"us\"", "\"data_center\": \"eu\""));
    configure(mojo, null);
    mojo.report = dir.resolve("drift.json").toFile();
    mojo.failOn = "breaking";
    assertThatThrownBy(mojo::execute).hasMessageContaining("other-organisation")
        .hasMessageNotContaining("field-removed");
  }

  @Test
  @InjectMojo(goal = "generate-records")
  void generatesSourcesFromTheSnapshotOffline(GenerateRecordsMojo mojo) throws Exception {
    configure(new SchemaMojo(), "Leads").execute();
    fake.close();
    mojo.snapshotDirectory = dir.resolve("schema").toFile();
    mojo.outputDirectory = dir.resolve("generated").toFile();
    mojo.packageName = "com.example.crm";
    mojo.overrides = dir.resolve("none.json").toFile();
    mojo.apis = true;
    mojo.execute();
    assertThat(Files.readString(dir.resolve("generated/com/example/crm/Lead.java")))
        .contains("public record Lead(", "@JsonProperty(\"Last_Name\") String lastName");
    assertThat(dir.resolve("generated/com/example/crm/LeadsApi.java")).exists();
    assertThat(Files.readString(dir.resolve("generated/com/example/crm/ZohoSchemaSnapshot.java")))
        .contains("static final String DIRECTORY = \"" + dir.resolve("schema").toAbsolutePath().normalize()
            .toString().replace("\\", "\\\\") + "\";");
    mojo.snapshotDirectory = dir.resolve("nothing").toFile();
    assertThatThrownBy(mojo::execute).hasMessageContaining("No snapshot in").hasMessageContaining("zoho:schema");
  }

  @Test
  @InjectMojo(goal = "generate-records")
  void aRunWithNothingChangedSkipsGenerationAndAnyChangeGeneratesAgain(GenerateRecordsMojo mojo) throws Exception {
    configure(new SchemaMojo(), "Leads").execute();
    fake.close();
    mojo.snapshotDirectory = dir.resolve("schema").toFile();
    mojo.outputDirectory = dir.resolve("generated").toFile();
    mojo.packageName = "com.example.crm";
    Path overrides = dir.resolve("overrides.json");
    mojo.overrides = overrides.toFile();
    mojo.apis = true;
    GoalOutputTest.CapturingLog log = new GoalOutputTest.CapturingLog();
    mojo.setLog(log);
    String upToDate = "info: Generated sources in " + mojo.outputDirectory + " are up to date (snapshot and "
        + "configuration unchanged)";
    mojo.execute();
    assertThat(log.lines).last().asString().startsWith("info: Generated ");
    mojo.execute();
    assertThat(log.lines).last().isEqualTo(upToDate);

    Path leads = dir.resolve("schema/modules/Leads.json");
    Files.writeString(leads, Files.readString(leads).replace("\"Last Name\"", "\"Surname\""));
    mojo.execute();
    Path lead = dir.resolve("generated/com/example/crm/Lead.java");
    assertThat(log.lines).last().isEqualTo("info: Generated 1 file(s) in " + mojo.outputDirectory);
    assertThat(Files.readString(lead)).contains("\"Surname\"");
    mojo.execute();
    assertThat(log.lines).last().isEqualTo(upToDate);

    Path api = dir.resolve("generated/com/example/crm/LeadsApi.java");
    Files.delete(api);
    mojo.execute();
    assertThat(api).exists();
    Files.writeString(lead, "edited by hand");
    mojo.execute();
    assertThat(Files.readString(lead)).contains("public record Lead(");
    assertThat(log.lines).last().isEqualTo("info: Generated 1 file(s) in " + mojo.outputDirectory);

    Files.writeString(overrides, "{\"fields\": {\"Leads.Email\": {\"name\": \"mail\"}}}");
    mojo.execute();
    assertThat(Files.readString(lead)).contains("String mail");
    mojo.apis = false;
    mojo.execute();
    assertThat(api).doesNotExist();
    mojo.execute();
    assertThat(log.lines).last().isEqualTo(upToDate);
  }
}

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
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
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
    snapshotLeadsThenGoOffline();
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
    snapshotLeadsThenGoOffline();
    mojo.snapshotDirectory = dir.resolve("schema").toFile();
    mojo.outputDirectory = dir.resolve("generated").toFile();
    mojo.packageName = "com.example.crm";
    Path overrides = dir.resolve("overrides.json");
    mojo.overrides = overrides.toFile();
    mojo.apis = true;
    GoalOutputTest.CapturingLog log = capture(mojo);
    String upToDate = upToDate(mojo);
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

  private GenerateRecordsMojo generating(GenerateRecordsMojo mojo, String packageName) {
    mojo.snapshotDirectory = dir.resolve("schema").toFile();
    mojo.outputDirectory = dir.resolve("generated").toFile();
    mojo.packageName = packageName;
    mojo.overrides = dir.resolve("overrides.json").toFile();
    mojo.apis = true;
    mojo.schemaChecks = true;
    return mojo;
  }

  /** Takes the fake's Leads into the snapshot with zoho:schema, then stops the fake: what follows runs offline. */
  private void snapshotLeadsThenGoOffline() throws Exception {
    configure(new SchemaMojo(), "Leads").execute();
    fake.close();
  }

  private static GoalOutputTest.CapturingLog capture(org.apache.maven.plugin.AbstractMojo mojo) {
    GoalOutputTest.CapturingLog log = new GoalOutputTest.CapturingLog();
    mojo.setLog(log);
    return log;
  }

  private String upToDate(GenerateRecordsMojo mojo) {
    return "info: Generated sources in " + mojo.outputDirectory + " are up to date (snapshot and configuration "
        + "unchanged)";
  }

  @Test
  @InjectMojo(goal = "generate-records")
  void aSnapshotReachedThroughLinksIsReadAndStampedThroughThem(GenerateRecordsMojo mojo) throws Exception {
    snapshotLeadsThenGoOffline();
    // a shared snapshot linked into the project, whose modules directory is itself a link
    Path shared = dir.resolve("shared");
    Files.createDirectories(shared);
    Files.move(dir.resolve("schema/modules"), shared.resolve("modules"));
    Files.createSymbolicLink(dir.resolve("schema/modules"), shared.resolve("modules"));
    Path linked = Files.createSymbolicLink(dir.resolve("linked-schema"), dir.resolve("schema"));
    generating(mojo, "com.example.crm").snapshotDirectory = linked.toFile();
    GoalOutputTest.CapturingLog log = capture(mojo);
    mojo.execute();
    mojo.execute();
    assertThat(log.lines).last().isEqualTo(upToDate(mojo));

    Path leads = shared.resolve("modules/Leads.json");
    Files.writeString(leads, Files.readString(leads).replace("\"Last Name\"", "\"Surname\""));
    mojo.execute();
    assertThat(log.lines).last().isEqualTo("info: Generated 1 file(s) in " + mojo.outputDirectory);
    assertThat(Files.readString(dir.resolve("generated/com/example/crm/Lead.java"))).contains("\"Surname\"");
  }

  @Test
  @InjectMojo(goal = "generate-records")
  void aNewBuildOfTheGoalsOwnClassesGeneratesAgain(GenerateRecordsMojo mojo) throws Exception {
    snapshotLeadsThenGoOffline();
    generating(mojo, "com.example.crm");
    GoalOutputTest.CapturingLog log = capture(mojo);
    mojo.execute();
    mojo.execute();
    assertThat(log.lines).last().isEqualTo(upToDate(mojo));
    // the tests run the plugin from its class directory, as an IDE or a reactor build does
    java.net.URL marker = SnapshotMarker.class.getResource("SnapshotMarker.class");
    assertThat(marker.getProtocol()).isEqualTo("file");
    Path markerClass = Path.of(marker.toURI());
    FileTime built = Files.getLastModifiedTime(markerClass);
    try {
      Files.setLastModifiedTime(markerClass, FileTime.fromMillis(built.toMillis() + 2000));
      mojo.execute();
      assertThat(log.lines).last().isEqualTo("info: Generated sources in " + mojo.outputDirectory
          + " are up to date");
    } finally {
      Files.setLastModifiedTime(markerClass, built);
    }
  }

  @Test
  @InjectMojo(goal = "generate-records")
  void aSnapshotChangedWhileGeneratingLeavesNoStamp(GenerateRecordsMojo injected) throws Exception {
    snapshotLeadsThenGoOffline();
    Path leads = dir.resolve("schema/modules/Leads.json");
    String committed = Files.readString(leads);
    boolean[] edited = {false};
    // another build or an editor changes the snapshot after the inputs were digested, before they are read
    GenerateRecordsMojo mojo = generating(new GenerateRecordsMojo() {
      @Override
      io.github.zohokit.schema.Snapshot readSnapshot(Path snapshot) {
        if (!edited[0]) {
          edited[0] = true;
          try {
            Files.writeString(leads, committed.replace("\"Last Name\"", "\"Surname\""));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }
        return super.readSnapshot(snapshot);
      }
    }, "com.example.crm");
    GoalOutputTest.CapturingLog log = capture(mojo);
    mojo.execute();
    Path lead = dir.resolve("generated/com/example/crm/Lead.java");
    assertThat(Files.readString(lead)).contains("\"Surname\"");
    // back to the bytes that were digested: the sources are not theirs, so this must generate
    Files.writeString(leads, committed);
    mojo.execute();
    assertThat(log.lines).last().isEqualTo("info: Generated 1 file(s) in " + mojo.outputDirectory);
    assertThat(Files.readString(lead)).doesNotContain("\"Surname\"");
  }

  @Test
  @InjectMojo(goal = "generate-records")
  void aSkippedRunRepeatsTheWarningsOfTheGenerationItSkips(GenerateRecordsMojo mojo) throws Exception {
    snapshotLeadsThenGoOffline();
    generating(mojo, "com.example.crm");
    Path leads = dir.resolve("schema/modules/Leads.json");
    Files.writeString(leads, Files.readString(leads).replace("\"api_name\": \"Phone\"", "\"api_name\": \"default\""));
    GoalOutputTest.CapturingLog log = capture(mojo);
    mojo.execute();
    List<String> warnings = log.lines.stream().filter(l -> l.startsWith("warn: ")).toList();
    assertThat(warnings).contains("warn: Leads.default: default is a Java keyword or a name the record uses; "
        + "generated as default_()");
    log.lines.clear();
    mojo.execute();
    assertThat(log.lines).last().isEqualTo(upToDate(mojo));
    assertThat(log.lines.stream().filter(l -> l.startsWith("warn: ")).toList()).isEqualTo(warnings);
  }

  @Test
  @InjectMojo(goal = "generate-records")
  void twoPackagesGeneratedIntoOneDirectoryEachSkipWhenUnchanged(GenerateRecordsMojo crm) throws Exception {
    snapshotLeadsThenGoOffline();
    generating(crm, "com.example.crm");
    GenerateRecordsMojo other = generating(new GenerateRecordsMojo(), "com.example.other");
    GoalOutputTest.CapturingLog crmLog = new GoalOutputTest.CapturingLog();
    GoalOutputTest.CapturingLog otherLog = new GoalOutputTest.CapturingLog();
    crm.setLog(crmLog);
    other.setLog(otherLog);
    for (int build = 0; build < 2; build++) {
      crm.execute();
      other.execute();
    }
    crm.execute();
    other.execute();
    assertThat(crmLog.lines).last().isEqualTo(upToDate(crm));
    assertThat(otherLog.lines).last().isEqualTo(upToDate(other));
    assertThat(dir.resolve("generated/com/example/other/Lead.java")).exists();
  }

  @Test
  @InjectMojo(goal = "generate-records")
  void aBuildWaitsWhileAnotherGeneratesIntoTheSameDirectory(GenerateRecordsMojo mojo) throws Exception {
    snapshotLeadsThenGoOffline();
    generating(mojo, "com.example.crm");
    List<String> lines = new CopyOnWriteArrayList<>();
    mojo.setLog(new org.apache.maven.plugin.logging.SystemStreamLog() {
      @Override
      public void info(CharSequence content) {
        lines.add("info: " + content);
      }
    });
    mojo.execute();
    Path lead = dir.resolve("generated/com/example/crm/Lead.java");
    String fromCommitted = Files.readString(lead);

    // build A, in another process, holds the lock: it read the committed snapshot and has yet to write its sources
    Path lockFile = GenerationStamp.lockFile(mojo.outputDirectory.toPath(), "com.example.crm");
    Process buildA = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        Path.of(StampLockHolder.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString(),
        StampLockHolder.class.getName(), lockFile.toString()).redirectErrorStream(true).start();
    CompletableFuture<Void> buildB;
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(buildA.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked");
      Path leads = dir.resolve("schema/modules/Leads.json");
      Files.writeString(leads, Files.readString(leads).replace("\"Last Name\"", "\"Surname\""));
      // build B starts on the changed snapshot
      buildB = CompletableFuture.runAsync(() -> {
        try {
          mojo.execute();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      String waiting = "info: Waiting for another build generating into " + mojo.outputDirectory;
      for (int i = 0; i < 600 && !lines.contains(waiting) && !buildB.isDone(); i++) {
        Thread.sleep(100);
      }
      assertThat(lines).contains(waiting);
      Files.writeString(lead, fromCommitted); // build A writes what it generated, and ends
      buildA.getOutputStream().close();
      assertThat(buildA.waitFor()).isZero();
    } finally {
      buildA.destroy();
    }
    buildB.get(60, TimeUnit.SECONDS);
    assertThat(Files.readString(lead)).contains("\"Surname\"");
    mojo.execute();
    assertThat(lines).last().isEqualTo(upToDate(mojo));
    assertThat(Files.readString(lead)).contains("\"Surname\"");
  }

  @Test
  @InjectMojo(goal = "generate-records")
  void anUnreadableStampIsReplaced(GenerateRecordsMojo mojo) throws Exception {
    snapshotLeadsThenGoOffline();
    generating(mojo, "com.example.crm");
    GoalOutputTest.CapturingLog log = capture(mojo);
    mojo.execute();
    Files.write(dir.resolve("generated-com.example.crm.stamp"), new byte[] {(byte) 0xff, (byte) 0xfe, '\n'});
    mojo.execute();
    assertThat(log.lines).last().isEqualTo("info: Generated sources in " + mojo.outputDirectory + " are up to date");
    mojo.execute();
    assertThat(log.lines).last().isEqualTo(upToDate(mojo));
  }
}

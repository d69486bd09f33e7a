package io.github.zohokit.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("unchecked")
class RecordGeneratorTest {
  static final String PACKAGE = "com.example.crm";
  static Snapshot snapshot;
  static Map<String, String> files;
  static final List<String> warnings = new ArrayList<>();
  static Generated generated;

  @BeforeAll
  static void generateAndCompile() {
    snapshot = new SchemaFetcher(new CannedSource(), n -> { })
        .fetch(List.of("Leads", "Projects__c"), "0.1.0", "2026-12-01T00:00:00Z");
    files = new RecordGenerator(snapshot, new GeneratorConfig(PACKAGE, List.of(), Overrides.none(), true),
        warnings::add).generate();
    // kept under target/ to read after the run
    generated = Generated.compile(files, Path.of("target/record-generator-test"));
  }

  static String source(String type) {
    return files.get(PACKAGE.replace('.', '/') + "/" + type + ".java");
  }

  @Test
  void generatesARecordPerModuleNamedFromItsSingularLabelAndAnApiTheProcessorImplements() {
    assertThat(files.keySet()).containsExactly("com/example/crm/Lead.java", "com/example/crm/LeadsApi.java",
        "com/example/crm/LeadsXProduct.java", "com/example/crm/LeadsXProductsApi.java",
        "com/example/crm/LookupRef.java", "com/example/crm/Project.java", "com/example/crm/ProjectDetailsRow.java",
        "com/example/crm/ProjectsApi.java", "com/example/crm/UserRef.java", "com/example/crm/ZohoJson.java");
    assertThat(generated.compiled).as(generated.diagnostics).isTrue();
    assertThat(generated.diagnostics).doesNotContain("warning");
    // the processor's implementation (named ZohoLeadsApi after issue 21, LeadsApiZohoClient before)
    assertThat(generated.implementationOf("LeadsApi")).isTrue();
    assertThat(generated.implementationOf("ProjectsApi")).isTrue();
  }

  @Test
  void aModuleWhoseFieldsDoNotListIdStillGetsItsIdAndTheApiJavadocHasOneParamPerLine() {
    // Projects__c's fields metadata names no id (Zoho's custom modules do not); records and subform rows carry one
    assertThat(source("Project")).contains("@JsonProperty(\"id\") String id");
    assertThat(source("ProjectDetailsRow")).contains("@JsonProperty(\"id\") String id");
    assertThat(source("Project")).contains("if (id() != null) write.values.put(\"id\", id())");
    assertThat(source("ProjectsApi")).doesNotContainPattern("\\S@param").contains("   * @param page the page");
    // a linking module's records are read and written under the custom modules' scopes (Zoho's "Linking Module
    // APIs" page), not under a scope named after the module, which Zoho does not have
    assertThat(source("LeadsXProductsApi")).contains("@ZohoScope(\"ZohoCRM.modules.custom.READ\")")
        .doesNotContain("leadsxproducts");
  }

  @Test
  void mapsEachDataTypeToItsJavaType() {
    String lead = source("Lead");
    assertThat(lead).contains(
        "@JsonProperty(\"Last_Name\") String lastName",
        "@JsonProperty(\"id\") String id",
        "@JsonProperty(\"Annual_Revenue\") BigDecimal annualRevenue",
        "@JsonProperty(\"No_of_Employees\") Integer noOfEmployees",
        "@JsonProperty(\"Lead_Source\") Lead.LeadSource leadSource",
        "@JsonProperty(\"Interests\") List<Lead.Interests> interests",
        "@JsonProperty(\"Account_Name\") LookupRef<Object> accountName",
        "@JsonProperty(\"Owner\") UserRef owner",
        "@JsonProperty(\"Project_Details\") List<ProjectDetailsRow> projectDetails",
        "@JsonProperty(\"Products\") List<LeadsXProduct> products",
        "@JsonProperty(\"Formula_Decimal\") BigDecimal formulaDecimal",
        "@JsonProperty(\"Hologram\") JsonNode hologram",
        "@JsonProperty(\"Tag\") JsonNode tag",
        "@JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields");
    assertThat(lead).containsPattern("@JsonProperty\\(\"Created_Time\"\\)\\s+@JsonDeserialize\\(using = ZohoJson"
        + "\\.DateTimeReader\\.class\\)\\s+@JsonSerialize\\(using = ZohoJson\\.DateTimeWriter\\.class\\)\\s+"
        + "OffsetDateTime createdTime");
    assertThat(lead).containsPattern("LocalDate dateOfBirth");
    assertThat(source("Project")).contains("LookupRef<Lead> lead", "Project.Status status");
  }

  @Test
  void resolvesKeywordsAndCollisionsDeterministicallyAndReportsThem() {
    assertThat(source("Lead")).contains("@JsonProperty(\"default\") Boolean default_",
        "@JsonProperty(\"Name1\") String name1", "@JsonProperty(\"Name_1\") String name1_2");
    assertThat(warnings).contains(
        "Leads.default: default is a Java keyword or a name the record uses; generated as default_()",
        "Leads: fields Name1 and Name_1 both become name1(); Name_1 is generated as name1_2() (name one of them in "
            + "the overrides file: \"fields\": {\"Leads.Name_1\": {\"name\": \"...\"}})",
        "Leads.Hologram: data_type hologram3d is not known to zohokit; generated as JsonNode");
    assertThat(warnings).anyMatch(w -> w.startsWith("Leads.Tag: data_type text but json_type jsonarray"));
  }

  @Test
  void picklistsAreOpenValueTypesWithAConstantPerOption() throws Exception {
    ClassLoader loader = generated.loader();
    Class<?> source = loader.loadClass(PACKAGE + ".Lead$LeadSource");
    assertThat(source.isEnum()).isFalse();
    Object houston = source.getField("HOUSTON").get(null);
    Method of = source.getMethod("of", String.class);
    assertThat(of.invoke(null, "Houston")).isSameAs(houston);
    Object unknown = of.invoke(null, "Billboard");
    assertThat(unknown.toString()).isEqualTo("Billboard");
    assertThat(source.getMethod("isKnown").invoke(unknown)).isEqualTo(false);
    assertThat(source.getField("NONE").get(null).toString()).isEqualTo("-None-");
    assertThat(source.getField("WEB_DOWNLOAD").get(null).toString()).isEqualTo("Web Download");
  }

  @Test
  void fieldNameConstantsAreTheExactApiNames() throws Exception {
    Class<?> fields = generated.loader().loadClass(PACKAGE + ".Lead$Fields");
    assertThat(fields.getField("LAST_NAME").get(null)).isEqualTo("Last_Name");
    assertThat(fields.getField("NAME1_2").get(null)).isEqualTo("Name_1");
    assertThat(fields.getField("DEFAULT").get(null)).isEqualTo("default");
    Class<?> lead = generated.loader().loadClass(PACKAGE + ".Lead");
    assertThat((List<Object>) lead.getField("ALL_FIELDS").get(null)).hasSize(19).contains("Last_Name", "id");
  }

  @Test
  void readsZohoJsonAndWritesItBackWithoutLosingAnything() throws Exception {
    Class<?> lead = generated.loader().loadClass(PACKAGE + ".Lead");
    String json = "{\"id\":\"5725767000000412001\",\"Last_Name\":\"Sam\",\"Lead_Source\":\"Billboard\","
        + "\"Interests\":[\"Analytics\",\"Quantum\"],\"Annual_Revenue\":250000.90,\"No_of_Employees\":12,"
        + "\"Created_Time\":\"2026-01-05T09:30:00+05:30\",\"Date_of_Birth\":\"1990-02-03\","
        + "\"Owner\":{\"name\":\"Ann Lee\",\"id\":\"1001\",\"email\":\"ann@zylker.example\"},"
        + "\"Account_Name\":{\"name\":\"Zylker\",\"id\":\"2002\"},\"default\":true,"
        + "\"Tag\":[{\"name\":\"vip\",\"id\":\"9\"}],\"Project_Details\":[{\"Project_Name\":\"P1\",\"Hours\":2.5,"
        + "\"id\":\"77\",\"Parent_Id\":{\"id\":\"5725767000000412001\"}}],"
        + "\"New_Admin_Field\":\"added after the snapshot\",\"$approval_state\":\"approved\"}";
    ObjectMapper mapper = new ObjectMapper();
    Object record = mapper.readValue(json, lead);
    assertThat(lead.getMethod("lastName").invoke(record)).isEqualTo("Sam");
    assertThat(lead.getMethod("annualRevenue").invoke(record)).isEqualTo(new BigDecimal("250000.90"));
    OffsetDateTime created = (OffsetDateTime) lead.getMethod("createdTime").invoke(record);
    assertThat(created.getOffset().getTotalSeconds()).isEqualTo(19800);
    assertThat(lead.getMethod("dateOfBirth").invoke(record)).isEqualTo(LocalDate.of(1990, 2, 3));
    assertThat(lead.getMethod("leadSource").invoke(record).toString()).isEqualTo("Billboard");
    assertThat((Map<Object, Object>) lead.getMethod("otherFields").invoke(record))
        .containsEntry("New_Admin_Field", "added after the snapshot").containsKey("$approval_state");
    JsonNode back = mapper.readTree(mapper.writeValueAsString(record));
    assertThat(back).isEqualTo(mapper.readTree(json));
  }

  @Test
  void theWriteModelOffersOnlyWritableFieldsAndRequiresTheMandatoryOnes() throws Exception {
    Class<?> lead = generated.loader().loadClass(PACKAGE + ".Lead");
    Class<?> write = generated.loader().loadClass(PACKAGE + ".Lead$Write");
    Method create = lead.getMethod("create", String.class);
    List<String> setters = new ArrayList<>();
    for (Method m : write.getDeclaredMethods()) {
      if (m.getParameterCount() == 1 && m.getReturnType() == write) {
        setters.add(m.getName());
      }
    }
    assertThat(setters).contains("lastName", "email", "leadSource", "owner", "accountName", "projectDetails")
        .doesNotContain("id", "createdTime", "formulaDecimal");
    assertThatThrownBy(() -> create.invoke(null, (Object) null)).hasCauseInstanceOf(NullPointerException.class);
    Object body = create.invoke(null, "Sam");
    Class<?> leadSource = generated.loader().loadClass(PACKAGE + ".Lead$LeadSource");
    write.getMethod("leadSource", leadSource).invoke(body, leadSource.getField("HOUSTON").get(null));
    Class<?> ref = generated.loader().loadClass(PACKAGE + ".LookupRef");
    write.getMethod("accountName", ref).invoke(body, ref.getMethod("to", String.class).invoke(null, "2002"));
    write.getMethod("dateOfBirth", LocalDate.class).invoke(body, LocalDate.of(1990, 2, 3));
    assertThat(new ObjectMapper().writeValueAsString(body)).isEqualTo("{\"Last_Name\":\"Sam\",\"Lead_Source\":"
        + "\"Houston\",\"Account_Name\":{\"id\":\"2002\"},\"Date_of_Birth\":\"1990-02-03\"}");
  }

  @Test
  void toWriteKeepsTheIdTheWritableFieldsAndTheUnknownOnes() throws Exception {
    Class<?> lead = generated.loader().loadClass(PACKAGE + ".Lead");
    ObjectMapper mapper = new ObjectMapper();
    Object record = mapper.readValue("{\"id\":\"1\",\"Last_Name\":\"Sam\",\"Created_Time\":"
        + "\"2026-01-05T09:30:00+05:30\",\"Formula_Decimal\":2,\"New_Admin_Field\":\"x\",\"$state\":\"y\"}", lead);
    Object write = lead.getMethod("toWrite").invoke(record);
    assertThat(mapper.writeValueAsString(write))
        .isEqualTo("{\"id\":\"1\",\"Last_Name\":\"Sam\",\"New_Admin_Field\":\"x\"}");
  }

  @Test
  void theSameSnapshotGivesTheSameBytesWithoutTimestampsAndRewritesNothing(@TempDir Path out) throws Exception {
    RecordGenerator again = new RecordGenerator(snapshot, new GeneratorConfig(PACKAGE, List.of(), Overrides.none(),
        true), w -> { });
    assertThat(again.generate()).isEqualTo(files);
    assertThat(String.join("\n", files.values())).doesNotContain("2026-12-01").doesNotContain("0.1.0");
    assertThat(again.writeTo(out)).hasSize(files.size());
    Path lead = out.resolve("com/example/crm/Lead.java");
    java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(lead);
    Files.setLastModifiedTime(lead, java.nio.file.attribute.FileTime.fromMillis(1000));
    assertThat(again.writeTo(out)).isEmpty();
    assertThat(Files.getLastModifiedTime(lead).toMillis()).isEqualTo(1000);
    assertThat(before).isNotNull();
    Files.writeString(out.resolve("com/example/crm/Stale.java"), "@Generated(\n    value = \""
        + RecordGenerator.GENERATOR + "\"\n) class Stale {}");
    assertThat(again.writeTo(out)).containsExactly("com/example/crm/Stale.java");
  }

  @Test
  void overridesChooseJavaTypesAndNames(@TempDir Path tmp) throws Exception {
    Path file = tmp.resolve("overrides.json");
    Files.writeString(file, "{\"modules\":{\"Projects__c\":{\"class_name\":\"Engagement\"}},"
        + "\"fields\":{\"Leads.Tag\":{\"java_type\":\"string-list\",\"name\":\"tags\"},"
        + "\"Leads.Name_1\":{\"name\":\"nameOne\"}}}");
    List<String> w = new ArrayList<>();
    Map<String, String> out = new RecordGenerator(snapshot, new GeneratorConfig(PACKAGE, List.of("Projects__c"),
        Overrides.read(file), false), w::add).generate();
    assertThat(out).containsKey("com/example/crm/Engagement.java").doesNotContainKey("com/example/crm/ProjectsApi.java");
    assertThat(out.get("com/example/crm/Engagement.java")).contains("LookupRef<Object> lead");
    Map<String, String> leads = new RecordGenerator(snapshot, new GeneratorConfig(PACKAGE, List.of("Leads"),
        Overrides.read(file), false), w::add).generate();
    assertThat(leads.get("com/example/crm/Lead.java")).contains("@JsonProperty(\"Tag\") List<String> tags",
        "@JsonProperty(\"Name_1\") String nameOne");
    Files.writeString(file, "{\"fields\":{\"Leads.Tag\":{\"java_type\":\"list of tags\"}}}");
    assertThatThrownBy(() -> Overrides.read(file)).isInstanceOf(SchemaException.class)
        .hasMessageContaining(file + ".fields.Leads.Tag.java_type: list of tags is neither");
  }

  @Test
  void namesThatWouldHideJavaTypesAreWrittenQualifiedAndStillCompile(@TempDir Path tmp) throws Exception {
    // classes of the package named Map and Object, picklist types String and Objects nested in Lead: each hides a
    // type the generated code uses (java.util.Map, java.lang.Object, java.lang.String, java.util.Objects)
    Path file = tmp.resolve("overrides.json");
    Files.writeString(file, "{\"modules\":{\"Projects__c\":{\"class_name\":\"Map\"},"
        + "\"Leads_X_Products\":{\"class_name\":\"Object\"}},"
        + "\"fields\":{\"Leads.Lead_Source\":{\"name\":\"string\"},\"Leads.Interests\":{\"name\":\"objects\"},"
        // a component java (a field Java: a skill in a recruiting org) would obscure the package in the qualified
        // java.util.Objects.requireNonNull(...), and one named com the package of the generated classes
        + "\"Leads.Email\":{\"name\":\"java\"},\"Leads.Annual_Revenue\":{\"name\":\"com\"}}}");
    List<String> warnings = new ArrayList<>();
    Map<String, String> out = new RecordGenerator(snapshot, new GeneratorConfig(PACKAGE, List.of(),
        Overrides.read(file), true), warnings::add).generate();
    Generated hiding = Generated.compile(out, tmp.resolve("compiled"));
    assertThat(hiding.compiled).as(hiding.diagnostics).isTrue();
    String lead = out.get("com/example/crm/Lead.java");
    assertThat(lead).contains("public static final class String {", "public static final class Objects {",
        "java.util.Map<java.lang.String, java.lang.Object> otherFields",
        "java.util.Objects.requireNonNull(lastName, \"lastName\")")
        .doesNotContain("import java.util.Map;", "import java.util.Objects;");
    assertThat(lead).contains("String java_,", "BigDecimal com_,");
    assertThat(warnings).contains("Leads.Email: java would hide the package java from the generated code's "
        + "qualified names; generated as java_()");
    assertThat(out.get("com/example/crm/Map.java")).contains("public record Map(");
  }

  private static Map<String, String> generate(CannedSource source, List<String> warnings, String... modules) {
    Snapshot s = new SchemaFetcher(source, n -> { }).fetch(List.of(modules), "0.1.0", "2026-12-01T00:00:00Z");
    return new RecordGenerator(s, new GeneratorConfig(PACKAGE, List.of(), Overrides.none(), true), warnings::add)
        .generate();
  }

  @Test
  void orgTextIsWrittenAsAsciiThatNoEncodingOrJavadocCanMisread(@TempDir Path tmp) throws Exception {
    // a backslash-u in a comment is a Unicode escape to javac; a brace opens an inline tag; the source encoding
    // of a consumer's build may be anything: labels and picklist values carry all three
    CannedSource source = new CannedSource();
    source.field("Leads", "Email").put("field_label", "Login (DOMAIN\\user) \\u002a/ {x Soci\u00e9t\u00e9 */");
    ArrayNode options = (ArrayNode) source.field("Leads", "Lead_Source").path("pick_list_values");
    for (String value : List.of("Size {M", "Caf\u00e9 \uD83D\uDE00", "a\"b\\c \\u0022", "x */ @y")) {
      options.addObject().put("display_value", value).put("actual_value", value).put("type", "used");
    }
    Map<String, String> out = generate(source, new ArrayList<>(), "Leads");
    assertThat(String.join("", out.values()).chars().allMatch(c -> c < 128)).as("ASCII only").isTrue();
    Generated ascii = Generated.compile(out, tmp, "-encoding", "US-ASCII", "-Xdoclint:all");
    assertThat(ascii.compiled).as(ascii.diagnostics).isTrue();
    assertThat(ascii.diagnostics).doesNotContain("error");
    Class<?> leadSource = ascii.loader().loadClass("com.example.crm.Lead$LeadSource");
    assertThat(((List<Object>) leadSource.getMethod("known").invoke(null))).extracting(Object::toString)
        .contains("Size {M", "Caf\u00e9 \uD83D\uDE00", "a\"b\\c \\u0022", "x */ @y");
  }

  @Test
  void aModuleWithMoreFieldsThanARecordHoldsKeepsTheRestInOtherFieldsAndTheirSetters(@TempDir Path tmp)
      throws Exception {
    CannedSource source = new CannedSource();
    ArrayNode fields = (ArrayNode) source.answers.get("Projects__c").path("fields");
    for (int i = 1; i <= 260; i++) {
      fields.addObject().put("api_name", String.format("Extra_%03d", i)).put("field_label", "Extra " + i)
          .put("data_type", "text").put("json_type", "string").put("id", String.valueOf(9_000_000 + i));
    }
    List<String> w = new ArrayList<>();
    Map<String, String> out = generate(source, w, "Projects__c");
    Generated big = Generated.compile(out, tmp);
    assertThat(big.compiled).as(big.diagnostics).isTrue();
    Class<?> project = big.loader().loadClass("com.example.crm.Project");
    assertThat(project.getRecordComponents()).hasSize(RecordGenerator.MAX_COMPONENTS + 1);
    assertThat(project.getRecordComponents()).extracting(java.lang.reflect.RecordComponent::getName)
        .contains("id", "otherFields").doesNotContain("extra260");
    assertThat(w).anyMatch(m -> m.contains("Projects__c: ") && m.contains("more than the 253")
        && m.contains("Extra_260"));
    Object read = new ObjectMapper().readValue("{\"id\":\"1\",\"Extra_260\":\"kept\"}", project);
    assertThat((Map<String, Object>) project.getMethod("otherFields").invoke(read)).containsEntry("Extra_260", "kept");
    Class<?> write = big.loader().loadClass("com.example.crm.Project$Write");
    Object body = write.getMethod("extra260", String.class).invoke(project.getMethod("update", String.class)
        .invoke(null, "1"), "new");
    assertThat(new ObjectMapper().writeValueAsString(body)).isEqualTo("{\"id\":\"1\",\"Extra_260\":\"new\"}");
  }

  @Test
  void namesTheGeneratedCodeUsesItselfAndTwinModulesGetTheirOwnNames(@TempDir Path tmp) throws Exception {
    // a field Write/Create/To_Write would clash with the record's own create(), toWrite() or its local write; a
    // system module Leads__s next to Leads would write a second LeadsApi.java over the first
    CannedSource source = new CannedSource();
    ArrayNode fields = (ArrayNode) source.answers.get("Leads").path("fields");
    for (String name : List.of("Write", "Create", "To_Write")) {
      fields.addObject().put("api_name", name).put("field_label", name).put("data_type", "text")
          .put("json_type", "string").put("system_mandatory", name.equals("Write")).put("id", "77" + name.length());
    }
    Snapshot leads = new SchemaFetcher(source, n -> { }).fetch(List.of("Leads"), "0.1.0", "2026-12-01T00:00:00Z");
    Path dir = tmp.resolve("schema");
    leads.write(dir);
    String module = Files.readString(dir.resolve("modules/Leads.json"));
    Files.writeString(dir.resolve("modules/Leads__s.json"), module.replace("\"api_name\": \"Leads\"",
        "\"api_name\": \"Leads__s\""));
    Path org = dir.resolve("org.json");
    Files.writeString(org, Files.readString(org).replace("\"Leads\"", "\"Leads\", \"Leads__s\""));
    List<String> w = new ArrayList<>();
    Map<String, String> out = new RecordGenerator(Snapshot.read(dir), new GeneratorConfig(PACKAGE, List.of(),
        Overrides.none(), true), w::add).generate();
    assertThat(out).containsKeys("com/example/crm/LeadsApi.java", "com/example/crm/LeadsSystemApi.java");
    assertThat(w).contains("Module Leads__s: interface name LeadsApi is taken; generated as LeadsSystemApi");
    Generated twins = Generated.compile(out, tmp.resolve("compiled"));
    assertThat(twins.compiled).as(twins.diagnostics).isTrue();
    assertThat(out.get("com/example/crm/Lead.java")).contains("String write_", "String create_", "String toWrite_");
  }

  @Test
  void aLabelWithoutLatinLettersNamesTheClassFromTheApiNameAndRestrictedClassNamesAreRefused(@TempDir Path tmp)
      throws Exception {
    CannedSource source = new CannedSource();
    for (com.fasterxml.jackson.databind.JsonNode m : source.answers.get("modules").path("modules")) {
      if (m.path("api_name").asText().equals("Projects__c")) {
        ((com.fasterxml.jackson.databind.node.ObjectNode) m).put("singular_label", "\u30d7\u30ed\u30b8\u30a7\u30af\u30c8");
      }
    }
    assertThat(generate(source, new ArrayList<>(), "Projects__c")).containsKey("com/example/crm/Projects.java")
        .doesNotContainKey("com/example/crm/Field.java");
    Path file = tmp.resolve("overrides.json");
    Files.writeString(file, "{\"modules\":{\"Projects__c\":{\"class_name\":\"record\"}}}");
    assertThatThrownBy(() -> Overrides.read(file)).isInstanceOf(SchemaException.class)
        .hasMessageContaining("Projects__c.class_name: record is not a Java class name");
  }
}

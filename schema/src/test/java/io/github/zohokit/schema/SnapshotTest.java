package io.github.zohokit.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {
  @TempDir Path dir;
  final List<String> notes = new ArrayList<>();

  Snapshot fetch(CannedSource source, String... modules) {
    return new SchemaFetcher(source, notes::add).fetch(List.of(modules), "0.1.0", "2026-12-01T00:00:00Z");
  }

  @Test
  void keepsOnlyOrgLevelFactsWithSortedKeysAndFields() throws Exception {
    fetch(new CannedSource(), "Leads").write(dir);
    String leads = Files.readString(dir.resolve("modules/Leads.json"));
    for (String perUser : List.of("\"read_only\"", "\"visible\"", "\"creatable\"", "\"profiles\"",
        "\"sequence_number\"", "\"modified_time\"", "\"created_time\"", "\"tooltip\"", "\"visibility\"",
        "\"web_create\"", "\"colour_code\"", "\"expression\"")) {
      assertThat(leads).doesNotContain(perUser + ":");
    }
    assertThat(leads).contains("\"field_read_only\": true", "\"system_mandatory\": true", "\"api_create\": true",
        "\"display_value\": \"Houston\"", "\"actual_value\": \"Houston Showroom\"");
    JsonNode json = CannedSource.MAPPER.readTree(leads);
    List<String> names = new ArrayList<>();
    json.path("fields").forEach(f -> names.add(f.path("api_name").asText()));
    List<String> sorted = new ArrayList<>(names);
    Collections.sort(sorted);
    assertThat(names).isEqualTo(sorted).contains("Last_Name", "Lead_Source");
    List<String> keys = new ArrayList<>();
    json.fieldNames().forEachRemaining(keys::add);
    assertThat(keys).isSorted();
    assertThat(leads).startsWith("{\n  \"api_name\": \"Leads\",\n").endsWith("}\n");
  }

  @Test
  void refetchOfAnUnchangedOrgChangesNoByte() throws Exception {
    Snapshot first = fetch(new CannedSource(), "Leads", "Projects__c");
    assertThat(first.write(dir)).isNotEmpty();
    Map<String, byte[]> before = files();
    // the same org read by another user, in another order, a day later
    CannedSource other = new CannedSource();
    other.change = node -> shuffled(perUserChanged(node));
    Snapshot again = SchemaFetcher.keepUnchangedOrg(
        new SchemaFetcher(other, notes::add).fetch(List.of("Leads", "Projects__c"), "0.2.0", "2026-12-02T00:00:00Z"),
        Snapshot.read(dir));
    assertThat(again.write(dir)).isEmpty();
    assertThat(files()).usingRecursiveComparison().isEqualTo(before);
  }

  @Test
  void aChangedOrgRecordsTheNewFetchTime() {
    fetch(new CannedSource(), "Leads").write(dir);
    CannedSource changed = new CannedSource();
    changed.field("Leads", "Email").put("length", 120);
    Snapshot again = SchemaFetcher.keepUnchangedOrg(new SchemaFetcher(changed, notes::add)
        .fetch(List.of("Leads"), "0.2.0", "2026-12-02T00:00:00Z"), Snapshot.read(dir));
    assertThat(again.write(dir)).contains("org.json", "modules/Leads.json");
    assertThat(Snapshot.read(dir).org().fetchedAt()).isEqualTo("2026-12-02T00:00:00Z");
  }

  @Test
  void followsSubformsAndLinkingModulesAndRecordsLookupTargetsByName() {
    CannedSource source = new CannedSource();
    Snapshot snapshot = fetch(source, "Leads");
    assertThat(snapshot.modules()).extracting(ModuleSchema::apiName)
        .containsExactly("Leads", "Leads_X_Products", "Project_Details");
    assertThat(source.calls).doesNotContain("fields?module=Accounts", "fields?module=Products");
    assertThat(snapshot.module("Leads").orElseThrow().field("Account_Name").orElseThrow().lookupModule())
        .isEqualTo("Accounts");
    assertThat(snapshot.module("Project_Details").orElseThrow().isSubform()).isTrue();
    assertThat(snapshot.module("Leads").orElseThrow().field("Products").orElseThrow().linkingModule())
        .isEqualTo("Leads_X_Products");
    assertThat(notes).anyMatch(n -> n.contains("Following Project_Details (subform of Leads.Project_Details)"));
  }

  @Test
  void followsASubformEvenWhenZohoListsItsModuleAsNotApiSupported() {
    // the subform's rows are written through the parent only; its fields are what the parent's field holds
    CannedSource source = new CannedSource();
    source.change = answer -> {
      if (answer.has("modules")) {
        ((com.fasterxml.jackson.databind.node.ArrayNode) answer.get("modules")).addObject()
            .put("api_name", "Project_Details").put("generated_type", "subform").put("api_supported", false);
      }
      return answer;
    };
    Snapshot snapshot = fetch(source, "Leads");
    assertThat(snapshot.modules()).extracting(ModuleSchema::apiName).contains("Project_Details");
    assertThat(snapshot.module("Project_Details").orElseThrow().fields()).isNotEmpty();
    assertThat(notes).noneMatch(n -> n.startsWith("Skipped Project_Details"));
  }

  @Test
  void skipsModulesZohoMarksNotApiSupportedWithANote() {
    CannedSource source = new CannedSource();
    source.answers.put("Accounts", CannedSource.MAPPER.createObjectNode().putArray("fields"));
    source.answers.put("Products", CannedSource.MAPPER.createObjectNode().putArray("fields"));
    Snapshot snapshot = fetch(source, "*", "!Projects__c");
    assertThat(snapshot.modules()).extracting(ModuleSchema::apiName).doesNotContain("Feeds", "Projects__c")
        .contains("Leads", "Accounts");
    assertThat(notes).contains("Skipped Feeds: Zoho marks it as not supported by the API (api_supported false)");
  }

  @Test
  void anUnknownModuleNameFailsWithTheOrgsModules() {
    assertThatThrownBy(() -> fetch(new CannedSource(), "Leeds")).isInstanceOf(SchemaException.class)
        .hasMessageContaining("Module Leeds is not in the organisation").hasMessageContaining("Leads, Accounts");
  }

  @Test
  void readsBackWhatItWrote() {
    Snapshot snapshot = fetch(new CannedSource(), "Leads");
    snapshot.write(dir);
    Snapshot read = Snapshot.read(dir);
    assertThat(read.sameModulesAs(snapshot)).isTrue();
    assertThat(read.org()).isEqualTo(snapshot.org());
    FieldSchema source = read.module("Leads").orElseThrow().field("Lead_Source").orElseThrow();
    assertThat(source.picklist()).extracting(PicklistOption::displayValue)
        .containsExactly("-None-", "Advertisement", "Houston", "Web Download");
  }

  @Test
  void aHandEditedSnapshotFailsNamingTheFileAndTheKey() throws Exception {
    fetch(new CannedSource(), "Leads").write(dir);
    Path leads = dir.resolve("modules/Leads.json");
    String text = Files.readString(leads);
    Files.writeString(leads, text.replace("\"system_mandatory\": true", "\"system_mandatory\": \"yes\""));
    assertThatThrownBy(() -> Snapshot.read(dir)).isInstanceOf(SchemaException.class)
        .hasMessageContaining(leads.toString())
        .hasMessageContaining("(Last_Name).system_mandatory: expected true or false, found \"yes\"");
    Files.writeString(leads, text.replace("\"data_type\": \"email\"", "\"data_typo\": \"email\""));
    assertThatThrownBy(() -> Snapshot.read(dir)).hasMessageContaining(leads.toString())
        .hasMessageContaining("(Email): unknown key data_typo");
    Files.writeString(leads, text.substring(0, 200));
    assertThatThrownBy(() -> Snapshot.read(dir)).hasMessageContaining(leads + ": not valid JSON at line");
    Files.delete(leads);
    assertThatThrownBy(() -> Snapshot.read(dir)).hasMessageContaining(leads + ": missing");
  }

  @Test
  void ofSeveralBrokenModuleFilesTheFirstInTheSnapshotsOrderIsReportedAndBadUtf8IsNamed() throws Exception {
    // the module files are parsed in parallel; the error must not depend on which thread finished first
    fetch(new CannedSource(), "Leads", "Projects__c").write(dir);
    List<String> order = new ArrayList<>();
    CannedSource.MAPPER.readTree(dir.resolve("org.json").toFile()).path("modules").forEach(m -> order.add(m.asText()));
    assertThat(order).hasSizeGreaterThan(2);
    for (int i = order.size() - 1; i >= 1; i--) {
      Files.writeString(dir.resolve("modules/" + order.get(i) + ".json"), "{\"api_name\": ");
    }
    Path second = dir.resolve("modules/" + order.get(1) + ".json");
    for (int run = 0; run < 20; run++) {
      assertThatThrownBy(() -> Snapshot.read(dir)).hasMessageStartingWith(second + ": not valid JSON");
    }
    Path first = dir.resolve("modules/" + order.get(0) + ".json");
    Files.write(first, new byte[] {'{', '"', 'a', (byte) 0xC3, '"', ':', '1', '}'});
    assertThatThrownBy(() -> Snapshot.read(dir)).isInstanceOf(SchemaException.class)
        .hasMessageStartingWith(first + ": not valid JSON").hasMessageContaining("UTF-8");
  }

  private Map<String, byte[]> files() throws Exception {
    Map<String, byte[]> files = new java.util.TreeMap<>();
    try (var walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /** What another user sees: other per-user flags, other sequence numbers, other times. */
  static JsonNode perUserChanged(JsonNode node) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      if (o.has("read_only")) {
        o.put("read_only", !o.path("read_only").asBoolean());
      }
      if (o.has("creatable")) {
        o.put("creatable", false);
      }
      if (o.has("modified_time")) {
        o.put("modified_time", "2026-12-02T10:00:00+05:30");
      }
      List<JsonNode> children = new ArrayList<>();
      o.elements().forEachRemaining(children::add);
      children.forEach(SnapshotTest::perUserChanged);
      o.put("visible", false);
      o.putArray("profiles").addObject().put("name", "Standard");
    } else if (node.isArray()) {
      node.forEach(SnapshotTest::perUserChanged);
    }
    return node;
  }

  /** The same JSON with every object's keys and the fields list in another order. */
  static JsonNode shuffled(JsonNode node) {
    Random random = new Random(42);
    return shuffle(node, random);
  }

  private static JsonNode shuffle(JsonNode node, Random random) {
    if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        entries.add(it.next());
      }
      Collections.shuffle(entries, random);
      ObjectNode copy = CannedSource.MAPPER.createObjectNode();
      for (Map.Entry<String, JsonNode> e : entries) {
        JsonNode value = shuffle(e.getValue(), random);
        if (e.getKey().equals("fields") && value.isArray()) {
          List<JsonNode> fields = new ArrayList<>();
          value.forEach(fields::add);
          Collections.shuffle(fields, random);
          ArrayNode array = CannedSource.MAPPER.createArrayNode();
          fields.forEach(array::add);
          value = array;
        }
        copy.set(e.getKey(), value);
      }
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = CannedSource.MAPPER.createArrayNode();
      node.forEach(n -> copy.add(shuffle(n, random)));
      return copy;
    }
    return node;
  }
}

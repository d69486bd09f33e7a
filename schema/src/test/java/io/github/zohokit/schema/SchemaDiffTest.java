package io.github.zohokit.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.schema.Drift.FailOn;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaDiffTest {
  static final List<String> MODULES = List.of("Leads", "Projects__c");

  static Snapshot fetch(CannedSource source) {
    return new SchemaFetcher(source, n -> { }).fetch(MODULES, "0.1.0", "2026-12-01T00:00:00Z");
  }

  @Test
  void anUnchangedOrgHasNoDrift() {
    Drift drift = SchemaDiff.compare(fetch(new CannedSource()), fetch(new CannedSource()));
    assertThat(drift.changes()).isEmpty();
    assertThat(drift.failures(FailOn.ANY, List.of())).isEmpty();
    assertThat(drift.report()).containsExactly("The organisation matches the snapshot: no changes");
  }

  @Test
  void reportsEveryDifferenceInOneRunClassified() {
    Snapshot committed = fetch(new CannedSource());
    CannedSource live = new CannedSource();
    ArrayNode leads = (ArrayNode) live.answers.get("Leads").path("fields");
    leads.remove(indexOf(leads, "Date_of_Birth"));
    live.field("Leads", "Name1").put("api_name", "Name_One");
    live.field("Leads", "No_of_Employees").put("data_type", "bigint").put("json_type", "string");
    ((ObjectNode) live.field("Leads", "Account_Name").path("lookup").path("module")).put("api_name", "Vendors");
    live.field("Leads", "Email").put("field_read_only", true);
    live.field("Leads", "Annual_Revenue").put("system_mandatory", true);
    ArrayNode source = (ArrayNode) live.field("Leads", "Lead_Source").path("pick_list_values");
    source.remove(1);
    source.addObject().put("display_value", "Partner").put("actual_value", "Partner").put("type", "used");
    leads.addObject().put("id", "1").put("api_name", "Region").put("data_type", "text").put("json_type", "string");
    live.field("Leads", "Last_Name").put("field_label", "Surname").put("length", 120);
    live.field("Projects__c", "Name").put("length", 60);
    Drift drift = SchemaDiff.compare(committed, fetch(live));

    assertThat(drift.changes()).extracting(Change::describe).containsExactlyInAnyOrder(
        "BREAKING field-removed Leads.Date_of_Birth (id 5725767000000002609): date -> (none)",
        "BREAKING field-renamed Leads.Name1 (id 5725767000000002617): Name1 -> Name_One",
        "BREAKING type-changed Leads.No_of_Employees (id 5725767000000002623): integer/integer -> bigint/string",
        "BREAKING lookup-target-changed Leads.Account_Name (id 5725767000000002599): Accounts -> Vendors",
        "BREAKING became-read-only Leads.Email (id 5725767000000002591): field_read_only=false, api_create=true, "
            + "api_update=true -> field_read_only=true, api_create=true, api_update=true",
        "BREAKING became-mandatory Leads.Annual_Revenue (id 5725767000000002595): false -> true",
        "BREAKING picklist-value-removed Leads.Lead_Source (id 5725767000000002593): Advertisement -> (none)",
        "ADDITIVE picklist-value-added Leads.Lead_Source (id 5725767000000002593): (none) -> Partner",
        "ADDITIVE field-added Leads.Region (id 1): (none) -> text",
        "COSMETIC label-changed Leads.Last_Name (id 5725767000000002589): Last Name -> Surname",
        "COSMETIC length-increased Leads.Last_Name (id 5725767000000002589): 80 -> 120",
        "BREAKING length-decreased Projects__c.Name (id 5725767000000990301): 120 -> 60");
    assertThat(drift.byModule()).containsOnlyKeys("Leads", "Projects__c");
    assertThat(drift.report().get(0)).isEqualTo("8 breaking, 2 additive, 2 cosmetic changes:");
  }

  @Test
  void aNewModuleIsAdditiveAndARemovedOneBreaking() {
    Snapshot committed = new SchemaFetcher(new CannedSource(), n -> { }).fetch(List.of("Projects__c"), "0", "t");
    Snapshot live = new SchemaFetcher(new CannedSource(), n -> { }).fetch(List.of("Leads"), "0", "t");
    assertThat(SchemaDiff.compare(committed, live).changes()).extracting(Change::key).containsExactlyInAnyOrder(
        "Projects__c:module-removed", "Leads:module-added", "Leads_X_Products:module-added",
        "Project_Details:module-added");
  }

  @Test
  void failOnAndTheIgnoreListDecideWhatFails() {
    Snapshot committed = fetch(new CannedSource());
    CannedSource live = new CannedSource();
    ((ArrayNode) live.answers.get("Leads").path("fields")).addObject().put("id", "1").put("api_name", "Region")
        .put("data_type", "text");
    live.field("Leads", "Email").put("field_label", "E-mail");
    ArrayNode values = (ArrayNode) live.field("Projects__c", "Status").path("pick_list_values");
    values.remove(1);
    Drift drift = SchemaDiff.compare(committed, fetch(live));
    assertThat(drift.failures(FailOn.BREAKING, List.of())).extracting(Change::key)
        .containsExactly("Projects__c.Status:picklist-value-removed");
    assertThat(drift.failures(FailOn.BREAKING, List.of("Projects__c.Status"))).isEmpty();
    assertThat(drift.failures(FailOn.ANY, List.of("*:label-changed"))).extracting(Change::key)
        .containsExactlyInAnyOrder("Projects__c.Status:picklist-value-removed", "Leads.Region:field-added");
    assertThat(drift.failures(FailOn.ANY, List.of("Leads.*:field-added", "*:picklist-value-removed")))
        .extracting(Change::key).containsExactly("Leads.Email:label-changed");
    assertThat(drift.failures(FailOn.NONE, List.of())).isEmpty();
  }

  @Test
  void aTokenForAnotherOrgIsReportedAsThatNotAsEverythingRemoved() {
    Snapshot committed = fetch(new CannedSource());
    CannedSource other = new CannedSource();
    other.org = new OrgInfo("700000001", "eu", null, null, null);
    Drift drift = SchemaDiff.compare(committed, fetch(other));
    assertThat(drift.changes()).isEmpty();
    assertThat(drift.otherOrganisation()).contains("organisation 700000001 in data centre eu")
        .contains("snapshot is of organisation 600000000 in data centre us");
    assertThat(drift.failures(FailOn.BREAKING, List.of())).extracting(Change::code)
        .containsExactly("other-organisation");
    assertThat(drift.toJson()).contains("\"other_organisation\"");
  }

  @Test
  void writesAMachineReadableReportAndAUnifiedDiff() throws Exception {
    Snapshot committed = fetch(new CannedSource());
    CannedSource live = new CannedSource();
    live.field("Leads", "Email").put("api_name", "Email_Address");
    Snapshot liveSnapshot = fetch(live);
    Drift drift = SchemaDiff.compare(committed, liveSnapshot);
    JsonNode json = CannedSource.MAPPER.readTree(drift.toJson());
    assertThat(json.path("summary").path("breaking").asInt()).isEqualTo(1);
    assertThat(json.path("modules").path("Leads").get(0).path("code").asText()).isEqualTo("field-renamed");
    assertThat(json.path("modules").path("Leads").get(0).path("after").asText()).isEqualTo("Email_Address");
    List<String> diff = UnifiedDiff.of(committed, liveSnapshot);
    assertThat(diff).startsWith("--- a/modules/Leads.json", "+++ b/modules/Leads.json");
    assertThat(diff).contains("-      \"api_name\": \"Email\",", "+      \"api_name\": \"Email_Address\",");
    assertThat(diff.stream().filter(l -> l.startsWith("@@")).count()).isEqualTo(1);
  }

  @Test
  void aLengthZohoStartsToReportIsNotADecrease() {
    CannedSource before = new CannedSource();
    before.field("Leads", "Email").remove("length");
    Drift drift = SchemaDiff.compare(fetch(before), fetch(new CannedSource()));
    assertThat(drift.changes()).extracting(Change::describe)
        .containsExactly("COSMETIC length-increased Leads.Email (id 5725767000000002591): null -> 100");
  }

  @Test
  void unifiedDiffHunksCountTheirLines() {
    String before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\n";
    String after = "a\nb\nc\nd\nE\nf\ng\nh\ni\nj\n";
    assertThat(UnifiedDiff.lines("x", before, after)).containsExactly("--- a/x", "+++ b/x", "@@ -2,7 +2,7 @@",
        " b", " c", " d", "-e", "+E", " f", " g", " h");
  }

  private static int indexOf(ArrayNode fields, String apiName) {
    for (int i = 0; i < fields.size(); i++) {
      if (fields.get(i).path("api_name").asText().equals(apiName)) {
        return i;
      }
    }
    throw new IllegalArgumentException(apiName);
  }
}

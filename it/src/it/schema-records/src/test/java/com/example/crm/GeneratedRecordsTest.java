package com.example.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.example.crm.zoho.Lead;
import com.example.crm.zoho.LeadsApi;
import com.example.crm.zoho.LookupRef;
import com.example.crm.zoho.Project;
import com.example.crm.zoho.ProjectDetailsRow;
import com.example.crm.zoho.ProjectsApi;
import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.ActionResult;
import io.github.zohokit.crm.Records;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.testkit.FakeZohoExtension;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The records generated from src/main/zoho/schema, against a fake Zoho that follows the same snapshot. */
class GeneratedRecordsTest {
  @RegisterExtension
  static final FakeZohoExtension ZOHO = FakeZohoExtension.perClass(b -> b.schema(Path.of("src/main/zoho/schema")));

  static LeadsApi leads;
  static ProjectsApi projects;

  @BeforeAll
  static void connect() {
    FakeZoho fake = ZOHO.fake();
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = ZohoOAuth.selfClient(client.clientId(), client.clientSecret())
        .endpoints(fake.endpoints())
        .tokenStore(TokenStores.inMemory())
        .build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client,
        List.of("ZohoCRM.modules.leads.ALL", "ZohoCRM.modules.custom.ALL")));
    Zoho zoho = Zoho.connect(oauth);
    leads = zoho.api(LeadsApi.class);
    projects = zoho.api(ProjectsApi.class);
  }

  static String insert(Lead.Write lead) {
    ActionResult result = leads.insert(Records.of(List.of(lead))).get(0);
    assertThat(result.isSuccess()).as(result.toString()).isTrue();
    return result.id();
  }

  @Test
  void insertsAndReadsALeadWithItsPicklistsAndNumbers() {
    String id = insert(Lead.create("Lovelace").email("ada@example.com").leadSource(Lead.LeadSource.ADVERTISEMENT)
        .interests(List.of(Lead.Interests.ANALYTICS, Lead.Interests.BIG_DATA)).noOfEmployees(12)
        .annualRevenue(new BigDecimal("1200.50")));

    Lead lead = leads.get(id, null).orElseThrow();
    assertThat(lead.id()).isEqualTo(id);
    assertThat(lead.lastName()).isEqualTo("Lovelace");
    assertThat(lead.leadSource()).isEqualTo(Lead.LeadSource.ADVERTISEMENT);
    assertThat(lead.leadSource().isKnown()).isTrue();
    assertThat(lead.interests()).containsExactly(Lead.Interests.ANALYTICS, Lead.Interests.BIG_DATA);
    assertThat(lead.noOfEmployees()).isEqualTo(12);
    assertThat(lead.annualRevenue()).isEqualByComparingTo("1200.50");
    assertThat(leads.list().data()).extracting(Lead::id).contains(id);
    assertThat(leads.stream(Lead.LIST_FIELDS, null)).extracting(Lead::lastName).contains("Lovelace");
  }

  @Test
  void aSubformReadsBackAsTypedRows() {
    String id = insert(Lead.create("Hopper").projectDetails(List.of(
        new ProjectDetailsRow(new BigDecimal("7.5"), "Compiler", null, null),
        new ProjectDetailsRow(new BigDecimal("2"), "COBOL", null, null))));

    Lead lead = leads.get(id, List.of(Lead.Fields.LAST_NAME, Lead.Fields.PROJECT_DETAILS)).orElseThrow();
    assertThat(lead.projectDetails()).extracting(ProjectDetailsRow::projectName).containsExactly("Compiler", "COBOL");
    assertThat(lead.projectDetails().get(0).hours()).isEqualByComparingTo("7.5");
  }

  @Test
  void aCustomModuleRecordLooksUpALead() {
    String leadId = insert(Lead.create("Turing"));
    ActionResult created = projects.insert(Records.of(List.of(Project.create("Enigma")
        .lead(LookupRef.to(leadId)).status(Project.Status.OPEN).budget(new BigDecimal("99.99"))))).get(0);
    assertThat(created.isSuccess()).as(created.toString()).isTrue();

    Project project = projects.get(created.id(), null).orElseThrow();
    assertThat(project.id()).isEqualTo(created.id());
    assertThat(project.name()).isEqualTo("Enigma");
    assertThat(project.status()).isEqualTo(Project.Status.OPEN);
    assertThat(project.lead().id()).isEqualTo(leadId);          // Zoho answers a lookup as {"id", "name"}
    assertThat(project.lead().name()).isNotBlank();
    assertThat(project.budget()).isEqualByComparingTo("99.99");
  }

  @Test
  void aPicklistValueTheSnapshotDoesNotKnowReadsAndRoundTrips() {
    // an admin added "On hold" after the snapshot: Zoho accepts it, and the generated type must read it
    ActionResult created = projects.insert(Records.of(List.of(Project.create("Babbage")
        .status(Project.Status.of("On hold"))))).get(0);
    assertThat(created.isSuccess()).as(created.toString()).isTrue();

    Project project = projects.get(created.id(), null).orElseThrow();
    assertThat(project.status().value()).isEqualTo("On hold");
    assertThat(project.status().isKnown()).isFalse();
    assertThat(Project.Status.known()).doesNotContain(project.status());

    // read-modify-write: the unknown value and the fields the snapshot does not know go back as they came
    ActionResult updated = projects.update(Records.of(List.of(project.toWrite().budget(BigDecimal.TEN)))).get(0);
    assertThat(updated.isSuccess()).as(updated.toString()).isTrue();
    Project again = projects.get(created.id(), null).orElseThrow();
    assertThat(again.status()).isEqualTo(Project.Status.of("On hold"));
    assertThat(again.budget()).isEqualByComparingTo("10");
    // the fields the snapshot does not know were kept (Modified_Time and Modified_By moved on with the update)
    assertThat(again.otherFields()).containsOnlyKeys(project.otherFields().keySet());
    project.otherFields().forEach((key, value) -> {
      if (!key.startsWith("Modified_")) {
        assertThat(again.otherFields()).containsEntry(key, value);
      }
    });
  }

  @Test
  void theFakeChecksWritesAgainstTheSnapshotAsZohoDoes() {
    // one record refused: Zoho answers HTTP 400 with the record's error, which the generated API throws
    ZohoApiException wrongType = catchThrowableOfType(ZohoApiException.class, () -> leads.insert(Records.of(
        List.of(Lead.create("Knuth").set(Lead.Fields.NO_OF_EMPLOYEES, "many")))));
    assertThat(wrongType.code()).isEqualTo("INVALID_DATA");
    assertThat(wrongType.details()).containsEntry("api_name", "No_of_Employees")
        .containsEntry("expected_data_type", "integer");

    ZohoApiException noSuchLead = catchThrowableOfType(ZohoApiException.class, () -> projects.insert(Records.of(
        List.of(Project.create("Orphan").lead(LookupRef.to("1234567890"))))));
    assertThat(noSuchLead.code()).isEqualTo("INVALID_DATA");
    assertThat(noSuchLead.details()).containsEntry("api_name", "Lead");

    // in a batch, each record has its own result: the good one is inserted, the bad one is not
    List<ActionResult> batch = leads.insert(Records.of(List.of(Lead.create("Dijkstra"),
        Lead.create("Hoare").set(Lead.Fields.ANNUAL_REVENUE, "lots"))));
    assertThat(batch).extracting(ActionResult::isSuccess).containsExactly(true, false);
    assertThat(batch.get(1).code()).isEqualTo("INVALID_DATA");
  }

  @Test
  void fieldConstantsNameTheApiNames() {
    assertThat(Lead.Fields.LAST_NAME).isEqualTo("Last_Name");
    assertThat(Project.Fields.STATUS).isEqualTo("Status");
    assertThat(Lead.ALL_FIELDS).contains("Project_Details", "Lead_Source", "id");
    assertThat(Map.of("Name", "x")).containsKey(Project.Fields.NAME);
  }
}

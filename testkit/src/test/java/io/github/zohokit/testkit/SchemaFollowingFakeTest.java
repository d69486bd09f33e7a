package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.ActionResult;
import io.github.zohokit.crm.CrmRecord;
import io.github.zohokit.crm.Records;
import io.github.zohokit.crm.v8.FieldMeta;
import io.github.zohokit.crm.v8.MetadataApi;
import io.github.zohokit.crm.v8.ModuleMeta;
import io.github.zohokit.crm.v8.OrgApi;
import io.github.zohokit.crm.v8.RecordsApi;
import io.github.zohokit.token.DataCenter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The fake serving a schema snapshot's modules and fields, and checking writes against it as Zoho does. */
class SchemaFollowingFakeTest {
  static final Path SNAPSHOT = snapshot();

  @RegisterExtension
  static final FakeZohoExtension ZOHO = FakeZohoExtension.perClass(b -> b.schema(SNAPSHOT));

  private RecordsApi records;
  private MetadataApi metadata;
  private Zoho zoho;

  static Path snapshot() {
    try {
      return Path.of(SchemaFollowingFakeTest.class.getResource("/schema/org.json").toURI()).getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  @BeforeEach
  void connect() {
    FakeZoho fake = ZOHO.fake();
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL",
        "ZohoCRM.settings.ALL", "ZohoCRM.org.READ")));
    zoho = Zoho.connect(oauth);
    records = zoho.client(RecordsApi.class);
    metadata = zoho.client(MetadataApi.class);
  }

  @Test
  void servesTheSnapshotsModulesFieldsAndOrgId() {
    assertThat(metadata.modules()).extracting(ModuleMeta::apiName)
        .containsExactly("Accounts", "Leads", "Projects__c");
    assertThat(metadata.fields("Leads")).extracting(FieldMeta::apiName).contains("Last_Name", "No_of_Employees");
    FieldMeta lastName = metadata.fields("Leads").stream().filter(f -> f.apiName().equals("Last_Name")).findFirst()
        .orElseThrow();
    assertThat(lastName.systemMandatory()).isTrue();
    assertThat(lastName.length()).isEqualTo(80);
    assertThat(zoho.client(OrgApi.class).get().id()).isEqualTo("612345678");
    assertThat(ZOHO.fake().orgId(DataCenter.US)).isEqualTo("612345678");
  }

  @Test
  void aValueOfTheWrongJsonTypeIsInvalidDataNamingTheFieldAndItsType() {
    assertThatThrownBy(() -> insert("Leads", Map.of("Last_Name", "Sam", "No_of_Employees", "twelve")))
        .isInstanceOf(ZohoApiException.class).hasMessageContaining("HTTP 400 INVALID_DATA")
        .hasMessageContaining("expected_data_type=integer").hasMessageContaining("api_name=No_of_Employees");
    // in a batch, only that record fails (HTTP 207)
    List<ActionResult> results = records.insert("Leads", Records.of(List.of(
        CrmRecord.of(Map.of("Last_Name", "Lee", "No_of_Employees", 12)),
        CrmRecord.of(Map.of("Last_Name", "Sam", "No_of_Employees", 12.5)))));
    assertThat(results).extracting(ActionResult::code).containsExactly("SUCCESS", "INVALID_DATA");
    assertThat(results.get(1).details()).containsEntry("api_name", "No_of_Employees")
        .containsEntry("expected_data_type", "integer");
  }

  @Test
  void aMissingSystemMandatoryFieldOnInsertIsMandatoryNotFound() {
    assertThatThrownBy(() -> insert("Projects__c", Map.of("Budget", 1200.5)))
        .hasMessageContaining("HTTP 400 MANDATORY_NOT_FOUND").hasMessageContaining("api_name=Name");
    assertThat(insert("Projects__c", Map.of("Name", "Apollo", "Budget", 1200.5)).code()).isEqualTo("SUCCESS");
  }

  @Test
  void aNewPicklistValueIsAcceptedReadOnlyFieldsAreNotWrittenAndLookupsAnswerIdAndName() {
    String account = insert("Accounts", Map.of("Account_Name", "Zylker")).id();
    String lead = insert("Leads", Map.of("Last_Name", "Sam", "Lead_Source", "Billboard", "Score", 99,
        "Account_Name", Map.of("id", account))).id();
    CrmRecord read = records.get("Leads", lead, null).orElseThrow();
    assertThat(read.get("Lead_Source")).isEqualTo("Billboard");
    assertThat(read.fields()).doesNotContainKey("Score");
    assertThat(read.get("Account_Name")).isEqualTo(Map.of("id", account, "name", "Zylker"));
    assertThatThrownBy(() -> insert("Leads", Map.of("Last_Name", "Lee", "Account_Name", Map.of("id", "404"))))
        .hasMessageContaining("INVALID_DATA").hasMessageContaining("api_name=Account_Name");
  }

  private ActionResult insert(String module, Map<String, Object> fields) {
    List<ActionResult> results = records.insert(module, Records.of(List.of(CrmRecord.of(fields))));
    assertThat(results).hasSize(1);
    return results.get(0);
  }
}

package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.TokenKey;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Departures from Zoho that a client nobody on this project wrote (Zoho's own Java SDK for CRM v8, run against the
 * standalone fake) ran into, each answered as Zoho documents it. Over raw HTTP, so that what is asserted is the
 * fake's answer, with no third-party client involved.
 */
class IndependentClientFindingsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @RegisterExtension
  final FakeZohoExtension zoho = FakeZohoExtension.perTest();

  private final OkHttpClient http = new OkHttpClient();
  private FakeZoho fake;
  private String token;

  /** One answer: status and parsed body (null when empty). */
  record Answer(int status, JsonNode json) {}

  @BeforeEach
  void connect() {
    fake = zoho.fake();
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL",
        "ZohoCRM.settings.ALL")));
    token = oauth.accessToken(TokenKey.DEFAULT_USER).reveal();
  }

  private Answer call(String method, String path, String body) throws Exception {
    Request request = new Request.Builder().url(fake.baseUrl(DataCenter.US) + path)
        .header("Authorization", "Zoho-oauthtoken " + token)
        .method(method, body == null ? null : RequestBody.create(body, MediaType.get("application/json")))
        .build();
    try (Response response = http.newCall(request).execute()) {
      String text = response.body().string();
      return new Answer(response.code(), text.isEmpty() ? null : JSON.readTree(text));
    }
  }

  private JsonNode lead(int index) {
    return fake.records(DataCenter.US, "Leads").get(index);
  }

  /**
   * A note created on the Notes module itself ({@code POST /crm/v8/Notes}, create-notes.html: {@code Parent_Id}
   * mandatory, its {@code module} named by API name or id) names its parent as Zoho answers it (notes.json
   * Parent_Id: module {api_name, id}, id a string, name), whichever way the client wrote the ids: Zoho's SDK sends
   * them as JSON numbers. Before, the fake stored the client's Parent_Id as it came, and reading the note back
   * through {@code /Leads/{id}/Notes/{note}} was the fake's own 500.
   */
  @Test
  void notesCreatedOnTheNotesModuleNameTheirParentAsZohoAnswersIt() throws Exception {
    JsonNode lead = lead(0);
    String leadId = lead.path("id").asText();
    Answer created = call("POST", "/crm/v8/Notes", "{\"data\": [{\"Note_Title\": \"Called\", \"Note_Content\": "
        + "\"Left a message\", \"Parent_Id\": {\"module\": {\"api_name\": \"Leads\"}, \"id\": " + leadId + "}}]}");
    assertThat(created.json().path("data").get(0).path("status").asText()).isEqualTo("success");
    String noteId = created.json().path("data").get(0).path("details").path("id").asText();

    String leadsModuleId = call("GET", "/crm/v8/settings/modules/Leads", null).json().path("modules").get(0)
        .path("id").asText();
    for (String path : List.of("/crm/v8/Leads/" + leadId + "/Notes/" + noteId, "/crm/v8/Notes/" + noteId)) {
      Answer read = call("GET", path, null);
      assertThat(read.status()).as(path).isEqualTo(200);
      JsonNode parent = read.json().path("data").get(0).path("Parent_Id");
      assertThat(parent.path("id").isTextual()).as(path).isTrue();
      assertThat(parent.path("id").asText()).isEqualTo(leadId);
      assertThat(parent.path("module").path("api_name").asText()).isEqualTo("Leads");
      assertThat(parent.path("module").path("id").asText()).isEqualTo(leadsModuleId);
      assertThat(parent.path("name").asText()).isEqualTo(lead.path("Last_Name").asText());
      assertThat(read.json().path("data").get(0).path("$se_module").asText()).isEqualTo("Leads");
    }
    Answer listed = call("GET", "/crm/v8/Leads/" + leadId + "/Notes?fields=Note_Title", null);
    assertThat(listed.json().path("data").get(0).path("id").asText()).isEqualTo(noteId);

    // the module named by its id instead of its API name (create-notes.html), the parent id as a string
    Answer byModuleId = call("POST", "/crm/v8/Notes", "{\"data\": [{\"Note_Content\": \"Second\", \"Parent_Id\": "
        + "{\"module\": {\"id\": \"" + leadsModuleId + "\"}, \"id\": \"" + leadId + "\"}}]}");
    assertThat(byModuleId.json().path("data").get(0).path("status").asText()).isEqualTo("success");
  }

  /**
   * A note without {@code Parent_Id}, or whose parent the org lacks, is that record's failure among the per-record
   * results, naming {@code Parent_Id} (notes.json Mandatory_API_Exception, Note_API_Exception
   * details.api_name/json_path), never a parentless note; the other records of the call are written.
   */
  @Test
  void aNoteWithoutItsParentOrWithAParentTheOrgLacksIsRefusedNamingParentId() throws Exception {
    String leadId = lead(1).path("id").asText();
    Answer answer = call("POST", "/crm/v8/Notes", "{\"data\": ["
        + "{\"Note_Content\": \"no parent\"},"
        + "{\"Note_Content\": \"unknown parent\", \"Parent_Id\": {\"module\": {\"api_name\": \"Leads\"}, "
        + "\"id\": \"4876876000999999999\"}},"
        + "{\"Note_Content\": \"unknown module\", \"Parent_Id\": {\"module\": {\"api_name\": \"Nope\"}, "
        + "\"id\": \"" + leadId + "\"}},"
        + "{\"Note_Content\": \"fine\", \"Parent_Id\": {\"module\": {\"api_name\": \"Leads\"}, \"id\": \""
        + leadId + "\"}}]}");
    assertThat(answer.status()).isEqualTo(207);
    JsonNode data = answer.json().path("data");
    assertThat(data.get(0).path("code").asText()).isEqualTo("MANDATORY_NOT_FOUND");
    assertThat(data.get(0).path("details").path("api_name").asText()).isEqualTo("Parent_Id");
    for (int i = 1; i <= 2; i++) {
      assertThat(data.get(i).path("code").asText()).isEqualTo("INVALID_DATA");
      assertThat(data.get(i).path("details").path("api_name").asText()).isEqualTo("Parent_Id");
      assertThat(data.get(i).path("details").path("json_path").asText()).isEqualTo("$.data[" + i + "].Parent_Id");
    }
    assertThat(data.get(3).path("status").asText()).isEqualTo("success");
    assertThat(fake.records(DataCenter.US, "Notes")).hasSize(1);
  }

  /** {@code GET /settings/modules/{id}} answers the module as its API name does (crm-oas v8.0 modules.json paths). */
  @Test
  void oneModulesMetadataIsServedByIdAsByApiName() throws Exception {
    JsonNode byName = call("GET", "/crm/v8/settings/modules/Deals", null).json().path("modules").get(0);
    Answer byId = call("GET", "/crm/v8/settings/modules/" + byName.path("id").asText(), null);
    assertThat(byId.status()).isEqualTo(200);
    assertThat(byId.json().path("modules").get(0)).isEqualTo(byName);

    Answer unknown = call("GET", "/crm/v8/settings/modules/4876876000999999999", null);
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("code").asText()).isEqualTo("INVALID_MODULE");
  }
}

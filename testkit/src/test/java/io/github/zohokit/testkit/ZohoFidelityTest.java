package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.TokenKey;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The ten points of issue 25 where the fake departed from Zoho, each answered as Zoho documents it: over raw HTTP,
 * so that what is asserted is the fake's answer, not what a client makes of it.
 */
class ZohoFidelityTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ISO_SECONDS_WITH_OFFSET = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+05:30";

  @RegisterExtension
  final FakeZohoExtension zoho = FakeZohoExtension.perTest();

  private final OkHttpClient http = new OkHttpClient();
  private FakeZoho fake;
  private String token;

  /** One answer: status, body text, parsed body (null when empty). */
  record Answer(int status, String text, JsonNode json) {}

  @BeforeEach
  void connect() {
    fake = zoho.fake();
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL",
        "ZohoCRM.settings.ALL", "ZohoCRM.users.READ", "ZohoCRM.org.READ", "ZohoCRM.coql.READ")));
    token = oauth.accessToken(TokenKey.DEFAULT_USER).reveal();
  }

  private Answer call(String method, String pathAndQuery, Map<String, String> headers, String contentType,
      String body) throws Exception {
    Request.Builder request = new Request.Builder().url(fake.baseUrl(DataCenter.US) + pathAndQuery)
        .header("Authorization", "Zoho-oauthtoken " + token)
        .method(method, body == null ? null : RequestBody.create(body, MediaType.get(contentType)));
    headers.forEach(request::header);
    try (Response response = http.newCall(request.build()).execute()) {
      String text = response.body().string();
      return new Answer(response.code(), text, text.isEmpty() ? null : JSON.readTree(text));
    }
  }

  private Answer get(String pathAndQuery) throws Exception {
    return call("GET", pathAndQuery, Map.of(), null, null);
  }

  private Answer get(String pathAndQuery, String ifModifiedSince) throws Exception {
    return call("GET", pathAndQuery, Map.of("If-Modified-Since", ifModifiedSince), null, null);
  }

  private static List<String> ids(JsonNode data) {
    List<String> ids = new ArrayList<>();
    data.forEach(r -> ids.add(r.path("id").asText()));
    return ids;
  }

  private String leadId(int index) {
    return fake.records(DataCenter.US, "Leads").get(index).path("id").asText();
  }

  // 1.
  @Test
  void ifModifiedSinceFiltersPlainListsAndGetsAndIs304WhenNothingChanged() throws Exception {
    OffsetDateTime now = fake.sync().now();
    String since = now.minusSeconds(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    fake.sync().touch(DataCenter.US, "Leads", List.of(leadId(3), leadId(7)));

    Answer changed = get("/crm/v8/Leads?fields=Last_Name", since);
    assertThat(changed.status()).isEqualTo(200);
    assertThat(ids(changed.json().path("data"))).containsExactlyInAnyOrder(leadId(3), leadId(7));

    String later = now.plusHours(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    Answer unchanged = get("/crm/v8/Leads?fields=Last_Name", later);
    assertThat(unchanged.status()).isEqualTo(304);
    assertThat(unchanged.text()).isEmpty();

    assertThat(get("/crm/v8/Leads/" + leadId(3), since).status()).isEqualTo(200);
    Answer one = get("/crm/v8/Leads/" + leadId(3), later);
    assertThat(one.status()).isEqualTo(304);
    assertThat(one.text()).isEmpty();
    assertThat(get("/crm/v8/Leads/" + leadId(4), since).status()).isEqualTo(304);
  }

  // 2.
  @Test
  void relatedRecordUrlsAnswerTheRelatedRecordsNeverTheParent() throws Exception {
    String lead = leadId(0);
    assertThat(get("/crm/v8/Leads/" + lead + "/Notes").status()).isEqualTo(204);

    Answer created = call("POST", "/crm/v8/Leads/" + lead + "/Notes", Map.of(), "application/json",
        "{\"data\":[{\"Note_Title\":\"Call back\",\"Note_Content\":\"Tuesday, after lunch\"}]}");
    assertThat(created.status()).isEqualTo(201);
    String note = created.json().path("data").get(0).path("details").path("id").asText();

    Answer notes = get("/crm/v8/Leads/" + lead + "/Notes");
    assertThat(notes.status()).isEqualTo(200);
    JsonNode first = notes.json().path("data").get(0);
    assertThat(first.path("id").asText()).isEqualTo(note).isNotEqualTo(lead);
    assertThat(first.path("Note_Content").asText()).isEqualTo("Tuesday, after lunch");
    assertThat(first.path("Parent_Id").path("id").asText()).isEqualTo(lead);
    assertThat(first.path("Parent_Id").path("module").path("api_name").asText()).isEqualTo("Leads");
    assertThat(first.has("Last_Name")).isFalse();

    Answer one = get("/crm/v8/Leads/" + lead + "/Notes/" + note);
    assertThat(one.json().path("data").get(0).path("Note_Title").asText()).isEqualTo("Call back");
    assertThat(get("/crm/v8/Notes/" + note).json().path("data").get(0).path("id").asText()).isEqualTo(note);
    // another lead has no notes; a note is not reachable through another record
    assertThat(get("/crm/v8/Leads/" + leadId(1) + "/Notes").status()).isEqualTo(204);
    assertThat(get("/crm/v8/Leads/" + leadId(1) + "/Notes/" + note).status()).isEqualTo(204);
    // the other related lists of the module's related-lists metadata are empty; an unknown one is refused
    assertThat(get("/crm/v8/Leads/" + lead + "/Products").status()).isEqualTo(204);
    assertThat(get("/crm/v8/Leads/" + lead + "/Products/" + leadId(2)).status()).isEqualTo(204);
    Answer unknown = get("/crm/v8/Leads/" + lead + "/Nope");
    assertThat(unknown.status()).isEqualTo(400);
    assertThat(unknown.json().path("details").path("resource_path_index").asInt()).isEqualTo(2);

    Answer deleted = call("DELETE", "/crm/v8/Leads/" + lead + "/Notes/" + note, Map.of(), null, null);
    assertThat(deleted.status()).isEqualTo(200);
    assertThat(deleted.json().path("data").get(0).path("status").asText()).isEqualTo("success");
    assertThat(get("/crm/v8/Leads/" + lead + "/Notes").status()).isEqualTo(204);
    assertThat(get("/crm/v8/Leads/" + lead).json().path("data").get(0).path("id").asText()).isEqualTo(lead);
  }

  // 3.
  @Test
  void fieldsMetadataListsEveryFieldWithZohosAttributesSystemFieldsAndPicklistValues() throws Exception {
    JsonNode fields = get("/crm/v8/settings/fields?module=Leads").json().path("fields");
    List<String> names = new ArrayList<>();
    fields.forEach(f -> names.add(f.path("api_name").asText()));
    assertThat(names).contains("Last_Name", "Email", "Lead_Source", "Owner", "Created_Time", "Modified_Time",
        "Created_By", "Modified_By");
    for (JsonNode f : fields) {
      assertThat(ZohoShapes.FIELD.problems(f)).as(f.path("api_name").asText()).isEmpty();
      assertThat(f.size()).isGreaterThanOrEqualTo(ZohoShapes.FIELD.keys.size());
      assertThat(f.path("id").asText()).hasSize(19).containsOnlyDigits();
    }
    JsonNode owner = byApiName(fields, "Owner");
    assertThat(owner.path("data_type").asText()).isEqualTo("ownerlookup");
    assertThat(owner.path("json_type").asText()).isEqualTo("jsonobject");
    assertThat(byApiName(fields, "Created_Time").path("read_only").asBoolean()).isTrue();
    JsonNode source = byApiName(fields, "Lead_Source");
    assertThat(source.path("pick_list_values").get(0).path("display_value").asText()).isEqualTo("-None-");
    List<String> values = new ArrayList<>();
    source.path("pick_list_values").forEach(v -> values.add(v.path("actual_value").asText()));
    assertThat(values).contains("Cold Call", "Trade Show");
  }

  private static JsonNode byApiName(JsonNode items, String apiName) {
    for (JsonNode item : items) {
      if (item.path("api_name").asText().equals(apiName)) {
        return item;
      }
    }
    throw new AssertionError("no " + apiName);
  }

  // 4.
  @Test
  void deletedRecordsHonourType() throws Exception {
    fake.sync().delete(DataCenter.US, "Leads", List.of(leadId(0), leadId(1)));
    String gone = leadId(0);
    fake.sync().deletePermanently(DataCenter.US, "Leads", List.of(gone));
    assertThat(ids(get("/crm/v8/Leads/deleted?type=permanent").json().path("data"))).containsExactly(gone);
    assertThat(get("/crm/v8/Leads/deleted?type=recycle").json().path("data")).hasSize(2)
        .allMatch(d -> d.path("type").asText().equals("recycle"));
    assertThat(get("/crm/v8/Leads/deleted?type=all").json().path("data")).hasSize(3);
    assertThat(get("/crm/v8/Leads/deleted").json().path("data")).hasSize(3);
    fake.sync().emptyRecycleBin(DataCenter.US, "Leads");
    assertThat(get("/crm/v8/Leads/deleted?type=recycle").status()).isEqualTo(204);
    assertThat(get("/crm/v8/Leads/deleted?type=permanent").json().path("data")).hasSize(3);
  }

  // 5.
  @Test
  void modulesMetadataHasGeneratedTypeAndZohosKeysAndOneModuleItsDetail() throws Exception {
    JsonNode modules = get("/crm/v8/settings/modules").json().path("modules");
    assertThat(modules.size()).isGreaterThanOrEqualTo(5);
    for (JsonNode m : modules) {
      assertThat(m.path("generated_type").asText()).isEqualTo("default");
      assertThat(ZohoShapes.MODULE_SUMMARY.problems(m)).isEmpty();
      assertThat(m.has("fields")).isFalse();
    }
    JsonNode leads = get("/crm/v8/settings/modules/Leads").json().path("modules").get(0);
    assertThat(ZohoShapes.MODULE.problems(leads)).isEmpty();
    assertThat(leads.path("api_name").asText()).isEqualTo("Leads");
    assertThat(leads.path("convertable").asBoolean()).isTrue();
    assertThat(ids(leads.path("related_lists"))).hasSize(CrmMetadata.relatedListsOf(fake.crm()
        .module(DataCenter.US, "Leads")).size());
    assertThat(leads.path("layouts")).hasSize(1);
    assertThat(get("/crm/v8/settings/modules/Nope").json().path("code").asText()).isEqualTo("INVALID_MODULE");
  }

  // 6.
  @Test
  void recordsComeIdDescendingUnlessAsked() throws Exception {
    Answer plain = get("/crm/v8/Leads?fields=Last_Name&per_page=50");
    List<String> ids = ids(plain.json().path("data"));
    assertThat(ids).hasSize(25).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    assertThat(plain.json().path("info").path("sort_by").asText()).isEqualTo("id");
    assertThat(plain.json().path("info").path("sort_order").asText()).isEqualTo("desc");
    assertThat(ids(get("/crm/v8/Leads?fields=Last_Name&sort_order=asc").json().path("data")))
        .isSortedAccordingTo(java.util.Comparator.naturalOrder());
  }

  // 7.
  @Test
  void coqlAndRecordWritesTakeJsonSentAsTextPlainAsZohoDoes() throws Exception {
    String query = "{\"select_query\":\"select Last_Name from Leads where Last_Name is not null limit 2\"}";
    for (String type : List.of("text/plain", "application/json", "text/plain; charset=utf-8")) {
      Answer rows = call("POST", "/crm/v8/coql", Map.of(), type, query);
      assertThat(rows.status()).as(type).isEqualTo(200);
      assertThat(rows.json().path("data")).hasSize(2);
      Answer written = call("POST", "/crm/v8/Leads", Map.of(), type, "{\"data\":[{\"Last_Name\":\"Plain\"}]}");
      assertThat(written.status()).as(type).isEqualTo(201);
    }
    Answer broken = call("POST", "/crm/v8/coql", Map.of(), "text/plain", "select Last_Name from Leads");
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.json().path("code").asText()).isEqualTo("INVALID_DATA");
  }

  // 8.
  @Test
  void usersCarryZuidAndNineteenDigitIdsAndTheOrgHasZohosKeys() throws Exception {
    JsonNode users = get("/crm/v8/users").json().path("users");
    JsonNode admin = users.get(0);
    assertThat(admin.path("zuid").asText()).isEqualTo(fake.defaultUser().zuid());
    assertThat(admin.path("id").asText()).hasSize(19).containsOnlyDigits().isNotEqualTo(admin.path("zuid").asText());
    assertThat(admin.path("role").path("id").asText()).hasSize(19).containsOnlyDigits();
    assertThat(admin.path("profile").path("id").asText()).hasSize(19).containsOnlyDigits();
    assertThat(admin.path("profile").path("name").asText()).isEqualTo("Administrator");
    assertThat(ZohoShapes.USER.problems(admin)).isEmpty();
    assertThat(get("/crm/v8/users/" + admin.path("id").asText()).json().path("users").get(0).path("email").asText())
        .isEqualTo(fake.defaultUser().email());
    JsonNode lead = get("/crm/v8/Leads/" + leadId(0)).json().path("data").get(0);
    assertThat(lead.path("Owner").path("id").asText()).isEqualTo(admin.path("id").asText());
    assertThat(lead.path("id").asText()).hasSize(19);

    JsonNode org = get("/crm/v8/org").json().path("org").get(0);
    assertThat(ZohoShapes.ORG.problems(org)).isEmpty();
    assertThat(org.size()).isGreaterThanOrEqualTo(40);
    assertThat(org.path("primary_zuid").asText()).isEqualTo(fake.defaultUser().zuid());
    assertThat(org.path("id").asText()).isEqualTo(fake.orgId(DataCenter.US));
  }

  // 9.
  @Test
  void endpointsTheFakeLacksAreInvalidUrlPatternAndLayoutsAndRelatedListsAreServed() throws Exception {
    String lead = leadId(0);
    List<String[]> lacking = List.of(new String[] {"GET", "/crm/v8/users/actions/count"},
        new String[] {"GET", "/crm/v8/org/currencies"},
        new String[] {"GET", "/crm/v8/settings/wizards"}, new String[] {"POST", "/crm/v8/Leads/actions/mass_update"},
        new String[] {"POST", "/crm/v8/Leads/" + lead + "/actions/convert"},
        new String[] {"GET", "/crm/v8/actions/unknown"},
        new String[] {"GET", "/crm/v8/Leads/" + lead + "/Notes/x/y"});
    for (String[] c : lacking) {
      Answer answer = call(c[0], c[1], Map.of(), "application/json", c[0].equals("GET") ? null : "{}");
      assertThat(answer.status()).as(c[1]).isEqualTo(404);
      assertThat(answer.text()).as(c[1]).isEqualTo("{\"code\":\"INVALID_URL_PATTERN\",\"details\":{},"
          + "\"message\":\"Please check if the URL trying to access is a correct one\",\"status\":\"error\"}");
    }
    JsonNode layout = get("/crm/v8/settings/layouts?module=Leads").json().path("layouts").get(0);
    assertThat(layout.path("id").asText()).hasSize(19);
    assertThat(layout.path("sections").get(0).path("fields").size()).isGreaterThan(5);
    assertThat(get("/crm/v8/settings/layouts/" + layout.path("id").asText() + "?module=Leads").json()
        .path("layouts").get(0).path("name").asText()).isEqualTo("Standard");
    JsonNode lists = get("/crm/v8/settings/related_lists?module=Leads").json().path("related_lists");
    List<String> names = new ArrayList<>();
    lists.forEach(l -> names.add(l.path("api_name").asText()));
    assertThat(names).contains("Notes", "Attachments", "Products");
    assertThat(byApiName(lists, "Notes").path("href").asText()).isEqualTo("Leads/{ENTITYID}/Notes");
  }

  // 10.
  @Test
  void timesAreToTheSecondWithTheOrgsOffset() throws Exception {
    JsonNode info = get("/crm/v8/Leads?fields=Last_Name&per_page=5").json().path("info");
    assertThat(info.path("page_token_expiry").asText()).matches(ISO_SECONDS_WITH_OFFSET);
    JsonNode lead = get("/crm/v8/Leads/" + leadId(0)).json().path("data").get(0);
    assertThat(lead.path("Created_Time").asText()).matches(ISO_SECONDS_WITH_OFFSET);
    JsonNode details = call("POST", "/crm/v8/Leads", Map.of(), "application/json",
        "{\"data\":[{\"Last_Name\":\"Timed\"}]}").json().path("data").get(0).path("details");
    assertThat(details.path("Modified_Time").asText()).matches(ISO_SECONDS_WITH_OFFSET);
    fake.sync().delete(DataCenter.US, "Leads", List.of(leadId(0)));
    assertThat(get("/crm/v8/Leads/deleted").json().path("data").get(0).path("deleted_time").asText())
        .matches(ISO_SECONDS_WITH_OFFSET);
    assertThat(fake.crm().orgInfo(DataCenter.US).path("time_zone").asText()).isEqualTo("Asia/Kolkata");
  }
}

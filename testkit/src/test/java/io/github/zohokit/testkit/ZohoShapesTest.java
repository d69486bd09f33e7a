package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.TokenKey;
import java.util.ArrayList;
import java.util.List;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;

/**
 * The transcription of Zoho's shapes ({@link ZohoShapes}) and its use: every kind of CRM answer the fake sends is
 * checked against it on the way out (a tour of every endpoint proves each answer type was checked), and the check
 * does catch a departure.
 */
class ZohoShapesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Every top-level answer shape: what the tour must have checked. */
  private static final List<ZohoShapes.Shape> ANSWERS = List.of(ZohoShapes.ERROR, ZohoShapes.RECORDS_PAGE,
      ZohoShapes.RECORD_ANSWER, ZohoShapes.ACTION_ANSWER, ZohoShapes.DELETED_PAGE, ZohoShapes.COUNT,
      ZohoShapes.COQL_PAGE, ZohoShapes.USERS_PAGE, ZohoShapes.ORG_ANSWER, ZohoShapes.MODULES_ANSWER,
      ZohoShapes.MODULE_ANSWER, ZohoShapes.FIELDS_ANSWER, ZohoShapes.LAYOUTS_ANSWER, ZohoShapes.RELATED_LISTS_ANSWER,
      ZohoShapes.NOTES_PAGE, ZohoShapes.NOTE_ANSWER, ZohoShapes.RELATED_PAGE, ZohoShapes.BULK_READ_CREATED,
      ZohoShapes.BULK_READ_JOBS, ZohoShapes.BULK_SUCCESS, ZohoShapes.BULK_WRITE_JOB, ZohoShapes.TOKEN_ANSWER,
      ZohoShapes.OAUTH_ERROR, ZohoShapes.REVOKE_ANSWER, ZohoShapes.DEVICE_CODE_ANSWER);

  private final OkHttpClient http = new OkHttpClient();

  @Test
  void everyAnswerTypeTheFakeSendsIsCheckedAgainstTheTranscription() throws Exception {
    try (FakeZoho fake = FakeZoho.start()) {
      FakeClient client = fake.registerSelfClient();
      ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client).build();
      oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL",
          "ZohoCRM.settings.ALL", "ZohoCRM.users.READ", "ZohoCRM.org.READ", "ZohoCRM.coql.READ",
          "ZohoCRM.bulk.ALL", "ZohoFiles.files.ALL")));
      String token = oauth.accessToken(TokenKey.DEFAULT_USER).reveal();
      String lead = fake.records(DataCenter.US, "Leads").get(0).path("id").asText();
      String base = fake.baseUrl(DataCenter.US) + "/crm/v8";
      List<Integer> statuses = new ArrayList<>();
      String[][] tour = {
          {"GET", "/Leads?fields=Last_Name"}, {"GET", "/Leads/" + lead}, {"GET", "/Leads/search?word=a"},
          {"GET", "/Leads/actions/count"}, {"POST", "/Leads", "{\"data\":[{\"Last_Name\":\"Tour\"}]}"},
          {"POST", "/Leads/" + lead + "/Notes", "{\"data\":[{\"Note_Content\":\"tour\"}]}"},
          {"GET", "/Leads/" + lead + "/Notes"}, {"GET", "/Leads/" + lead + "/Notes?fields=Note_Content"},
          {"DELETE", "/Leads?ids=" + fake.records(DataCenter.US, "Leads").get(1).path("id").asText()},
          {"GET", "/Leads/deleted"}, {"POST", "/coql", "{\"select_query\":\"select Last_Name from Leads limit 1\"}"},
          {"GET", "/users"}, {"GET", "/org"}, {"GET", "/settings/modules"}, {"GET", "/settings/modules/Leads"},
          {"GET", "/settings/fields?module=Leads"}, {"GET", "/settings/layouts?module=Leads"},
          {"GET", "/settings/related_lists?module=Leads"}, {"GET", "/Nope?fields=Name"}};
      for (String[] step : tour) {
        Request.Builder request = new Request.Builder().url(base + step[1])
            .header("Authorization", "Zoho-oauthtoken " + token)
            .method(step[0], step.length > 2 ? RequestBody.create(step[2], MediaType.get("application/json")) : null);
        try (Response response = http.newCall(request.build()).execute()) {
          statuses.add(response.code());
        }
      }
      String note = fake.records(DataCenter.US, "Notes").get(0).path("id").asText();
      try (Response response = http.newCall(new Request.Builder().url(base + "/Leads/" + lead + "/Notes/" + note)
          .header("Authorization", "Zoho-oauthtoken " + token).build()).execute()) {
        statuses.add(response.code());
      }
      bulk(fake, token, statuses);
      accounts(fake, client, statuses);
      assertThat(statuses).doesNotContain(500);
      List<String> names = new ArrayList<>();
      ANSWERS.forEach(s -> names.add(s.name));
      assertThat(ZohoShapes.checked()).containsAll(names);
    }
  }

  /** A Bulk Read job and its status; a file upload, a Bulk Write job and its status. */
  private void bulk(FakeZoho fake, String token, List<Integer> statuses) throws Exception {
    String base = fake.baseUrl(DataCenter.US);
    JsonNode read = send(new Request.Builder().url(base + "/crm/bulk/v8/read").post(RequestBody.create(
        "{\"query\":{\"module\":{\"api_name\":\"Leads\"}}}", MediaType.get("application/json"))), token, statuses);
    String job = read.path("data").get(0).path("details").path("id").asText();
    send(new Request.Builder().url(base + "/crm/bulk/v8/read/" + job), token, statuses);
    java.io.ByteArrayOutputStream zip = new java.io.ByteArrayOutputStream();
    try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(zip)) {
      out.putNextEntry(new java.util.zip.ZipEntry("leads.csv"));
      out.write("Last_Name\nBulk\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
    String zgid = fake.crm().orgInfo(DataCenter.US).path("zgid").asText();
    JsonNode upload = send(new Request.Builder().url(base + "/crm/v8/upload").header("feature", "bulk-write")
        .header("X-CRM-ORG", zgid).post(new okhttp3.MultipartBody.Builder().setType(okhttp3.MultipartBody.FORM)
            .addFormDataPart("file", "leads.zip", RequestBody.create(zip.toByteArray(),
                MediaType.get("application/zip"))).build()), token, statuses);
    String file = upload.path("details").path("file_id").asText();
    JsonNode write = send(new Request.Builder().url(base + "/crm/bulk/v8/write").post(RequestBody.create(
        "{\"operation\":\"insert\",\"resource\":[{\"type\":\"data\",\"module\":{\"api_name\":\"Leads\"},"
            + "\"file_id\":\"" + file + "\"}]}", MediaType.get("application/json"))), token, statuses);
    send(new Request.Builder().url(base + "/crm/bulk/v8/write/" + write.path("details").path("id").asText()),
        token, statuses);
  }

  /** An OAuth error, a failed revoke, a device code. */
  private void accounts(FakeZoho fake, FakeClient client, List<Integer> statuses) throws Exception {
    String base = fake.baseUrl(DataCenter.US);
    FakeClient device = fake.registerNonBrowserClient();
    String[] posts = {
        "/oauth/v2/token?grant_type=refresh_token&refresh_token=nope&client_id=" + client.clientId()
            + "&client_secret=" + client.clientSecret(),
        "/oauth/v2/token/revoke?token=nope",
        "/oauth/v3/device/code?grant_type=device_request&scope=ZohoCRM.users.READ&client_id=" + device.clientId()};
    for (String post : posts) {
      try (Response response = http.newCall(new Request.Builder().url(base + post)
          .post(RequestBody.create(new byte[0])).build()).execute()) {
        statuses.add(response.code());
      }
    }
  }

  private JsonNode send(Request.Builder request, String token, List<Integer> statuses) throws Exception {
    try (Response response = http.newCall(request.header("Authorization", "Zoho-oauthtoken " + token).build())
        .execute()) {
      statuses.add(response.code());
      return JSON.readTree(response.body().string());
    }
  }

  @Test
  void theCheckCatchesAMissingKeyAWrongTypeAndANullWhereZohoSendsNone() {
    ObjectNode field = Http.JSON.createObjectNode().put("api_name", "Email").put("data_type", "email");
    ZohoShapes.FIELD.fill(field);
    assertThat(ZohoShapes.FIELD.problems(field)).isEmpty();

    ObjectNode missing = field.deepCopy();
    missing.remove("pick_list_values");
    assertThat(ZohoShapes.FIELD.problems(missing)).containsExactly("field.pick_list_values is missing");
    ObjectNode wrongType = field.deepCopy().put("length", "255");
    assertThat(ZohoShapes.FIELD.problems(wrongType)).containsExactly("field.length is STRING, not integer");
    ObjectNode nulled = field.deepCopy().putNull("api_name");
    assertThat(ZohoShapes.FIELD.problems(nulled)).containsExactly("field.api_name is null");
    ObjectNode badValue = field.deepCopy();
    badValue.putArray("pick_list_values").addObject().put("display_value", "A");
    assertThat(ZohoShapes.FIELD.problems(badValue)).contains("field.pick_list_values[0].id is missing");
    assertThatThrownBy(() -> ZohoShapes.FIELD.check(missing)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("fields.json #/components/schemas/fields")
        .hasMessageContaining("pick_list_values is missing");
  }

  @Test
  void everyShapeNamesItsSourceAndItsKeysOnce() {
    for (ZohoShapes.Shape shape : ZohoShapes.all()) {
      // a crm-oas v8.0 file, or a page of Zoho Accounts' OAuth documentation
      assertThat(shape.source).as(shape.name).matches(".+\\.json.*|accounts .+\\.html.*");
      assertThat(shape.keyNames()).as(shape.name).doesNotHaveDuplicates().isNotEmpty();
    }
    assertThat(ZohoShapes.FIELD.keys.size()).isGreaterThanOrEqualTo(70);
  }

  @Test
  void aDepartingAnswerIsTheFakesOwnServerErrorNamingTheKey() throws Exception {
    JsonNode error = JSON.readTree("{\"code\":\"X\",\"details\":{},\"message\":\"m\"}");
    assertThatThrownBy(() -> ZohoShapes.ERROR.check(error)).hasMessageContaining("error.status is missing");
  }
}

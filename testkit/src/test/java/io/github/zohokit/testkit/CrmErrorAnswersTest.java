package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.TokenKey;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The CRM's error answers, over raw HTTP: whichever resource or check refuses the call (the gate, paging, search,
 * settings), the answer is one Zoho-shaped body with the status, code, details naming the parameter, and message.
 */
class CrmErrorAnswersTest {
  @RegisterExtension
  static final FakeZohoExtension ZOHO = FakeZohoExtension.perClass();

  private static final ObjectMapper JSON = new ObjectMapper();
  private final OkHttpClient http = new OkHttpClient();
  private FakeZoho fake;
  private String token;

  @BeforeEach
  void connect() {
    fake = ZOHO.fake();
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client,
        List.of("ZohoCRM.modules.ALL", "ZohoCRM.settings.ALL")));
    token = oauth.accessToken(TokenKey.DEFAULT_USER).reveal();
  }

  private JsonNode get(String pathAndQuery, int expectedStatus) throws Exception {
    try (Response response = http.newCall(new Request.Builder().url(fake.baseUrl(DataCenter.US) + pathAndQuery)
        .header("Authorization", "Zoho-oauthtoken " + token).build()).execute()) {
      assertThat(response.code()).as(pathAndQuery).isEqualTo(expectedStatus);
      JsonNode body = JSON.readTree(response.body().string());
      assertThat(body.path("status").asText()).isEqualTo("error");
      return body;
    }
  }

  @Test
  void aParameterThatIsNotANumberIsInvalidDataNamingIt() throws Exception {
    JsonNode body = get("/crm/v8/Leads?fields=Last_Name&per_page=many", 400);
    assertThat(body.path("code").asText()).isEqualTo("INVALID_DATA");
    assertThat(body.path("details").path("param_name").asText()).isEqualTo("per_page");
    assertThat(body.path("message").asText()).isEqualTo("per_page must be a number");
  }

  @Test
  void anUnknownPageTokenIsInvalidDataNamingIt() throws Exception {
    JsonNode body = get("/crm/v8/Leads?fields=Last_Name&page_token=pt0", 400);
    assertThat(body.path("code").asText()).isEqualTo("INVALID_DATA");
    assertThat(body.path("details").path("param_name").asText()).isEqualTo("page_token");
  }

  @Test
  void searchWithoutCriteriaIsARequiredParamMissing() throws Exception {
    JsonNode body = get("/crm/v8/Leads/search", 400);
    assertThat(body.path("code").asText()).isEqualTo("REQUIRED_PARAM_MISSING");
    assertThat(body.path("details").path("param_name").asText()).isEqualTo("criteria");
  }

  @Test
  void tooManyFieldsOnOneRecordIsLimitExceeded() throws Exception {
    StringBuilder fields = new StringBuilder("F0");
    for (int i = 1; i <= 50; i++) {
      fields.append(",F").append(i);
    }
    String id = fake.records(DataCenter.US, "Leads").get(0).path("id").asText();
    JsonNode body = get("/crm/v8/Leads/" + id + "?fields=" + fields, 400);
    assertThat(body.path("code").asText()).isEqualTo("LIMIT_EXCEEDED");
    assertThat(body.path("details").path("limit").asInt()).isEqualTo(50);
  }

  @Test
  void unknownModulesAndMethodsAreRefusedWithZohosCodes() throws Exception {
    assertThat(get("/crm/v8/Nope?fields=Name", 400).path("details").path("resource_path_index").asInt())
        .isEqualTo(0);
    assertThat(get("/crm/v8/settings/modules/Nope", 400).path("details").path("resource_path_index").asInt())
        .isEqualTo(2);
    assertThat(get("/crm/v8/settings/fields", 400).path("details").path("param_name").asText())
        .isEqualTo("module");
    assertThat(get("/crm/v8/settings/layouts", 400).path("details").path("param_name").asText())
        .isEqualTo("module");
    assertThat(get("/crm/v8/settings/wizards", 404).path("code").asText()).isEqualTo("INVALID_URL_PATTERN");
  }
}

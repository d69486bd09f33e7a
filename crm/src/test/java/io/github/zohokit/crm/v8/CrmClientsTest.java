package io.github.zohokit.crm.v8;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.Zoho;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.crm.ActionResult;
import io.github.zohokit.crm.CrmRecord;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CrmClientsTest {
  private static final String CLIENT_ID = "1000.K3Y9QZ0PLM4XW8RTB7NV5CJ2HD6AFE";
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final MockWebServer api = new MockWebServer();
  private Zoho zoho;

  @BeforeEach
  void start() throws Exception {
    api.start();
    TokenStore store = TokenStores.inMemory();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of("1000.aa11bb22cc33dd44ee55ff6677889900.99887766554433221100ffeeddccbbaa"))
        .expiresAt(Instant.now().plusSeconds(3600)).apiDomain(api.url("/").toString()).build());
    zoho = Zoho.connect(ZohoOAuth.selfClient(CLIENT_ID, "0123456789abcdef0123456789abcdef01234567")
        .endpoints(ZohoEndpoints.zoho().withApiBase(DataCenter.US, api.url("/").toString())) // trusted API host
        .tokenStore(store).build());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void insertAllSplitsIntoCallsOfAtMostOneHundredAndKeepsResultOrder() throws Exception {
    List<Integer> sizes = new ArrayList<>();
    api.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
        try {
          JsonNode data = MAPPER.readTree(request.getBody().utf8()).get("data");
          sizes.add(data.size());
          StringBuilder results = new StringBuilder();
          for (JsonNode record : data) {
            results.append(results.length() == 0 ? "" : ",").append("{\"code\":\"SUCCESS\",\"details\":{\"id\":\"")
                .append(record.get("Last_Name").asText()).append("\"},\"message\":\"record added\",\"status\":\"success\"}");
          }
          return json(201, "{\"data\":[" + results + "]}");
        } catch (Exception e) {
          return json(500, "{}");
        }
      }
    });
    List<CrmRecord> records = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      records.add(new CrmRecord().set("Last_Name", "L" + i));
    }

    List<ActionResult> results = zoho.api(RecordsApi.class).insertAll("Leads", records);

    assertThat(sizes).containsExactly(100, 100, 50);
    assertThat(results).hasSize(250);
    assertThat(results.get(249).id()).isEqualTo("L249");
    assertThat(api.takeRequest().getTarget()).isEqualTo("/crm/v8/Leads");
  }

  @Test
  void streamWalksEveryPage() throws Exception {
    api.enqueue(json(200, "{\"data\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"info\":{\"more_records\":true,"
        + "\"next_page_token\":\"t2\"}}"));
    api.enqueue(json(200, "{\"data\":[{\"id\":\"3\"}],\"info\":{\"more_records\":false}}"));
    List<String> ids = zoho.api(RecordsApi.class).stream("Contacts", List.of("Email"), 2)
        .map(CrmRecord::id).collect(Collectors.toList());
    assertThat(ids).containsExactly("1", "2", "3");
    assertThat(api.takeRequest().getTarget()).isEqualTo("/crm/v8/Contacts?fields=Email&per_page=2");
    assertThat(api.takeRequest().getTarget()).isEqualTo("/crm/v8/Contacts?fields=Email&per_page=2&page_token=t2");
  }

  @Test
  void deleteSendsCommaJoinedIds() throws Exception {
    api.enqueue(json(200, "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"1\"},\"status\":\"success\"},"
        + "{\"code\":\"SUCCESS\",\"details\":{\"id\":\"2\"},\"status\":\"success\"}]}"));
    List<ActionResult> results = zoho.api(RecordsApi.class).delete("Leads", List.of("1", "2"), false);
    assertThat(results).allMatch(ActionResult::isSuccess);
    assertThat(api.takeRequest().getTarget()).isEqualTo("/crm/v8/Leads?ids=1%2C2&wf_trigger=false");
  }

  @Test
  void coqlPostsTheQueryAndAnEmptyResultIsAnEmptyPage() throws Exception {
    api.enqueue(new MockResponse.Builder().code(204).build());
    RecordPage<CrmRecord> page = zoho.api(CoqlApi.class).query("select Last_Name from Leads limit 10");
    assertThat(page.data()).isEmpty();
    RecordedRequest request = api.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/crm/v8/coql");
    assertThat(request.getBody().utf8()).isEqualTo("{\"select_query\":\"select Last_Name from Leads limit 10\"}");
  }

  @Test
  void currentUserIsUnwrappedFromUsers() throws Exception {
    api.enqueue(json(200, "{\"users\":[{\"id\":\"111\",\"full_name\":\"Ann Lee\",\"email\":\"ann@example.com\","
        + "\"role\":{\"name\":\"CEO\",\"id\":\"9\"},\"status\":\"active\"}],\"info\":{\"count\":1}}"));
    User user = zoho.api(UsersApi.class).currentUser();
    assertThat(user.fullName()).isEqualTo("Ann Lee");
    assertThat(user.role()).isEqualTo(new NamedRef("CEO", "9"));
    assertThat(api.takeRequest().getTarget()).isEqualTo("/crm/v8/users?type=CurrentUser");
  }

  @Test
  void usersListReadsTheUsersEnvelope() {
    api.enqueue(json(200, "{\"users\":[{\"id\":\"1\"},{\"id\":\"2\"}],\"info\":{\"more_records\":false}}"));
    assertThat(zoho.api(UsersApi.class).list("AllUsers", null, null).data()).extracting(User::id)
        .containsExactly("1", "2");
  }

  @Test
  void orgFieldsModulesAndCount() throws Exception {
    api.enqueue(json(200, "{\"org\":[{\"id\":\"600\",\"company_name\":\"Zylker\",\"country\":\"US\"}]}"));
    api.enqueue(json(200, "{\"fields\":[{\"api_name\":\"Last_Name\",\"data_type\":\"text\",\"system_mandatory\":true}]}"));
    api.enqueue(json(200, "{\"modules\":[{\"api_name\":\"Leads\",\"api_supported\":true}]}"));
    api.enqueue(json(200, "{\"count\":42}"));

    assertThat(zoho.api(OrgApi.class).get().companyName()).isEqualTo("Zylker");
    List<FieldMeta> fields = zoho.api(MetadataApi.class).fields("Leads");
    assertThat(fields).extracting(FieldMeta::apiName).containsExactly("Last_Name");
    assertThat(fields.get(0).systemMandatory()).isTrue();
    assertThat(zoho.api(MetadataApi.class).modules()).extracting(ModuleMeta::apiName).containsExactly("Leads");
    assertThat(zoho.api(RecordsApi.class).count("Leads", null).count()).isEqualTo(42);

    assertThat(api.takeRequest().getTarget()).isEqualTo("/crm/v8/org");
    assertThat(api.takeRequest().getTarget()).isEqualTo("/crm/v8/settings/fields?module=Leads");
  }

  @Test
  void dynamicRecordsKeepEveryField() {
    api.enqueue(json(200, "{\"data\":[{\"id\":\"4876876000001168001\",\"Last_Name\":\"Sam\",\"Owner\":"
        + "{\"name\":\"Ann\",\"id\":\"1\"},\"Custom_Field__c\":12.5}]}"));
    CrmRecord record = zoho.api(RecordsApi.class).get("Leads", "4876876000001168001", null).orElseThrow();
    assertThat(record.id()).isEqualTo("4876876000001168001");
    assertThat(record.get("Owner")).isEqualTo(Map.of("name", "Ann", "id", "1"));
    assertThat(record.get("Custom_Field__c")).isEqualTo(12.5);
  }
}

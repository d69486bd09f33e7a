package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.RateLimitException;
import io.github.zohokit.ScopeMismatchException;
import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.ActionResult;
import io.github.zohokit.crm.CrmRecord;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.crm.v8.CoqlApi;
import io.github.zohokit.crm.v8.DeletedRecord;
import io.github.zohokit.crm.v8.FieldMeta;
import io.github.zohokit.crm.v8.MetadataApi;
import io.github.zohokit.crm.v8.OrgApi;
import io.github.zohokit.crm.v8.RecordsApi;
import io.github.zohokit.crm.v8.UsersApi;
import io.github.zohokit.token.TokenKey;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The CRM API of the fake, called through zohokit's ready clients. */
class CrmAgainstFakeTest {
  @RegisterExtension
  static final FakeZohoExtension ZOHO = FakeZohoExtension.perClass();

  private FakeZoho fake;
  private Zoho zoho;
  private RecordsApi records;

  private Zoho connect(List<String> scopes) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, scopes));
    return Zoho.connect(oauth);
  }

  @BeforeEach
  void connect() {
    fake = ZOHO.fake();
    zoho = connect(List.of("ZohoCRM.modules.ALL", "ZohoCRM.coql.READ", "ZohoCRM.users.READ", "ZohoCRM.org.READ",
        "ZohoCRM.settings.ALL"));
    records = zoho.client(RecordsApi.class);
  }

  @Test
  void listingWithoutFieldsIsZohosRequiredParamError() {
    assertThatThrownBy(() -> records.list("Leads", null))
        .isInstanceOf(ZohoApiException.class)
        .hasMessageContaining("HTTP 400 REQUIRED_PARAM_MISSING")
        .hasMessageContaining("Add the parameter 'fields'");
  }

  @Test
  void listReturnsOnlyTheRequestedFieldsWithZohosInfo() {
    RecordPage<CrmRecord> page = records.list("Leads", List.of("Last_Name", "Email"), 1, 10, null, null, null);
    assertThat(page.data()).hasSize(10);
    CrmRecord first = page.data().get(0);
    assertThat(first.fields().keySet()).containsExactlyInAnyOrder("Last_Name", "Email", "id");
    assertThat(first.id()).hasSize(19).containsOnlyDigits();
    assertThat(page.info().perPage()).isEqualTo(10);
    assertThat(page.hasMore()).isTrue();
    assertThat(page.info().nextPageToken()).isNotBlank();
  }

  @Test
  void anEmptyModuleAnswers204() {
    assertThat(records.list("Deals", List.of("Deal_Name")).data()).isEmpty();
  }

  @Test
  void pagingPastTwoThousandRecordsFollowsPageTokens() {
    fake.seedRecords(DataCenter.US, "Accounts", 2150);
    fake.resetObservations();
    List<String> ids = records.stream("Accounts", List.of("Account_Name"), 200).map(CrmRecord::id)
        .collect(Collectors.toList());
    assertThat(ids).hasSize(2150).doesNotHaveDuplicates();
    assertThat(fake.count("crm:GET /crm/v8/Accounts")).isEqualTo(11);
    assertThatThrownBy(() -> records.list("Accounts", List.of("Account_Name"), 11, 200, null, null, null))
        .isInstanceOf(ZohoApiException.class).hasMessageContaining("LIMIT_EXCEEDED");
  }

  @Test
  void insertingTwoHundredFiftyRecordsTakesThreeCalls() {
    List<CrmRecord> contacts = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      contacts.add(new CrmRecord().set("Last_Name", "Bulk " + i).set("Email", "bulk" + i + "@example.com"));
    }
    fake.resetObservations();
    List<ActionResult> results = records.insertAll("Contacts", contacts);
    assertThat(results).hasSize(250).allMatch(ActionResult::isSuccess);
    assertThat(fake.count("crm:POST /crm/v8/Contacts")).isEqualTo(3);
    assertThat(records.get("Contacts", results.get(249).id(), null)).get()
        .satisfies(r -> assertThat(r.getString("Last_Name")).isEqualTo("Bulk 249"));
  }

  @Test
  void aBatchWithAnInvalidRecordSucceedsPartlyWithPerRecordResults() {
    List<ActionResult> results = records.insertAll("Leads", List.of(new CrmRecord().set("Last_Name", "Good"),
        new CrmRecord().set("First_Name", "NoLastName"), new CrmRecord().set("Last_Name", "Bad").set("Email", "not-an-email")));
    assertThat(results.get(0).isSuccess()).isTrue();
    assertThat(results.get(1).code()).isEqualTo("MANDATORY_NOT_FOUND");
    assertThat(results.get(1).details()).containsEntry("api_name", "Last_Name");
    assertThat(results.get(2).code()).isEqualTo("INVALID_DATA");
  }

  @Test
  void moreThanOneHundredRecordsInOneCallIsRefused() {
    List<CrmRecord> many = new ArrayList<>();
    for (int i = 0; i < 101; i++) {
      many.add(new CrmRecord().set("Last_Name", "X" + i));
    }
    assertThatThrownBy(() -> records.insert("Leads", io.github.zohokit.crm.Records.of(many)))
        .hasMessageContaining("LIMIT_EXCEEDED");
  }

  @Test
  void updateUpsertDeleteAndTheRecycleBin() {
    String id = records.insertAll("Leads", List.of(new CrmRecord().set("Last_Name", "Before")
        .set("Email", "upsert.me@example.com"))).get(0).id();
    records.updateAll("Leads", List.of(new CrmRecord().set("id", id).set("Last_Name", "After")));
    assertThat(records.get("Leads", id, null).orElseThrow().getString("Last_Name")).isEqualTo("After");

    List<ActionResult> upserted = records.upsertAll("Leads", List.of(
        new CrmRecord().set("Last_Name", "Upserted").set("Email", "upsert.me@example.com"),
        new CrmRecord().set("Last_Name", "Brand New").set("Email", "new.one@example.com")), List.of("Email"));
    assertThat(upserted).extracting(ActionResult::action).containsExactly("update", "insert");
    assertThat(upserted.get(0).id()).isEqualTo(id);

    List<ActionResult> deleted = records.deleteAll("Leads", List.of(id, "4876876000999999999"));
    assertThat(deleted.get(0).isSuccess()).isTrue();
    assertThat(deleted.get(1).code()).isEqualTo("INVALID_DATA");
    assertThat(records.get("Leads", id, null)).isEmpty();
    assertThat(records.deleted("Leads", "all", null, null).data()).extracting(DeletedRecord::id).contains(id);
  }

  @Test
  void searchAndCount() {
    RecordPage<CrmRecord> found = records.search("Leads", "(Last_Name:equals:Sam)", List.of("Last_Name"), null, null);
    assertThat(found.data()).isNotEmpty().allMatch(r -> r.getString("Last_Name").equals("Sam"));
    assertThat(records.searchBy("Leads", null, null, "zzz-nothing", null).data()).isEmpty();
    assertThat(records.count("Deals", null).count()).isZero();
  }

  @Test
  void coqlFiltersOrdersAndLimits() {
    RecordPage<CrmRecord> rows = zoho.client(CoqlApi.class)
        .query("select Last_Name, Lead_Source from Leads where Lead_Source = 'Cold Call' and Last_Name is not null "
            + "order by Last_Name desc limit 3");
    assertThat(rows.data()).hasSizeLessThanOrEqualTo(3).isNotEmpty()
        .allMatch(r -> r.getString("Lead_Source").equals("Cold Call"));
    List<String> names = rows.data().stream().map(r -> r.getString("Last_Name")).collect(Collectors.toList());
    assertThat(names).isSortedAccordingTo(java.util.Comparator.<String>reverseOrder()
        .thenComparing(java.util.Comparator.naturalOrder()));
    assertThat(zoho.client(CoqlApi.class).query("select Last_Name from Leads where Last_Name = 'nobody'").data())
        .isEmpty();
    assertThatThrownBy(() -> zoho.client(CoqlApi.class).query("select from Leads"))
        .isInstanceOf(ZohoApiException.class).hasMessageContaining("SYNTAX_ERROR");
  }

  @Test
  void usersOrgAndMetadata() {
    assertThat(zoho.client(UsersApi.class).currentUser().email()).isEqualTo(fake.defaultUser().email());
    assertThat(zoho.client(OrgApi.class).get().id()).isEqualTo(fake.orgId(DataCenter.US));
    List<FieldMeta> fields = zoho.client(MetadataApi.class).fields("Leads");
    assertThat(fields).filteredOn(FieldMeta::systemMandatory).extracting(FieldMeta::apiName)
        .containsExactly("Last_Name");
    assertThat(zoho.client(MetadataApi.class).module("Deals")).isPresent();
    assertThat(zoho.client(MetadataApi.class).modules()).hasSizeGreaterThanOrEqualTo(4);
  }

  @Test
  void aTokenWithoutTheScopeIsAScopeMismatchNamingTheScope() {
    Zoho readOnly = connect(List.of("ZohoCRM.modules.leads.READ"));
    readOnly.oauth().token(TokenKey.DEFAULT_USER);
    assertThatThrownBy(() -> readOnly.client(RecordsApi.class).insertAll("Leads", List.of(new CrmRecord()
        .set("Last_Name", "X")))).isInstanceOf(ScopeMismatchException.class)
        .hasMessageContaining("ZohoCRM.modules.CREATE")
        .hasMessageContaining("granted: [ZohoCRM.modules.leads.READ]");
    assertThat(readOnly.client(RecordsApi.class).list("Leads", List.of("Last_Name")).data()).isNotEmpty();
  }

  @Test
  void anExpiredAccessTokenIsRefreshedOnceAndTheCallSucceeds() {
    records.list("Leads", List.of("Last_Name"));
    fake.expireAccessTokens();
    fake.resetObservations();
    assertThat(records.list("Leads", List.of("Last_Name")).data()).isNotEmpty();
    assertThat(fake.count("token:refresh_token")).isEqualTo(1);
    assertThat(fake.count("crm:GET /crm/v8/Leads")).isEqualTo(2);
  }

  @Test
  void aTokenIsValidOnlyInItsDataCentre() throws Exception {
    String token = zoho.oauth().accessToken(TokenKey.DEFAULT_USER).reveal();
    try (Response response = new OkHttpClient().newCall(new Request.Builder()
        .url(fake.baseUrl(DataCenter.EU) + "/crm/v8/Leads?fields=Last_Name")
        .header("Authorization", "Zoho-oauthtoken " + token).build()).execute()) {
      assertThat(response.code()).isEqualTo(401);
      assertThat(response.body().string()).contains("\"code\":\"INVALID_TOKEN\"");
    }
    try (Response response = new OkHttpClient().newCall(new Request.Builder()
        .url(fake.baseUrl(DataCenter.US) + "/crm/v8/Leads?fields=Last_Name")
        .header("Authorization", "Bearer " + token).build()).execute()) {
      assertThat(response.body().string()).contains("\"code\":\"AUTHENTICATION_FAILURE\"");
    }
  }

  @Test
  void rateLimitsAndCreditsAreReported() {
    FakeZoho limited = FakeZoho.builder().apiRequestsPerMinute(2).apiCreditsPerDay(4).start();
    try {
      FakeClient client = limited.registerSelfClient();
      ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(limited, client).build();
      oauth.selfClientFlow().exchangeGrantToken(limited.generateGrantCode(client, List.of("ZohoCRM.org.READ")));
      OrgApi org = Zoho.connect(oauth).client(OrgApi.class);
      org.get();
      org.get();
      assertThatThrownBy(org::get).isInstanceOf(RateLimitException.class).hasMessageContaining("TOO_MANY_REQUESTS");
    } finally {
      limited.close();
    }
  }

  @Test
  void creditsRemainingAppearOnceHalfAreUsed() throws Exception {
    fake.apiCredits(1_000_000);
    try {
      String token = zoho.oauth().accessToken(TokenKey.DEFAULT_USER).reveal();
      try (Response response = new OkHttpClient().newCall(new Request.Builder()
          .url(fake.baseUrl(DataCenter.US) + "/crm/v8/org").header("Authorization", "Zoho-oauthtoken " + token)
          .build()).execute()) {
        assertThat(response.header("X-API-CREDITS-REMAINING")).isNull();
      }
      fake.apiCredits(2);
      try (Response response = new OkHttpClient().newCall(new Request.Builder()
          .url(fake.baseUrl(DataCenter.US) + "/crm/v8/org").header("Authorization", "Zoho-oauthtoken " + token)
          .build()).execute()) {
        assertThat(response.header("X-API-CREDITS-REMAINING")).isNotNull();
      }
    } finally {
      fake.apiCredits(0);
    }
  }

  @Test
  void corsAnswersForRegisteredJavaScriptDomainsOnly() throws Exception {
    fake.registerClientBasedClient("http://localhost:9000/app.html", "http://localhost:9000");
    try (Response preflight = new OkHttpClient().newCall(new Request.Builder()
        .url(fake.baseUrl(DataCenter.US) + "/crm/v8/Leads").method("OPTIONS", null)
        .header("Origin", "http://localhost:9000").header("Access-Control-Request-Method", "GET").build()).execute()) {
      assertThat(preflight.code()).isEqualTo(204);
      assertThat(preflight.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:9000");
      assertThat(preflight.header("Access-Control-Allow-Headers")).contains("Authorization");
    }
    try (Response other = new OkHttpClient().newCall(new Request.Builder()
        .url(fake.baseUrl(DataCenter.US) + "/crm/v8/Leads").method("OPTIONS", null)
        .header("Origin", "http://evil.example").build()).execute()) {
      assertThat(other.header("Access-Control-Allow-Origin")).isNull();
    }
  }
}

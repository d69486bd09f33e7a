package io.github.zohokit.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ScopeMismatchException;
import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.crm.ActionResult;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.ZohoResponse;
import io.github.zohokit.processor.sample.Lead;
import io.github.zohokit.processor.sample.LeadsApi;
import io.github.zohokit.processor.sample.ZohoLeadsApi;
import io.github.zohokit.processor.sample.OrgApi;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The clients the processor generated for the sample interfaces, called against a local HTTP server. */
class GeneratedClientTest {
  private static final String CLIENT_ID = "1000.K3Y9QZ0PLM4XW8RTB7NV5CJ2HD6AFE";
  private static final String ACCESS = "1000.aa11bb22cc33dd44ee55ff6677889900.99887766554433221100ffeeddccbbaa";
  private static final String LEAD_1 = "{\"id\":\"4876876000001168001\",\"Last_Name\":\"Sam\",\"Email\":null,"
      + "\"Created_Time\":\"2022-05-12T18:52:08+05:30\"}";

  private final MockWebServer api = new MockWebServer();
  private Zoho zoho;
  private LeadsApi leads;

  @BeforeEach
  void start() throws Exception {
    api.start();
    TokenStore store = TokenStores.inMemory();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder().accessToken(Secret.of(ACCESS))
        .expiresAt(Instant.now().plusSeconds(3600)).scopes(Scope.parseList("ZohoCRM.modules.leads.READ"))
        .apiDomain(api.url("/").toString()).build());
    ZohoOAuth oauth = ZohoOAuth.selfClient(CLIENT_ID, "0123456789abcdef0123456789abcdef01234567")
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, "http://127.0.0.1:1")
            .withApiBase(DataCenter.US, api.url("/").toString())).tokenStore(store)
        .build();
    zoho = Zoho.connect(oauth);
    leads = zoho.api(LeadsApi.class);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json").body(body).build();
  }

  @Test
  void lookupFindsTheGeneratedClientsThroughServiceRegistration() {
    assertThat(leads).isInstanceOf(ZohoLeadsApi.class);
    assertThat(zoho.api(OrgApi.class)).isNotNull();
    assertThat(zoho.api(LeadsApi.class)).as("one client per user, created once").isSameAs(leads);
    assertThat(zoho.forUser("someone").api(LeadsApi.class)).isNotSameAs(leads).isInstanceOf(LeadsApi.class);
  }

  @Test
  @SuppressWarnings("deprecation")
  void theDeprecatedClientLookupIsTheSameApi() {
    assertThat(zoho.client(LeadsApi.class)).isSameAs(leads);
  }

  @Test
  void theApisOfAClassLoaderAreListedPublicly() {
    assertThat(Zoho.apis(LeadsApi.class.getClassLoader())).contains(LeadsApi.class, OrgApi.class);
  }

  @Test
  void listSendsTheExactRequestAndDecodesThePage() throws Exception {
    api.enqueue(json(200, "{\"data\":[" + LEAD_1 + "],\"info\":{\"per_page\":200,\"count\":1,\"page\":1,"
        + "\"more_records\":false,\"next_page_token\":null}}"));

    RecordPage<Lead> page = leads.list(List.of("Last_Name", "Email"), null, 200);

    RecordedRequest request = api.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getTarget()).isEqualTo("/crm/v8/Leads?fields=Last_Name%2CEmail&per_page=200");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Zoho-oauthtoken " + ACCESS);
    assertThat(page.data()).containsExactly(new Lead("4876876000001168001", "Sam", null));
    assertThat(page.info().count()).isEqualTo(1);
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void emptyListIs204AndGivesAnEmptyPage() {
    api.enqueue(new MockResponse.Builder().code(204).build());
    RecordPage<Lead> page = leads.list(List.of("Last_Name"), null, null);
    assertThat(page.data()).isEmpty();
    assertThat(page.hasMore()).isFalse();
  }

  @Test
  void optionalIsEmptyOn204And404AndUnwrapsTheRecordOn200() throws Exception {
    api.enqueue(new MockResponse.Builder().code(204).build());
    api.enqueue(new MockResponse.Builder().code(404).build());
    api.enqueue(json(200, "{\"data\":[" + LEAD_1 + "]}"));

    assertThat(leads.find("1")).isEmpty();
    assertThat(leads.find("2")).isEmpty();
    assertThat(leads.find("4876876000001168001")).contains(new Lead("4876876000001168001", "Sam", null));
    api.takeRequest();
    api.takeRequest();
    assertThat(api.takeRequest().getTarget()).isEqualTo("/crm/v8/Leads/4876876000001168001");
  }

  @Test
  void optionalStillFailsOnA404WithZohosErrorBodyAWrongPath() {
    api.enqueue(json(404, "{\"code\":\"INVALID_URL_PATTERN\",\"details\":{},\"message\":\"x\",\"status\":\"error\"}"));

    assertThatThrownBy(() -> leads.find("2")).isInstanceOf(io.github.zohokit.ZohoApiException.class)
        .hasMessageContaining("INVALID_URL_PATTERN");
  }

  @Test
  void pathValuesAreEncodedAsOneSegmentAndHeadersAreSent() throws Exception {
    api.enqueue(json(200, "{\"data\":[" + LEAD_1 + "]}"));
    leads.get("a/b c", "2026-11-01T00:00:00+00:00");
    RecordedRequest request = api.takeRequest();
    assertThat(request.getTarget()).isEqualTo("/crm/v8/Leads/a%2Fb%20c");
    assertThat(request.getHeaders().get("If-Modified-Since")).isEqualTo("2026-11-01T00:00:00+00:00");
  }

  @Test
  void aPlainReturnOn204SaysToDeclareOptional() {
    api.enqueue(new MockResponse.Builder().code(204).build());
    assertThatThrownBy(() -> leads.get("1", null))
        .isInstanceOf(ZohoApiException.class)
        .hasMessageContaining("GET /crm/v8/Leads/{id} answered HTTP 204 with nothing to return")
        .hasMessageContaining("Optional");
  }

  @Test
  void aListBodyIsWrappedInDataAndPerRecordResultsComeBackOn207() throws Exception {
    api.enqueue(json(207, "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"111\"},\"message\":\"record added\","
        + "\"status\":\"success\"},{\"code\":\"MANDATORY_NOT_FOUND\",\"details\":{\"api_name\":\"Last_Name\"},"
        + "\"message\":\"required field not found\",\"status\":\"error\"}]}"));

    List<ActionResult> results = leads.create(List.of(new Lead(null, "Ann", "ann@example.com"),
        new Lead(null, null, "x@example.com")));

    RecordedRequest request = api.takeRequest();
    assertThat(request.getMethod()).isEqualTo("POST");
    assertThat(request.getHeaders().get("Content-Type")).startsWith("application/json");
    assertThat(request.getBody().utf8()).isEqualTo(
        "{\"data\":[{\"Last_Name\":\"Ann\",\"Email\":\"ann@example.com\"},{\"Email\":\"x@example.com\"}]}");
    assertThat(results).hasSize(2);
    assertThat(results.get(0).isSuccess()).isTrue();
    assertThat(results.get(0).id()).isEqualTo("111");
    assertThat(results.get(1).isSuccess()).isFalse();
    assertThat(results.get(1).details()).containsEntry("api_name", "Last_Name");
  }

  @Test
  void putSendsTheObjectAsIsAndDeleteSendsNoBody() throws Exception {
    api.enqueue(json(200, "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"9\"},\"status\":\"success\"}]}"));
    api.enqueue(json(200, "{\"data\":[{\"code\":\"SUCCESS\",\"details\":{\"id\":\"9\"},\"status\":\"success\"}]}"));
    leads.update("9", new Lead(null, "Ann", null));
    leads.delete("9");
    RecordedRequest put = api.takeRequest();
    assertThat(put.getMethod()).isEqualTo("PUT");
    assertThat(put.getBody().utf8()).isEqualTo("{\"Last_Name\":\"Ann\"}");
    RecordedRequest delete = api.takeRequest();
    assertThat(delete.getMethod()).isEqualTo("DELETE");
    assertThat(delete.getTarget()).isEqualTo("/crm/v8/Leads/9");
    assertThat(delete.getBodySize()).isZero();
  }

  @Test
  void streamPagesLazilyThroughThreePagesFollowingPageTokens() throws Exception {
    api.enqueue(json(200, page(1, 2, true, "tok-2")));
    api.enqueue(json(200, page(3, 4, true, "tok-3")));
    api.enqueue(json(200, page(5, 5, false, null)));

    var stream = leads.all(new String[] {"Last_Name", "Email"});
    assertThat(api.getRequestCount()).isZero();
    List<String> ids = stream.map(Lead::id).collect(Collectors.toList());

    assertThat(ids).containsExactly("1", "2", "3", "4", "5");
    assertThat(api.takeRequest().getTarget()).isEqualTo("/crm/v8/Leads?fields=Last_Name%2CEmail");
    assertThat(api.takeRequest().getTarget()).isEqualTo("/crm/v8/Leads?fields=Last_Name%2CEmail&page_token=tok-2");
    assertThat(api.takeRequest().getTarget()).isEqualTo("/crm/v8/Leads?fields=Last_Name%2CEmail&page_token=tok-3");
    assertThat(api.getRequestCount()).isEqualTo(3);
  }

  @Test
  void streamStopsFetchingWhenTheConsumerStops() {
    api.enqueue(json(200, page(1, 2, true, "tok-2")));
    api.enqueue(json(200, page(3, 4, true, "tok-3")));
    assertThat(leads.all(new String[] {"Last_Name"}).limit(2).count()).isEqualTo(2);
    assertThat(api.getRequestCount()).isEqualTo(1);
  }

  @Test
  void asyncCallsCompleteWithoutBlocking() throws Exception {
    api.enqueue(json(200, "{\"data\":[" + LEAD_1 + "],\"info\":{\"more_records\":false}}"));
    RecordPage<Lead> page = leads.listAsync("Last_Name").get(10, TimeUnit.SECONDS);
    assertThat(page.data()).hasSize(1);
  }

  @Test
  void asyncFailuresCarryTheZohoError() {
    api.enqueue(json(400, "{\"code\":\"REQUIRED_PARAM_MISSING\",\"details\":{\"param_name\":\"fields\"},"
        + "\"message\":\"One of the expected parameter is missing\",\"status\":\"error\"}"));
    assertThatThrownBy(() -> leads.listAsync(null).get(10, TimeUnit.SECONDS))
        .hasCauseInstanceOf(ZohoApiException.class)
        .hasMessageContaining("REQUIRED_PARAM_MISSING");
  }

  @Test
  void responsesExposeStatusAndCredits() {
    api.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
        .setHeader("X-API-CREDITS-REMAINING", "4870").body("{\"data\":[],\"info\":{}}").build());
    ZohoResponse<RecordPage<Lead>> response = leads.listWithHeaders("Last_Name");
    assertThat(response.status()).isEqualTo(200);
    assertThat(response.creditsRemaining()).hasValue(4870);
    assertThat(response.body().data()).isEmpty();
  }

  @Test
  void aMissingScopeIsAScopeMismatchNamingTheScope() {
    api.enqueue(json(401, "{\"code\":\"OAUTH_SCOPE_MISMATCH\",\"details\":{},\"message\":\"no scope\","
        + "\"status\":\"error\"}"));
    leadsWarmUp();
    assertThatThrownBy(() -> leads.create(List.of(new Lead(null, "Ann", null))))
        .isInstanceOf(ScopeMismatchException.class)
        .hasMessageContaining("POST /crm/v8/Leads failed: HTTP 401 OAUTH_SCOPE_MISMATCH")
        .hasMessageContaining("lacks a scope this call needs: ZohoCRM.modules.leads.CREATE");
  }

  private void leadsWarmUp() {
    zoho.oauth().token(TokenKey.DEFAULT_USER);
  }

  @Test
  void textReturnsTheRawBody() {
    api.enqueue(json(200, "{\"count\":42}"));
    assertThat(leads.countRaw("Leads")).isEqualTo("{\"count\":42}");
  }

  @Test
  void wholeBodyMapsAreReadAsIs() {
    api.enqueue(json(200, "{\"org\":[{\"company_name\":\"Zylker\"}]}"));
    Map<String, Object> org = zoho.api(OrgApi.class).org();
    assertThat(org).containsKey("org");
  }

  @Test
  void aVariableModuleTheScopesDoNotCoverIsStoppedBeforeTheCallIsSent() throws Exception {
    assertThatThrownBy(() -> leads.findIn("Deals", "1"))
        .isInstanceOf(io.github.zohokit.ScopeMismatchException.class)
        .hasMessageContaining("GET /crm/v8/{module}/{id} on module Deals was not sent")
        .hasMessageContaining("ZohoCRM.modules.deals.READ");
    assertThat(api.getRequestCount()).isZero();
    api.enqueue(json(200, "{\"data\":[{\"id\":\"1\",\"Last_Name\":\"Ray\"}]}"));
    assertThat(leads.findIn("Leads", "1")).isPresent();
    assertThat(api.takeRequest().getTarget()).isEqualTo("/crm/v8/Leads/1");
  }

  @Test
  void theManifestListsEveryClientMethodAndTheUnion() throws Exception {
    String manifest;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/zoho/scopes.json")) {
      manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(manifest)
        .contains("\"interface\": \"io.github.zohokit.processor.sample.LeadsApi\"")
        .contains("{\"name\": \"create\", \"http\": \"POST\", \"path\": \"/crm/v8/Leads\", "
            + "\"scopes\": [\"ZohoCRM.modules.leads.CREATE\"], \"scopeFrom\": \"method\", \"catalogue\": \"documented\"}")
        .contains("{\"name\": \"countRaw\", \"http\": \"GET\", \"path\": \"/crm/v8/{module}/actions/count\", "
            + "\"scopes\": [\"ZohoCRM.modules.READ\"], \"scopeFrom\": \"method\", "
            + "\"catalogue\": \"documented, module known at run time\"}")
        .contains("\"interface\": \"io.github.zohokit.processor.sample.OrgApi\"")
        .contains("\"scopes\": [\"ZohoCRM.modules.READ\", \"ZohoCRM.modules.leads.CREATE\", "
            + "\"ZohoCRM.modules.leads.DELETE\", \"ZohoCRM.modules.leads.READ\", \"ZohoCRM.modules.leads.UPDATE\", "
            + "\"ZohoCRM.org.READ\"]");
    assertThat(io.github.zohokit.scope.ScopeManifest.load(getClass().getClassLoader()).scopes())
        .extracting(Scope::toString).contains("ZohoCRM.org.READ", "ZohoCRM.modules.leads.CREATE");
  }

  private static String page(int from, int to, boolean more, String next) {
    StringBuilder data = new StringBuilder();
    for (int i = from; i <= to; i++) {
      data.append(data.length() == 0 ? "" : ",").append("{\"id\":\"").append(i).append("\",\"Last_Name\":\"L")
          .append(i).append("\"}");
    }
    return "{\"data\":[" + data + "],\"info\":{\"more_records\":" + more + ",\"next_page_token\":"
        + (next == null ? "null" : "\"" + next + "\"") + "}}";
  }
}

package com.example.crm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ScopeMismatchException;
import io.github.zohokit.Zoho;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.ActionResult;
import io.github.zohokit.crm.CrmRecord;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.crm.v8.CoqlApi;
import io.github.zohokit.crm.v8.FieldMeta;
import io.github.zohokit.crm.v8.MetadataApi;
import io.github.zohokit.crm.v8.RecordsApi;
import io.github.zohokit.crm.v8.UsersApi;
import io.github.zohokit.store.TokenStores;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs after zoho:bootstrap-token stored the tokens: the generated client and the ready clients against the fake
 * Zoho, through the token store the plugin wrote.
 */
class CrmSyncIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private Zoho zoho;

  @BeforeEach
  void connect() {
    String accounts = System.getProperty("zoho.accountsUrl");
    ZohoOAuth oauth = ZohoOAuth.selfClient(System.getProperty("zoho.clientId"), System.getenv("ZOHO_CLIENT_SECRET"))
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts).withApiBase(DataCenter.US, accounts))
        .tokenStore(TokenStores.file(Path.of(System.getProperty("zoho.tokenStore"))))
        .build();
    zoho = Zoho.connect(oauth);
  }

  private static String control(String method, String path, String json) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(System.getProperty("fake.control") + path));
    request = method.equals("GET") ? request.GET()
        : request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  private static int counter(String key) throws Exception {
    String counters = control("GET", "/counters", null);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + java.util.regex.Pattern.quote(key) + "\":(\\d+)")
        .matcher(counters);
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  @Test
  void theGeneratedClientPagesPastOnePage() throws Exception {
    LeadsApi leads = zoho.api(LeadsApi.class);
    RecordPage<Lead> first = leads.page(List.of("Last_Name"), 10);
    assertThat(first.data()).hasSize(10);
    assertThat(first.hasMore()).isTrue();
    int before = counter("crm:GET /crm/v8/Leads");
    List<Lead> all = leads.all(List.of("First_Name", "Last_Name"), 10).collect(Collectors.toList());
    assertThat(all).hasSizeGreaterThanOrEqualTo(25);
    assertThat(counter("crm:GET /crm/v8/Leads") - before).isEqualTo((all.size() + 9) / 10);
    assertThat(leads.find(all.get(0).id())).get().extracting(Lead::lastName).isEqualTo(all.get(0).lastName());
    assertThat(leads.find("4876876000999999999")).isEmpty();
  }

  @Test
  void twoHundredFiftyInsertsTakeThreeCallsThenUpdateAndDelete() throws Exception {
    RecordsApi records = zoho.api(RecordsApi.class);
    List<CrmRecord> contacts = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      contacts.add(new CrmRecord().set("Last_Name", "Sync " + i).set("Email", "sync" + i + "@example.com"));
    }
    int before = counter("crm:POST /crm/v8/Contacts");
    List<ActionResult> inserted = records.insertAll("Contacts", contacts);
    assertThat(inserted).hasSize(250).allMatch(ActionResult::isSuccess);
    assertThat(counter("crm:POST /crm/v8/Contacts") - before).isEqualTo(3);

    String id = inserted.get(0).id();
    records.updateAll("Contacts", List.of(new CrmRecord().set("id", id).set("Last_Name", "Renamed")));
    assertThat(records.get("Contacts", id, null).orElseThrow().getString("Last_Name")).isEqualTo("Renamed");
    assertThat(records.deleteAll("Contacts", List.of(id))).allMatch(ActionResult::isSuccess);
    assertThat(records.get("Contacts", id, null)).isEmpty();
  }

  @Test
  void coqlCurrentUserFieldsAndAnEmptyModule() {
    RecordPage<CrmRecord> rows = zoho.api(CoqlApi.class).query("select Last_Name from Leads where Last_Name like 'S%' limit 5");
    assertThat(rows.data()).isNotEmpty().allMatch(r -> r.getString("Last_Name").startsWith("S"));
    assertThat(zoho.api(UsersApi.class).currentUser().email()).isEqualTo("ann@zylker.example");
    assertThat(zoho.api(MetadataApi.class).fields("Leads")).extracting(FieldMeta::apiName).contains("Last_Name");
    assertThat(zoho.api(RecordsApi.class).list("Deals", List.of("Deal_Name")).data()).isEmpty();
  }

  @Test
  void anExpiredAccessTokenIsRefreshedOnceAndTheCallSucceeds() throws Exception {
    zoho.api(UsersApi.class).currentUser();
    int before = counter("token:refresh_token");
    control("POST", "/tokens/expire", "{}");
    assertThat(zoho.api(UsersApi.class).currentUser()).isNotNull();
    assertThat(counter("token:refresh_token") - before).isEqualTo(1);
  }

  @Test
  void aTokenWithoutTheScopeGetsAClearScopeMismatch() throws Exception {
    String code = control("POST", "/grant-codes", "{\"client_id\":\"" + System.getProperty("zoho.clientId")
        + "\",\"scopes\":[\"ZohoCRM.users.READ\"]}").replaceAll(".*\"code\":\"([^\"]+)\".*", "$1");
    String accounts = System.getProperty("zoho.accountsUrl");
    ZohoOAuth narrow = ZohoOAuth.selfClient(System.getProperty("zoho.clientId"), System.getenv("ZOHO_CLIENT_SECRET"))
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts).withApiBase(DataCenter.US, accounts))
        .tokenStore(TokenStores.inMemory()).build();
    narrow.selfClientFlow().exchangeGrantToken(code);
    assertThatThrownBy(() -> Zoho.connect(narrow).client(LeadsApi.class).page(List.of("Last_Name"), 10))
        .isInstanceOf(ScopeMismatchException.class)
        .hasMessageContaining("ZohoCRM.modules.leads.READ")
        .hasMessageContaining("granted: [ZohoCRM.users.READ]");
  }
}

package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.scope.ScopeCatalogue;
import io.github.zohokit.scope.ScopeRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * zohokit's scope catalogue against a table typed by hand from the Scope section of Zoho's API pages (the page is
 * named in each row; zoho.com/crm/developer/docs/api/...), written without looking at the catalogue. The fake
 * Zoho judges scopes with the catalogue too, so without this table a transcription error in the catalogue would
 * pass every test: the fake would agree with it.
 */
class DocumentedScopesTest {
  @RegisterExtension
  static final FakeZohoExtension ZOHO = FakeZohoExtension.perClass();

  /** One documented operation: method, a concrete path, the scopes the page names (any one suffices), the page. */
  private record Documented(String method, String path, List<String> scopes, String page) {
    Documented(String method, String path, String scopes, String page) {
      this(method, path, List.of(scopes.split(", ")), page);
    }
  }

  private static final String INSERT = "v8/insert-records.html";
  private static final String GET_RECORDS = "help/api-diff/getrecordbyID.html";

  private static List<Documented> table() {
    List<Documented> t = new ArrayList<>();
    t.add(new Documented("GET", "/crm/v8/settings/global_picklists",
        "ZohoCRM.settings.global_picklist.READ, ZohoCRM.settings.global_picklist.ALL", "v8/get-global-picklist.html"));
    t.add(new Documented("GET", "/crm/v8/settings/global_picklists/4150868000000231001",
        "ZohoCRM.settings.global_picklist.READ, ZohoCRM.settings.global_picklist.ALL", "v8/get-global-picklist.html"));
    t.add(new Documented("POST", "/crm/v8/settings/global_picklists",
        "ZohoCRM.settings.global_picklist.CREATE, ZohoCRM.settings.global_picklist.ALL",
        "v8/create-global-picklists.html"));
    t.add(new Documented("PATCH", "/crm/v8/settings/global_picklists/2423488000000725001",
        "ZohoCRM.settings.global_picklist.UPDATE, ZohoCRM.settings.global_picklist.ALL",
        "v6/update-global-picklist.html"));
    t.add(new Documented("GET", "/crm/v8/settings/global_picklists/2423488000000725001/actions/associations",
        "ZohoCRM.settings.global_picklist.READ, ZohoCRM.settings.global_picklist.ALL",
        "v6/global-picklist-field-association.html"));
    t.add(new Documented("POST", "/crm/v8/org/currencies/actions/enable", "ZohoCRM.settings.currencies.CREATE",
        "v8/enable-multi-currency.html"));
    t.add(new Documented("GET", "/crm/v8/org/currencies", "ZohoCRM.settings.currencies.READ",
        "get currencies (issue 11's table)"));
    t.add(new Documented("GET", "/crm/v8/settings/email_templates", "ZohoCRM.templates.email.READ",
        "email templates (issue 11's table)"));
    t.add(new Documented("GET", "/crm/v8/settings/automation/assignment_rules",
        "ZohoCRM.settings.assignment_rules.READ", "assignment rules (issue 11's table)"));
    t.add(new Documented("GET", "/crm/v8/settings/business_hours",
        "ZohoCRM.settings.business_hours.ALL, ZohoCRM.settings.business_hours.READ", "v7/get-business-hours.html"));
    t.add(new Documented("GET", "/crm/v8/settings/automation/scoring_rules",
        "ZohoCRM.settings.scoring_rules.ALL, ZohoCRM.settings.scoring_rules.READ", "v8/scoring-rules.html"));
    t.add(new Documented("GET", "/crm/v8/settings/automation/scoring_rules/4876876000000965528",
        "ZohoCRM.settings.scoring_rules.ALL, ZohoCRM.settings.scoring_rules.READ", "v8/scoring-rules.html"));
    t.add(new Documented("POST", "/crm/v8/settings/automation/scoring_rules",
        "ZohoCRM.settings.scoring_rules.ALL, ZohoCRM.settings.scoring_rules.CREATE",
        "v8/create-scoring-rules.html, vertical-solutions v6/create-scoring-rules.html"));
    t.add(new Documented("PUT", "/crm/v8/Leads/actions/run_scoring_rules",
        "ZohoCRM.settings.scoring_rules.ALL, ZohoCRM.settings.scoring_rules.UPDATE", "v8/execute-scoring-rules.html"));
    t.add(new Documented("PUT", "/crm/v8/settings/automation/scoring_rules/4876876000000965528/actions/activate",
        "ZohoCRM.settings.scoring_rules.ALL, ZohoCRM.settings.scoring_rules.UPDATE", "v8/update-rule-status.html"));
    t.add(new Documented("DELETE", "/crm/v8/settings/automation/scoring_rules/4876876000000965528/actions/activate",
        "ZohoCRM.settings.scoring_rules.ALL, ZohoCRM.settings.scoring_rules.UPDATE", "v8/update-rule-status.html"));
    t.add(new Documented("POST", "/crm/v8/actions/watch",
        "ZohoCRM.notifications.ALL, ZohoCRM.notifications.WRITE, ZohoCRM.notifications.CREATE",
        "v7/notifications/enable.html"));
    t.add(new Documented("POST", "/crm/v8/__composite_requests", "ZohoCRM.composite_requests.CUSTOM",
        "vertical-solutions v6/composite-api.html"));
    t.add(new Documented("GET", "/crm/v8/settings/layouts",
        "ZohoCRM.settings.layouts.READ, ZohoCRM.settings.layouts.ALL, ZohoCRM.settings.ALL", "v2/layouts-meta.html"));
    t.add(new Documented("POST", "/crm/v8/settings/tags",
        "ZohoCRM.settings.ALL, ZohoCRM.settings.tags.ALL, ZohoCRM.settings.tags.WRITE, ZohoCRM.settings.tags.CREATE",
        "v2/create-tag.html"));
    t.add(new Documented("PUT", "/crm/v8/settings/tags",
        "ZohoCRM.settings.ALL, ZohoCRM.settings.tags.ALL, ZohoCRM.settings.tags.WRITE, ZohoCRM.settings.tags.UPDATE",
        "v2/update-tags.html"));
    t.add(new Documented("PUT", "/crm/v8/settings/tags/4150868000000231005",
        "ZohoCRM.settings.ALL, ZohoCRM.settings.tags.ALL, ZohoCRM.settings.tags.WRITE, ZohoCRM.settings.tags.UPDATE",
        "v2/update-tags.html"));
    t.add(new Documented("POST", "/crm/v8/Leads/actions/add_tags",
        "ZohoCRM.modules.ALL, ZohoCRM.modules.leads.ALL, ZohoCRM.modules.leads.WRITE, ZohoCRM.modules.leads.CREATE",
        "v2/add-tags.html"));
    t.add(new Documented("POST", "/crm/v8/Contacts/4150868000000624001/actions/add_tags",
        "ZohoCRM.modules.ALL, ZohoCRM.modules.contacts.ALL, ZohoCRM.modules.contacts.WRITE, "
            + "ZohoCRM.modules.contacts.CREATE", "v2/add-tags.html"));
    // Insert Records: "ZohoCRM.modules.ALL (or) ZohoCRM.modules.{module_name}.{operation_type}", operation types
    // ALL, WRITE, CREATE, with the page's list of module names
    String[][] modules = {{"Leads", "leads"}, {"Accounts", "accounts"}, {"Contacts", "contacts"}, {"Deals", "deals"},
        {"Campaigns", "campaigns"}, {"Tasks", "tasks"}, {"Cases", "cases"}, {"Events", "events"}, {"Calls", "calls"},
        {"Solutions", "solutions"}, {"Products", "products"}, {"Vendors", "vendors"}, {"Price_Books", "pricebooks"},
        {"Quotes", "quotes"}, {"Sales_Orders", "salesorders"}, {"Purchase_Orders", "purchaseorders"},
        {"Invoices", "invoices"}, {"Appointments__s", "appointments"},
        {"Appointments_Rescheduled_History__s", "appointments_rescheduled_history"}, {"Services__s", "services"},
        {"Notes", "notes"}};
    for (String[] m : modules) {
      t.add(new Documented("POST", "/crm/v8/" + m[0], "ZohoCRM.modules.ALL, ZohoCRM.modules." + m[1] + ".ALL, "
          + "ZohoCRM.modules." + m[1] + ".WRITE, ZohoCRM.modules." + m[1] + ".CREATE", INSERT));
    }
    // Get Records: the same form with READ
    for (String[] m : new String[][] {{"Leads", "leads"}, {"Deals", "deals"}, {"Price_Books", "pricebooks"},
        {"Sales_Orders", "salesorders"}, {"Purchase_Orders", "purchaseorders"}}) {
      t.add(new Documented("GET", "/crm/v8/" + m[0], "ZohoCRM.modules.ALL, ZohoCRM.modules." + m[1] + ".READ",
          GET_RECORDS));
    }
    return t;
  }

  @Test
  void theTableHasAtLeastFortyDistinctOperations() {
    assertThat(table().stream().map(d -> d.method() + " " + d.path()).distinct().count()).isGreaterThanOrEqualTo(40);
  }

  @Test
  void everyScopeZohosPagesNameAuthorisesTheCallInTheCatalogue() {
    List<String> disagreements = new ArrayList<>();
    for (Documented d : table()) {
      Optional<ScopeRequirement> requirement = ScopeCatalogue.requirementFor(d.method(), d.path());
      if (requirement.isEmpty()) {
        disagreements.add(d.method() + " " + d.path() + ": not in the catalogue (" + d.page() + ")");
        continue;
      }
      for (String scope : d.scopes()) {
        if (!requirement.get().isCoveredBy(List.of(Scope.parse(scope)))) {
          disagreements.add(d.method() + " " + d.path() + ": " + scope + " (" + d.page() + ") is not accepted; the "
              + "catalogue has " + requirement.get().alternatives());
        }
      }
    }
    assertThat(disagreements).isEmpty();
  }

  @Test
  void aScopeOfAnotherFamilyAuthorisesNoneOfThem() {
    List<String> wronglyAccepted = new ArrayList<>();
    for (Documented d : table()) {
      String unrelated = d.scopes().get(0).contains(".modules.") ? "ZohoCRM.settings.variables.ALL"
          : "ZohoCRM.modules.vendors.ALL";
      if (ScopeCatalogue.requirementFor(d.method(), d.path()).orElseThrow().isCoveredBy(List.of(Scope.parse(unrelated)))) {
        wronglyAccepted.add(d.method() + " " + d.path() + " accepts " + unrelated);
      }
    }
    assertThat(wronglyAccepted).isEmpty();
  }

  @Test
  void theFakeZohoJudgesScopesAsZohosPagesDo() throws Exception {
    FakeZoho fake = ZOHO.fake();
    assertThat(status(fake, "ZohoCRM.settings.global_picklist.READ", "/crm/v8/settings/global_picklists"))
        .isNotEqualTo(401);
    assertThat(status(fake, "ZohoCRM.settings.global_picklists.READ", "/crm/v8/settings/global_picklists"))
        .isEqualTo(401);
    assertThat(status(fake, "ZohoCRM.modules.pricebooks.READ", "/crm/v8/Price_Books?fields=Price_Book_Name"))
        .isNotEqualTo(401);
    assertThat(status(fake, "ZohoCRM.modules.price_books.READ", "/crm/v8/Price_Books?fields=Price_Book_Name"))
        .isEqualTo(401);
  }

  /** The HTTP status the fake answers for GET {@code path} with a token of {@code scope} alone. */
  private static int status(FakeZoho fake, String scope, String path) throws Exception {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of(scope)));
    Zoho zoho = Zoho.connect(oauth);
    // the authorized client sends every request to the api_domain of the token (here the fake)
    Request request = new Request.Builder().url("https://www.zohoapis.com" + path).get().build();
    try (Response response = zoho.httpClient().newCall(request).execute()) {
      return response.code();
    }
  }
}

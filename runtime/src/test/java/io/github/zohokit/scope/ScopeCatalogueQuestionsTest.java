package io.github.zohokit.scope;

import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;


/** The coverage rule over the catalogue: which declared scopes authorise which call. */
class ScopeCatalogueQuestionsTest {

  private static boolean covered(String method, String path, String declared) {
    return ScopeCatalogue.requirementFor(method, path).orElseThrow(() -> new AssertionError(method + " " + path
        + " is not in the catalogue")).isCoveredBy(Scope.parseList(declared));
  }

  private static String suggestion(String method, String path) {
    return Scope.join(ScopeCatalogue.requirementFor(method, path).orElseThrow().suggestion());
  }

  @Test
  void aStandardModuleNeedsItsOwnModuleScopeOrTheModulesUmbrella() {
    assertThat(covered("GET", "/crm/v8/Deals", "ZohoCRM.modules.deals.READ")).isTrue();
    assertThat(covered("GET", "/crm/v8/Deals/{id}", "ZohoCRM.modules.deals.ALL")).isTrue();
    assertThat(covered("GET", "/crm/v8/Deals", "ZohoCRM.modules.ALL")).isTrue();
    assertThat(covered("GET", "/crm/v8/Deals", "ZohoCRM.modules.READ")).isTrue();
    assertThat(covered("GET", "/crm/v8/Deals", "ZohoCRM.modules.leads.READ")).isFalse();
    assertThat(covered("POST", "/crm/v8/Deals", "ZohoCRM.modules.deals.READ")).isFalse();
    assertThat(covered("DELETE", "/crm/v8/Price_Books/{id}", "ZohoCRM.modules.pricebooks.DELETE")).isTrue();
  }

  @Test
  void theSuggestionIsTheNarrowestScopeForThisCall() {
    assertThat(suggestion("GET", "/crm/v8/Deals")).isEqualTo("ZohoCRM.modules.deals.READ");
    assertThat(suggestion("POST", "/crm/v8/Sales_Orders")).isEqualTo("ZohoCRM.modules.salesorders.CREATE");
    assertThat(suggestion("GET", "/crm/v8/settings/global_picklists"))
        .isEqualTo("ZohoCRM.settings.global_picklist.READ");
  }

  @Test
  void zohosScopesAreNotDerivedFromTheUrl() {
    // the five calls of issue 11, as Zoho's pages document them
    assertThat(covered("GET", "/crm/v8/settings/global_picklists", "ZohoCRM.settings.global_picklist.READ")).isTrue();
    assertThat(covered("GET", "/crm/v8/settings/global_picklists", "ZohoCRM.settings.global_picklists.READ"))
        .isFalse();
    assertThat(covered("GET", "/crm/v8/org/currencies", "ZohoCRM.settings.currencies.READ")).isTrue();
    assertThat(covered("GET", "/crm/v8/org/currencies", "ZohoCRM.org.READ")).isFalse();
    assertThat(covered("GET", "/crm/v8/settings/email_templates", "ZohoCRM.templates.email.READ")).isTrue();
    assertThat(covered("GET", "/crm/v8/settings/automation/assignment_rules",
        "ZohoCRM.settings.assignment_rules.READ")).isTrue();
    assertThat(covered("GET", "/crm/v8/settings/automation/assignment_rules", "ZohoCRM.settings.automation.READ"))
        .isFalse();
  }

  @Test
  void theOperationFollowsTheCatalogueNotTheVerb() {
    assertThat(covered("POST", "/crm/v8/settings/user_groups/actions/get_assigned",
        "ZohoCRM.settings.user_groups.READ")).isTrue();
    assertThat(covered("POST", "/crm/v8/Leads/actions/count", "ZohoCRM.modules.leads.READ")).isTrue();
    assertThat(covered("POST", "/crm/bulk/v8/read", "ZohoCRM.bulk.READ")).isTrue();
  }

  @Test
  void settingsAllCoversEverySettingsScope() {
    assertThat(covered("GET", "/crm/v8/settings/automation/scoring_rules", "ZohoCRM.settings.ALL")).isTrue();
    assertThat(covered("GET", "/crm/v8/Leads", "ZohoCRM.settings.ALL")).isFalse();
  }

  @Test
  void coqlNeedsTheCoqlScopeTogetherWithAModuleScope() {
    assertThat(covered("POST", "/crm/v8/coql", "ZohoCRM.coql.READ,ZohoCRM.modules.deals.READ")).isTrue();
    assertThat(covered("POST", "/crm/v8/coql", "ZohoCRM.coql.READ,ZohoCRM.modules.READ")).isTrue();
    assertThat(covered("POST", "/crm/v8/coql", "ZohoCRM.coql.READ")).isFalse();
    assertThat(covered("POST", "/crm/v8/coql", "ZohoCRM.modules.ALL")).isTrue(); // as Zoho's OpenAPI file lists
  }

  @Test
  void aVariableModuleIsValidWhenTheScopesFitSomeModule() {
    ScopeRequirement byModule = ScopeCatalogue.requirementFor("GET", "/crm/v8/{module}/{id}").orElseThrow();
    assertThat(byModule.variableModule()).isTrue();
    assertThat(byModule.moduleVariable()).contains("module");
    assertThat(byModule.isCoveredBy(Scope.parseList("ZohoCRM.modules.leads.READ"))).isTrue();
    assertThat(byModule.isCoveredBy(Scope.parseList("ZohoCRM.modules.custom.READ"))).isTrue();
    assertThat(byModule.isCoveredBy(Scope.parseList("ZohoCRM.modules.leeds.READ"))).isFalse();
    assertThat(byModule.isCoveredBy(Scope.parseList("ZohoCRM.settings.ALL"))).isFalse();
    ScopeRequirement deals = byModule.forModule("Deals").orElseThrow();
    assertThat(deals.isCoveredBy(Scope.parseList("ZohoCRM.modules.leads.READ"))).isFalse();
    assertThat(deals.alternatives()).first().isEqualTo("ZohoCRM.modules.deals.READ");
    assertThat(byModule.forModule("Custom_Projects")).isEmpty();
  }

  @Test
  void zohosObviouslyWrongScopesAreRecordedAndNotAccepted() {
    ScopeRequirement hours = ScopeCatalogue.requirementFor("GET", "/crm/v8/settings/business_hours").orElseThrow();
    assertThat(hours.wrongInZohoFile()).containsExactly("ZohoCRM.files.CREATE");
    assertThat(hours.isCoveredBy(Scope.parseList("ZohoCRM.files.CREATE"))).isFalse();
    assertThat(hours.isCoveredBy(Scope.parseList("ZohoCRM.settings.business_hours.READ"))).isTrue();
  }

  @Test
  void literalPathsBeatTheModuleRows() {
    assertThat(ScopeCatalogue.requirementFor("GET", "/crm/v8/Leads/search").orElseThrow().documentedOperation())
        .isEqualTo("GET /crm/v8/{module}/search");
    assertThat(ScopeCatalogue.requirementFor("GET", "/crm/v8/Leads/{id}/Attachments").orElseThrow().documentedOperation())
        .isEqualTo("GET /crm/v8/{module}/{record_id}/Attachments");
    assertThat(ScopeCatalogue.requirementFor("GET", "/crm/v8/settings/fields").orElseThrow().documentedOperation())
        .isEqualTo("GET /crm/v8/settings/fields");
  }

  @Test
  void concretePathsAndOtherVersionsMatchToo() {
    assertThat(covered("GET", "/crm/v8/Leads/4150868000001", "ZohoCRM.modules.leads.READ")).isTrue();
    assertThat(covered("GET", "/crm/v2.1/Leads/4150868000001?fields=Email", "ZohoCRM.modules.leads.READ")).isTrue();
    assertThat(covered("GET", "/crm/v8/users?type=CurrentUser", "ZohoCRM.users.READ")).isTrue();
  }

  @Test
  void whatTheCatalogueDoesNotKnowIsUnknown() {
    assertThat(ScopeCatalogue.requirementFor("GET", "/crm/v8/Custom_Projects")).isEmpty();
    assertThat(ScopeCatalogue.requirementFor("GET", "/crm/v8/settings/new_thing")).isEmpty();
    assertThat(ScopeCatalogue.requirementFor("GET", "/books/v3/invoices")).isEmpty();
    assertThat(ScopeCatalogue.requirementFor("OPTIONS", "/crm/v8/Leads")).isEmpty();
    assertThat(ScopeCatalogue.requirementFor("GET", "/crm/email/v8/settings/compose")).isEmpty(); // Zoho lists no scope
  }

  @Test
  void theCatalogueCoversEveryOperationOfZohosFiles() {
    assertThat(ScopeCatalogue.operationCount()).isGreaterThan(380);
    List<String> families = List.of("/crm/v8/Leads", "/crm/bulk/v8/read", "/crm/v8/actions/watch", "/crm/v8/coql",
        "/crm/v8/users", "/crm/v8/org", "/crm/v8/settings/modules", "/crm/v8/Notes");
    for (String path : families) {
      assertThat(ScopeCatalogue.requirementFor(path.endsWith("coql") || path.endsWith("read") ? "POST" : "GET", path))
          .as(path).isPresent();
    }
  }

  @Test
  @SuppressWarnings("removal")
  void theOldNameAsksTheCatalogue() {
    assertThat(ScopeCatalogue.requirementFor("GET", "/crm/v8/Deals").orElseThrow().documentedOperation())
        .isEqualTo(ScopeCatalogue.requirementFor("GET", "/crm/v8/Deals").orElseThrow().documentedOperation());
    assertThat(ScopeCatalogue.requirementFor("GET", "/crm/v8/Custom_Projects")).isEmpty();
    assertThat(ScopeCatalogue.operationCount()).isEqualTo(ScopeCatalogue.operationCount());
  }

  @Test
  void eachScopeOfTheCatalogueIsParsedOnce() {
    ScopeRequirement byModule = ScopeCatalogue.requirementFor("GET", "/crm/v8/{module}/{id}").orElseThrow();
    Scope first = byModule.forModule("Deals").orElseThrow().suggestion().get(0);
    Scope again = ScopeCatalogue.requirementFor("GET", "/crm/v8/Deals/{id}").orElseThrow().suggestion().get(0);
    assertThat(again).hasToString("ZohoCRM.modules.deals.READ").isSameAs(first);
  }
}

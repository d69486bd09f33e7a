package io.github.zohokit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeRulesTest {

  private static List<String> required(String method, String path) {
    return ScopeRules.required(method, path).stream().map(Scope::toString).toList();
  }

  @Test
  void standardModulesNeedTheirModuleScopeForTheHttpMethod() {
    assertThat(required("GET", "/crm/v8/Leads")).containsExactly("ZohoCRM.modules.leads.READ");
    assertThat(required("GET", "/crm/v8/Leads/{id}")).containsExactly("ZohoCRM.modules.leads.READ");
    assertThat(required("POST", "/crm/v8/Contacts")).containsExactly("ZohoCRM.modules.contacts.CREATE");
    assertThat(required("PUT", "/crm/v8/Deals/{id}")).containsExactly("ZohoCRM.modules.deals.UPDATE");
    assertThat(required("PATCH", "/crm/v8/Deals")).containsExactly("ZohoCRM.modules.deals.UPDATE");
    assertThat(required("DELETE", "/crm/v8/Price_Books/{id}")).containsExactly("ZohoCRM.modules.price_books.DELETE");
  }

  @Test
  void readOnlySubResourcesNeedRead() {
    assertThat(required("GET", "/crm/v8/Leads/search")).containsExactly("ZohoCRM.modules.leads.READ");
    assertThat(required("GET", "/crm/v8/Leads/deleted")).containsExactly("ZohoCRM.modules.leads.READ");
    assertThat(required("GET", "/crm/v8/Leads/actions/count")).containsExactly("ZohoCRM.modules.leads.READ");
    assertThat(required("POST", "/crm/v8/coql")).containsExactly("ZohoCRM.coql.READ");
  }

  @Test
  void upsertNeedsCreateAndUpdate() {
    assertThat(required("POST", "/crm/v8/Leads/upsert"))
        .containsExactly("ZohoCRM.modules.leads.CREATE", "ZohoCRM.modules.leads.UPDATE");
  }

  @Test
  void usersOrgSettingsAndBulk() {
    assertThat(required("GET", "/crm/v8/users?type=CurrentUser")).containsExactly("ZohoCRM.users.READ");
    assertThat(required("GET", "/crm/v8/org")).containsExactly("ZohoCRM.org.READ");
    assertThat(required("GET", "/crm/v8/settings/fields")).containsExactly("ZohoCRM.settings.fields.READ");
    assertThat(required("GET", "/crm/v8/settings/modules/Leads")).containsExactly("ZohoCRM.settings.modules.READ");
    assertThat(required("POST", "/crm/bulk/v8/read")).containsExactly("ZohoCRM.bulk.READ");
    assertThat(required("POST", "/crm/bulk/v8/write")).containsExactly("ZohoCRM.bulk.CREATE");
  }

  @Test
  void whatTheRulesCannotJudgeIsLeftToTheDeclaration() {
    assertThat(required("GET", "/crm/v8/{module}")).isEmpty();
    assertThat(required("GET", "/crm/v8/Custom_Projects")).isEmpty();
    assertThat(required("GET", "/crm/v8/settings/{area}")).isEmpty();
    assertThat(required("GET", "/books/v3/invoices")).isEmpty();
    assertThat(required("OPTIONS", "/crm/v8/Leads")).isEmpty();
  }
}

package io.github.zohokit.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ScopeMismatchException;
import io.github.zohokit.testing.Calls;
import org.junit.jupiter.api.Test;

/** The run-time half of the variable-module rule: a call on a module its scopes do not cover is not sent. */
class RouteModuleCheckTest {
  private static final Route LEADS_ONLY =
      Calls.route("GET", "/crm/v8/{module}/{id}", "ZohoCRM.modules.leads.READ");

  @Test
  void aModuleTheScopesCoverPasses() {
    assertThatCode(() -> LEADS_ONLY.checkModule("Leads")).doesNotThrowAnyException();
    assertThatCode(() -> LEADS_ONLY.checkModule("leads")).doesNotThrowAnyException();
  }

  @Test
  void aModuleTheScopesDoNotCoverIsReportedBeforeSending() {
    assertThatThrownBy(() -> LEADS_ONLY.checkModule("Deals"))
        .isInstanceOf(ScopeMismatchException.class)
        .hasMessageContaining("GET /crm/v8/{module}/{id} on module Deals was not sent")
        .hasMessageContaining("ZohoCRM.modules.deals.READ")
        .satisfies(e -> assertThat(((ScopeMismatchException) e).status()).isZero());
  }

  @Test
  void customAndUnknownModulesAreNotJudged() {
    assertThatCode(() -> LEADS_ONLY.checkModule("Custom_Projects")).doesNotThrowAnyException();
    assertThatCode(() -> LEADS_ONLY.checkModule(null)).doesNotThrowAnyException();
  }

  @Test
  void aModuleWideScopeCoversEveryModule() {
    Route any = Calls.route("GET", "/crm/v8/{module}/{id}", "ZohoCRM.modules.READ");
    assertThatCode(() -> any.checkModule("Deals")).doesNotThrowAnyException();
  }

  @Test
  void manyDistinctModuleNamesStillGetJudgedOnceTheCacheIsFull() {
    Route deals = Calls.route("GET", "/crm/v8/{module}/{id}", "ZohoCRM.modules.deals.READ");
    for (int i = 0; i < 2_000; i++) {
      int n = i;
      assertThatCode(() -> deals.checkModule("Custom_" + n)).doesNotThrowAnyException();
    }
    assertThatThrownBy(() -> deals.checkModule("Leads")).isInstanceOf(ScopeMismatchException.class);
    assertThatCode(() -> deals.checkModule("Deals")).doesNotThrowAnyException();
  }
}

package io.github.zohokit.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A scope's parts and its identity: equal when they grant the same, whatever the case they were written in. */
class ScopeIdentityTest {

  @Test
  void serviceAndOperationAreReadInTheirCanonicalCase() {
    Scope scope = Scope.parse("ZohoCRM.modules.Leads.read");
    assertThat(scope.service()).isEqualTo("zohocrm");
    assertThat(scope.operation()).isEqualTo("READ");
    assertThat(scope).hasToString("ZohoCRM.modules.Leads.read");
    assertThat(Scope.parse("Email").service()).isEqualTo("email");
    assertThat(Scope.parse("Email").operation()).isNull();
  }

  @Test
  void differentScopesAreNotEqual() {
    assertThat(Scope.parse("ZohoCRM.modules.leads.READ")).isNotEqualTo(Scope.parse("ZohoCRM.modules.leads.ALL"))
        .isNotEqualTo(Scope.parse("ZohoCRM.modules.contacts.READ")).isNotEqualTo("ZohoCRM.modules.leads.READ");
  }

  @Test
  void aHashSetKeepsOneOfScopesWrittenInDifferentCase() {
    Set<Scope> set = new HashSet<>(List.of(Scope.parse("ZohoCRM.modules.leads.READ"),
        Scope.parse("zohocrm.MODULES.Leads.read"), Scope.parse("ZohoCRM.modules.leads.ALL")));
    assertThat(set).hasSize(2).contains(Scope.parse("ZOHOCRM.modules.leads.all"));
  }

  @Test
  void noTextParsesToNoScopes() {
    assertThat(Scope.parseList(null)).isEmpty();
    assertThat(Scope.parseList(" , ")).isEmpty();
  }
}

package io.github.zohokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.scope.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scopes Login with Zoho asks for when zoho.scopes is not set: the manifests' union, without redundancy. */
class ZohoLoginScopesTest {
  private static List<String> minimal(String... scopes) {
    return Scope.minimal(Scope.parseList(String.join(",", scopes))).stream().map(Object::toString)
        .toList();
  }

  @Test
  void aScopeCoveredByAnotherIsDropped() {
    assertThat(minimal("ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leads.ALL", "ZohoCRM.users.READ"))
        .containsExactly("ZohoCRM.modules.leads.ALL", "ZohoCRM.users.READ");
    assertThat(minimal("ZohoCRM.modules.ALL", "ZohoCRM.modules.contacts.READ", "ZohoCRM.modules.leads.CREATE"))
        .containsExactly("ZohoCRM.modules.ALL");
    assertThat(minimal("ZohoCRM.modules.leads.WRITE", "ZohoCRM.modules.leads.UPDATE", "ZohoCRM.modules.leads.READ"))
        .containsExactly("ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leads.WRITE");
  }

  @Test
  void scopesThatDoNotCoverEachOtherAreAllKept() {
    assertThat(minimal("ZohoCRM.modules.leads.READ", "ZohoCRM.modules.contacts.READ", "email"))
        .containsExactlyInAnyOrder("ZohoCRM.modules.leads.READ", "ZohoCRM.modules.contacts.READ", "email");
  }
}

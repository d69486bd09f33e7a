package io.github.zohokit.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScopeTest {

  @Test
  void moduleAllCoversEveryOperationOfEveryModule() {
    Scope all = Scope.parse("ZohoCRM.modules.ALL");
    assertThat(all.covers(Scope.parse("ZohoCRM.modules.leads.READ"))).isTrue();
    assertThat(all.covers(Scope.parse("ZohoCRM.modules.contacts.DELETE"))).isTrue();
    assertThat(all.covers(Scope.parse("ZohoCRM.settings.fields.READ"))).isFalse();
  }

  @Test
  void operationMustMatchUnlessAllOrWrite() {
    assertThat(Scope.parse("ZohoCRM.modules.leads.READ").covers(Scope.parse("ZohoCRM.modules.leads.CREATE"))).isFalse();
    assertThat(Scope.parse("ZohoCRM.modules.leads.ALL").covers(Scope.parse("ZohoCRM.modules.leads.CREATE"))).isTrue();
    assertThat(Scope.parse("ZohoCRM.modules.leads.WRITE").covers(Scope.parse("ZohoCRM.modules.leads.UPDATE"))).isTrue();
    assertThat(Scope.parse("ZohoCRM.modules.leads.WRITE").covers(Scope.parse("ZohoCRM.modules.leads.READ"))).isFalse();
  }

  @Test
  void aScopeOnOneModuleDoesNotCoverAnother() {
    assertThat(Scope.parse("ZohoCRM.modules.contacts.READ").covers(Scope.parse("ZohoCRM.modules.leads.READ"))).isFalse();
    assertThat(Scope.parse("ZohoCRM.modules.leads.READ").covers(Scope.parse("ZohoCRM.modules.READ"))).isFalse();
  }

  @Test
  void coverageIgnoresCase() {
    assertThat(Scope.parse("zohocrm.MODULES.Leads.read").covers(Scope.parse("ZohoCRM.modules.leads.READ"))).isTrue();
    assertThat(Scope.parse("zohocrm.modules.leads.read")).isEqualTo(Scope.parse("ZohoCRM.modules.Leads.READ"));
  }

  @Test
  void malformedScopesAreRejectedWithTheExpectedForm() {
    assertThatThrownBy(() -> Scope.parse("ZohoCRM.modules"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'ZohoCRM.modules'")
        .hasMessageContaining("Service.scope_name.OPERATION");
    assertThatThrownBy(() -> Scope.parse("ZohoCRM.modules.leads.FETCH"))
        .hasMessageContaining("'FETCH' is not an operation");
    assertThatThrownBy(() -> Scope.parse("ZohoCRM..leads.READ")).hasMessageContaining("not a valid segment");
  }

  @Test
  void listsParseCommasOrSpacesAndJoinWithCommasSorted() {
    List<Scope> scopes = Scope.parseList("ZohoCRM.users.READ ZohoCRM.modules.ALL,ZohoCRM.org.READ");
    assertThat(scopes).hasSize(3);
    assertThat(Scope.join(scopes)).isEqualTo("ZohoCRM.modules.ALL,ZohoCRM.org.READ,ZohoCRM.users.READ");
  }

  @Test
  void missingNamesOnlyWhatNothingCovers() {
    List<Scope> granted = Scope.parseList("ZohoCRM.modules.leads.ALL,ZohoCRM.users.READ");
    List<Scope> required = Scope.parseList(
        "ZohoCRM.modules.leads.READ,ZohoCRM.modules.contacts.READ,ZohoCRM.users.READ,ZohoCRM.coql.READ");
    assertThat(Scope.missing(granted, required)).extracting(Scope::toString)
        .containsExactly("ZohoCRM.coql.READ", "ZohoCRM.modules.contacts.READ");
  }

  @Test
  void openIdScopesAreAcceptedAndCoverOnlyThemselves() {
    assertThat(Scope.parse("email").covers(Scope.parse("EMAIL"))).isTrue();
    assertThat(Scope.parse("email").covers(Scope.parse("profile"))).isFalse();
    assertThat(Scope.parse("ZohoCRM.modules.ALL").covers(Scope.parse("email"))).isFalse();
  }

  @Test
  void minimalKeepsOnlyWhatNoOtherScopeCovers() {
    assertThat(Scope.minimal(Scope.parseList("ZohoCRM.users.READ,ZohoCRM.modules.leads.READ,ZohoCRM.modules.leads.ALL,"
        + "zohocrm.users.read,ZohoCRM.modules.leads.WRITE,ZohoCRM.modules.leads.UPDATE,email,EMAIL")))
        .extracting(Scope::toString)
        .containsExactly("email", "ZohoCRM.modules.leads.ALL", "ZohoCRM.users.READ");
    assertThat(Scope.minimal(Scope.parseList("ZohoCRM.modules.leads.WRITE,ZohoCRM.modules.leads.READ")))
        .extracting(Scope::toString).containsExactly("ZohoCRM.modules.leads.READ", "ZohoCRM.modules.leads.WRITE");
    assertThat(Scope.minimal(List.of())).isEmpty();
  }
}

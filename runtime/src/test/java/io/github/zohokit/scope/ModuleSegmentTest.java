package io.github.zohokit.scope;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link ScopeRequirement#moduleSegment}: the module a call's path names with a literal, or none. */
class ModuleSegmentTest {
  @Test
  void theLiteralWhereTheDocumentedPathHasTheModule() {
    assertThat(ScopeRequirement.moduleSegment("GET", "/crm/v8/Leads/{id}")).contains("Leads");
    assertThat(ScopeRequirement.moduleSegment("GET", "/crm/v8/Deals")).contains("Deals");
    assertThat(ScopeRequirement.moduleSegment("GET", "/crm/v8/Contacts/{id}/Notes")).contains("Contacts");
  }

  @Test
  void aCustomModuleRightAfterTheVersion() {
    assertThat(ScopeRequirement.moduleSegment("GET", "/crm/v8/Projects__c/{id}")).contains("Projects__c");
    assertThat(ScopeRequirement.moduleSegment("GET", "/crm/v8/Projects__c")).contains("Projects__c");
  }

  @Test
  void noneWhereTheModuleIsAVariableOrThePathNamesNone() {
    assertThat(ScopeRequirement.moduleSegment("GET", "/crm/v8/{module}/{id}")).isEmpty();
    assertThat(ScopeRequirement.moduleSegment("GET", "/crm/v8/{custom__c}")).isEmpty();
    assertThat(ScopeRequirement.moduleSegment("POST", "/crm/v8/coql")).isEmpty();
    assertThat(ScopeRequirement.moduleSegment("GET", "/crm/v8/users")).isEmpty();
    assertThat(ScopeRequirement.moduleSegment("GET", "/crm/v8/settings/modules")).isEmpty();
  }
}

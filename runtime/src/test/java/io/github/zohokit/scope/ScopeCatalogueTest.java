package io.github.zohokit.scope;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The catalogue's file format and its lookup, on small catalogues written here: comments and module lines, the
 * scope alternatives, and which row wins when several match a path.
 */
class ScopeCatalogueTest {

  private static ScopeCatalogue catalogue(String... lines) throws IOException {
    return ScopeCatalogue.parse(new BufferedReader(new StringReader(String.join("\n", lines))));
  }

  private static String row(String method, String path, String scopes) {
    return String.join("\t", method, path, scopes, "-", "src", "-");
  }

  @Test
  void commentsBlankLinesAndModuleLinesAreNotOperations() throws IOException {
    ScopeCatalogue catalogue = catalogue("# a comment", "", "   ", "@module\tLeads\tleads",
        "@module\tPrice_Books\tpricebooks", row("GET", "/crm/v8/{module}", "ZohoCRM.modules.{module}.READ"),
        "# another", row("GET", "/crm/v8/org", "ZohoCRM.org.READ"));
    assertThat(catalogue.size()).isEqualTo(2);
    assertThat(catalogue.moduleScope("PRICE_BOOKS")).isEqualTo("pricebooks");
    assertThat(catalogue.moduleScope("Deals")).isNull();
    assertThat(catalogue.moduleScope(null)).isNull();
    assertThat(catalogue.moduleScopeNames()).containsExactly("leads", "pricebooks", "custom");
  }

  @Test
  void aRowWithTheWrongNumberOfColumnsNamesItsLine() {
    assertThatThrownBy(() -> catalogue("# header", "@module\tLeads\tleads", "GET\t/crm/v8/org\tZohoCRM.org.READ"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("line 3 has 3 columns, expected 6");
  }

  @Test
  void rowsOfTheSameShapeAreAllKept() throws IOException {
    ScopeCatalogue catalogue = catalogue(row("GET", "/crm/v8/org", "ZohoCRM.org.READ"),
        row("GET", "/crm/v8/users", "ZohoCRM.users.READ"), row("get", "/crm/v8/coql", "ZohoCRM.coql.READ"));
    assertThat(catalogue.find("GET", "/crm/v8/org").row().path()).isEqualTo("/crm/v8/org");
    assertThat(catalogue.find("GET", "/crm/v8/users").row().path()).isEqualTo("/crm/v8/users");
    assertThat(catalogue.find("GET", "/crm/v8/coql").row().path()).isEqualTo("/crm/v8/coql");
    assertThat(catalogue.find("POST", "/crm/v8/org")).isNull();
    assertThat(catalogue.find("GET", "/crm/v8/org/extra")).isNull();
  }

  @Test
  void scopesAreAlternativesOfScopesNeededTogether() throws IOException {
    ScopeCatalogue catalogue = catalogue(String.join("\t", "POST", "/crm/v8/coql",
        "ZohoCRM.coql.READ & ZohoCRM.modules.ALL | ZohoCRM.bulk.ALL", "ZohoCRM.coql.CREATE | ZohoCRM.org.ALL",
        "oas", "a note"), row("GET", "/crm/v8/org", "-"), row("GET", "/crm/v8/users", " "));
    ScopeCatalogue.Row coql = catalogue.find("POST", "/crm/v8/coql").row();
    assertThat(coql.alternatives()).containsExactly(List.of("ZohoCRM.coql.READ", "ZohoCRM.modules.ALL"),
        List.of("ZohoCRM.bulk.ALL"));
    assertThat(coql.wrong()).containsExactly("ZohoCRM.coql.CREATE", "ZohoCRM.org.ALL");
    assertThat(coql.source()).isEqualTo("oas");
    assertThat(coql.note()).isEqualTo("a note");
    assertThat(catalogue.find("GET", "/crm/v8/org").row().alternatives()).as("'-' is none").isEmpty();
    assertThat(catalogue.find("GET", "/crm/v8/users").row().alternatives()).as("blank is none").isEmpty();
    assertThat(catalogue.find("GET", "/crm/v8/org").row().wrong()).isEmpty();
  }

  @Test
  void theMostSpecificRowWinsWhereverItIsListed() throws IOException {
    String variable = row("GET", "/crm/v8/{module}/{id}", "ZohoCRM.modules.{module}.READ");
    String literal = row("GET", "/crm/v8/{module}/actions", "ZohoCRM.modules.{module}.ALL");
    String anyModule = row("GET", "/crm/v8/{a}/actions", "ZohoCRM.modules.ALL");
    for (ScopeCatalogue catalogue : List.of(catalogue("@module\tLeads\tleads", variable, literal, anyModule),
        catalogue("@module\tLeads\tleads", anyModule, literal, variable))) {
      assertThat(catalogue.find("GET", "/crm/v8/Leads/actions").row().path()).isEqualTo("/crm/v8/{module}/actions");
      assertThat(catalogue.find("GET", "/crm/v8/Leads/123").row().path()).isEqualTo("/crm/v8/{module}/{id}");
      assertThat(catalogue.find("GET", "/crm/v8/Custom_Thing/actions").row().path())
          .as("an unknown module matches only a variable row").isEqualTo("/crm/v8/{a}/actions");
    }
  }

  @Test
  void ofEquallySpecificRowsTheFirstListedWins() throws IOException {
    ScopeCatalogue catalogue = catalogue(row("GET", "/crm/v8/{module}/{id}", "ZohoCRM.modules.{module}.READ"),
        row("GET", "/crm/v8/{module}/{record}", "ZohoCRM.modules.ALL"), "@module\tLeads\tleads");
    assertThat(catalogue.find("GET", "/crm/v8/Leads/1").row().path()).isEqualTo("/crm/v8/{module}/{id}");
  }

  @Test
  void aMatchNamesTheModuleAsWrittenOrTheVariableThatHoldsIt() throws IOException {
    ScopeCatalogue catalogue = catalogue("@module\tLeads\tleads",
        row("GET", "/crm/v8/{module}/{id}", "ZohoCRM.modules.{module}.READ"),
        row("GET", "/{module}/count", "ZohoCRM.modules.{module}.READ"),
        row("GET", "/crm/v8/org/{id}", "ZohoCRM.org.READ"));
    ScopeCatalogue.Match literal = catalogue.find("GET", " /crm/v8/LEADS/{id}?fields=a/b ");
    assertThat(literal.modulePosition()).isEqualTo(2);
    assertThat(literal.module()).isEqualTo("LEADS");
    assertThat(literal.moduleVariable()).isNull();
    ScopeCatalogue.Match variable = catalogue.find("GET", "/crm/v8/{module}/{id}");
    assertThat(variable.modulePosition()).isEqualTo(2);
    assertThat(variable.module()).isNull();
    assertThat(variable.moduleVariable()).isEqualTo("module");
    ScopeCatalogue.Match first = catalogue.find("GET", "/Leads/count");
    assertThat(first.modulePosition()).isZero();
    assertThat(first.module()).isEqualTo("Leads");
    ScopeCatalogue.Match none = catalogue.find("GET", "/crm/v8/org/1");
    assertThat(none.modulePosition()).isEqualTo(-1);
    assertThat(none.module()).isNull();
    assertThat(none.moduleVariable()).isNull();
  }

  @Test
  void aVersionMatchesOnlyAVersionAndAVariableAnythingButOne() throws IOException {
    ScopeCatalogue catalogue = catalogue(row("GET", "/crm/v8/{id}", "ZohoCRM.org.READ"));
    assertThat(catalogue.find("GET", "/crm/v2.1/abc")).isNotNull();
    assertThat(catalogue.find("GET", "/crm/latest/abc")).isNull();
    assertThat(catalogue.find("GET", "/crm/v8/v2")).as("a version is not a variable's value").isNull();
  }

  @Test
  void pathsSplitIntoSegmentsWithoutTheQuery() {
    assertThat(ScopeCatalogue.segments("?fields=a/b", false)).as("a query alone has no segments").isEmpty();
    assertThat(ScopeCatalogue.segments("//crm//v8/Leads?x=/y", false)).extracting(ScopeCatalogue.Segment::kind)
        .containsExactly(ScopeCatalogue.Kind.LITERAL, ScopeCatalogue.Kind.VERSION, ScopeCatalogue.Kind.LITERAL);
    assertThat(ScopeCatalogue.segments("/crm/v8/Leads", false).get(2).text()).isEqualTo("leads");
    assertThat(ScopeCatalogue.segments("/{module}/{id}", true)).containsExactly(
        new ScopeCatalogue.Segment(ScopeCatalogue.Kind.MODULE, "module"),
        new ScopeCatalogue.Segment(ScopeCatalogue.Kind.VARIABLE, "id"));
    assertThat(ScopeCatalogue.segments("/{module}/x{y}/{a}{b}", false)).as("in a declared path {module} is a variable")
        .containsExactly(new ScopeCatalogue.Segment(ScopeCatalogue.Kind.VARIABLE, "module"),
            new ScopeCatalogue.Segment(ScopeCatalogue.Kind.VARIABLE, null),
            new ScopeCatalogue.Segment(ScopeCatalogue.Kind.VARIABLE, null));
  }

  @Test
  void theShippedCatalogueLoads() {
    assertThat(ScopeCatalogue.get().size()).isGreaterThan(300);
    assertThat(ScopeCatalogue.get().find("GET", "/crm/v8/Leads/{id}").module()).isEqualTo("Leads");
  }
}

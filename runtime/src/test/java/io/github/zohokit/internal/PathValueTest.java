package io.github.zohokit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A path value cannot move a generated call to another endpoint with dot segments. */
class PathValueTest {
  private static final Operation FIND = new Operation("GET", "/crm/v8/Leads/{id}",
      List.of("ZohoCRM.modules.leads.READ"));

  @Test
  void dotSegmentsAndTheirEncodingsAreRefusedNamingTheParameter() {
    for (String value : List.of(".", "..", "%2e", "%2E%2e", ".%2E", "%252e%252e", "../Users", "a/../../Users",
        "..\\Users", "..%2FUsers", "%2e%2e%2fsettings", "%25252e%25252e")) {
      assertThatThrownBy(() -> ZohoCalls.pathValue(value, "id", FIND)).as(value)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("@Path(\"id\")").hasMessageContaining("GET /crm/v8/Leads/{id}")
          .hasMessageContaining("'" + value + "'").hasMessageContaining("'..' path segment");
    }
  }

  @Test
  void ordinaryValuesWithDotsPass() {
    for (String value : List.of("4150868000000224005", "a.b", "...", ".hidden", "v1.2", "%zz", "50%", "a..b")) {
      assertThat(ZohoCalls.pathValue(value, "id", FIND)).isEqualTo(value);
    }
  }

  @Test
  void nullIsStillRefused() {
    assertThatThrownBy(() -> ZohoCalls.pathValue(null, "id", FIND)).hasMessageContaining("is null");
  }
}

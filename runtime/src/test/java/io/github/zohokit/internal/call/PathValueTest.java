package io.github.zohokit.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.Operation;
import io.github.zohokit.testing.Calls;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A path value cannot move a generated call to another endpoint with dot segments. */
class PathValueTest {
  private static final Operation FIND = Calls.route("GET", "/crm/v8/Leads/{id}", "ZohoCRM.modules.leads.READ")
      .operation();

  @Test
  void dotSegmentsAndTheirEncodingsAreRefusedNamingTheParameter() {
    for (String value : List.of(".", "..", "%2e", "%2E%2e", ".%2E", "%252e%252e", "../Users", "a/../../Users",
        "..\\Users", "..%2FUsers", "%2e%2e%2fsettings", "%25252e%25252e")) {
      assertThatThrownBy(() -> PathValues.check("id", value, FIND)).as(value)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("@Path(\"id\")").hasMessageContaining("GET /crm/v8/Leads/{id}")
          .hasMessageContaining("'" + value + "'").hasMessageContaining("'..' path segment");
    }
  }

  @Test
  void ordinaryValuesWithDotsPass() {
    for (String value : List.of("4150868000000224005", "a.b", "...", ".hidden", "v1.2", "%zz", "50%", "a..b")) {
      assertThat(PathValues.check("id", value, FIND)).isEqualTo(value);
    }
  }

  @Test
  void nullIsStillRefused() {
    assertThatThrownBy(() -> PathValues.check("id", null, FIND)).hasMessageContaining("is null");
  }
}

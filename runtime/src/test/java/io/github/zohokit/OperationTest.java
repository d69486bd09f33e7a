package io.github.zohokit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.scope.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The public tag resolves the Java method of the call lazily, also among overloads. */
class OperationTest {
  interface Api {
    String find(String id);

    String find(String id, int page);

    String list();
  }

  private static Operation of(String method, Class<?>... parameterTypes) {
    return Operation.of(Api.class, method, parameterTypes.length == 0 ? null : parameterTypes, "GET",
        "/crm/v8/Leads", List.of(Scope.parse("ZohoCRM.modules.leads.READ")));
  }

  @Test
  void aUniqueNameIsResolvedByName() throws Exception {
    assertThat(of("list").method()).isEqualTo(Api.class.getMethod("list"));
  }

  @Test
  void anOverloadIsResolvedByItsParameterTypes() throws Exception {
    assertThat(of("find", String.class, int.class).method()).isEqualTo(Api.class.getMethod("find", String.class,
        int.class));
    assertThat(of("find", String.class).method()).isEqualTo(Api.class.getMethod("find", String.class));
  }

  @Test
  void theMethodIsResolvedOnceAndAMissingOneIsNamed() {
    Operation list = of("list");
    assertThat(list.method()).isSameAs(list.method());
    assertThatThrownBy(() -> of("gone").method()).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("has no method gone");
  }

  @Test
  void itReadsAsTheHttpMethodAndTheTemplate() {
    assertThat(of("list")).hasToString("GET /crm/v8/Leads").isEqualTo(of("list"));
  }
}

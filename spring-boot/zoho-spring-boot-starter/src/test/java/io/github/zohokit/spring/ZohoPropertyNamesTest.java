package io.github.zohokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.ZohoConfigurationException.Setting;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.DataCenter;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * The property names: every property described in the generated metadata, every runtime setting mapped to a property,
 * the renamed properties still read under their old names (with a warning), and the documented environment variable
 * {@code ZOHO_TOKEN_STORE} (the token file) no longer taken for the store kind.
 */
@ExtendWith(OutputCaptureExtension.class)
class ZohoPropertyNamesTest {
  private static final String[] SELF_CLIENT = {"zoho.client-id=1000.SELFCLIENT", "zoho.client-secret=topsecret"};

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ZohoAutoConfiguration.class));

  @Test
  void everyPropertyInTheGeneratedMetadataHasADescription() throws Exception {
    JsonNode metadata;
    try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
      assertThat(in).as("the configuration processor's output").isNotNull();
      metadata = new ObjectMapper().readTree(in);
    }
    List<String> names = new ArrayList<>();
    List<String> undescribed = new ArrayList<>();
    for (JsonNode property : metadata.path("properties")) {
      String name = property.path("name").asText();
      names.add(name);
      if (property.path("description").asText("").isBlank()) {
        undescribed.add(name);
      }
      if (property.has("deprecation")) {
        assertThat(property.at("/deprecation/replacement").asText()).as(name).startsWith("zoho.");
      }
    }
    assertThat(undescribed).isEmpty();
    assertThat(names).contains("zoho.client-id", "zoho.api-base", "zoho.token-store-kind", "zoho.renewal-margin",
        "zoho.login.callback-path", "zoho.health.require-token", "zoho.client-credentials.soid",
        "zoho.api-url", "zoho.token-store", "zoho.refresh-margin");
  }

  @Test
  void everyRuntimeSettingHasAProperty() {
    assertThat(ZohoSettings.PROPERTIES).containsOnlyKeys(Setting.values());
    assertThat(ZohoSettings.PROPERTIES.get(Setting.API_BASE)).isEqualTo("zoho.api-base");
  }

  @Test
  void theOldNamesStillWorkWithAWarning(CapturedOutput output) {
    runner.withPropertyValues(SELF_CLIENT).withPropertyValues("zoho.token-store=memory",
        "zoho.api-url=http://127.0.0.1:9/crm", "zoho.refresh-margin=7m").run(context -> {
          assertThat(context).hasNotFailed();
          ZohoOAuth oauth = context.getBean(ZohoOAuth.class);
          assertThat(oauth.tokenStore().getClass().getSimpleName()).isEqualTo("InMemoryTokenStore");
          assertThat(oauth.endpoints().apiBase(DataCenter.US).toString()).isEqualTo("http://127.0.0.1:9/crm");
        });
    assertThat(output).contains("zoho.api-url is deprecated", "rename it to zoho.api-base",
        "zoho.token-store is deprecated", "rename it to zoho.token-store-kind",
        "zoho.refresh-margin is deprecated", "rename it to zoho.renewal-margin");
  }

  @Test
  void theNewNamesWinOverTheOldOnes(CapturedOutput output) {
    runner.withPropertyValues(SELF_CLIENT).withPropertyValues("zoho.token-store=file", "zoho.token-store-kind=memory",
        "zoho.api-url=http://127.0.0.1:9/old", "zoho.api-base=http://127.0.0.1:9/new").run(context -> {
          ZohoOAuth oauth = context.getBean(ZohoOAuth.class);
          assertThat(oauth.tokenStore().getClass().getSimpleName()).isEqualTo("InMemoryTokenStore");
          assertThat(oauth.endpoints().apiBase(DataCenter.US).toString()).isEqualTo("http://127.0.0.1:9/new");
        });
    assertThat(output).doesNotContain("is deprecated");
  }

  @Test
  void aRenamedPropertysErrorNamesTheNameTheApplicationUsed() {
    runner.withPropertyValues(SELF_CLIENT).withPropertyValues("zoho.token-store-kind=memory",
        "zoho.refresh-margin=-1m").run(context -> {
          assertThat(context).hasFailed();
          assertThat(context.getStartupFailure()).rootCause().isInstanceOf(ZohoPropertyException.class)
              .hasMessageContaining("zoho.refresh-margin is not accepted");
          Throwable root = context.getStartupFailure();
          while (root.getCause() != null) {
            root = root.getCause();
          }
          assertThat(root.getSuppressed())
              .hasOnlyElementsOfType(io.github.zohokit.ZohoConfigurationException.class);
        });
    runner.withPropertyValues(SELF_CLIENT).withPropertyValues("zoho.token-store-kind=memory",
        "zoho.renewal-margin=-1m").run(context ->
            assertThat(context.getStartupFailure()).rootCause()
                .hasMessageContaining("zoho.renewal-margin is not accepted"));
  }

  /**
   * Issue 26 item 7: the README's setup, with the token file in the environment variable the plugin and the runtime
   * read, started as Spring Boot starts an application (relaxed binding of the system environment included).
   */
  @Test
  void theTokenFileVariableOfThePluginDoesNotBreakStartUp(@TempDir Path dir) {
    Path tokens = dir.resolve("tokens.json");
    try (ConfigurableApplicationContext context = start(Map.of("ZOHO_TOKEN_STORE", tokens.toString(),
        "ZOHO_CLIENT_ID", "1000.SELFCLIENT", "ZOHO_CLIENT_SECRET", "topsecret"),
        "zoho.client-id=${ZOHO_CLIENT_ID}", "zoho.data-center=eu")) {
      ZohoOAuth oauth = context.getBean(ZohoOAuth.class);
      assertThat(oauth.clientId()).isEqualTo("1000.SELFCLIENT");
      assertThat(oauth.tokenStore()).hasToString("token file " + tokens);
    }
  }

  @Test
  void theVariableDoesNotHideAStoreKindSetUnderTheOldName(@TempDir Path dir) {
    try (ConfigurableApplicationContext context = start(Map.of("ZOHO_TOKEN_STORE", dir.resolve("t.json").toString(),
        "ZOHO_CLIENT_SECRET", "topsecret"), "zoho.client-id=1000.SELFCLIENT", "zoho.token-store=memory")) {
      assertThat(context.getBean(ZohoOAuth.class).tokenStore().getClass().getSimpleName())
          .isEqualTo("InMemoryTokenStore");
    }
  }

  /** Starts an application with {@code variables} as its system environment, as Spring Boot reads the real one. */
  private static ConfigurableApplicationContext start(Map<String, Object> variables, String... properties) {
    StandardEnvironment environment = new StandardEnvironment();
    environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
        new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
    return new SpringApplicationBuilder(App.class).environment(environment).web(WebApplicationType.NONE)
        .properties(properties).properties("spring.main.banner-mode=off", "management.health.zoho.enabled=false")
        .run();
  }

  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(ZohoAutoConfiguration.class)
  static class App {}
}

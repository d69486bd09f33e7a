package io.github.zohokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole Spring Boot web application with Spring Security and actuator, over real HTTP: Login with Zoho keys the
 * tokens by the signed-in principal, and zohokit's secrets are redacted in /actuator/env and /actuator/configprops
 * even with values shown, and never logged.
 */
@SpringBootTest(classes = ZohoOverHttpTest.App.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class ZohoOverHttpTest {
  private static final String REDIRECT_URI = "http://localhost:8080/zoho/callback";
  private static final String ENCRYPTION_KEY = "q83vEjRWeJq83vEjRWeJq83vEjRWeJq83vEjRWeJq80=";
  private static final String GRANT_TOKEN = "1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba98765432";
  private static final FakeZoho FAKE = FakeZoho.builder().dataCenters(DataCenter.US).start();
  private static final FakeClient CLIENT = FAKE.registerServerBasedClient(REDIRECT_URI);

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @DynamicPropertySource
  static void zoho(DynamicPropertyRegistry properties) {
    properties.add("zoho.client-type", () -> "server-based");
    properties.add("zoho.client-id", CLIENT::clientId);
    properties.add("zoho.client-secret", CLIENT::clientSecret);
    properties.add("zoho.redirect-uri", () -> REDIRECT_URI);
    properties.add("zoho.accounts-url", () -> FAKE.baseUrl(DataCenter.US));
    properties.add("zoho.api-url", () -> FAKE.baseUrl(DataCenter.US));
    // the environment variables of an application sharing the plugin's store (zoho.encryption-key=${ZOHO_TOKEN_KEY})
    properties.add("ZOHO_TOKEN_KEY", () -> ENCRYPTION_KEY);
    properties.add("ZOHO_GRANT_TOKEN", () -> GRANT_TOKEN);
    properties.add("zoho.encryption-key", () -> "${ZOHO_TOKEN_KEY}");
    properties.add("zoho.scopes", () -> "ZohoCRM.modules.leads.READ");
    properties.add("spring.datasource.url", () -> "jdbc:h2:mem:zoho-over-http;DB_CLOSE_DELAY=-1");
    properties.add("spring.security.user.name", () -> "alice");
    properties.add("spring.security.user.password", () -> "wonderland");
    properties.add("management.endpoints.web.exposure.include", () -> "health,env,configprops");
    properties.add("management.endpoint.env.show-values", () -> "always");
    properties.add("management.endpoint.configprops.show-values", () -> "always");
    properties.add("management.endpoint.health.show-details", () -> "always");
  }

  @AfterAll
  static void stopFake() {
    FAKE.close();
  }

  @LocalServerPort
  int port;

  @Autowired
  ZohoOAuth oauth;

  private final CookieManager cookies = new CookieManager();
  private final HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
      .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

  private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    String basic = Base64.getEncoder().encodeToString("alice:wonderland".getBytes(StandardCharsets.UTF_8));
    return browser.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(20)).header("Authorization", "Basic " + basic).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void withSpringSecurityTheTokensAreKeptUnderThePrincipalAndNoSecretIsLogged(CapturedOutput output)
      throws Exception {
    HttpResponse<String> login = get("/zoho/login");
    assertThat(login.statusCode()).isEqualTo(302);
    URI redirect = FakeConsent.answer(login.headers().firstValue("Location").orElseThrow(), true);
    HttpResponse<String> callback = get("/zoho/callback?" + redirect.getRawQuery());
    assertThat(callback.statusCode()).as(callback.body()).isEqualTo(302);
    assertThat(callback.headers().firstValue("Location").orElseThrow()).endsWith("/");

    ZohoToken token = oauth.storedToken("alice").orElseThrow();
    assertThat(oauth.tokenStore().keys()).extracting(k -> k.userKey()).containsExactly("alice");
    assertThat(output.getAll()).contains("stored the tokens of user alice")
        .doesNotContain(token.accessToken().reveal()).doesNotContain(token.refreshToken().reveal())
        .doesNotContain(CLIENT.clientSecret()).doesNotContain(ENCRYPTION_KEY);
  }

  @Test
  void theLoginEndpointsNeedASignedInUserUnderSpringSecurity() throws Exception {
    HttpResponse<String> anonymous = browser.send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/zoho/login")).timeout(Duration.ofSeconds(20)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
  }

  @Test
  void actuatorEnvAndConfigpropsRedactTheSecretsEvenWithValuesShown() throws Exception {
    for (String endpoint : new String[] {"/actuator/env", "/actuator/configprops"}) {
      HttpResponse<String> answer = get(endpoint);
      assertThat(answer.statusCode()).as(endpoint).isEqualTo(200);
      assertThat(answer.body()).as(endpoint)
          .contains(CLIENT.clientId())
          .doesNotContain(CLIENT.clientSecret())
          .doesNotContain(ENCRYPTION_KEY)
          .doesNotContain(GRANT_TOKEN)
          .contains("******");
    }
    assertThat(get("/actuator/env").body()).contains("ZOHO_TOKEN_KEY").contains("ZOHO_GRANT_TOKEN");
    assertThat(get("/actuator/env/zoho.client-secret").body()).doesNotContain(CLIENT.clientSecret());
    assertThat(get("/actuator/env/ZOHO_TOKEN_KEY").body()).doesNotContain(ENCRYPTION_KEY);
  }

  @Test
  void healthShowsZohoWithoutSecrets() throws Exception {
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.body()).contains("\"zoho\"").contains(CLIENT.clientId())
        .doesNotContain(CLIENT.clientSecret());
  }
}

package io.github.zohokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A whole application over real HTTP, started with its secrets on the command line: actuator's {@code env} and
 * {@code configprops}, with values shown, mask every value that contains a zohokit secret, whatever its key
 * ({@code sun.java.command}, a property built from the command line, a field of another properties bean), and
 * still show the other values.
 */
@SpringBootTest(classes = ZohoActuatorSecretValuesTest.App.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ZohoActuatorSecretValuesTest {
  private static final String CLIENT_SECRET = "f3a9c1e07b5d42a8e6c0b9d3f1a7e5c2b8d4f0a6e2";
  private static final String ENCRYPTION_KEY = "Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE=";
  private static final String COMMAND = System.getProperty("sun.java.command");

  static {
    // what the JVM reports for: java -jar app.jar --zoho.client-secret=... --zoho.encryption-key=...
    System.setProperty("sun.java.command", "app.jar --zoho.client-id=1000.ABCDEF --zoho.client-secret="
        + CLIENT_SECRET + " --zoho.encryption-key=" + ENCRYPTION_KEY);
  }

  @AfterAll
  static void restoreCommand() {
    if (COMMAND == null) {
      System.clearProperty("sun.java.command");
    } else {
      System.setProperty("sun.java.command", COMMAND);
    }
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry properties) {
    properties.add("zoho.client-id", () -> "1000.ABCDEF");
    properties.add("zoho.client-secret", () -> CLIENT_SECRET);
    properties.add("zoho.encryption-key", () -> ENCRYPTION_KEY);
    properties.add("zoho.token-store-kind", () -> "memory");
    properties.add("launch.note", () -> "restarted by ops with secret " + CLIENT_SECRET + " at 09:00");
    properties.add("launch.restore-command", () -> "zoho-restore --key=" + ENCRYPTION_KEY + " tokens.json");
    properties.add("launch.harmless", () -> "nothing to hide here");
    // a @ConfigurationProperties bean (ServerProperties) holding a secret under an innocent name
    properties.add("server.servlet.application-display-name", () -> "started with " + CLIENT_SECRET);
    properties.add("spring.security.user.name", () -> "ops");
    properties.add("spring.security.user.password", () -> "letmein");
    properties.add("management.endpoints.web.exposure.include", () -> "env,configprops");
    properties.add("management.endpoint.env.show-values", () -> "always");
    properties.add("management.endpoint.configprops.show-values", () -> "always");
  }

  @LocalServerPort
  int port;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private String get(String path) throws IOException, InterruptedException {
    String basic = Base64.getEncoder().encodeToString("ops:letmein".getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(20)).header("Authorization", "Basic " + basic).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(path).isEqualTo(200);
    return answer.body();
  }

  @Test
  void theCommandLineInSunJavaCommandIsMasked() throws Exception {
    String env = get("/actuator/env");
    assertThat(env).contains("sun.java.command").doesNotContain(CLIENT_SECRET).doesNotContain(ENCRYPTION_KEY)
        .doesNotContain("--zoho.client-secret=");
    assertThat(get("/actuator/env/sun.java.command")).doesNotContain(CLIENT_SECRET).contains("******");
  }

  @Test
  void anUnrelatedPropertyHoldingASecretIsMaskedAndTheOthersShown() throws Exception {
    String env = get("/actuator/env");
    assertThat(env).contains("launch.note").doesNotContain("restarted by ops")
        .contains("launch.restore-command").doesNotContain("zoho-restore")
        .contains("nothing to hide here").contains("1000.ABCDEF");
    assertThat(get("/actuator/env/launch.note")).doesNotContain(CLIENT_SECRET);
  }

  @Test
  void configpropsMasksASecretHeldUnderAnInnocentName() throws Exception {
    String configprops = get("/actuator/configprops");
    assertThat(configprops).contains("applicationDisplayName").doesNotContain(CLIENT_SECRET)
        .doesNotContain("started with").doesNotContain(ENCRYPTION_KEY).contains("1000.ABCDEF");
  }
}

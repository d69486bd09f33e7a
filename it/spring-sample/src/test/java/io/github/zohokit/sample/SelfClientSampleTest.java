package io.github.zohokit.sample;

import io.github.zohokit.token.TokenKey;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The sample as a self client started on a token file written the way {@code mvn zoho:bootstrap-token} writes it:
 * a grant code exchanged at the (fake) Zoho, the tokens saved with the runtime's file store under the client id and
 * the default user. (The plugin itself is not run here; its invoker ITs cover that it writes this file.) The
 * application's /actuator/health shows zoho UP and its leads page calls the generated client.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("self-client")
class SelfClientSampleTest {
  private static final FakeZoho FAKE = FakeZoho.builder().dataCenters(DataCenter.US).seedLeads(5).start();
  private static final FakeClient CLIENT = FAKE.registerSelfClient();
  private static final Path TOKEN_FILE = bootstrapToken();

  /** What bootstrap-token does: exchange the grant code, then save the token in the file store. */
  private static Path bootstrapToken() {
    try {
      Path file = Files.createTempDirectory("zoho-sample").resolve("tokens.json");
      ZohoOAuth exchanging = ZohoOAuth.selfClient(CLIENT.clientId(), CLIENT.clientSecret())
          .endpoints(FAKE.endpoints()).tokenStore(TokenStores.inMemory()).build();
      ZohoToken token = exchanging.selfClientFlow()
          .exchangeGrantToken(FAKE.generateGrantCode(CLIENT, List.of("ZohoCRM.modules.leads.READ")));
      TokenStores.file(file).save(new TokenKey(exchanging.clientId(), "default"), token);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @DynamicPropertySource
  static void zoho(DynamicPropertyRegistry properties) {
    properties.add("zoho.client-id", CLIENT::clientId);
    properties.add("ZOHO_CLIENT_SECRET", CLIENT::clientSecret);
    properties.add("ZOHO_TOKEN_STORE", TOKEN_FILE::toString);
    properties.add("zoho.accounts-url", () -> FAKE.baseUrl(DataCenter.US));
    properties.add("zoho.api-url", () -> FAKE.baseUrl(DataCenter.US));
  }

  @AfterAll
  static void stopFake() {
    FAKE.close();
  }

  @LocalServerPort int port;
  @Autowired ZohoOAuth oauth;
  @Autowired LeadsApi leads;

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void healthShowsZohoUpOnTheBootstrappedTokenFile() throws Exception {
    HttpResponse<String> health = get("/actuator/health");
    assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
    com.fasterxml.jackson.databind.JsonNode zoho = new com.fasterxml.jackson.databind.ObjectMapper()
        .readTree(health.body()).at("/components/zoho");
    assertThat(zoho.path("status").asText()).isEqualTo("UP");
    assertThat(zoho.at("/details/clientType").asText()).isEqualTo("self client");
    assertThat(zoho.at("/details/tokenStore").asText()).contains(TOKEN_FILE.toString());
    assertThat(health.body()).doesNotContain(CLIENT.clientSecret());
    assertThat(oauth.tokenStore().getClass().getSimpleName()).isEqualTo("FileTokenStore");
  }

  @Test
  void theLeadsPageAndTheClientBeanCallZohoWithTheStoredToken() throws Exception {
    assertThat(leads.page(List.of("Last_Name"), 10).data()).hasSize(5);
    HttpResponse<String> page = get("/leads");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body().split("class=\"lead\"", -1)).hasSize(6);
    assertThat(FAKE.count("token:authorization_code")).isEqualTo(1);
  }
}

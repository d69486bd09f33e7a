package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.v8.OrgApi;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Fault injection, the request log and counters, the JSON control API and the standalone server. */
class FaultsAndControlTest {
  @RegisterExtension
  final FakeZohoExtension zoho = FakeZohoExtension.perTest();

  private static final ObjectMapper JSON = new ObjectMapper();
  private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();

  private ZohoOAuth self(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    return AccountsTokenEndpointTest.oauth(fake, client).build();
  }

  @Test
  void tokenFaultsBecomeClearErrors(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    // without OkHttp's silent retry on connection failures, so that one dropped connection is seen
    ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client)
        .httpClient(new OkHttpClient.Builder().retryOnConnectionFailure(false).build()).build();
    fake.failNext(Fault.Target.TOKEN, 1, Fault.nonJson());
    fake.failNext(Fault.Target.TOKEN, 1, Fault.serverError());
    fake.failNext(Fault.Target.TOKEN, 1, Fault.dropConnection());
    String code = fake.generateGrantCode(client, List.of("ZohoCRM.org.READ"));

    assertThatThrownBy(() -> oauth.selfClientFlow().exchangeGrantToken(code))
        .isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("HTTP 502").hasMessageContaining("not JSON (text/html");
    assertThatThrownBy(() -> oauth.selfClientFlow().exchangeGrantToken(code)).hasMessageContaining("HTTP 500");
    assertThatThrownBy(() -> oauth.selfClientFlow().exchangeGrantToken(code)).isInstanceOf(ZohoException.class)
        .hasMessageContaining("could not reach Zoho Accounts");
    assertThat(oauth.selfClientFlow().exchangeGrantToken(code).hasRefreshToken()).isTrue();
    assertThat(fake.counters()).containsEntry("fault:non_json", 1).containsEntry("fault:server_error", 1)
        .containsEntry("fault:drop_connection", 1).containsEntry("token:authorization_code", 1);
  }

  @Test
  void apiFaultsAndDelays(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.org.READ")));
    OrgApi org = Zoho.connect(oauth).client(OrgApi.class);
    fake.failNext(Fault.Target.API, 1, Fault.serverError());
    fake.failNext(Fault.Target.API, 1, Fault.delay(Duration.ofMillis(300)));
    assertThatThrownBy(org::get).isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("HTTP 500 INTERNAL_ERROR");
    long start = System.nanoTime();
    assertThat(org.get().id()).isEqualTo(fake.orgId(DataCenter.US));
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void theRequestLogRecordsEveryCall(FakeZoho fake) {
    ZohoOAuth oauth = self(fake);
    assertThatThrownBy(() -> oauth.selfClientFlow().exchangeGrantToken("1000.nope"));
    RecordedCall call = fake.requests().get(0);
    assertThat(call.dataCenter()).isEqualTo(DataCenter.US);
    assertThat(call.method()).isEqualTo("POST");
    assertThat(call.path()).isEqualTo("/oauth/v2/token");
    assertThat(call.params()).containsEntry("grant_type", "authorization_code").containsEntry("code", "1000.nope");
  }

  @Test
  void theControlApiDoesWhatTheJavaApiDoes(FakeZoho fake) throws Exception {
    String control = fake.controlUrl();
    JsonNode info = get(control);
    assertThat(info.path("data_centers").path("eu").asText()).isEqualTo(fake.baseUrl(DataCenter.EU));
    JsonNode client = post(control + "/clients", "{\"type\":\"SELF_CLIENT\",\"name\":\"CI\"}");
    JsonNode code = post(control + "/grant-codes", "{\"client_id\":\"" + client.path("client_id").asText()
        + "\",\"scopes\":[\"ZohoCRM.org.READ\"]}");
    ZohoOAuth oauth = ZohoOAuth.selfClient(client.path("client_id").asText(), client.path("client_secret").asText())
        .endpoints(fake.endpoints()).tokenStore(io.github.zohokit.store.TokenStores.inMemory()).build();
    oauth.selfClientFlow().exchangeGrantToken(code.path("code").asText());
    assertThat(get(control + "/counters").path("token:authorization_code").asInt()).isEqualTo(1);
    assertThat(post(control + "/tokens/expire", "{}").path("expired").asInt()).isEqualTo(1);
    assertThat(post(control + "/records", "{\"module\":\"Deals\",\"count\":3}").path("ids")).hasSize(3);
    assertThat(fake.records(DataCenter.US, "Deals")).hasSize(3);
    assertThat(post(control + "/nope", "{}").path("error").asText()).contains("no control endpoint");
  }

  @Test
  void theStandaloneServerPrintsItsAddressesWithTheSecretRedactedAndServesTheControlApi(@org.junit.jupiter.api.io.TempDir Path dir)
      throws Exception {
    Path ready = dir.resolve("ready.json");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), FakeZohoMain.class.getName(), "--port", "0", "--self-client",
        "--data-centers", "us,in", "--ready-file", ready.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    try {
      String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))
          .readLine();
      JsonNode printed = JSON.readTree(line);
      JsonNode info = JSON.readTree(java.nio.file.Files.readString(ready));
      assertThat(printed.path("data_centers").path("in").asText()).startsWith("http://");
      assertThat(printed.path("control")).isEqualTo(info.path("control"));
      JsonNode selfClient = info.path("self_client");
      String secret = selfClient.path("client_secret").asText();
      assertThat(secret).hasSizeGreaterThan(20);
      assertThat(line).doesNotContain(secret).contains(Secret.redact(secret));
      if (ready.getFileSystem().supportedFileAttributeViews().contains("posix")) {
        assertThat(java.nio.file.Files.getPosixFilePermissions(ready))
            .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      }
      JsonNode code = post(info.path("control").asText() + "/grant-codes", "{\"client_id\":\""
          + selfClient.path("client_id").asText() + "\",\"scopes\":\"ZohoCRM.org.READ\"}");
      assertThat(code.path("code").asText()).startsWith("1000.");
    } finally {
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }

  private JsonNode get(String url) throws Exception {
    try (Response response = http.newCall(new Request.Builder().url(url).build()).execute()) {
      return JSON.readTree(response.body().string());
    }
  }

  private JsonNode post(String url, String json) throws Exception {
    try (Response response = http.newCall(new Request.Builder().url(url)
        .post(RequestBody.create(json, MediaType.get("application/json"))).build()).execute()) {
      return JSON.readTree(response.body().string());
    }
  }
}

package io.github.zohokit.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's "Keeping another system in step", followed as written: its {@code sync-run} command (the example's
 * jar, built by this module's package phase) runs in a shell, in a directory that looks like the repository's
 * ({@code examples/sync/target/zoho-sync-example.jar}), against the standalone fake Zoho (FakeZohoMain in its own
 * process; its URL replaces the README's {@code http://127.0.0.1:8085}) and an H2 file, with the token store
 * {@code zoho:bootstrap-token} would have written. Run once: a full load; again: nothing to do, 2 requests; after
 * new and deleted records: exactly those.
 */
class ReadmeSyncIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String README_FAKE_URL = "http://127.0.0.1:8085";
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir
  static Path dir;
  static Process fake;
  static JsonNode ready;
  static String command;

  @BeforeAll
  static void startTheFakeAndGetAToken() throws Exception {
    command = readmeBlock("sync-run");
    assertThat(command).contains("examples/sync/target/zoho-sync-example.jar", README_FAKE_URL);

    Path readyFile = dir.resolve("fake.json");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    fake = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        "io.github.zohokit.testkit.FakeZohoMain", "--port", "0", "--self-client", "--seed-leads", "10",
        "--ready-file", readyFile.toString())
        .redirectErrorStream(true).redirectOutput(dir.resolve("fake.log").toFile()).start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (!Files.isRegularFile(readyFile) && fake.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(readyFile).as("the fake did not start: " + Files.readString(dir.resolve("fake.log"))).exists();
    ready = JSON.readTree(readyFile.toFile());

    // what mvn zoho:bootstrap-token stores (quick start step 4): the self client's token for the Leads READ scope
    JsonNode client = ready.get("self_client");
    ZohoOAuth oauth = ZohoOAuth.selfClient(client.get("client_id").asText(), client.get("client_secret").asText())
        .endpoints(endpoints()).tokenStore(TokenStores.file(dir.resolve("tokens.json"))).build();
    oauth.selfClientFlow().exchangeGrantToken(grantCode("ZohoCRM.modules.leads.READ"));

    // the repository's layout, as the README's command expects it
    Path jar = Path.of("target", "zoho-sync-example.jar").toAbsolutePath();
    assertThat(jar).as("the package phase builds the example's jar").exists();
    Path copy = dir.resolve("examples/sync/target/zoho-sync-example.jar");
    Files.createDirectories(copy.getParent());
    Files.createSymbolicLink(copy, jar);
  }

  @AfterAll
  static void stopTheFake() throws Exception {
    if (fake != null) {
      fake.destroy();
      fake.waitFor(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void theFirstRunLoadsTheModuleAndTheSecondFindsNothingToDoInTwoRequests() throws Exception {
    Run first = runTheReadmeCommand();
    assertThat(first.out()).containsPattern("(?m)^Leads: full load, records read 10, upserted 10, deleted 0, "
        + "requests \\d+, credits \\d+$").contains("  table zoho_leads: 10 rows");
    assertThat(tableIds()).hasSize(10);

    post("/counters/reset", "");
    Run second = runTheReadmeCommand();
    assertThat(second.out()).containsPattern("(?m)^Leads: incremental, records read \\d+, upserted 0, deleted 0, "
        + "requests 2, credits 2$").contains("  table zoho_leads: 10 rows");
    JsonNode counters = JSON.readTree(get("/counters"));
    assertThat(counters.path("crm:GET /crm/v8/Leads").asInt()).isEqualTo(1);
    assertThat(counters.path("crm:GET /crm/v8/Leads/deleted").asInt()).isEqualTo(1);

    // then 3 new leads and 2 deleted ones: the third run copies exactly that
    Thread.sleep(1100);                               // Zoho's Modified_Time has whole seconds
    JsonNode added = JSON.readTree(post("/records", "{\"module\": \"Leads\", \"count\": 3}"));
    List<String> ids = new ArrayList<>(tableIds());
    deleteInZoho(ids.subList(0, 2));
    Run third = runTheReadmeCommand();
    assertThat(third.out()).containsPattern("(?m)^Leads: incremental, records read \\d+, upserted 3, deleted 2, ")
        .contains("  table zoho_leads: 11 rows");
    assertThat(tableIds()).doesNotContain(ids.get(0), ids.get(1)).hasSize(11);
    List<String> addedIds = new ArrayList<>();
    added.findValues("ids").forEach(a -> a.forEach(id -> addedIds.add(id.asText())));
    assertThat(addedIds).hasSize(3);
    assertThat(tableIds()).containsAll(addedIds);

    JsonNode client = ready.get("self_client");
    for (Run run : List.of(first, second, third)) {
      assertThat(run.out() + run.err()).doesNotContain(client.get("client_secret").asText());
      System.out.println("README sync command printed:\n" + run.out());
    }
  }

  /** The README's command, in a shell, from the directory that looks like the repository. */
  static Run runTheReadmeCommand() throws Exception {
    ProcessBuilder shell = new ProcessBuilder("bash", "-euc", command.replace(README_FAKE_URL,
        ready.get("url").asText().replaceAll("/$", ""))).directory(dir.toFile());
    JsonNode client = ready.get("self_client");
    shell.environment().put("ZOHO_CLIENT_ID", client.get("client_id").asText());
    shell.environment().put("ZOHO_CLIENT_SECRET", client.get("client_secret").asText());
    shell.environment().put("ZOHO_TOKEN_STORE", dir.resolve("tokens.json").toString());
    shell.environment().put("PATH", Path.of(System.getProperty("java.home"), "bin") + ":"
        + shell.environment().get("PATH"));
    Path out = dir.resolve("run.out");
    Path err = dir.resolve("run.err");
    Process run = shell.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(run.waitFor(120, TimeUnit.SECONDS)).as("the README's command did not finish in 2 minutes").isTrue();
    Run result = new Run(Files.readString(out), Files.readString(err));
    assertThat(run.exitValue()).as("exit status; printed:\n" + result.out() + result.err()).isZero();
    return result;
  }

  record Run(String out, String err) {}

  /** The shell block marked {@code <!-- readme-it: NAME -->} in the README's sync section. */
  static String readmeBlock(String name) throws IOException {
    String readme = Files.readString(Path.of("../../README.md")).replace("\r\n", "\n");
    int start = readme.indexOf("\n## Keeping another system in step\n");
    assertThat(start).as("README.md has no section \"Keeping another system in step\"").isNotNegative();
    int end = readme.indexOf("\n## ", start + 1);
    String section = readme.substring(start, end < 0 ? readme.length() : end);
    Matcher block = Pattern.compile("(?ms)^<!-- readme-it: " + Pattern.quote(name) + " -->\n```sh\n(.*?)^```$")
        .matcher(section);
    assertThat(block.find()).as("the section has no sh block marked <!-- readme-it: " + name + " -->").isTrue();
    return block.group(1);
  }

  static List<String> tableIds() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:h2:" + dir.resolve("crm-copy"));
        Statement s = c.createStatement(); ResultSet rows = s.executeQuery("SELECT id FROM zoho_leads ORDER BY id")) {
      while (rows.next()) {
        ids.add(rows.getString(1));
      }
    }
    return ids;
  }

  static ZohoEndpoints endpoints() {
    String url = ready.get("url").asText();
    return ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, url).withApiBase(DataCenter.US, url);
  }

  static String grantCode(String scope) throws Exception {
    String body = "{\"client_id\": \"" + ready.get("self_client").get("client_id").asText() + "\", \"scopes\": [\""
        + scope + "\"]}";
    return JSON.readTree(post("/grant-codes", body)).get("code").asText();
  }

  /** Deletes records behind the example's back, as another Zoho user would (a token of its own). */
  static void deleteInZoho(List<String> ids) throws Exception {
    JsonNode client = ready.get("self_client");
    ZohoOAuth admin = ZohoOAuth.selfClient(client.get("client_id").asText(), client.get("client_secret").asText())
        .endpoints(endpoints()).tokenStore(TokenStores.inMemory()).build();
    admin.selfClientFlow().exchangeGrantToken(grantCode("ZohoCRM.modules.leads.ALL"));
    String url = ready.get("url").asText().replaceAll("/$", "") + "/crm/v8/Leads?ids=" + String.join(",", ids);
    try (Response response = Zoho.connect(admin).httpClient().newCall(new Request.Builder().url(url).delete().build())
        .execute()) {
      assertThat(response.code()).as(response.body().string()).isEqualTo(200);
    }
  }

  static String get(String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(ready.get("control").asText() + path))
        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  static String post(String path, String body) throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(ready.get("control").asText() + path))
        .header("Content-Type", "application/json").timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
    return response.body();
  }
}

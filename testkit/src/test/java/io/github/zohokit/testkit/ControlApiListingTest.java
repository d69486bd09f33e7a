package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The standalone fake's control API is found where a user looks (issue 26 item 14): {@code --help} lists it with the
 * options, and {@code GET /_fake} answers with it, as JSON or as plain text to a browser.
 */
class ControlApiListingTest {
  @RegisterExtension
  static final FakeZohoExtension ZOHO = FakeZohoExtension.perClass();

  private static final ObjectMapper JSON = new ObjectMapper();
  /** The endpoints a standalone user needs, each named in the issue. */
  private static final List<String> NEEDED = List.of("POST /_fake/records", "POST /_fake/grant-codes",
      "POST /_fake/tokens/expire", "POST /_fake/faults", "POST /_fake/clients", "POST /_fake/shutdown");

  private final OkHttpClient http = new OkHttpClient.Builder().callTimeout(Duration.ofSeconds(20)).build();

  @Test
  void helpListsTheOptionsAndEveryControlEndpoint() throws Exception {
    String help = run("--help");

    assertThat(help).contains("--port N", "--self-client", "--seed-leads N", "--ready-file PATH",
        "--data-centers us,eu", "--device-slow-down-ms N", "--device-interval-ms N");
    assertThat(normalized(help)).contains(NEEDED);
    for (ControlEndpoints.Route route : ControlEndpoints.ROUTES) {
      assertThat(normalized(help)).contains(route.key(), route.does());
    }
    assertThat(help).contains("{\"client_id\": \"1000...\", \"scopes\": [\"ZohoCRM.modules.ALL\"]");
  }

  @Test
  void getFakeListsEveryControlEndpointAsJson(FakeZoho fake) throws Exception {
    JsonNode info = JSON.readTree(get(fake.controlUrl(), null));

    assertThat(info.path("data_centers").path("us").asText()).isEqualTo(fake.baseUrl(io.github.zohokit.token.DataCenter.US));
    List<String> listed = new ArrayList<>();
    info.path("endpoints").forEach(e -> listed.add(e.path("method").asText() + " " + e.path("path").asText()));
    assertThat(listed).containsAll(NEEDED).hasSize(ControlEndpoints.ROUTES.size());
    JsonNode seed = info.path("endpoints").get(listed.indexOf("POST /_fake/records"));
    assertThat(JSON.readTree(seed.path("body").asText()).path("module").asText()).isEqualTo("Leads");
    assertThat(seed.path("does").asText()).contains("seeds records");
  }

  @Test
  void getFakeAnswersABrowserWithThePlainListing(FakeZoho fake) throws Exception {
    String page = get(fake.controlUrl(), "text/html,application/xhtml+xml,*/*;q=0.8");

    assertThat(page).startsWith("Control API of the fake Zoho").contains(fake.controlUrl());
    assertThat(normalized(page)).contains(NEEDED);
    assertThat(get(fake.controlUrl(), "text/plain")).isEqualTo(page);
    // Java's HttpURLConnection sends "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2": JSON for it
    assertThat(JSON.readTree(get(fake.controlUrl(), "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2"))
        .has("endpoints")).isTrue();
  }

  @Test
  void anUnknownControlPathPointsAtTheListing(FakeZoho fake) throws Exception {
    assertThat(get(fake.controlUrl() + "/nope", null)).contains("no control endpoint GET /_fake/nope")
        .contains("GET /_fake lists them");
  }

  /** The method and path of a listing line with the padding collapsed: "GET  /_fake" is "GET /_fake". */
  private static String normalized(String listing) {
    return listing.replaceAll("(?m)^(\\s*)(GET|POST)\\s+(/_fake\\S*)", "$1$2 $3").replaceAll("[ ]{2,}", " ");
  }

  private static String run(String... args) throws Exception {
    PrintStream original = System.out;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    try {
      FakeZohoMain.main(args);
    } finally {
      System.setOut(original);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private String get(String url, String accept) throws Exception {
    Request.Builder request = new Request.Builder().url(url);
    if (accept != null) {
      request.header("Accept", accept);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      return response.body().string();
    }
  }
}

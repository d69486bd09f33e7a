package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fake's JSON control API under {@code /_fake}, for tests that run it standalone (Maven ITs, other languages).
 * {@link #ROUTES} is the one list of its endpoints: requests are dispatched through it, and it is what
 * {@code --help} prints, {@code GET /_fake} answers (as {@code "endpoints"} in its JSON, or as plain text to a browser
 * or a client that asks for {@code text/plain}) and the README shows. Bodies are JSON
 * whatever the {@code Content-Type} (so {@code curl -d '{...}'} works).
 */
final class ControlEndpoints {
  /** What a route does with a request's JSON body (an empty object when none). */
  @FunctionalInterface
  interface Action {
    void answer(ControlEndpoints control, JsonNode body, Http http) throws IOException;
  }

  /**
   * One control endpoint.
   *
   * @param method the HTTP method
   * @param path the path, from {@code /_fake}
   * @param body an example JSON body, empty when it takes none
   * @param does what it does and answers
   * @param action what it does
   */
  record Route(String method, String path, String body, String does, Action action) {
    String key() {
      return method + " " + path;
    }

    /** One line: method, path, body; then what it does, indented. */
    String describe() {
      String head = String.format(Locale.ROOT, "%-4s %-24s %s", method, path, body).stripTrailing();
      return head + "\n" + " ".repeat(30) + does;
    }
  }

  static final List<Route> ROUTES = List.of(
      new Route("GET", "/_fake", "", "this listing, the fake's URL and the URL of every data centre it serves",
          ControlEndpoints::describe),
      new Route("POST", "/_fake/clients",
          "{\"type\": \"SELF_CLIENT\", \"name\": \"App\", \"redirect_uris\": [], \"javascript_domains\": []}",
          "registers a client (SELF_CLIENT, SERVER_BASED, CLIENT_BASED, NON_BROWSER, MOBILE): its client_id and "
              + "client_secret", ControlEndpoints::registerClient),
      new Route("POST", "/_fake/grant-codes",
          "{\"client_id\": \"1000...\", \"scopes\": [\"ZohoCRM.modules.ALL\"], \"lifetime_seconds\": 180, "
              + "\"user\": \"email (optional)\"}",
          "mints a grant code, as the API Console's Self Client tab does: {\"code\": \"1000....\"}",
          ControlEndpoints::grantCode),
      new Route("POST", "/_fake/users", "{\"email\": \"ada@example.com\", \"name\": \"Ada\", \"data_center\": \"eu\"}",
          "adds a user (who can log in and approve devices): its zuid", ControlEndpoints::addUser),
      new Route("POST", "/_fake/records", "{\"module\": \"Leads\", \"count\": 10, \"data_center\": \"us\"}",
          "seeds records into a module: their ids", ControlEndpoints::seedRecords),
      new Route("POST", "/_fake/device/approve", "{\"user_code\": \"...\", \"user\": \"email (optional)\"}",
          "approves a device-flow code, as the user at the verification URL would", ControlEndpoints::approveDevice),
      new Route("POST", "/_fake/device/deny", "{\"user_code\": \"...\"}", "denies a device-flow code",
          ControlEndpoints::denyDevice),
      new Route("POST", "/_fake/tokens/expire", "",
          "expires every access token (the next call gets 401 INVALID_TOKEN): how many", ControlEndpoints::expireTokens),
      new Route("POST", "/_fake/clock/advance", "{\"seconds\": 600}",
          "moves the fake's clock (token and grant-code lifetimes, rate limits)", ControlEndpoints::advanceClock),
      new Route("POST", "/_fake/faults",
          "{\"target\": \"TOKEN|DEVICE|API\", \"kind\": \"server_error|delay|drop|non_json|throttle\", \"times\": 1, "
              + "\"delay_ms\": 0}",
          "makes the next requests to the target fail that way", ControlEndpoints::fault),
      new Route("GET", "/_fake/counters", "", "requests counted by kind (token:refresh_token, crm:GET /crm/v8/Leads, fault:server_error, ...)",
          ControlEndpoints::counters),
      new Route("POST", "/_fake/counters/reset", "", "clears the counters and the request log",
          ControlEndpoints::resetCounters),
      new Route("GET", "/_fake/requests", "", "the request log: data centre, method, path and parameters of each",
          ControlEndpoints::requests),
      new Route("POST", "/_fake/shutdown", "", "stops the fake (after answering)", ControlEndpoints::shutdown));

  private final FakeZoho fake;

  ControlEndpoints(FakeZoho fake) {
    this.fake = fake;
  }

  /** The control API as text: what {@code --help} prints and {@code GET /_fake} answers to a browser. */
  static String listing(String base) {
    StringBuilder text = new StringBuilder("Control API of the fake Zoho (JSON bodies and answers), at ")
        .append(base).append(":\n");
    for (Route route : ROUTES) {
      text.append("  ").append(route.describe().replace("\n", "\n  ")).append('\n');
    }
    return text.toString();
  }

  void handle(Http http) throws IOException {
    String route = http.method + " " + http.path;
    Route match = ROUTES.stream().filter(r -> r.key().equals(route)).findFirst().orElse(null);
    try {
      if (match == null) {
        http.json(404, Http.JSON.createObjectNode().put("error", "no control endpoint " + route
            + "; GET /_fake lists them"));
        return;
      }
      JsonNode body = http.method.equals("POST") && http.body.length > 0 ? http.jsonBody()
          : Http.JSON.createObjectNode();
      match.action().answer(this, body, http);
    } catch (IllegalArgumentException | IllegalStateException e) {
      http.json(400, Http.JSON.createObjectNode().put("error", e.getMessage()));
    }
  }

  private void describe(JsonNode body, Http http) throws IOException {
    // text for whoever asks for it and for browsers (they accept XHTML); not for Java's default Accept, which names
    // text/html first but is no browser
    String accept = http.header("Accept");
    boolean text = accept != null && !accept.contains("json") && (accept.contains("text/plain")
        || accept.contains("application/xhtml+xml"));
    if (text) {
      http.text(200, "text/plain;charset=UTF-8", listing(fake.controlUrl()));
      return;
    }
    ObjectNode info = Http.JSON.valueToTree(FakeZoho.describe(fake));
    ArrayNode endpoints = info.putArray("endpoints");
    for (Route route : ROUTES) {
      endpoints.addObject().put("method", route.method()).put("path", route.path()).put("body", route.body())
          .put("does", route.does());
    }
    http.json(200, info);
  }

  private void registerClient(JsonNode body, Http http) throws IOException {
    http.json(200, client(fake.registerClient(
        ClientType.valueOf(body.path("type").asText("SELF_CLIENT").toUpperCase(Locale.ROOT)),
        body.path("name").asText("App"), strings(body.path("redirect_uris")),
        strings(body.path("javascript_domains")))));
  }

  private void grantCode(JsonNode body, Http http) throws IOException {
    FakeClient client = requireClient(body.path("client_id").asText(null));
    Duration lifetime = body.has("lifetime_seconds") ? Duration.ofSeconds(body.get("lifetime_seconds").asLong())
        : null;
    FakeUser user = body.has("user") ? fake.accounts().user(body.get("user").asText()) : fake.defaultUser();
    List<String> scopes = body.path("scopes").isArray() ? strings(body.path("scopes"))
        : List.of(body.path("scopes").asText());
    http.json(200, Http.JSON.createObjectNode().put("code", fake.generateGrantCode(client, scopes, lifetime, user)));
  }

  private void addUser(JsonNode body, Http http) throws IOException {
    FakeUser user = fake.addUser(body.path("email").asText(), body.path("name").asText("User"),
        DataCenter.parse(body.path("data_center").asText(fake.homeDataCenter().location())));
    http.json(200, Http.JSON.createObjectNode().put("zuid", user.zuid()).put("email", user.email()));
  }

  private void seedRecords(JsonNode body, Http http) throws IOException {
    DataCenter dc = DataCenter.parse(body.path("data_center").asText(fake.homeDataCenter().location()));
    List<String> ids = fake.seedRecords(dc, body.path("module").asText("Leads"), body.path("count").asInt(1));
    http.json(200, Http.JSON.createObjectNode().set("ids", Http.JSON.valueToTree(ids)));
  }

  private void approveDevice(JsonNode body, Http http) throws IOException {
    FakeUser user = body.has("user") ? fake.accounts().user(body.get("user").asText()) : fake.defaultUser();
    fake.approveDevice(body.path("user_code").asText(), user);
    http.json(200, Http.JSON.createObjectNode().put("status", "approved"));
  }

  private void denyDevice(JsonNode body, Http http) throws IOException {
    fake.denyDevice(body.path("user_code").asText());
    http.json(200, Http.JSON.createObjectNode().put("status", "denied"));
  }

  private void expireTokens(JsonNode body, Http http) throws IOException {
    http.json(200, Http.JSON.createObjectNode().put("expired", fake.expireAccessTokens()));
  }

  private void advanceClock(JsonNode body, Http http) throws IOException {
    fake.advanceClock(Duration.ofSeconds(body.path("seconds").asLong()));
    http.json(200, Http.JSON.createObjectNode().put("status", "ok"));
  }

  private void fault(JsonNode body, Http http) throws IOException {
    fake.failNext(Fault.Target.valueOf(body.path("target").asText("TOKEN").toUpperCase(Locale.ROOT)),
        body.path("times").asInt(1), fault(body));
    http.json(200, Http.JSON.createObjectNode().put("status", "ok"));
  }

  private void counters(JsonNode body, Http http) throws IOException {
    http.json(200, fake.counters());
  }

  private void resetCounters(JsonNode body, Http http) throws IOException {
    fake.resetObservations();
    http.json(200, Http.JSON.createObjectNode().put("status", "ok"));
  }

  private void requests(JsonNode body, Http http) throws IOException {
    ArrayNode calls = Http.JSON.createArrayNode();
    for (RecordedCall call : fake.requests()) {
      ObjectNode c = calls.addObject().put("data_center", call.dataCenter().location())
          .put("method", call.method()).put("path", call.path());
      c.set("params", Http.JSON.valueToTree(call.params()));
    }
    http.json(200, calls);
  }

  private void shutdown(JsonNode body, Http http) throws IOException {
    http.json(200, Http.JSON.createObjectNode().put("status", "stopping"));
    Thread stopper = new Thread(fake::close, "fake-zoho-shutdown");
    stopper.setDaemon(true);
    stopper.start();
  }

  private FakeClient requireClient(String clientId) {
    FakeClient client = fake.client(clientId);
    if (client == null) {
      throw new IllegalArgumentException("no client " + clientId);
    }
    return client;
  }

  private static Fault fault(JsonNode body) {
    switch (body.path("kind").asText("server_error")) {
      case "delay":
        return Fault.delay(Duration.ofMillis(body.path("delay_ms").asLong()));
      case "drop":
        return Fault.dropConnection();
      case "non_json":
        return Fault.nonJson();
      case "throttle":
        return Fault.throttle();
      default:
        return Fault.serverError();
    }
  }

  static ObjectNode client(FakeClient client) {
    ObjectNode node = Http.JSON.createObjectNode().put("client_id", client.clientId())
        .put("client_secret", client.clientSecret()).put("type", client.type().name()).put("name", client.name());
    node.set("redirect_uris", Http.JSON.valueToTree(client.redirectUris()));
    node.set("javascript_domains", Http.JSON.valueToTree(client.javascriptDomains()));
    return node;
  }

  private static List<String> strings(JsonNode array) {
    List<String> values = new ArrayList<>();
    array.forEach(v -> values.add(v.asText()));
    return values;
  }
}

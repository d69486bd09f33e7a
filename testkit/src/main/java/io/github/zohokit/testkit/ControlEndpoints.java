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
 * The fake's JSON control API under {@code /_fake}, for tests that run it standalone (Maven ITs, other languages):
 *
 * <pre>
 * GET  /_fake                     the URLs of every data centre
 * POST /_fake/clients             {"type": "SELF_CLIENT", "redirect_uris": [...], "javascript_domains": [...]}
 * POST /_fake/grant-codes         {"client_id": "...", "scopes": ["ZohoCRM.modules.ALL"], "lifetime_seconds": 180}
 * POST /_fake/users               {"email": "...", "name": "...", "data_center": "eu"}
 * POST /_fake/device/approve      {"user_code": "...", "user": "email (optional)"}
 * POST /_fake/device/deny         {"user_code": "..."}
 * POST /_fake/tokens/expire       expires every access token
 * POST /_fake/clock/advance       {"seconds": 600}
 * POST /_fake/faults              {"target": "TOKEN|DEVICE|API", "kind": "server_error|delay|drop|non_json|throttle",
 *                                  "times": 1, "delay_ms": 0}
 * GET  /_fake/counters            request counters; POST /_fake/counters/reset clears them and the log
 * GET  /_fake/requests            the request log
 * POST /_fake/records             {"data_center": "us", "module": "Leads", "count": 10}
 * POST /_fake/shutdown            stops the fake (after answering)
 * </pre>
 */
final class ControlEndpoints {
  private final FakeZoho fake;

  ControlEndpoints(FakeZoho fake) {
    this.fake = fake;
  }

  void handle(Http http) throws IOException {
    JsonNode body = http.method.equals("POST") && http.body.length > 0 ? http.jsonBody() : Http.JSON.createObjectNode();
    String route = http.method + " " + http.path;
    try {
      switch (route) {
        case "GET /_fake":
          http.json(200, FakeZoho.describe(fake));
          return;
        case "POST /_fake/clients":
          http.json(200, client(fake.registerClient(
              ClientType.valueOf(body.path("type").asText("SELF_CLIENT").toUpperCase(Locale.ROOT)),
              body.path("name").asText("App"), strings(body.path("redirect_uris")),
              strings(body.path("javascript_domains")))));
          return;
        case "POST /_fake/grant-codes": {
          FakeClient client = requireClient(body.path("client_id").asText(null));
          Duration lifetime = body.has("lifetime_seconds") ? Duration.ofSeconds(body.get("lifetime_seconds").asLong())
              : null;
          FakeUser user = body.has("user") ? fake.accounts().user(body.get("user").asText()) : fake.defaultUser();
          List<String> scopes = body.path("scopes").isArray() ? strings(body.path("scopes"))
              : List.of(body.path("scopes").asText());
          http.json(200, Http.JSON.createObjectNode().put("code",
              fake.generateGrantCode(client, scopes, lifetime, user)));
          return;
        }
        case "POST /_fake/users": {
          FakeUser user = fake.addUser(body.path("email").asText(), body.path("name").asText("User"),
              DataCenter.parse(body.path("data_center").asText(fake.homeDataCenter().location())));
          http.json(200, Http.JSON.createObjectNode().put("zuid", user.zuid()).put("email", user.email()));
          return;
        }
        case "POST /_fake/device/approve": {
          FakeUser user = body.has("user") ? fake.accounts().user(body.get("user").asText()) : fake.defaultUser();
          fake.approveDevice(body.path("user_code").asText(), user);
          http.json(200, Http.JSON.createObjectNode().put("status", "approved"));
          return;
        }
        case "POST /_fake/device/deny":
          fake.denyDevice(body.path("user_code").asText());
          http.json(200, Http.JSON.createObjectNode().put("status", "denied"));
          return;
        case "POST /_fake/tokens/expire":
          http.json(200, Http.JSON.createObjectNode().put("expired", fake.expireAccessTokens()));
          return;
        case "POST /_fake/clock/advance":
          fake.advanceClock(Duration.ofSeconds(body.path("seconds").asLong()));
          http.json(200, Http.JSON.createObjectNode().put("status", "ok"));
          return;
        case "POST /_fake/faults":
          fake.failNext(Fault.Target.valueOf(body.path("target").asText("TOKEN").toUpperCase(Locale.ROOT)),
              body.path("times").asInt(1), fault(body));
          http.json(200, Http.JSON.createObjectNode().put("status", "ok"));
          return;
        case "GET /_fake/counters":
          http.json(200, fake.counters());
          return;
        case "POST /_fake/counters/reset":
          fake.resetObservations();
          http.json(200, Http.JSON.createObjectNode().put("status", "ok"));
          return;
        case "GET /_fake/requests": {
          ArrayNode calls = Http.JSON.createArrayNode();
          for (RecordedCall call : fake.requests()) {
            ObjectNode c = calls.addObject().put("data_center", call.dataCenter().location())
                .put("method", call.method()).put("path", call.path());
            c.set("params", Http.JSON.valueToTree(call.params()));
          }
          http.json(200, calls);
          return;
        }
        case "POST /_fake/records": {
          DataCenter dc = DataCenter.parse(body.path("data_center").asText(fake.homeDataCenter().location()));
          List<String> ids = fake.seedRecords(dc, body.path("module").asText("Leads"), body.path("count").asInt(1));
          http.json(200, Http.JSON.createObjectNode().set("ids", Http.JSON.valueToTree(ids)));
          return;
        }
        case "POST /_fake/shutdown": {
          http.json(200, Http.JSON.createObjectNode().put("status", "stopping"));
          Thread stopper = new Thread(fake::close, "fake-zoho-shutdown");
          stopper.setDaemon(true);
          stopper.start();
          return;
        }
        default:
          http.json(404, Http.JSON.createObjectNode().put("error", "no control endpoint " + route));
      }
    } catch (IllegalArgumentException | IllegalStateException e) {
      http.json(400, Http.JSON.createObjectNode().put("error", e.getMessage()));
    }
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

package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Zoho CRM's Notification API, {@code /crm/v8/actions/watch}, behind {@link CrmEndpoints}' gate (token, scopes
 * {@code ZohoCRM.notifications.*}, allowance). Sources: github.com/zoho/crm-oas v8.0/notifications.json (methods,
 * the {@code watch} wrapper, answers 201/200/202/204, {@code NOT_SUBSCRIBED}) and the v8 pages under
 * zoho.com/crm/developer/docs/api/v8/notifications/ (enable.html, update-info.html, update-details.html,
 * disable.html, get-details.html):
 *
 * <ul>
 *   <li>{@code POST} enables: {@code channel_id}, {@code events} ({@code Module.create|edit|delete|all}) and
 *       {@code notify_url} are mandatory ({@code MANDATORY_NOT_FOUND}), the token at most 50 characters
 *       ({@code INVALID_DATA}); a {@code channel_expiry} missing or more than a week ahead becomes one hour ("If it
 *       is not specified or set for more than a week, the default expiry time is for one hour"). 201 with
 *       {@code details.events[]}; errors in the {@code watch} wrapper with 202, as Zoho's file answers;
 *   <li>{@code PATCH} updates the given keys, {@code PUT} replaces them, {@code "_delete_events": true} removes
 *       events; a channel Zoho does not have (never enabled, disabled, or expired and deleted) is
 *       {@code NOT_SUBSCRIBED}, answered 400 in the {@code watch} wrapper (what integrations see in production:
 *       lefthookhq/quo--frigg PR #75; Zoho's file lists it under 202);
 *   <li>{@code DELETE ?channel_ids=} disables; {@code GET} lists the live channels ({@code channel_id},
 *       {@code module}, {@code page}, {@code per_page}), 204 when there is none.
 * </ul>
 *
 * What Zoho posts (enable.html's callback sample): {@code server_time}, {@code query_params}, {@code module},
 * {@code resource_uri}, {@code ids}, {@code affected_fields}, {@code operation}, {@code channel_id}, {@code token},
 * and {@code affected_values} when asked. The shape of {@code affected_fields} for updates is not in Zoho's pages;
 * the fake sends one object per record, {@code {"<id>": ["Email", ...]}} (UNCONFIRMED).
 */
final class NotificationEndpoints {
  private static final Duration MAX_EXPIRY = Duration.ofDays(7);
  private static final Duration DEFAULT_EXPIRY = Duration.ofHours(1);

  private final FakeNotifications state;
  private final FakeZoho fake;
  private final Crm crm;
  private final FakeClock clock;

  NotificationEndpoints(FakeNotifications state, FakeZoho fake, Crm crm, FakeClock clock) {
    this.state = state;
    this.fake = fake;
    this.crm = crm;
    this.clock = clock;
  }

  /** Whether the path segments {@code s} ({@code crm, v8, actions, watch}) are this API's. */
  static boolean handles(String[] s) {
    return s.length == 4 && s[2].equals("actions") && s[3].equals("watch");
  }

  void handle(DataCenter dc, Http http) throws IOException {
    synchronized (state) {
      switch (http.method) {
        case "POST":
          enable(dc, http);
          return;
        case "PATCH":
        case "PUT":
          update(dc, http, http.method.equals("PUT"));
          return;
        case "DELETE":
          disable(dc, http);
          return;
        case "GET":
          details(dc, http);
          return;
        default:
          throw ZohoError.methodNotAllowed();
      }
    }
  }

  private void enable(DataCenter dc, Http http) throws IOException {
    ArrayNode items = items(http);
    ArrayNode answers = Http.JSON.createArrayNode();
    boolean failed = false;
    for (JsonNode item : items) {
      ObjectNode error = check(dc, item, true);
      if (error != null) {
        answers.add(error);
        failed = true;
        continue;
      }
      long id = item.path("channel_id").asLong();
      FakeNotifications.Watch w = new FakeNotifications.Watch(id, ((ObjectNode) item).deepCopy(), expiry(item));
      state.live(dc).put(id, w);
      answers.add(success("Successfully subscribed for actions-watch of the given module", events(dc, w)));
    }
    http.json(failed ? 202 : 201, Http.JSON.createObjectNode().set("watch", answers));
  }

  private void update(DataCenter dc, Http http, boolean replace) throws IOException {
    ArrayNode items = items(http);
    ArrayNode answers = Http.JSON.createArrayNode();
    boolean failed = false;
    for (JsonNode item : items) {
      long id = channelId(item);
      FakeNotifications.Watch w = id > 0 ? state.live(dc).get(id) : null;
      ObjectNode error = id <= 0 ? mandatory("channel_id") : w == null ? notSubscribed(id)
          : check(dc, item, replace);
      if (error != null) {
        answers.add(error);
        failed = true;
        continue;
      }
      if (item.path("_delete_events").asBoolean(false)) {
        List<String> removed = new ArrayList<>();
        item.path("events").forEach(e -> removed.add(e.asText()));
        ArrayNode left = Http.JSON.createArrayNode();
        w.details.path("events").forEach(e -> {
          if (!removed.contains(e.asText())) {
            left.add(e.asText());
          }
        });
        w.details.set("events", left);
        if (left.isEmpty()) {
          state.live(dc).remove(id);
        }
        answers.add(success("Successfully removed the subscribe details", Http.JSON.createObjectNode()));
        continue;
      }
      if (replace) {
        w.details = ((ObjectNode) item).deepCopy();
      } else {
        w.details.setAll(((ObjectNode) item).deepCopy());
      }
      if (replace || item.has("channel_expiry")) {
        w.expiry = expiry(item);
      }
      answers.add(success("Successfully updated the subscribe details", events(dc, w)));
    }
    http.json(failed ? 400 : 200, Http.JSON.createObjectNode().set("watch", answers));
  }

  private void disable(DataCenter dc, Http http) throws IOException {
    String ids = http.param("channel_ids");
    if (ids == null || ids.isBlank()) {
      throw ZohoError.missingParam("channel_ids");
    }
    ArrayNode answers = Http.JSON.createArrayNode();
    boolean anyOk = false;
    for (String text : ids.split(",")) {
      long id = parse(text.trim());
      if (id > 0 && state.live(dc).remove(id) != null) {
        ObjectNode details = Http.JSON.createObjectNode().put("channel_id", String.valueOf(id));
        answers.add(success("Successfully un-subscribed from actions-watch", details));
        anyOk = true;
      } else {
        answers.add(notSubscribed(id));
      }
    }
    http.json(anyOk ? 200 : 400, Http.JSON.createObjectNode().set("watch", answers));
  }

  private void details(DataCenter dc, Http http) throws IOException {
    String channel = http.param("channel_id");
    String module = http.param("module");
    int page = Math.max(1, intParam(http, "page", 1));
    int perPage = Math.min(200, Math.max(1, intParam(http, "per_page", 200)));
    List<JsonNode> found = new ArrayList<>();
    for (FakeNotifications.Watch w : state.live(dc).values()) {
      if (channel != null && !String.valueOf(w.id).equals(channel)) {
        continue;
      }
      if (module != null && !module.equalsIgnoreCase(firstModule(w))) {
        continue;
      }
      found.add(describe(dc, w));
    }
    int from = (page - 1) * perPage;
    if (from >= found.size()) {
      http.empty(204);
      return;
    }
    List<JsonNode> slice = found.subList(from, Math.min(found.size(), from + perPage));
    ObjectNode body = Http.JSON.createObjectNode();
    body.putArray("watch").addAll(slice);
    body.putObject("info").put("per_page", perPage).put("page", page).put("count", slice.size())
        .put("more_records", from + perPage < found.size());
    http.json(200, body);
  }

  // ---- shapes ----

  /** A channel as the details API shows it (prismatic's recorded sample of get-details has these keys). */
  ObjectNode describe(DataCenter dc, FakeNotifications.Watch w) {
    Crm.Module m = crm.module(dc, firstModule(w));
    ObjectNode out = Http.JSON.createObjectNode()
        .put("notify_on_related_action", w.details.path("notify_on_related_action").asBoolean(true))
        .put("channel_expiry", time(w.expiry))
        .put("return_affected_field_values", w.details.path("return_affected_field_values").asBoolean(false))
        .put("resource_uri", resourceUri(dc, m == null ? firstModule(w) : m.apiName))
        .put("resource_id", m == null ? null : m.id)
        .put("notify_url", w.details.path("notify_url").asText())
        .put("resource_name", m == null ? firstModule(w) : m.apiName);
    out.putNull("fields");
    out.put("channel_id", String.valueOf(w.id));
    out.set("events", w.details.path("events").deepCopy());
    out.put("token", w.details.path("token").asText(null));
    return out;
  }

  /** What Zoho posts to the notify URL. */
  ObjectNode payload(DataCenter dc, FakeNotifications.Watch w, String module, String operation, List<String> ids,
      Map<String, ObjectNode> values) {
    ObjectNode p = Http.JSON.createObjectNode().put("server_time", clock.instant().toEpochMilli());
    ObjectNode query = p.putObject("query_params");
    String rawQuery = URI.create(w.details.path("notify_url").asText()).getRawQuery();
    if (rawQuery != null) {
      Http.decode(rawQuery).forEach(query::put);
    }
    p.put("module", module).put("resource_uri", resourceUri(dc, module));
    ArrayNode idArray = p.putArray("ids");
    ids.forEach(idArray::add);
    ArrayNode fields = p.putArray("affected_fields");
    if (operation.equals("update")) {
      for (String id : ids) {
        ArrayNode names = fields.addObject().putArray(id);
        values.getOrDefault(id, Http.JSON.createObjectNode()).fieldNames().forEachRemaining(names::add);
      }
    }
    p.put("operation", operation).put("channel_id", String.valueOf(w.id));
    if (w.details.hasNonNull("token")) {
      p.put("token", w.details.path("token").asText());
    }
    if (w.details.path("return_affected_field_values").asBoolean(false) && !operation.equals("delete")) {
      ArrayNode affected = p.putArray("affected_values");
      for (String id : ids) {
        ObjectNode v = affected.addObject().put("record_id", id);
        v.set("values", values.getOrDefault(id, Http.JSON.createObjectNode()).deepCopy());
      }
    }
    return p;
  }

  private ObjectNode events(DataCenter dc, FakeNotifications.Watch w) {
    ObjectNode details = Http.JSON.createObjectNode();
    ArrayNode events = details.putArray("events");
    Map<String, Boolean> modules = new LinkedHashMap<>();
    w.details.path("events").forEach(e -> modules.put(e.asText().split("\\.")[0], true));
    for (String name : modules.keySet()) {
      Crm.Module m = crm.module(dc, name);
      events.addObject().put("channel_expiry", time(w.expiry)).put("resource_uri", resourceUri(dc, m.apiName))
          .put("resource_id", m.id).put("resource_name", m.apiName).put("channel_id", String.valueOf(w.id));
    }
    return details;
  }

  /** Null when {@code item} may be stored; else Zoho's error item. */
  private ObjectNode check(DataCenter dc, JsonNode item, boolean complete) {
    if (!item.isObject()) {
      return error("INVALID_DATA", "invalid data", Http.JSON.createObjectNode());
    }
    if (channelId(item) <= 0) {
      return item.has("channel_id") ? invalid("channel_id") : mandatory("channel_id");
    }
    JsonNode events = item.get("events");
    if (events == null ? complete : !events.isArray() || events.isEmpty()) {
      return events == null ? mandatory("events") : invalid("events");
    }
    if (events != null) {
      for (JsonNode e : events) {
        String[] parts = e.asText().split("\\.");
        if (parts.length != 2 || crm.module(dc, parts[0]) == null
            || !List.of("create", "edit", "delete", "all").contains(parts[1])) {
          return invalid("events");
        }
      }
    }
    JsonNode url = item.get("notify_url");
    if (url == null ? complete : !validUrl(url.asText())) {
      return url == null ? mandatory("notify_url") : invalid("notify_url");
    }
    JsonNode token = item.get("token");
    if (token != null && !token.isNull() && (!token.isTextual() || token.asText().length() > 50)) {
      return invalid("token"); // "The maximum character length is 50" (enable.html)
    }
    JsonNode expiry = item.get("channel_expiry");
    if (expiry != null && !expiry.isNull()) {
      try {
        if (!OffsetDateTime.parse(expiry.asText()).toInstant().isAfter(clock.instant())) {
          return invalid("channel_expiry");
        }
      } catch (DateTimeParseException e) {
        return invalid("channel_expiry");
      }
    }
    return null;
  }

  /** The expiry asked for; one hour when missing or more than a week ahead (enable.html). */
  private Instant expiry(JsonNode item) {
    Instant now = clock.instant();
    JsonNode asked = item.get("channel_expiry");
    if (asked == null || asked.isNull()) {
      return now.plus(DEFAULT_EXPIRY);
    }
    Instant at = OffsetDateTime.parse(asked.asText()).toInstant();
    return at.isAfter(now.plus(MAX_EXPIRY)) ? now.plus(DEFAULT_EXPIRY) : at;
  }

  private static boolean validUrl(String text) {
    try {
      URI uri = URI.create(text);
      return uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static ArrayNode items(Http http) {
    JsonNode body;
    try {
      body = http.jsonBody();
    } catch (IOException e) {
      throw new ZohoError(400, "INVALID_DATA", "the body is not valid JSON");
    }
    JsonNode watch = body == null ? null : body.get("watch");
    if (watch == null || !watch.isArray() || watch.isEmpty()) {
      throw new ZohoError(400, "MANDATORY_NOT_FOUND", "required field not found",
          Http.JSON.createObjectNode().put("api_name", "watch"));
    }
    return (ArrayNode) watch;
  }

  private static long channelId(JsonNode item) {
    JsonNode id = item.get("channel_id");
    if (id == null) {
      return -1;
    }
    return id.isIntegralNumber() ? id.asLong() : parse(id.asText());
  }

  private static long parse(String text) {
    return text.matches("[0-9]{1,18}") ? Long.parseLong(text) : -1;
  }

  private static String firstModule(FakeNotifications.Watch w) {
    return w.details.path("events").path(0).asText("").split("\\.")[0];
  }

  private String resourceUri(DataCenter dc, String module) {
    return fake.baseUrl(dc) + "/crm/v8/" + module; // the fake is its own API domain
  }

  private static String time(Instant at) {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(Crm.TIME);
  }

  private static int intParam(Http http, String name, int fallback) {
    try {
      return http.param(name) == null ? fallback : Integer.parseInt(http.param(name));
    } catch (NumberFormatException e) {
      throw ZohoError.invalidParam(name, name + " must be a number");
    }
  }

  private static ObjectNode success(String message, ObjectNode details) {
    ObjectNode ok = Http.JSON.createObjectNode().put("code", "SUCCESS");
    ok.set("details", details);
    return ok.put("message", message).put("status", "success");
  }

  private static ObjectNode notSubscribed(long id) {
    return error("NOT_SUBSCRIBED", "not subscribed for actions-watch of the given channel",
        Http.JSON.createObjectNode().put("channel_id", String.valueOf(id)));
  }

  private static ObjectNode mandatory(String name) {
    return error("MANDATORY_NOT_FOUND", "required field not found", Http.JSON.createObjectNode().put("api_name", name));
  }

  private static ObjectNode invalid(String name) {
    return error("INVALID_DATA", "invalid data", Http.JSON.createObjectNode().put("api_name", name));
  }

  private static ObjectNode error(String code, String message, ObjectNode details) {
    ObjectNode e = Http.JSON.createObjectNode().put("code", code);
    e.set("details", details);
    return e.put("message", message).put("status", "error");
  }
}

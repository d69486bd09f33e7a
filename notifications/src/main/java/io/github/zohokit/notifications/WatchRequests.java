package io.github.zohokit.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.Zoho;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Zoho's Notification API through the connection's authorizing HTTP client: {@code POST /crm/v8/actions/watch}
 * (enable), {@code PATCH} (update specific details, here the expiry), {@code DELETE ?channel_ids=} (disable) and
 * {@code GET ?channel_id=} (details). Sources: github.com/zoho/crm-oas v8.0/notifications.json (paths, the
 * {@code watch} wrapper, {@code NOT_SUBSCRIBED}); zoho.com/crm/developer/docs/api/v8/notifications/enable.html and
 * update-info.html (keys, the 50-character token, the one-week expiry). Zoho's file answers {@code NOT_SUBSCRIBED}
 * with 202 in the {@code watch} wrapper, integrations report 400 (zoho-sync-notes.md 4.4): both are read.
 */
final class WatchRequests {
  static final DateTimeFormatter ZOHO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  private static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");
  /** A placeholder base: the authorizing client sends every call to the user's API domain. */
  private static final HttpUrl WATCH = HttpUrl.get("https://www.zohoapis.com/crm/v8/actions/watch");

  private final OkHttpClient http;
  private final ObjectMapper json;

  WatchRequests(Zoho zoho) {
    this.http = zoho.httpClient();
    this.json = zoho.objectMapper();
  }

  /** Subscribes {@code channel}; Zoho's expiry. */
  Instant enable(Channel channel, boolean affectedValues) {
    return expiry(send("POST", WATCH, body(channel, affectedValues)), channel);
  }

  /** Renews {@code channel} to its expiry; Zoho's expiry; NOT_SUBSCRIBED when Zoho no longer has it. */
  Instant update(Channel channel, boolean affectedValues) {
    return expiry(send("PATCH", WATCH, body(channel, affectedValues)), channel);
  }

  /** Disables the channels. */
  void disable(long channelId) {
    send("DELETE", WATCH.newBuilder().addQueryParameter("channel_ids", String.valueOf(channelId)).build(), null);
  }

  /** Zoho's record of the channel, or empty when Zoho has none (204, or not listed). */
  Optional<JsonNode> details(long channelId) {
    JsonNode body = send("GET", WATCH.newBuilder().addQueryParameter("channel_id", String.valueOf(channelId))
        .build(), null);
    for (JsonNode w : body.path("watch")) {
      if (w.path("channel_id").asText().equals(String.valueOf(channelId))) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  private ObjectNode body(Channel channel, boolean affectedValues) {
    ObjectNode body = json.createObjectNode();
    ObjectNode w = body.putArray("watch").addObject();
    w.put("channel_id", channel.channelId());
    ArrayNode events = w.putArray("events");
    channel.events().forEach(events::add);
    w.put("notify_url", channel.notifyUrl());
    w.put("token", channel.token().reveal());
    w.put("channel_expiry", OffsetDateTime.ofInstant(channel.expiry(), ZoneOffset.UTC)
        .truncatedTo(ChronoUnit.SECONDS).format(ZOHO_TIME));
    // Zoho's default is true: notifications for associated records too (enable.html, Kaizen #170)
    w.put("notify_on_related_action", false);
    w.put("return_affected_field_values", affectedValues);
    return body;
  }

  private static Instant expiry(JsonNode answer, Channel channel) {
    for (JsonNode event : answer.path("watch").path(0).path("details").path("events")) {
      String text = event.path("channel_expiry").asText(null);
      if (text != null) {
        try {
          return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
          break;
        }
      }
    }
    return channel.expiry(); // Zoho did not say: what was asked
  }

  private JsonNode send(String method, HttpUrl url, JsonNode body) {
    Request.Builder request = new Request.Builder().url(url);
    try {
      request.method(method, body == null ? null : RequestBody.create(json.writeValueAsBytes(body), JSON_TYPE));
    } catch (IOException e) {
      throw new NotificationException("cannot write the request body: " + e.getMessage(), null, e);
    }
    try (Response response = http.newCall(request.build()).execute()) {
      int status = response.code();
      JsonNode answer = status == 204 ? json.createObjectNode() : parse(response.body());
      JsonNode item = answer.path("watch").path(0);
      JsonNode error = item.isObject() && "error".equals(item.path("status").asText()) ? item
          : !response.isSuccessful() ? (item.isObject() ? item : answer) : null;
      if (error != null) {
        String code = error.path("code").asText(null);
        throw new NotificationException(method + " /crm/v8/actions/watch: HTTP " + status
            + (code == null ? "" : " " + code) + " " + error.path("message").asText("")
            + (error.path("details").isEmpty() ? "" : " " + error.path("details"))
            + hint(code), code, null);
      }
      return answer;
    } catch (IOException e) {
      throw new NotificationException(method + " /crm/v8/actions/watch failed: " + e.getMessage()
          + ". The channel manager tries again at its next maintenance", null, e);
    }
  }

  private static String hint(String code) {
    if ("OAUTH_SCOPE_MISMATCH".equals(code)) {
      return ". The token needs ZohoCRM.notifications.ALL (or .CREATE/.UPDATE/.READ/.DELETE per call)";
    }
    return "";
  }

  private JsonNode parse(ResponseBody body) throws IOException {
    String text = body == null ? "" : body.string();
    if (text.isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(text);
    } catch (IOException e) {
      return json.createObjectNode().put("message", text.length() > 200 ? text.substring(0, 200) : text);
    }
  }
}

package io.github.zohokit.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.Secret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A channel as JSON, for the file store: the token in clear (the file is the owner's only). */
final class ChannelJson {
  static final ObjectMapper JSON = new ObjectMapper();

  private ChannelJson() {}

  static ObjectNode write(Channel c) {
    ObjectNode node = JSON.createObjectNode().put("module", c.module()).put("channel_id", c.channelId())
        .put("token", c.token().reveal()).put("expiry", c.expiry().toString()).put("notify_url", c.notifyUrl());
    c.events().forEach(node.putArray("events")::add);
    return node;
  }

  static Channel read(String key, JsonNode node) {
    List<String> events = new ArrayList<>();
    node.path("events").forEach(e -> events.add(e.asText()));
    return new Channel(key, node.path("module").asText(), node.path("channel_id").asLong(),
        Secret.of(node.path("token").asText()), Instant.parse(node.path("expiry").asText()),
        node.path("notify_url").asText(), events);
  }
}

package io.github.zohokit.notifications;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives what Zoho posts to a channel's {@code notify_url}, framework-free: hand it the request's headers and body,
 * answer with the status it returns. Zoho signs nothing; the only proof a notification comes from Zoho is the
 * channel's token echoed in the body (enable.html: "sent back in the callback to ensure that the notification is
 * from Zoho CRM"), so the receiver looks the channel up in the {@link ChannelStore} and compares the tokens in
 * constant time before anything reaches the {@link NotificationListener}.
 *
 * <table>
 *   <caption>What the receiver answers</caption>
 *   <tr><th>status</th><th>when</th><th>delivered</th></tr>
 *   <tr><td>200</td><td>the token matches and the payload is Zoho's shape</td><td>yes, once</td></tr>
 *   <tr><td>400</td><td>the body is not JSON or lacks {@code channel_id}, {@code token}, {@code module},
 *       {@code operation} or {@code ids} (logged with the reason)</td><td>no</td></tr>
 *   <tr><td>403</td><td>no channel of the store has that id, or the token differs (logged with the channel id,
 *       never the token); both answer the same, so a caller learns nothing about which</td><td>no</td></tr>
 *   <tr><td>413</td><td>the body is longer than {@link Builder#maxBodyBytes} (default 1 MiB)</td><td>no</td></tr>
 *   <tr><td>500</td><td>the listener threw (logged)</td><td>it was called</td></tr>
 * </table>
 *
 * The receiver is thread-safe and keeps working after any bad request. For the JDK's HTTP server use
 * {@link NotificationHttpHandler}; the Spring Boot starter maps it to {@code zoho.notifications.path}.
 */
public final class NotificationReceiver {
  /** The answer when the notification was delivered. */
  public static final int OK = 200;
  /** The answer for a body that is not Zoho's notification shape. */
  public static final int BAD_REQUEST = 400;
  /** The answer for an unknown channel or a wrong token. */
  public static final int FORBIDDEN = 403;
  /** The answer for a body over the limit. */
  public static final int TOO_LARGE = 413;
  /** The answer when the listener threw. */
  public static final int FAILED = 500;

  private static final Logger log = LoggerFactory.getLogger(NotificationReceiver.class);

  private final ChannelStore store;
  private final NotificationListener listener;
  private final ObjectMapper json;
  private final int maxBodyBytes;

  private NotificationReceiver(Builder b) {
    this.store = Objects.requireNonNull(b.store, "store");
    this.listener = Objects.requireNonNull(b.listener, "listener");
    this.json = b.json;
    this.maxBodyBytes = b.maxBodyBytes;
  }

  /**
   * A builder for a receiver of the channels of {@code store}.
   *
   * @param store where the channels and their tokens are (the {@link ChannelManager}'s store)
   * @return a new builder
   */
  public static Builder builder(ChannelStore store) {
    return new Builder(store);
  }

  /**
   * The longest body accepted.
   *
   * @return bytes
   */
  public int maxBodyBytes() {
    return maxBodyBytes;
  }

  /**
   * Handles one request whose body is read from a stream, at most {@link #maxBodyBytes()} + 1 bytes of it.
   *
   * @param headers the request headers (names in any case); a {@code Content-Length} over the limit is refused
   *     before reading
   * @param body the request body; not closed
   * @return the HTTP status to answer (see the class comment)
   */
  public int handle(Map<String, List<String>> headers, InputStream body) {
    long declared = contentLength(headers);
    if (declared > maxBodyBytes) {
      log.warn("refused a notification of {} bytes: over the limit of {} bytes", declared, maxBodyBytes);
      return TOO_LARGE;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = body.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        if (out.size() > maxBodyBytes) {
          log.warn("refused a notification: its body is over the limit of {} bytes", maxBodyBytes);
          return TOO_LARGE;
        }
      }
    } catch (IOException e) {
      log.warn("refused a notification: its body could not be read ({})", e.getMessage());
      return BAD_REQUEST;
    }
    return handle(headers, out.toByteArray());
  }

  /**
   * Handles one request.
   *
   * @param headers the request headers (names in any case); not used beyond the body's length today
   * @param body the request body
   * @return the HTTP status to answer (see the class comment)
   */
  public int handle(Map<String, List<String>> headers, byte[] body) {
    if (body.length > maxBodyBytes) {
      log.warn("refused a notification of {} bytes: over the limit of {} bytes", body.length, maxBodyBytes);
      return TOO_LARGE;
    }
    JsonNode payload;
    try {
      payload = json.readTree(body);
    } catch (IOException e) {
      log.warn("refused a notification: its body is not JSON ({} bytes)", body.length);
      return BAD_REQUEST;
    }
    if (payload == null || !payload.isObject()) {
      log.warn("refused a notification: its body is not a JSON object");
      return BAD_REQUEST;
    }
    long channelId = channelId(payload.get("channel_id"));
    JsonNode token = payload.get("token");
    if (channelId <= 0 || token == null || !token.isTextual()) {
      log.warn("refused a notification: it has no {}", channelId <= 0 ? "channel_id (a positive number)"
          : "token (a string)");
      return BAD_REQUEST;
    }
    Optional<Channel> channel = store.findByChannelId(channelId);
    if (channel.isEmpty() || !sameToken(channel.get().token().reveal(), token.asText())) {
      log.warn("rejected a notification for channel {}: {}; nothing was delivered", channelId, channel.isEmpty()
          ? "no channel of this application has that id (an old channel, or not from Zoho)"
          : "its token does not match the channel's (not from Zoho, or a channel re-subscribed since)");
      return FORBIDDEN;
    }
    NotificationEvent event;
    try {
      event = event(channelId, (ObjectNode) payload);
    } catch (IllegalArgumentException e) {
      log.warn("refused a notification for channel {}: {}", channelId, e.getMessage());
      return BAD_REQUEST;
    }
    try {
      listener.onNotification(event);
      return OK;
    } catch (Exception e) {
      log.error("the notification listener failed on {} {} of {} record(s) from channel {}; answered 500 (the next "
          + "catch-up reads these records again)", event.module(), event.operation(), event.ids().size(), channelId, e);
      return FAILED;
    }
  }

  private static long contentLength(Map<String, List<String>> headers) {
    for (Map.Entry<String, List<String>> h : headers.entrySet()) {
      if (h.getKey() != null && h.getKey().equalsIgnoreCase("Content-Length") && !h.getValue().isEmpty()) {
        try {
          return Long.parseLong(h.getValue().get(0).trim());
        } catch (NumberFormatException e) {
          return -1;
        }
      }
    }
    return -1;
  }

  private static long channelId(JsonNode node) {
    if (node == null) {
      return -1;
    }
    if (node.isIntegralNumber()) {
      return node.asLong();
    }
    if (node.isTextual() && node.asText().matches("[0-9]{1,18}")) {
      return Long.parseLong(node.asText());
    }
    return -1;
  }

  /** Equal tokens, compared in constant time: digests of equal length, compared with MessageDigest.isEqual. */
  static boolean sameToken(String expected, String given) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] a = sha.digest(expected.getBytes(StandardCharsets.UTF_8));
      byte[] b = sha.digest(given.getBytes(StandardCharsets.UTF_8));
      return MessageDigest.isEqual(a, b);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /** The typed event; IllegalArgumentException names what is missing or malformed. */
  private static NotificationEvent event(long channelId, ObjectNode p) {
    String module = text(p, "module");
    String operation = text(p, "operation");
    List<String> ids = new ArrayList<>();
    JsonNode idsNode = p.get("ids");
    if (idsNode == null || !idsNode.isArray() || idsNode.isEmpty()) {
      throw new IllegalArgumentException("it has no ids (a non-empty array of record ids)");
    }
    for (JsonNode id : idsNode) {
      if (!(id.isTextual() || id.isIntegralNumber()) || !id.asText().matches("[0-9]{1,19}")) {
        throw new IllegalArgumentException("its ids hold something that is not a record id");
      }
      ids.add(id.asText());
    }
    // affected_fields: [] for inserts (enable.html sample); names, or objects {record id: [names]} (UNCONFIRMED
    // shape for updates: both are read)
    Set<String> fields = new LinkedHashSet<>();
    for (JsonNode f : p.path("affected_fields")) {
      if (f.isTextual()) {
        fields.add(f.asText());
      } else if (f.isObject()) {
        f.elements().forEachRemaining(names -> names.forEach(n -> fields.add(n.asText())));
      }
    }
    Map<String, ObjectNode> values = new LinkedHashMap<>();
    for (JsonNode v : p.path("affected_values")) {
      if (v.path("record_id").isValueNode() && v.path("values").isObject()) {
        values.put(v.path("record_id").asText(), (ObjectNode) v.path("values"));
      }
    }
    Map<String, String> query = new LinkedHashMap<>();
    p.path("query_params").fields().forEachRemaining(e -> query.put(e.getKey(), e.getValue().asText()));
    JsonNode time = p.get("server_time");
    Instant serverTime = time != null && time.isIntegralNumber() ? Instant.ofEpochMilli(time.asLong()) : Instant.EPOCH;
    JsonNode uri = p.get("resource_uri");
    return new NotificationEvent(channelId, module, operation.toLowerCase(java.util.Locale.ROOT), ids,
        new ArrayList<>(fields), values, serverTime, query, uri != null && uri.isTextual() ? uri.asText() : null);
  }

  private static String text(ObjectNode p, String name) {
    JsonNode node = p.get(name);
    if (node == null || !node.isTextual() || node.asText().isBlank()) {
      throw new IllegalArgumentException("it has no " + name + " (a string)");
    }
    return node.asText();
  }

  /** Configures a {@link NotificationReceiver}. */
  public static final class Builder {
    private final ChannelStore store;
    private NotificationListener listener;
    private ObjectMapper json = new ObjectMapper();
    private int maxBodyBytes = 1 << 20;

    private Builder(ChannelStore store) {
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Who takes the notifications. Required.
     *
     * @param listener the application's listener
     * @return this builder
     */
    public Builder listener(NotificationListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The longest body accepted (default 1 MiB; Zoho's notifications are a few kilobytes even with affected values).
     *
     * @param bytes at least 1
     * @return this builder
     */
    public Builder maxBodyBytes(int bytes) {
      if (bytes < 1) {
        throw new IllegalArgumentException("the body limit must be at least 1 byte, was " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /**
     * The JSON mapper that reads the bodies (default: a plain Jackson mapper).
     *
     * @param mapper a Jackson 2 mapper, such as {@code zoho.objectMapper()}
     * @return this builder
     */
    public Builder objectMapper(ObjectMapper mapper) {
      this.json = Objects.requireNonNull(mapper, "mapper");
      return this;
    }

    /**
     * The receiver.
     *
     * @return a new receiver
     * @throws NullPointerException when no listener is set
     */
    public NotificationReceiver build() {
      return new NotificationReceiver(this);
    }
  }
}

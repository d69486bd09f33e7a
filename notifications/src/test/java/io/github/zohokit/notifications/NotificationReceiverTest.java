package io.github.zohokit.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.zohokit.token.Secret;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** The receiver on bad input: wrong tokens, unknown channels, malformed and huge bodies; it keeps working. */
class NotificationReceiverTest {
  private static final String TOKEN = "s3cr3t-t0ken-0123456789abcdefXYZ";
  private static final long CHANNEL = 1_000_000_068_001L;

  @TempDir
  Path dir;

  private final List<NotificationEvent> delivered = new CopyOnWriteArrayList<>();
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
  private NotificationReceiver receiver;

  @BeforeEach
  void setUp() {
    FileChannelStore store = new FileChannelStore(dir);
    store.save(new Channel("billing.Leads", "Leads", CHANNEL, Secret.of(TOKEN), Instant.now().plusSeconds(3600),
        "https://billing.example.com/zoho/notifications", List.of("Leads.all")));
    receiver = NotificationReceiver.builder(store).listener(delivered::add).maxBodyBytes(4096).build();
    logs.start();
    ((Logger) LoggerFactory.getLogger(NotificationReceiver.class)).addAppender(logs);
  }

  @AfterEach
  void tearDown() {
    ((Logger) LoggerFactory.getLogger(NotificationReceiver.class)).detachAppender(logs);
  }

  private static String payload(Object channelId, String token, String extra) {
    return "{\"server_time\":1718117126473,\"query_params\":{\"tenant\":\"42\"},\"module\":\"Leads\","
        + "\"resource_uri\":\"https://www.zohoapis.com/crm/v2/Leads\",\"ids\":[\"5725767000003000064\","
        + "\"5725767000003000065\"],\"affected_fields\":[{\"5725767000003000064\":[\"Email\"]}],"
        + "\"operation\":\"update\",\"channel_id\":" + channelId + (token == null ? "" : ",\"token\":\"" + token + "\"")
        + extra + "}";
  }

  private int handle(String body) {
    return receiver.handle(Map.of(), body.getBytes(StandardCharsets.UTF_8));
  }

  private String logText() {
    StringBuilder all = new StringBuilder();
    logs.list.forEach(e -> all.append(e.getFormattedMessage()).append('\n'));
    return all.toString();
  }

  @Test
  void aNotificationWithTheChannelsTokenIsDeliveredTyped() {
    String body = payload("\"" + CHANNEL + "\"", TOKEN, ",\"affected_values\":[{\"record_id\":\"5725767000003000064\","
        + "\"values\":{\"Email\":\"new@example.com\"}}]");
    assertThat(handle(body)).isEqualTo(200);
    assertThat(delivered).hasSize(1);
    NotificationEvent event = delivered.get(0);
    assertThat(event.channelId()).isEqualTo(CHANNEL);
    assertThat(event.module()).isEqualTo("Leads");
    assertThat(event.kind()).isEqualTo(NotificationEvent.Kind.UPDATE);
    assertThat(event.ids()).containsExactly("5725767000003000064", "5725767000003000065");
    assertThat(event.affectedFields()).containsExactly("Email");
    assertThat(event.affectedValues().get("5725767000003000064").path("Email").asText()).isEqualTo("new@example.com");
    assertThat(event.serverTime()).isEqualTo(Instant.ofEpochMilli(1718117126473L));
    assertThat(event.queryParams()).containsEntry("tenant", "42");
    assertThat(event.toString()).doesNotContain(TOKEN);
  }

  @Test
  void aWrongTokenIsRejectedAndLoggedWithoutTheTokenAndNothingIsDelivered() {
    String forged = "forged-token-0123456789abcdefXYZ";
    assertThat(handle(payload(CHANNEL, forged, ""))).isEqualTo(403);
    assertThat(handle(payload(CHANNEL, TOKEN.substring(0, 10), ""))).isEqualTo(403);
    assertThat(handle(payload(CHANNEL, "", ""))).isEqualTo(403);
    assertThat(handle(payload(CHANNEL + 1, TOKEN, ""))).isEqualTo(403); // the right token on another channel
    assertThat(delivered).isEmpty();
    assertThat(logText()).contains("rejected a notification for channel " + CHANNEL)
        .contains("token does not match").contains("no channel of this application has that id")
        .doesNotContain(forged).doesNotContain(TOKEN).doesNotContain(TOKEN.substring(0, 10));
    // and it keeps working
    assertThat(handle(payload(CHANNEL, TOKEN, ""))).isEqualTo(200);
    assertThat(delivered).hasSize(1);
  }

  @Test
  void aMalformedPayloadIsA400WithALogLineAndTheReceiverKeepsWorking() {
    assertThat(handle("not json at all")).isEqualTo(400);
    assertThat(handle("[1,2,3]")).isEqualTo(400);
    assertThat(handle("{\"ids\":[\"1\"]}")).isEqualTo(400); // no channel id
    assertThat(handle("{\"channel_id\":" + CHANNEL + "}")).isEqualTo(400); // no token
    assertThat(handle(payload(CHANNEL, TOKEN, "").replace("\"operation\":\"update\",", ""))).isEqualTo(400);
    assertThat(handle(payload(CHANNEL, TOKEN, "").replaceAll("\"ids\":\\[[^]]*]", "\"ids\":[]"))).isEqualTo(400);
    assertThat(handle(payload(CHANNEL, TOKEN, "").replace("5725767000003000065", "x' OR 1=1"))).isEqualTo(400);
    assertThat(handle("{\"channel_id\":\"-5\",\"token\":\"" + TOKEN + "\"}")).isEqualTo(400);
    assertThat(delivered).isEmpty();
    assertThat(logText()).contains("not JSON").contains("no channel_id").contains("no token")
        .contains("no operation").contains("no ids").contains("not a record id").doesNotContain(TOKEN);
    assertThat(handle(payload(CHANNEL, TOKEN, ""))).isEqualTo(200);
    assertThat(delivered).hasSize(1);
  }

  @Test
  void aHugeBodyIsRefusedWithoutReadingItWhole() {
    byte[] huge = new byte[1 << 20];
    java.util.Arrays.fill(huge, (byte) ' ');
    ByteArrayInputStream stream = new ByteArrayInputStream(huge);
    assertThat(receiver.handle(Map.of(), stream)).isEqualTo(413);
    assertThat(stream.available()).isGreaterThan(huge.length - 4096 - 8192 - 1); // stopped after the limit
    assertThat(receiver.handle(Map.of("content-length", List.of("999999")), new ByteArrayInputStream(new byte[0])))
        .isEqualTo(413);
    assertThat(receiver.handle(Map.of(), huge)).isEqualTo(413);
    assertThat(delivered).isEmpty();
    assertThat(receiver.handle(Map.of(), new ByteArrayInputStream(payload(CHANNEL, TOKEN, "")
        .getBytes(StandardCharsets.UTF_8)))).isEqualTo(200);
  }

  @Test
  void aListenerThatThrowsIsA500AndTheNextNotificationIsDelivered() {
    List<NotificationEvent> seen = new CopyOnWriteArrayList<>();
    NotificationReceiver failing = NotificationReceiver.builder(new FileChannelStore(dir)).listener(e -> {
      seen.add(e);
      if (seen.size() == 1) {
        throw new IllegalStateException("database down");
      }
    }).build();
    byte[] body = payload(CHANNEL, TOKEN, "").getBytes(StandardCharsets.UTF_8);
    assertThat(failing.handle(Map.of(), body)).isEqualTo(500);
    assertThat(failing.handle(Map.of(), body)).isEqualTo(200);
    assertThat(seen).hasSize(2);
  }

  @Test
  void overTheJdkHttpServerOnlyPostIsAccepted() throws IOException, InterruptedException {
    try (Receivers.Running running = new Receivers.Running(new FileChannelStore(dir))) {
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<Void> get = http.send(HttpRequest.newBuilder(URI.create(running.url())).GET().build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(get.statusCode()).isEqualTo(405);
      HttpResponse<Void> bad = http.send(HttpRequest.newBuilder(URI.create(running.url()))
          .POST(HttpRequest.BodyPublishers.ofString(payload(CHANNEL, "wrong", ""))).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(bad.statusCode()).isEqualTo(403);
      HttpResponse<Void> good = http.send(HttpRequest.newBuilder(URI.create(running.url()))
          .POST(HttpRequest.BodyPublishers.ofString(payload(CHANNEL, TOKEN, ""))).build(),
          HttpResponse.BodyHandlers.discarding());
      assertThat(good.statusCode()).isEqualTo(200);
      assertThat(running.events).hasSize(1);
    }
  }

  @Test
  void tokensAreComparedWhole() {
    assertThat(NotificationReceiver.sameToken(TOKEN, TOKEN)).isTrue();
    assertThat(NotificationReceiver.sameToken(TOKEN, TOKEN + "x")).isFalse();
    assertThat(NotificationReceiver.sameToken(TOKEN, TOKEN.substring(1))).isFalse();
    assertThat(NotificationReceiver.sameToken(TOKEN, "")).isFalse();
  }
}

package io.github.zohokit.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.zohokit.token.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.LoggerFactory;

/**
 * What arrives at a channel's {@code notify_url} is input from anyone who can reach it: whatever its bytes,
 * {@link NotificationReceiver#handle(Map, byte[])} answers one of its documented statuses (200 delivered, 400 not
 * Zoho's shape, 403 unknown channel or wrong token, 413 too long) and throws nothing; the listener sees only events
 * with a channel, a module, an operation and at least one id; no log line holds the channel's token (unless the
 * input also put it where a log line may quote it).
 *
 * <p>Seeds: {@code src/test/resources/io/github/zohokit/notifications/NotificationPayloadFuzzTestInputs/payload/},
 * Zoho's documented payload (with and without {@code affected_values}), a wrong token, and broken ones. Fuzzed by
 * {@code JAZZER_FUZZ=1} (see CONTRIBUTING.md, "Fuzzing").
 */
class NotificationPayloadFuzzTest {
  // the token of the seeds' channel, so that the fuzzer starts from payloads that are delivered
  private static final String TOKEN = "s3cr3t-t0ken-0123456789abcdefXYZ";
  private static final long CHANNEL = 1_000_000_068_001L;
  private static final List<NotificationEvent> DELIVERED = new ArrayList<>();
  private static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
  private static final NotificationReceiver RECEIVER;

  static {
    FileChannelStore store;
    try {
      store = new FileChannelStore(Files.createTempDirectory("zohokit-notification-fuzz"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store.save(new Channel("billing.Leads", "Leads", CHANNEL, Secret.of(TOKEN), Instant.now().plusSeconds(86_400),
        "https://billing.example.com/zoho/notifications", List.of("Leads.all")));
    RECEIVER = NotificationReceiver.builder(store).listener(DELIVERED::add).maxBodyBytes(64 * 1024).build();
    LOGS.start();
    ((Logger) LoggerFactory.getLogger(NotificationReceiver.class)).addAppender(LOGS);
  }

  @FuzzTest
  void payload(byte[] input) {
    DELIVERED.clear();
    LOGS.list.clear();
    int status = RECEIVER.handle(Map.of(), input);
    assertThat(status).isIn(NotificationReceiver.OK, NotificationReceiver.BAD_REQUEST, NotificationReceiver.FORBIDDEN,
        NotificationReceiver.TOO_LARGE);
    assertThat(DELIVERED).hasSize(status == NotificationReceiver.OK ? 1 : 0);
    for (NotificationEvent event : DELIVERED) {
      assertThat(event.channelId()).isEqualTo(CHANNEL);
      assertThat(event.module()).isNotBlank();
      assertThat(event.ids()).isNotEmpty();
    }
    // The token may be quoted only where the input put it somewhere else too (in a value the listener is handed, or
    // as a channel id the log names); where the input holds it only as the token, no log line may show it. (Seed
    // token-copied-into-values.json: the fuzzer's copy of the token into affected_values, rightly delivered.)
    String text = new String(input, StandardCharsets.ISO_8859_1);
    if (occurrences(text, TOKEN) == occurrences(text, "\"token\":\"" + TOKEN + "\"")) {
      for (ILoggingEvent line : LOGS.list) {
        assertThat(line.getFormattedMessage()).doesNotContain(TOKEN);
      }
    }
  }

  private static int occurrences(String text, String part) {
    int count = 0;
    for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
      count++;
    }
    return count;
  }
}

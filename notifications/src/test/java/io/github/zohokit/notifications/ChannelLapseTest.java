package io.github.zohokit.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.zohokit.Zoho;
import io.github.zohokit.sync.DeletedRecord;
import io.github.zohokit.sync.FileSyncStateStore;
import io.github.zohokit.sync.IncrementalSync;
import io.github.zohokit.sync.SyncBatch;
import io.github.zohokit.sync.SyncHandler;
import io.github.zohokit.sync.SyncRecord;
import io.github.zohokit.testkit.FakeClock;
import io.github.zohokit.testkit.FakeNotifications;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The channel manager against the fake Zoho: a channel subscribed, notified, renewed, lapsed (Zoho deletes it) and
 * re-subscribed with a catch-up that finds every change made while it was down; checked against the fake's records.
 */
class ChannelLapseTest {
  private static final DataCenter US = DataCenter.US;
  private static final MediaType JSON = MediaType.get("application/json");

  @TempDir
  Path dir;

  private FakeZoho fake;
  private Zoho zoho;
  private FakeClock clock;
  private FileChannelStore channels;
  private Receivers.Running receiver;
  private final Map<String, String> target = new TreeMap<>(); // the other system: id -> Email

  private final SyncHandler copy = (SyncBatch batch) -> {
    for (SyncRecord r : batch.upserts()) {
      target.put(r.id(), r.text("Email"));
    }
    for (DeletedRecord d : batch.deletes()) {
      target.remove(d.id());
    }
  };

  @BeforeEach
  void start() {
    fake = FakeZoho.builder().dataCenters(US).seedLeads(5).start();
    zoho = Receivers.connect(fake);
    clock = new FakeClock();
    channels = new FileChannelStore(dir.resolve("channels"));
    receiver = new Receivers.Running(channels);
  }

  @AfterEach
  void stop() {
    receiver.close();
    fake.close();
  }

  private ChannelManager.Builder manager() {
    IncrementalSync leads = IncrementalSync.builder(zoho, "Leads").fields(List.of("Last_Name", "Email"))
        .stateStore(new FileSyncStateStore(dir.resolve("sync"))).build();
    return ChannelManager.builder(zoho, channels).application("billing").notifyUrl(receiver.url() + "?tenant=42")
        .watch("Leads", leads, copy).clock(clock);
  }

  /** Moves the fake's clock and the manager's together. */
  private void advance(Duration d) {
    fake.advanceClock(d);
    clock.advance(d);
  }

  private Map<String, String> zohoRecords() {
    return fake.records(US, "Leads").stream().collect(Collectors.toMap(r -> r.path("id").asText(),
        r -> r.path("Email").asText(), (a, b) -> a, TreeMap::new));
  }

  private JsonNode send(String method, String path, String json) throws IOException {
    Request.Builder request = new Request.Builder().url("https://www.zohoapis.com" + path);
    request.method(method, json == null ? null : RequestBody.create(json, JSON));
    try (Response response = zoho.httpClient().newCall(request.build()).execute()) {
      assertThat(response.code()).as(method + " " + path).isBetween(200, 299);
      return zoho.objectMapper().readTree(response.body().string());
    }
  }

  private String insert(String lastName, String email) throws IOException {
    JsonNode answer = send("POST", "/crm/v8/Leads",
        "{\"data\":[{\"Last_Name\":\"" + lastName + "\",\"Email\":\"" + email + "\"}]}");
    return answer.path("data").path(0).path("details").path("id").asText();
  }

  private void updateEmail(String id, String email) throws IOException {
    send("PUT", "/crm/v8/Leads", "{\"data\":[{\"id\":\"" + id + "\",\"Email\":\"" + email + "\"}]}");
  }

  @Test
  void aChannelThatExpiresIsSubscribedAgainAndTheCatchUpFindsEveryChangeMadeWhileItWasDown() throws IOException {
    ChannelManager manager = manager().build();

    // first maintenance: subscribed, and caught up (the full load)
    ChannelStatus first = manager.maintain().get(0);
    assertThat(first.action()).isEqualTo(ChannelStatus.Action.SUBSCRIBED);
    assertThat(first.caughtUp()).isTrue();
    assertThat(target).isEqualTo(zohoRecords());
    Channel channel = channels.load("billing.Leads").orElseThrow();
    assertThat(channel.token().reveal()).hasSize(32);
    assertThat(fake.notifications().channels(US)).hasSize(1);

    // a live channel: a write is notified to the receiver, with the token checked
    String live = insert("Live", "live@example.com");
    fake.notifications().awaitDeliveries(Duration.ofSeconds(10));
    assertThat(receiver.events).hasSize(1);
    NotificationEvent event = receiver.events.get(0);
    assertThat(event.ids()).containsExactly(live);
    assertThat(event.kind()).isEqualTo(NotificationEvent.Kind.INSERT);
    assertThat(event.channelId()).isEqualTo(channel.channelId());
    assertThat(event.queryParams()).containsEntry("tenant", "42");
    assertThat(fake.notifications().deliveries()).extracting(FakeNotifications.Delivery::status).containsExactly(200);

    // the channel lapses: past its expiry Zoho deletes it, and writes made meanwhile are notified to nobody
    advance(Duration.ofDays(8));
    assertThat(fake.notifications().channels(US)).isEmpty();
    String whileDown = insert("Down", "down@example.com");
    String changed = zohoRecords().keySet().iterator().next();
    updateEmail(changed, "changed.while.down@example.com");
    String gone = zohoRecords().keySet().stream().filter(id -> !id.equals(changed) && !id.equals(whileDown))
        .findFirst().orElseThrow();
    send("DELETE", "/crm/v8/Leads?ids=" + gone, null);
    fake.notifications().awaitDeliveries(Duration.ofSeconds(10));
    assertThat(receiver.events).hasSize(1);
    assertThat(target).doesNotContainKey(whileDown);

    // maintenance: the lapse is noticed, the channel subscribed again and the catch-up finds all three changes
    ChannelStatus recovered = manager.maintain().get(0);
    assertThat(recovered.action()).isEqualTo(ChannelStatus.Action.RESUBSCRIBED);
    assertThat(recovered.caughtUp()).isTrue();
    assertThat(recovered.channelId()).isEqualTo(channel.channelId());
    assertThat(target).isEqualTo(zohoRecords());
    assertThat(target).containsKey(whileDown).containsEntry(changed, "changed.while.down@example.com")
        .doesNotContainKey(gone);
    assertThat(fake.notifications().channels(US)).hasSize(1);

    // and notifications flow again
    String after = insert("After", "after@example.com");
    fake.notifications().awaitDeliveries(Duration.ofSeconds(10));
    assertThat(receiver.events).hasSize(2);
    assertThat(receiver.events.get(1).ids()).containsExactly(after);
  }

  @Test
  void aChannelIsRenewedBeforeItExpiresWithoutACatchUp() {
    ChannelManager manager = manager().build();
    Channel subscribed = manager.maintain().get(0).action() == ChannelStatus.Action.SUBSCRIBED
        ? channels.load("billing.Leads").orElseThrow() : null;
    assertThat(subscribed).isNotNull();

    advance(Duration.ofDays(1));
    assertThat(manager.maintain().get(0).action()).isEqualTo(ChannelStatus.Action.UNCHANGED);

    advance(Duration.ofDays(4).plusHours(1)); // less than the 2 days of renewBefore left
    ChannelStatus renewed = manager.maintain().get(0);
    assertThat(renewed.action()).isEqualTo(ChannelStatus.Action.RENEWED);
    assertThat(renewed.caughtUp()).isFalse();
    assertThat(renewed.expiry()).isAfter(subscribed.expiry().plus(Duration.ofDays(4)));
    assertThat(fake.notifications().channels(US).get(0).path("channel_expiry").asText())
        .startsWith(renewed.expiry().toString().substring(0, 16));

    advance(Duration.ofDays(5)); // past the first expiry: still live thanks to the renewal
    assertThat(fake.notifications().channels(US)).hasSize(1);
  }

  @Test
  void aRenewalAnsweredNotSubscribedSubscribesAgainAndCatchesUp() throws IOException {
    ChannelManager manager = manager().checkWithZoho(false).build();
    manager.maintain();
    long id = channels.load("billing.Leads").orElseThrow().channelId();
    assertThat(fake.notifications().deleteChannel(US, id)).isTrue(); // disabled behind the application's back
    String whileDown = insert("Down", "down@example.com");

    advance(Duration.ofDays(5).plusHours(1));
    ChannelStatus status = manager.maintain().get(0);
    assertThat(status.action()).isEqualTo(ChannelStatus.Action.RESUBSCRIBED);
    assertThat(status.caughtUp()).isTrue();
    assertThat(target).containsKey(whileDown).isEqualTo(zohoRecords());
    // the renewal was tried first (sent twice: the fake expired the access token during the 5 days, and zohokit
    // resends once with a renewed one)
    assertThat(fake.count("crm:PATCH /crm/v8/actions/watch")).isPositive();
    assertThat(fake.count("crm:POST /crm/v8/actions/watch")).isEqualTo(2);
  }

  @Test
  void aChannelDroppedBehindTheApplicationsBackIsNoticedAtTheNextMaintenance() {
    ChannelManager manager = manager().build();
    manager.maintain();
    fake.notifications().deleteChannel(US, channels.load("billing.Leads").orElseThrow().channelId());
    ChannelStatus status = manager.maintain().get(0);
    assertThat(status.action()).isEqualTo(ChannelStatus.Action.RESUBSCRIBED);
    assertThat(status.caughtUp()).isTrue();
  }

  @Test
  void channelIdsAreUniquePerApplicationAndModuleAndDisableRemovesThem() {
    ChannelManager billing = manager().watch("Contacts", null).build();
    ChannelManager crm = ChannelManager.builder(zoho, channels).application("support").notifyUrl(receiver.url())
        .watch("Leads", null).clock(clock).build();
    billing.maintain();
    crm.maintain();
    List<Long> ids = List.of(channels.load("billing.Leads").orElseThrow().channelId(),
        channels.load("billing.Contacts").orElseThrow().channelId(),
        channels.load("support.Leads").orElseThrow().channelId());
    assertThat(ids).doesNotHaveDuplicates();
    assertThat(fake.notifications().channels(US)).hasSize(3);

    billing.disable();
    assertThat(fake.notifications().channels(US)).hasSize(1);
    assertThat(channels.load("billing.Leads")).isEmpty();
    assertThat(channels.load("support.Leads")).isPresent();
  }
}

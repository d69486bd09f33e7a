package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The fake's Notification API state: watch channels per organisation ({@code /crm/v8/actions/watch}, see
 * {@code NotificationEndpoints}), expired and deleted on the fake's clock as Zoho does, and notifications posted to
 * each channel's {@code notify_url} after every record written or deleted through the records API — asynchronously,
 * on one delivery thread, as Zoho posts them after the write has answered. Only loopback addresses are posted to
 * (the fake never calls out of the machine); Zoho documents no redelivery, so a failed post is recorded, not retried.
 *
 * <pre>{@code
 * fake.sync().update(US, "Leads", id, Map.of("Email", "a@b.example"));  // not notified: behind the API's back
 * // a POST /crm/v8/Leads through the API notifies every live channel watching Leads.create or Leads.all
 * fake.notifications().awaitDeliveries(Duration.ofSeconds(5));
 * fake.notifications().deliveries();                                     // what was posted, with the answers
 * }</pre>
 */
public final class FakeNotifications implements AutoCloseable {
  /**
   * One post to a {@code notify_url}.
   *
   * @param channelId the channel
   * @param url where it was posted
   * @param payload what was posted (a copy)
   * @param status the receiver's HTTP status, or -1 when nothing was answered (not loopback, refused, timed out)
   */
  public record Delivery(long channelId, String url, JsonNode payload, int status) {}

  /** A channel as the fake keeps it. */
  static final class Watch {
    final long id;
    ObjectNode details;
    Instant expiry;

    Watch(long id, ObjectNode details, Instant expiry) {
      this.id = id;
      this.details = details;
      this.expiry = expiry;
    }
  }

  private final FakeZoho fake;
  private final Crm crm;
  private final FakeClock clock;
  private final Map<DataCenter, Map<Long, Watch>> channels = new EnumMap<>(DataCenter.class);
  private final List<Delivery> deliveries = Collections.synchronizedList(new ArrayList<>());
  private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "fake-zoho-notify");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final NotificationEndpoints endpoints;

  FakeNotifications(FakeZoho fake, Crm crm, FakeClock clock) {
    this.fake = fake;
    this.crm = crm;
    this.clock = clock;
    this.endpoints = new NotificationEndpoints(this, fake, crm, clock);
  }

  // ---- what tests see ----

  /**
   * The live channels of {@code dc}'s organisation, as Zoho's details API shows them.
   *
   * @param dc a data centre this fake serves
   * @return copies; expired channels are gone (Zoho deletes them)
   */
  public synchronized List<JsonNode> channels(DataCenter dc) {
    List<JsonNode> copy = new ArrayList<>();
    live(dc).values().forEach(w -> copy.add(endpoints.describe(dc, w)));
    return copy;
  }

  /**
   * Deletes a channel behind the application's back, as an administrator disabling it would.
   *
   * @param dc a data centre this fake serves
   * @param channelId the channel
   * @return whether it existed
   */
  public synchronized boolean deleteChannel(DataCenter dc, long channelId) {
    return live(dc).remove(channelId) != null;
  }

  /**
   * Every post so far, in order.
   *
   * @return a copy
   */
  public List<Delivery> deliveries() {
    synchronized (deliveries) {
      return new ArrayList<>(deliveries);
    }
  }

  /**
   * Waits until every notification queued so far has been posted (and answered or failed).
   *
   * @param timeout the longest wait
   * @throws IllegalStateException when they are not all posted within {@code timeout}
   */
  public void awaitDeliveries(Duration timeout) {
    try {
      sender.submit(() -> { }).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for the fake's notifications", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("the fake's notifications were not all posted within " + timeout, e);
    }
  }

  // ---- the records API's hooks ----

  /** Records written through the API: one notification per operation and channel, naming the records. */
  void written(DataCenter dc, String module, Crm.Write kind, JsonNode data, ArrayNode results) {
    Map<String, List<Integer>> byOperation = new LinkedHashMap<>();
    for (int i = 0; i < results.size(); i++) {
      JsonNode r = results.get(i);
      if (!"success".equals(r.path("status").asText())) {
        continue;
      }
      String operation = kind == Crm.Write.INSERT ? "insert" : kind == Crm.Write.UPDATE ? "update"
          : r.path("action").asText("insert");
      byOperation.computeIfAbsent(operation, o -> new ArrayList<>()).add(i);
    }
    byOperation.forEach((operation, indexes) -> {
      List<String> ids = new ArrayList<>();
      Map<String, ObjectNode> values = new LinkedHashMap<>();
      for (int i : indexes) {
        String id = results.get(i).path("details").path("id").asText();
        ids.add(id);
        ObjectNode changed = data.get(i).deepCopy();
        changed.remove("id");
        values.put(id, changed);
      }
      notify(dc, module, operation, ids, values);
    });
  }

  /** Records deleted through the API. */
  void deleted(Crm.Module module, ArrayNode results) {
    List<String> ids = new ArrayList<>();
    results.forEach(r -> {
      if ("success".equals(r.path("status").asText())) {
        ids.add(r.path("details").path("id").asText());
      }
    });
    for (DataCenter dc : fake.dataCenters()) {
      if (!ids.isEmpty() && crm.module(dc, module.apiName) == module) {
        notify(dc, module.apiName, "delete", ids, Map.of());
      }
    }
  }

  private synchronized void notify(DataCenter dc, String module, String operation, List<String> ids,
      Map<String, ObjectNode> values) {
    String event = operation.equals("insert") ? "create" : operation.equals("update") ? "edit" : "delete";
    for (Watch w : live(dc).values()) {
      if (!watches(w, module, event)) {
        continue;
      }
      ObjectNode payload = endpoints.payload(dc, w, module, operation, ids, values);
      String url = w.details.path("notify_url").asText();
      sender.execute(() -> deliver(w.id, url, payload));
    }
  }

  private static boolean watches(Watch w, String module, String event) {
    for (JsonNode e : w.details.path("events")) {
      String[] parts = e.asText().split("\\.");
      if (parts.length == 2 && parts[0].equalsIgnoreCase(module)
          && (parts[1].equals(event) || parts[1].equals("all"))) {
        return true;
      }
    }
    return false;
  }

  private void deliver(long channelId, String url, ObjectNode payload) {
    int status = -1;
    try {
      URI uri = URI.create(url);
      if (uri.getHost() != null && InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(Http.JSON.writeValueAsBytes(payload))).build();
        status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      }
    } catch (IOException | IllegalArgumentException e) {
      status = -1; // refused, unreachable, or not a URL: Zoho documents no redelivery
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deliveries.add(new Delivery(channelId, url, payload.deepCopy(), status));
  }

  // ---- state for the endpoints ----

  /** The channels of {@code dc} not yet expired; expired ones are deleted, as Zoho deletes them. */
  synchronized Map<Long, Watch> live(DataCenter dc) {
    Map<Long, Watch> all = channels.computeIfAbsent(dc, d -> new LinkedHashMap<>());
    Instant now = clock.instant();
    all.values().removeIf(w -> !w.expiry.isAfter(now));
    return all;
  }

  void handle(DataCenter dc, Http http) throws IOException {
    endpoints.handle(dc, http);
  }

  /** Stops the delivery thread. */
  @Override
  public void close() {
    sender.shutdownNow();
  }

  @Override
  public String toString() {
    return "FakeNotifications" + channels.keySet();
  }
}

package io.github.zohokit.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** The faults queued for the next requests to each {@link Fault.Target}, and how each is applied. */
final class Faults {
  private final Map<Fault.Target, Deque<Fault>> queues = new EnumMap<>(Fault.Target.class);
  private final Map<String, Deque<Fault>> exact = new HashMap<>();
  private final Observations observations;

  Faults(Observations observations) {
    this.observations = observations;
  }

  /** The next {@code times} requests to {@code target} get {@code fault}. */
  synchronized void failNext(Fault.Target target, int times, Fault fault) {
    Deque<Fault> queue = queues.computeIfAbsent(target, t -> new ArrayDeque<>());
    for (int i = 0; i < times; i++) {
      queue.addLast(fault);
    }
  }

  /** The next request {@code method path} (exactly) gets {@code fault}, before any fault queued for its target. */
  synchronized void failNextRequest(String method, String path, Fault fault) {
    exact.computeIfAbsent(method + " " + path, k -> new ArrayDeque<>()).addLast(fault);
  }

  /** Applies the next fault queued for {@code http}'s path, if any; true when the request is answered (or dropped). */
  boolean apply(Http http) throws IOException {
    Fault fault = nextExact(http.method + " " + http.path);
    fault = fault != null ? fault : next(http.path);
    return fault != null && apply(fault, http);
  }

  private synchronized Fault nextExact(String request) {
    Deque<Fault> queue = exact.get(request);
    return queue == null ? null : queue.pollFirst();
  }

  private synchronized Fault next(String path) {
    Fault.Target target = path.equals("/oauth/v2/token") ? Fault.Target.TOKEN
        : path.startsWith("/oauth/v3/device/") ? Fault.Target.DEVICE
        : path.startsWith("/crm/") ? Fault.Target.API : null;
    if (target == null) {
      return null;
    }
    Deque<Fault> queue = queues.get(target);
    return queue == null ? null : queue.pollFirst();
  }

  private boolean apply(Fault fault, Http http) throws IOException {
    observations.increment("fault:" + fault.kind.name().toLowerCase(Locale.ROOT));
    switch (fault.kind) {
      case DELAY:
        try {
          Thread.sleep(fault.delay.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return false;
      case DROP_CONNECTION:
        // Closing an exchange without an answer makes the server drop the connection.
        http.exchange.close();
        return true;
      case NON_JSON:
        http.html(502, Html.page("502 Bad Gateway", "<h1>502 Bad Gateway</h1>"));
        return true;
      case OAUTH_SERVER_ERROR:
        http.json(500, Http.JSON.createObjectNode().put("error", "internal_error"));
        return true;
      case TRICKLE:
        trickle(http, fault.delay);
        return true;
      case THROTTLE:
        http.json(400, Http.JSON.createObjectNode().put("error_description",
            "You have made too many requests continuously. Please try again after some time.")
            .put("error", "Access Denied").put("status", "failure"));
        return true;
      default:
        new ZohoError(500, "INTERNAL_ERROR", "Internal Server Error").answer(http);
        return true;
    }
  }

  /** Answers 200 with a 100-byte JSON body, one byte per {@code perByte}, until done or the client goes away. */
  private static void trickle(Http http, Duration perByte) throws IOException {
    StringBuilder json = new StringBuilder("{\"error\":\"trickle\",\"padding\":\"");
    while (json.length() < 98) {
      json.append('x');
    }
    byte[] body = json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    http.exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
    http.exchange.sendResponseHeaders(200, body.length);
    OutputStream out = http.exchange.getResponseBody();
    try {
      for (byte b : body) {
        out.write(b);
        out.flush();
        Thread.sleep(perByte.toMillis());
      }
      out.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client gave up: what a trickling server is for
    }
  }
}

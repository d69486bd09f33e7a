package io.github.zohokit.notifications;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;

/**
 * A {@link NotificationReceiver} on the JDK's own HTTP server ({@code com.sun.net.httpserver}), for applications
 * without a web framework:
 *
 * <pre>{@code
 * HttpServer server = HttpServer.create(new InetSocketAddress(8080), 100);
 * server.createContext("/zoho/notifications", new NotificationHttpHandler(receiver));
 * server.start();
 * }</pre>
 *
 * Only {@code POST} is accepted (405 otherwise); the answer has no body.
 */
public final class NotificationHttpHandler implements HttpHandler {
  private final NotificationReceiver receiver;

  /**
   * A handler for {@code receiver}.
   *
   * @param receiver checks and delivers the notifications
   */
  public NotificationHttpHandler(NotificationReceiver receiver) {
    this.receiver = Objects.requireNonNull(receiver, "receiver");
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    try (InputStream body = exchange.getRequestBody()) {
      if (!"POST".equals(exchange.getRequestMethod())) {
        exchange.getResponseHeaders().set("Allow", "POST");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      int status = receiver.handle(exchange.getRequestHeaders(), body);
      exchange.sendResponseHeaders(status, -1);
    } finally {
      exchange.close();
    }
  }
}

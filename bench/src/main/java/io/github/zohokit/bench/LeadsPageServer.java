package io.github.zohokit.bench;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local server answering {@code GET /crm/v8/Leads} with the same realistic page of 200 leads (about 90 KB) to
 * every client under test: deep accept backlog, TCP_NODELAY, keep-alive. Runs in-process (JMH) or standalone
 * ({@code main}, for whole-process measurements).
 */
public final class LeadsPageServer implements AutoCloseable {
  static {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  static final String FIELDS = "First_Name,Last_Name,Email,Company,Lead_Source,Phone,Owner,Created_Time,Modified_Time";
  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
    Thread t = new Thread(r, "leads-page-server");
    t.setDaemon(true);
    return t;
  });

  public LeadsPageServer(int port) throws IOException {
    byte[] page = page(200).getBytes(StandardCharsets.UTF_8);
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1024);
    server.createContext("/crm/v8/Leads", exchange -> {
      String auth = exchange.getRequestHeaders().getFirst("Authorization");
      if (auth == null || !auth.startsWith("Zoho-oauthtoken ")) {
        exchange.sendResponseHeaders(401, -1);
        exchange.close();
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json;charset=UTF-8");
      exchange.sendResponseHeaders(200, page.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(page);
      }
    });
    server.setExecutor(executor);
    server.start();
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
  }

  static String page(int count) {
    StringBuilder json = new StringBuilder("{\"data\":[");
    for (int i = 0; i < count; i++) {
      if (i > 0) {
        json.append(',');
      }
      String id = "4876876000" + String.format("%09d", 1_000_000 + i);
      json.append("{\"id\":\"").append(id).append("\",\"First_Name\":\"First").append(i)
          .append("\",\"Last_Name\":\"Last").append(i).append("\",\"Email\":\"first").append(i)
          .append(".last@example.com\",\"Company\":\"Company ").append(i % 40)
          .append("\",\"Lead_Source\":\"Web Download\",\"Phone\":null,")
          .append("\"Owner\":{\"name\":\"Ann Lee\",\"id\":\"4876876000000333001\",\"email\":\"ann@zylker.example\"},")
          .append("\"Created_Time\":\"2026-01-05T09:30:00+05:30\",\"Modified_Time\":\"2026-01-05T09:31:00+05:30\",")
          .append("\"$approval_state\":\"approved\",\"$editable\":true,\"Tag\":[]}");
    }
    return json.append("],\"info\":{\"per_page\":200,\"count\":").append(count)
        .append(",\"page\":1,\"more_records\":false,\"next_page_token\":null,\"previous_page_token\":null,")
        .append("\"page_token_expiry\":null,\"sort_by\":\"id\",\"sort_order\":\"asc\",\"call\":false,\"email\":false}}")
        .toString();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Runs standalone: prints the URL, serves until killed. */
  public static void main(String[] args) throws Exception {
    LeadsPageServer server = new LeadsPageServer(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    System.out.println(server.url());
    System.out.flush();
    Thread.currentThread().join();
  }
}

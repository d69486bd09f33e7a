package io.github.zohokit.it;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoException;
import io.github.zohokit.auth.AuthorizationRequest;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.CrmRecord;
import io.github.zohokit.crm.v8.RecordsApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A small web application using Zoho the way real ones do, for the end-to-end tests:
 *
 * <ul>
 *   <li>server-based: "Login with Zoho" ({@code /login}), the callback ({@code /callback}), tokens stored per user,
 *       and a page listing the user's leads ({@code /leads});
 *   <li>client-based: a static page ({@code /app.html}) whose JavaScript gets a token with the implicit grant and
 *       calls the CRM API from the browser.
 * </ul>
 */
public final class LeadsWebApp implements AutoCloseable {
  private static final String COOKIE = "sample-session";
  private static final List<String> SCOPES = List.of("ZohoCRM.modules.leads.READ", "ZohoCRM.users.READ");

  private final ZohoOAuth oauth;
  private final String browserClientId;
  private final String accountsUrl;
  private final HttpServer server;
  private final Map<String, AuthorizationRequest> pending = new ConcurrentHashMap<>();
  private final Map<String, String> users = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();

  /**
   * @param oauth the server-based client
   * @param browserClientId the client-based client the page uses (may be null)
   * @param accountsUrl where the page sends the browser to authorize
   */
  public LeadsWebApp(ZohoOAuth oauth, String browserClientId, String accountsUrl, int port) throws IOException {
    this.oauth = oauth;
    this.browserClientId = browserClientId;
    this.accountsUrl = accountsUrl;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The app's base URL, for example {@code http://127.0.0.1:39815}. */
  public String url() {
    return "http://" + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try {
      String path = exchange.getRequestURI().getPath();
      String session = session(exchange);
      switch (path) {
        case "/":
          html(exchange, 200, "<h1>Leads</h1><p><a id=\"login\" href=\"/login\">Login with Zoho</a></p>");
          break;
        case "/login": {
          AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(SCOPES);
          pending.put(session, request);
          redirect(exchange, request.url());
          break;
        }
        case "/callback":
          callback(exchange, session);
          break;
        case "/leads":
          leads(exchange, session);
          break;
        case "/app.html":
          appPage(exchange);
          break;
        default:
          html(exchange, 404, "<p>not found</p>");
      }
    } catch (RuntimeException e) {
      html(exchange, 500, "<p id=\"error\">" + escape(e.getMessage()) + "</p>");
    } finally {
      exchange.close();
    }
  }

  private void callback(HttpExchange exchange, String session) throws IOException {
    AuthorizationRequest request = pending.remove(session);
    if (request == null) {
      html(exchange, 400, "<p id=\"error\">No login in progress; start again.</p>");
      return;
    }
    String callback = url() + exchange.getRequestURI().toString();
    try {
      oauth.authorizationCodeFlow().complete(request, callback, "session-" + session);
    } catch (ZohoException e) {
      html(exchange, 403, "<h1>Login failed</h1><p id=\"error\">" + escape(e.getMessage()) + "</p>");
      return;
    }
    users.put(session, "session-" + session);
    redirect(exchange, "/leads");
  }

  private void leads(HttpExchange exchange, String session) throws IOException {
    String userKey = users.get(session);
    if (userKey == null) {
      redirect(exchange, "/");
      return;
    }
    RecordsApi records = Zoho.connect(oauth).forUser(userKey).client(RecordsApi.class);
    StringBuilder list = new StringBuilder("<h1>Your leads</h1><ul id=\"leads\">");
    for (CrmRecord lead : records.list("Leads", List.of("First_Name", "Last_Name")).data()) {
      list.append("<li class=\"lead\">").append(escape(lead.getString("First_Name"))).append(' ')
          .append(escape(lead.getString("Last_Name"))).append("</li>");
    }
    html(exchange, 200, list.append("</ul>").toString());
  }

  private void appPage(HttpExchange exchange) throws IOException {
    String page;
    try (InputStream in = LeadsWebApp.class.getResourceAsStream("/sample/app.html")) {
      page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    page = page.replace("@CLIENT_ID@", browserClientId == null ? "" : browserClientId)
        .replace("@ACCOUNTS_URL@", accountsUrl);
    html(exchange, 200, page);
  }

  private String session(HttpExchange exchange) {
    String cookies = exchange.getRequestHeaders().getFirst("Cookie");
    if (cookies != null) {
      for (String cookie : cookies.split(";")) {
        String[] pair = cookie.trim().split("=", 2);
        if (pair.length == 2 && pair[0].equals(COOKIE)) {
          return pair[1];
        }
      }
    }
    byte[] id = new byte[18];
    random.nextBytes(id);
    String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    exchange.getResponseHeaders().add("Set-Cookie", COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Lax");
    return session;
  }

  private static void redirect(HttpExchange exchange, String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    exchange.sendResponseHeaders(302, -1);
  }

  private static void html(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = ("<!doctype html><html><head><meta charset=\"utf-8\"><title>Sample</title></head><body>" + body
        + "</body></html>").getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "text/html;charset=UTF-8");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  private static String escape(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

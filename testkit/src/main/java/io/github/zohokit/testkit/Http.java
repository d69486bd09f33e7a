package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP exchange of the fake: parameters from the query string and a form body, and the ways to answer. */
final class Http {
  static final ObjectMapper JSON = new ObjectMapper();

  final HttpExchange exchange;
  final String method;
  final String path;
  final Map<String, String> query;
  final Map<String, String> form;
  final byte[] body;
  private boolean answered;
  /** Run once before the answer is written: the fake's concurrency gate lets the call out (ApiAllowance). */
  Runnable beforeAnswer;

  private Http(HttpExchange exchange, byte[] body) {
    this.exchange = exchange;
    this.method = exchange.getRequestMethod().toUpperCase();
    URI uri = exchange.getRequestURI();
    this.path = uri.getRawPath();
    this.query = decode(uri.getRawQuery());
    this.body = body;
    String type = header("Content-Type");
    this.form = type != null && type.toLowerCase().startsWith("application/x-www-form-urlencoded")
        ? decode(new String(body, StandardCharsets.UTF_8)) : Map.of();
  }

  static Http of(HttpExchange exchange) throws IOException {
    return new Http(exchange, exchange.getRequestBody().readAllBytes());
  }

  static Map<String, String> decode(String encoded) {
    Map<String, String> params = new LinkedHashMap<>();
    if (encoded == null || encoded.isEmpty()) {
      return params;
    }
    for (String pair : encoded.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      params.putIfAbsent(name, value);
    }
    return params;
  }

  /** A parameter from the query string or, failing that, the form body; null when absent or empty. */
  String param(String name) {
    String value = query.get(name);
    if (value == null) {
      value = form.get(name);
    }
    return value == null || value.isEmpty() ? null : value;
  }

  /** Query and form parameters together. */
  Map<String, String> params() {
    Map<String, String> all = new LinkedHashMap<>(form);
    all.putAll(query);
    return all;
  }

  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  boolean hasJsonBody() {
    String type = header("Content-Type");
    return type != null && type.toLowerCase().contains("json");
  }

  /**
   * The body as JSON, whatever the {@code Content-Type} says: Zoho reads the JSON of CRM writes and COQL queries sent
   * as {@code application/json} or {@code text/plain} (Zoho's own Java SDK for v8 sends its COQL query as
   * {@code text/plain}, and Zoho answers it: issue 25) or without a type; null when there is no body.
   *
   * @throws IOException when the body is not JSON
   */
  JsonNode jsonBody() throws IOException {
    if (body.length == 0) {
      return null;
    }
    return JSON.readTree(body);
  }

  boolean answered() {
    return answered;
  }

  void header(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  /**
   * Answers a CRM {@code body} after checking it against Zoho's documented {@code shape}: an answer that departs is
   * the fake's bug, thrown as {@link IllegalStateException} (a 500 naming the key) instead of sent.
   */
  void json(int status, JsonNode body, ZohoShapes.Shape shape) throws IOException {
    shape.check(body);
    json(status, body);
  }

  void json(int status, Object body) throws IOException {
    send(status, "application/json;charset=UTF-8", JSON.writeValueAsBytes(body));
  }

  void html(int status, String html) throws IOException {
    send(status, "text/html;charset=UTF-8", html.getBytes(StandardCharsets.UTF_8));
  }

  void text(int status, String contentType, String text) throws IOException {
    send(status, contentType, text.getBytes(StandardCharsets.UTF_8));
  }

  void redirect(String location) throws IOException {
    exchange.getResponseHeaders().set("Location", location);
    empty(302);
  }

  void empty(int status) throws IOException {
    answered = true;
    if (beforeAnswer != null) {
      beforeAnswer.run();
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  private void send(int status, String contentType, byte[] bytes) throws IOException {
    answered = true;
    if (beforeAnswer != null) {
      beforeAnswer.run();
    }
    exchange.getResponseHeaders().set("Content-Type", contentType);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }
}

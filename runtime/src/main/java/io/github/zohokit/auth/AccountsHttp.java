package io.github.zohokit.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoUnavailableException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;

/**
 * Talks to Zoho Accounts: form-encoded POSTs (Zoho rejects JSON bodies and GETs on its token endpoints), answers
 * read as JSON whatever the HTTP status, because Zoho sends OAuth errors with 200 as often as with 400.
 *
 * <p>Every call is bounded: a call timeout covers connecting, sending and reading the whole answer (so a server
 * trickling bytes cannot hold a caller longer), and answers are read up to {@link #MAX_BODY_BYTES}. What is not an
 * OAuth answer — HTTP 5xx, HTML or empty bodies, timeouts, connection errors — is a
 * {@link ZohoUnavailableException} (transient), never a refusal.
 */
final class AccountsHttp {
  static final String USER_AGENT = userAgent();
  /** The most of an answer read from Zoho Accounts: its OAuth answers are a few hundred bytes. */
  static final long MAX_BODY_BYTES = 1024 * 1024;

  private final OkHttpClient http;
  private final ObjectMapper mapper;
  private final Duration callTimeout;

  private static String userAgent() {
    String version = AccountsHttp.class.getPackage().getImplementationVersion();
    return version == null ? "zohokit" : "zohokit/" + version;
  }

  /** @param callTimeout the most one call may take, answer included (shares {@code http}'s pool and settings) */
  AccountsHttp(OkHttpClient http, ObjectMapper mapper, Duration callTimeout) {
    // The form carries the client secret, refresh tokens and codes: never let a redirect carry it elsewhere.
    this.http = http.newBuilder().callTimeout(callTimeout).followRedirects(false).followSslRedirects(false).build();
    this.mapper = mapper;
    this.callTimeout = callTimeout;
  }

  /** Posts {@code form} to {@code server + path} and returns the JSON answer; never logs or echoes the form. */
  Answer post(HttpUrl server, String path, Map<String, String> form) {
    HttpUrl url = server.newBuilder().encodedPath(joinPath(server, path)).build();
    FormBody.Builder body = new FormBody.Builder();
    form.forEach((name, value) -> {
      if (value != null) {
        body.add(name, value);
      }
    });
    Request request = new Request.Builder().url(url).header("User-Agent", USER_AGENT)
        .header("Accept", "application/json").post(body.build()).build();
    try (Response response = http.newCall(request).execute()) {
      if (response.isRedirect()) {
        throw redirected(url, response);
      }
      String text = readLimited(response.body(), url, response.code());
      JsonNode json;
      try {
        json = text.isBlank() ? null : mapper.readTree(text);
      } catch (JsonProcessingException e) {
        json = null;
      }
      if (json == null || !json.isObject()) {
        String type = response.header("Content-Type", "no content type");
        throw new ZohoUnavailableException("Zoho Accounts at " + url + " answered HTTP " + response.code()
            + " with " + (text.isBlank() ? "an empty body" : "a body that is not JSON (" + type + ", "
            + text.length() + " characters)")
            + ", not an OAuth answer. A proxy, a captive portal or an outage is likely; this is transient: check "
            + "the accounts URL and try again later", response.code(), null, null);
      }
      Answer answer = new Answer(url, response.code(), json);
      if (response.code() >= 500) {
        throw new ZohoUnavailableException("Zoho Accounts at " + url + " answered HTTP " + response.code()
            + (answer.error() != null ? " ('" + answer.error() + "')" : "") + ": a server error at Zoho, not a "
            + "refusal. This is transient; try again later", response.code(), null, null);
      }
      return answer;
    } catch (InterruptedIOException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new ZohoUnavailableException("interrupted while calling Zoho Accounts at " + url, 0, null, e);
      }
      throw new ZohoUnavailableException("Zoho Accounts at " + url + " did not answer within "
          + callTimeout.toSeconds() + "s (the accounts call timeout): " + e.getMessage() + ". This is transient; "
          + "check the network and try again", 0, null, e);
    } catch (IOException e) {
      throw new ZohoUnavailableException("could not reach Zoho Accounts at " + url + ": " + e.getMessage()
          + ". This is transient; check the network and the data centre's accounts URL", 0, null, e);
    }
  }

  /** The body as text, read up to {@link #MAX_BODY_BYTES}; past it, a clear error instead of reading on. */
  private static String readLimited(ResponseBody body, HttpUrl url, int status) throws IOException {
    BufferedSource source = body.source();
    if (source.request(MAX_BODY_BYTES + 1)) {
      throw new ZohoUnavailableException("Zoho Accounts at " + url + " answered HTTP " + status + " with a body "
          + "larger than " + (MAX_BODY_BYTES / 1024) + " KiB, the most zohokit reads; Zoho's OAuth answers are a few "
          + "hundred bytes, so this is not Zoho (a proxy or a wrong accounts URL?). Check the accounts URL", status,
          null, null);
    }
    return source.readUtf8();
  }

  /** A redirect from Zoho Accounts: refused, naming the status and where it pointed (without its query). */
  private static ZohoAuthException redirected(HttpUrl url, Response response) {
    String location = response.header("Location");
    HttpUrl target = location == null ? null : url.resolve(location);
    String where = target != null ? target.newBuilder().query(null).fragment(null).build().toString()
        : location == null ? "no Location" : "an unparseable Location";
    return new ZohoAuthException("accounts_redirect", "Zoho Accounts at " + url + " answered HTTP " + response.code()
        + " redirecting to " + where + ". zohokit does not follow redirects on Zoho Accounts calls, because the "
        + "request carries the client secret and tokens; nothing was sent there. Configure the accounts server "
        + "the redirect points to, if it is legitimate (ZohoEndpoints.withAccountsUrl), or check for a proxy");
  }

  private static String joinPath(HttpUrl server, String path) {
    String base = server.encodedPath();
    if (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    return base + path;
  }

  /** Zoho's JSON answer, with the URL and status it came from. */
  record Answer(HttpUrl url, int status, JsonNode json) {
    /** Zoho's {@code error} member, or {@code null}. */
    String error() {
      JsonNode error = json.get("error");
      return error == null || error.isNull() ? null : error.asText();
    }

    String text(String field) {
      JsonNode value = json.get(field);
      return value == null || value.isNull() ? null : value.asText();
    }
  }
}

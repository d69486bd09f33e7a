package io.github.zohokit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.Zoho;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Raw requests to Zoho through the connection's authorizing {@link OkHttpClient} (token, API domain, the single
 * resend on a rejected token): JSON answers parsed, 429 retried with capped exponential back-off, every request and
 * its documented credit cost counted.
 */
final class ZohoRequests {
  static final MediaType JSON_TYPE = MediaType.get("application/json; charset=utf-8");

  /** A JSON answer: the status and the body (null for 204 and 304). */
  record Answer(int status, JsonNode body) {}

  private final OkHttpClient http;
  private final ObjectMapper json;
  private final Backoff backoff;
  final AtomicLong requests = new AtomicLong();
  final AtomicLong credits = new AtomicLong();
  volatile Long creditsRemaining;

  ZohoRequests(Zoho zoho, Backoff backoff) {
    this.http = zoho.httpClient();
    this.json = zoho.objectMapper();
    this.backoff = backoff;
  }

  ObjectMapper json() {
    return json;
  }

  /**
   * The base every path is appended to. The authorizing client replaces scheme, host and port with the user's API
   * domain, so any absolute URL works; this one is a placeholder.
   */
  static HttpUrl.Builder url(String path) {
    return HttpUrl.get("https://www.zohoapis.com").newBuilder().encodedPath(path);
  }

  /** A GET (resent on 429 with back-off); {@code ifModifiedSince} may be null. */
  Answer get(HttpUrl url, String ifModifiedSince, int credits) {
    Request.Builder request = new Request.Builder().url(url).get();
    if (ifModifiedSince != null) {
      request.header("If-Modified-Since", ifModifiedSince);
    }
    return send(request.build(), credits, true);
  }

  /** A POST of JSON: never resent after it may have reached Zoho (a job created twice costs twice). */
  Answer postJson(HttpUrl url, JsonNode body, int credits) {
    RequestBody content;
    try {
      content = RequestBody.create(json.writeValueAsBytes(body), JSON_TYPE);
    } catch (IOException e) {
      throw new SyncException("cannot write the request body: " + e.getMessage(), null, e);
    }
    return send(new Request.Builder().url(url).post(content).build(), credits, false);
  }

  /** A request whose answer is read by {@code reader} as a stream; 429 before any byte is resent with back-off. */
  <T> T stream(Request request, int credits, StreamReader<T> reader) {
    for (int attempt = 1; ; attempt++) {
      requests.incrementAndGet();
      this.credits.addAndGet(credits);
      try (Response response = http.newCall(request).execute()) {
        remember(response);
        if (response.code() == 429 && attempt < backoff.attempts()) {
          backoff.sleep(attempt);
          continue;
        }
        if (!response.isSuccessful()) {
          throw error(request, response.code(), parse(response.body()));
        }
        return reader.read(response.body().byteStream(), response);
      } catch (IOException e) {
        throw new SyncException(request.method() + " " + request.url().encodedPath() + " failed: " + e.getMessage(),
            null, e);
      }
    }
  }

  /** Reads a streamed answer. */
  interface StreamReader<T> {
    T read(InputStream body, Response response) throws IOException;
  }

  private Answer send(Request request, int credits, boolean idempotent) {
    for (int attempt = 1; ; attempt++) {
      requests.incrementAndGet();
      this.credits.addAndGet(credits);
      try (Response response = http.newCall(request).execute()) {
        remember(response);
        int status = response.code();
        if (status == 429 && attempt < backoff.attempts()) {
          // Zoho sends no Retry-After; 429 means daily credits or concurrency: both ease with time
          backoff.sleep(attempt);
          continue;
        }
        if (status == 204 || status == 304) {
          return new Answer(status, null);
        }
        JsonNode body = parse(response.body());
        if (!response.isSuccessful()) {
          throw error(request, status, body);
        }
        return new Answer(status, body);
      } catch (IOException e) {
        if (idempotent && attempt < backoff.attempts()) {
          backoff.sleep(attempt);
          continue;
        }
        throw new SyncException(request.method() + " " + request.url().encodedPath() + " failed: " + e.getMessage()
            + (idempotent ? "" : ". It may have reached Zoho; it was not sent again"), null, e);
      }
    }
  }

  private void remember(Response response) {
    String remaining = response.header("X-API-CREDITS-REMAINING");
    if (remaining != null) {
      try {
        creditsRemaining = Long.parseLong(remaining.trim());
      } catch (NumberFormatException ignored) {
        // not a number: keep the last one
      }
    }
  }

  private JsonNode parse(ResponseBody body) throws IOException {
    String text = body == null ? "" : body.string();
    if (text.isBlank()) {
      return json.createObjectNode();
    }
    try {
      return json.readTree(text);
    } catch (IOException e) {
      return json.createObjectNode().put("message", text.length() > 200 ? text.substring(0, 200) : text);
    }
  }

  static SyncException error(Request request, int status, JsonNode body) {
    JsonNode error = body.path("data").isArray() && body.path("data").size() > 0 ? body.path("data").get(0) : body;
    String code = error.path("code").asText(null);
    String message = error.path("message").asText("");
    String what = request.method() + " " + request.url().encodedPath();
    String hint = "";
    if (status == 429 && what.endsWith("/result")) {
      hint = ". Zoho allows 10 Bulk Read downloads per minute per organisation; share one DownloadLimiter between "
          + "the exports of an organisation";
    } else if (status == 429) {
      hint = ". Zoho's daily API credits or its concurrency limit are spent; what was committed stays committed: "
          + "run again later and it resumes";
    }
    return new SyncException(what + ": HTTP " + status + (code == null ? "" : " " + code) + " " + message
        + (error.has("details") && !error.path("details").isEmpty() ? " " + error.path("details") : "") + hint,
        code, null);
  }

  /** Capped exponential back-off for 429 and failed reads. */
  record Backoff(int attempts, Duration initial, Duration max, Sleeper sleeper) {
    void sleep(int attempt) {
      long millis = Math.min(max.toMillis(), initial.toMillis() << Math.min(20, attempt - 1));
      sleeper.sleep(Duration.ofMillis(millis));
    }
  }

  /** How waiting is done: {@link Thread#sleep} by default, nothing in tests. */
  interface Sleeper {
    void sleep(Duration duration);

    static Sleeper real() {
      return duration -> {
        try {
          Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new SyncException("interrupted while waiting to retry", null, e);
        }
      };
    }
  }
}

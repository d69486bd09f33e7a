package io.github.zohokit.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.RateLimitException;
import io.github.zohokit.ScopeMismatchException;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.scope.ScopeCatalogue;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Not API: may change in any release. Turns a failed Zoho API call into the matching exception, the same way for
 * every call: generated calls, synchronous or asynchronous, and paged streams. Zoho's error body is
 * {@code {"code": "...", "details": {...}, "message": "...", "status": "error"}}; the status and the code decide the
 * type:
 *
 * <ul>
 *   <li>{@code OAUTH_SCOPE_MISMATCH} → {@link ScopeMismatchException}, naming the scopes the call needs that the
 *       token lacks;
 *   <li>HTTP 429 / {@code TOO_MANY_REQUESTS} → {@link RateLimitException};
 *   <li>HTTP 5xx, whatever the body → {@link ZohoUnavailableException} (transient: the same request may succeed
 *       later), as for Zoho Accounts; so is a failed connection, a timeout or a broken answer
 *       ({@link #failure(IOException, String)});
 *   <li>everything else → {@link ZohoApiException} with status, code, details and message, plus advice for the
 *       codes whose fix is known ({@code INVALID_TOKEN}, {@code INVALID_HOST}, {@code REQUIRED_PARAM_MISSING}, ...).
 * </ul>
 *
 * 204 (no content) and 207 (some records of a batch failed, reported per record) are not errors; nor are 304 (not
 * modified) and a 404 without a Zoho error body for methods returning {@code Optional} (empty) or
 * {@code ZohoResponse}. A 404 with a Zoho error body (such as {@code INVALID_URL_PATTERN}, a wrong path) is an
 * error for every return type. Error bodies are read up to {@link #MAX_ERROR_BODY_BYTES}.
 */
public final class ZohoErrorDecoder {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The most of an error body read: Zoho's are a few hundred bytes. */
  public static final long MAX_ERROR_BODY_BYTES = 1024 * 1024;

  private ZohoErrorDecoder() {}

  /**
   * The exception for a failed answer.
   *
   * @param status the HTTP status
   * @param contentType the {@code Content-Type} header, or null
   * @param body the response body as text, or null
   * @param retryAfter the {@code Retry-After} header's delay, or null
   * @return the exception to throw: a {@link ScopeMismatchException}, a {@link RateLimitException}, a
   *     {@link ZohoUnavailableException} or a {@link ZohoApiException}
   * @param operation what was called, for the message, for example {@code GET /crm/v8/Leads}
   * @param requiredScopes the scopes the call declares (may be empty)
   * @param grantedScopes the scopes the token was granted (may be empty)
   */
  static ZohoException decode(int status, String contentType, String body, Duration retryAfter,
      String operation, Collection<String> requiredScopes, Collection<Scope> grantedScopes) {
    return decode(status, contentType, body, retryAfter, operation, requiredScopes, grantedScopes, null, null);
  }

  /**
   * As {@link #decode(int, String, String, Duration, String, Collection, Collection)}, for the call as sent
   * ({@code sentMethod} and {@code sentPath}): a scope mismatch then also names the scopes Zoho documents for it
   * (zohokit's scope catalogue).
   */
  static ZohoException decode(int status, String contentType, String body, Duration retryAfter,
      String operation, Collection<String> requiredScopes, Collection<Scope> grantedScopes, String sentMethod,
      String sentPath) {
    JsonNode json = parse(body);
    if (json != null && !json.has("code") && json.path("data").isArray() && json.path("data").size() > 0) {
      json = json.path("data").get(0);
    }
    String code = json == null ? null : text(json, "code");
    String message = json == null ? null : text(json, "message");
    Map<String, Object> details = details(json);
    String prefix = operation + " failed: HTTP " + status;
    if (json == null || code == null) {
      String what = body == null || body.isEmpty() ? "an empty body"
          : "a body that is not a Zoho error (" + (contentType == null ? "no content type" : contentType) + ", "
              + body.length() + " characters)";
      if (status == 429) {
        return new RateLimitException(prefix + " with " + what + ": Zoho's API limits were hit. Slow down"
            + (retryAfter != null ? " and retry after " + retryAfter.toSeconds() + "s" : ""), retryAfter);
      }
      if (status >= 500) {
        return unavailable(prefix + " with " + what + "; Zoho may be down, retry later", status, retryAfter);
      }
      return new ZohoApiException(prefix + " with " + what + (status == 304 ? ": not modified since "
          + "If-Modified-Since. Declare Optional<...> or ZohoResponse<...> (ZohoDownload for a file) as the return "
          + "type to get an empty result instead" : ""), status, null, Map.of(), null);
    }
    String summary = prefix + " " + code + (message != null ? ": " + message : "")
        + (details.isEmpty() ? "" : " " + details);
    if (isScopeMismatch(code)) {
      List<String> required = new ArrayList<>(requiredScopes);
      List<String> granted = new ArrayList<>();
      grantedScopes.forEach(s -> granted.add(s.toString()));
      String missing = missing(required, grantedScopes);
      String documented = documented(sentMethod, sentPath);
      return new ScopeMismatchException(summary + ". The access token lacks a scope this call needs"
          + (missing != null ? ": " + missing : required.isEmpty() ? "" : " (it declares " + required + ")")
          + (documented == null ? "" : "; Zoho documents " + sentMethod + " " + sentPath + " to need " + documented)
          + (granted.isEmpty() ? "" : "; granted: " + granted) + ". Refreshing cannot add scopes: authorize again "
          + "with the missing scopes (self client: generate a grant token with them and run "
          + "mvn zoho:bootstrap-token with it in ZOHO_GRANT_TOKEN)", status, details, message, required, granted);
    }
    if (status == 429 || "TOO_MANY_REQUESTS".equals(code)) {
      return new RateLimitException(summary + ". Zoho's API credits or concurrency limit for the organisation "
          + "were hit; slow down" + (retryAfter != null ? " and retry after " + retryAfter.toSeconds() + "s" : ""),
          retryAfter);
    }
    if (status >= 500) {
      return unavailable(summary + ": a server error at Zoho, not a refusal of the request. This is transient; "
          + "retry later", status, retryAfter);
    }
    return new ZohoApiException(summary + advice(code, details), status, code, details, message);
  }

  private static ZohoUnavailableException unavailable(String message, int status, Duration retryAfter) {
    return new ZohoUnavailableException(message, status, retryAfter, null);
  }

  /**
   * The exception for a call that got no (complete) answer: the {@link ZohoException} behind a token that could not
   * be obtained as it is, otherwise a {@link ZohoUnavailableException} (a failed connection, a timeout, an answer
   * broken off), whose message says, for a request zohokit did not resend, whether Zoho may have applied it.
   *
   * @param e what the HTTP client threw
   * @param operation what was called, for the message, for example {@code GET /crm/v8/Leads}
   * @return the exception to throw
   */
  public static ZohoException failure(IOException e, String operation) {
    if (e instanceof TokenUnavailableException) {
      return ((TokenUnavailableException) e).zohoCause();
    }
    if (e instanceof LimitRefusedException) {
      return ((LimitRefusedException) e).zohoCause();
    }
    if (e instanceof NotResentException) {
      return new ZohoUnavailableException(operation + ": " + e.getMessage(), 0, null, e);
    }
    return new ZohoUnavailableException(operation + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage()
        + "; check the network and retry", 0, null, e);
  }

  /**
   * Whether the answer carries a Zoho error body (a {@code code}), read without consuming it: a 404 without one
   * is "no such record", with one (such as {@code INVALID_URL_PATTERN}) an error.
   *
   * @param response the answer; its body is peeked at, up to {@link #MAX_ERROR_BODY_BYTES}
   * @return whether the body holds a Zoho error
   */
  public static boolean hasZohoError(okhttp3.Response response) {
    try {
      return errorCode(response.peekBody(MAX_ERROR_BODY_BYTES).string()) != null;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * The exception for a failed answer (status not 2xx), as the class comment describes.
   *
   * @param response the failed response; its body is read, up to 1 MiB
   * @param operation what was called, for the message
   * @param requiredScopes the scopes the call declares (may be empty)
   * @param grantedScopes the scopes the token was granted (may be empty)
   * @return the exception to throw
   */
  public static ZohoException decode(okhttp3.Response response, String operation, Collection<String> requiredScopes,
      Collection<Scope> grantedScopes) {
    String body;
    try {
      okio.BufferedSource source = response.body().source();
      if (source.request(MAX_ERROR_BODY_BYTES + 1)) {
        String message = operation + " failed: HTTP " + response.code() + " with a body larger than "
            + (MAX_ERROR_BODY_BYTES / 1024) + " KiB, the most zohokit reads of an error; Zoho's error bodies are "
            + "small, so something else answered (a proxy, a wrong API domain?)";
        Duration retryAfter = retryAfter(response.header("Retry-After"));
        return response.code() == 429 ? new RateLimitException(message, retryAfter)
            : response.code() >= 500 ? unavailable(message, response.code(), retryAfter)
            : new ZohoApiException(message, response.code(), null, Map.of(), null);
      }
      body = source.readUtf8();
    } catch (IOException e) {
      body = "";
    }
    return decode(response.code(), response.header("Content-Type"), body, retryAfter(response.header("Retry-After")),
        operation, requiredScopes, grantedScopes, response.request().method(), response.request().url().encodedPath());
  }

  /** The documented alternatives for the call as sent ("GET", "/crm/v8/Deals"), joined with "or"; null when unknown. */
  private static String documented(String method, String path) {
    if (method == null || path == null) {
      return null;
    }
    return ScopeCatalogue.requirementFor(method, path).map(r -> String.join(" or ", r.alternatives())).orElse(null);
  }

  private static String advice(String code, Map<String, Object> details) {
    switch (code) {
      case "INVALID_TOKEN":
      case "AUTHENTICATION_FAILURE":
        return ". Zoho rejected the access token even after zohokit renewed it once: the token may be from another "
            + "data centre or environment (production vs sandbox), or the client was removed; authorize again";
      case "INVALID_HOST":
        return ". The API was called on a host Zoho does not accept: use the api_domain Zoho returned with the "
            + "token (https://www.zohoapis.<dc>)";
      case "INVALID_URL_PATTERN":
        return ". No such API path: check the path and the API version (/crm/v8/...)";
      case "REQUIRED_PARAM_MISSING":
        Object param = details.get("param_name");
        return param == null ? "" : ". Add the parameter '" + param + "'"
            + ("fields".equals(param) ? " (mandatory when listing records since API v3; at most 50 field names)" : "");
      case "NO_PERMISSION":
        return ". The Zoho user's CRM profile lacks permission for this; an admin must grant it";
      default:
        return "";
    }
  }

  private static String missing(List<String> required, Collection<Scope> granted) {
    if (required.isEmpty() || granted.isEmpty()) {
      return null;
    }
    List<Scope> parsed = new ArrayList<>();
    for (String r : required) {
      try {
        parsed.add(Scope.parse(r));
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    List<Scope> missing = Scope.missing(granted, parsed);
    return missing.isEmpty() ? null : Scope.join(missing);
  }

  static boolean isScopeMismatch(String code) {
    return "OAUTH_SCOPE_MISMATCH".equals(code) || "OAUTH-SCOPE-MISMATCH".equals(code);
  }

  /** Whether {@code code} means "this access token is not valid (any more)", which a renewal can fix. */
  static boolean isRejectedToken(String code) {
    return "INVALID_TOKEN".equals(code) || "AUTHENTICATION_FAILURE".equals(code) || "INVALID_OAUTHTOKEN".equals(code);
  }

  /**
   * Zoho's error {@code code} in {@code body}, or {@code null}.
   *
   * @param body an answer's body
   * @return the code, or null when the body is not a Zoho error
   */
  public static String errorCode(String body) {
    JsonNode json = parse(body);
    if (json == null) {
      return null;
    }
    String code = text(json, "code");
    if (code == null && json.path("data").isArray() && json.path("data").size() > 0) {
      code = text(json.path("data").get(0), "code");
    }
    return code;
  }

  private static JsonNode parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      JsonNode json = MAPPER.readTree(body);
      return json != null && json.isObject() ? json : null;
    } catch (IOException e) {
      return null;
    }
  }

  private static String text(JsonNode json, String field) {
    JsonNode value = json.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  private static Map<String, Object> details(JsonNode json) {
    if (json == null || !json.path("details").isObject()) {
      return Map.of();
    }
    Map<String, Object> details = new LinkedHashMap<>();
    json.path("details").fields().forEachRemaining(e -> details.put(e.getKey(),
        e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString()));
    return details;
  }

  private static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Long.parseLong(header.trim()));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}

package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import com.fasterxml.jackson.databind.JsonNode;
import io.github.zohokit.ZohoAuthException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Zoho's token-endpoint answers, leniently where Zoho is inconsistent: errors detected by the body, not the
 * status; {@code expires_in} in seconds or (historically) milliseconds; space-separated {@code scope}; no refresh
 * token in refresh answers.
 */
final class TokenResponses {
  /** Zoho's access tokens live an hour; used when an answer leaves {@code expires_in} out. */
  static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);

  private TokenResponses() {}

  /** Throws the mapped exception when {@code answer} is an OAuth error. */
  static void throwIfError(AccountsHttp.Answer answer, OAuthErrors.Request request, ClientConfig client) {
    String error = answer.error();
    if (error != null) {
      throw OAuthErrors.toException(error, answer.text("error_description"), request, client,
          answer.url().newBuilder().encodedPath("/").build().toString());
    }
  }

  /**
   * A token from a successful answer.
   *
   * @param accountsServer the accounts server that answered; refresh and revoke will go there
   * @param dataCenter the data centre the token belongs to, when known from elsewhere (callback, configuration)
   */
  static ZohoToken parse(AccountsHttp.Answer answer, OAuthErrors.Request request, ClientConfig client,
      Instant now, String accountsServer, DataCenter dataCenter) {
    throwIfError(answer, request, client);
    JsonNode json = answer.json();
    String accessToken = answer.text("access_token");
    if (accessToken == null || accessToken.isBlank()) {
      throw new ZohoAuthException(null, "Zoho Accounts at " + answer.url() + " answered HTTP " + answer.status()
          + " without an access_token or an error while " + request.doing + "; fields present: "
          + fieldNames(json) + ". Try again; if it persists, check the accounts URL");
    }
    String apiDomain = answer.text("api_domain");
    DataCenter dc = dataCenter;
    if (apiDomain != null) {
      dc = DataCenter.fromApiDomain(apiDomain).orElse(dc);
    }
    try {
      return ZohoToken.builder()
          .accessToken(Secret.of(accessToken))
          .refreshToken(Secret.ofNullable(answer.text("refresh_token")))
          .expiresAt(now.plus(lifetime(json)))
          .scopes(scopes(json))
          .apiDomain(apiDomain)
          .accountsServer(accountsServer)
          .dataCenter(dc)
          .idToken(Secret.ofNullable(answer.text("id_token")))
          .build();
    } catch (IllegalArgumentException e) {
      // a token with whitespace in it, a blank refresh token: not an answer zohokit can keep (the message redacts)
      throw new ZohoAuthException(null, "Zoho Accounts at " + answer.url() + " answered HTTP " + answer.status()
          + " with a token zohokit cannot use while " + request.doing + ": " + e.getMessage() + ". Nothing was "
          + "stored; try again, and if it persists check the accounts URL (a proxy answering in Zoho's place?)");
    }
  }

  /** The token lifetime: {@code expires_in_sec} if present, else {@code expires_in} in seconds or milliseconds. */
  static Duration lifetime(JsonNode json) {
    JsonNode seconds = json.get("expires_in_sec");
    if (seconds != null && seconds.canConvertToLong() && seconds.asLong() > 0) {
      return Duration.ofSeconds(seconds.asLong());
    }
    // 3600 means seconds; 3600000 is the historical milliseconds form. Nothing lives 27 hours in seconds.
    return secondsOrMillis(json.get("expires_in"), 100_000, DEFAULT_LIFETIME);
  }

  /**
   * Values of the device flow ({@code interval}, {@code expires_in}) at or above this are milliseconds, smaller ones
   * seconds. Zoho documents milliseconds ({@code interval} 5000, {@code expires_in} 300000); answers in seconds are
   * still accepted. No device-flow value is meant as 1000 seconds or more (codes live 5 minutes), and no value below
   * 1000 is meant as milliseconds (that would be a poll interval under a second), so 31 to 999 read as seconds.
   */
  static final long DEVICE_MS_THRESHOLD = 1000;

  /** A device-flow duration ({@code interval}, {@code expires_in}); see {@link #DEVICE_MS_THRESHOLD}. */
  static Duration deviceDuration(JsonNode node, Duration fallback) {
    return secondsOrMillis(node, DEVICE_MS_THRESHOLD, fallback);
  }

  /**
   * A duration Zoho gives in seconds or milliseconds (a number or a numeric string): values of at least
   * {@code msThreshold} are milliseconds, smaller ones seconds; {@code fallback} when absent, unreadable or not
   * positive.
   */
  private static Duration secondsOrMillis(JsonNode node, long msThreshold, Duration fallback) {
    if (node == null || !node.canConvertToLong() && !node.isTextual()) {
      return fallback;
    }
    long value;
    try {
      value = Long.parseLong(node.asText().trim());
    } catch (NumberFormatException e) {
      return fallback;
    }
    if (value <= 0) {
      return fallback;
    }
    return value >= msThreshold ? Duration.ofMillis(value) : Duration.ofSeconds(value);
  }

  private static List<Scope> scopes(JsonNode json) {
    JsonNode scope = json.get("scope");
    if (scope == null || scope.isNull()) {
      return List.of();
    }
    List<Scope> scopes = new ArrayList<>();
    for (String part : scope.asText().split("[,\\s]+")) {
      try {
        if (!part.isEmpty()) {
          scopes.add(Scope.parse(part));
        }
      } catch (IllegalArgumentException e) {
        // a scope form zohokit does not model: leave it out rather than fail the token
      }
    }
    return scopes;
  }

  private static String fieldNames(JsonNode json) {
    StringBuilder b = new StringBuilder();
    json.fieldNames().forEachRemaining(name -> b.append(b.length() == 0 ? "" : ", ").append(name));
    return b.length() == 0 ? "none" : b.toString();
  }
}

package io.github.zohokit.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoException;
import java.io.IOException;
import java.util.Map;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Talks to Zoho Accounts: form-encoded POSTs (Zoho rejects JSON bodies and GETs on its token endpoints), answers
 * read as JSON whatever the HTTP status, because Zoho sends OAuth errors with 200 as often as with 400.
 */
final class AccountsClient {
  static final String USER_AGENT = userAgent();

  private final OkHttpClient http;
  private final ObjectMapper mapper;

  private static String userAgent() {
    String version = AccountsClient.class.getPackage().getImplementationVersion();
    return version == null ? "zohokit" : "zohokit/" + version;
  }

  AccountsClient(OkHttpClient http, ObjectMapper mapper) {
    // The form carries the client secret, refresh tokens and codes: never let a redirect carry it elsewhere.
    this.http = http.newBuilder().followRedirects(false).followSslRedirects(false).build();
    this.mapper = mapper;
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
      ResponseBody responseBody = response.body();
      String text = responseBody.string();
      JsonNode json;
      try {
        json = text.isBlank() ? null : mapper.readTree(text);
      } catch (JsonProcessingException e) {
        json = null;
      }
      if (json == null || !json.isObject()) {
        String type = response.header("Content-Type", "no content type");
        throw new ZohoAuthException(null, "Zoho Accounts at " + url + " answered HTTP " + response.code()
            + " with " + (text.isBlank() ? "an empty body" : "a body that is not JSON (" + type + ", "
            + text.length() + " characters)")
            + ", not an OAuth answer. A proxy, a captive portal or an outage is likely; check the accounts URL "
            + "and try again later");
      }
      return new Answer(url, response.code(), json);
    } catch (IOException e) {
      throw new ZohoException("could not reach Zoho Accounts at " + url + ": " + e.getMessage()
          + "; check the network and the data centre's accounts URL", e);
    }
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

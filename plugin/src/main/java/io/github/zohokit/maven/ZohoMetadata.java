package io.github.zohokit.maven;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.schema.MetadataSource;
import io.github.zohokit.schema.OrgInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The organisation's metadata over HTTP with the build's stored token ({@code Zoho.httpClient()} of the runtime
 * adds the token and sends each request to the token's API base).
 */
final class ZohoMetadata implements MetadataSource {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final OkHttpClient http;
  private final HttpUrl apiBase;
  private final String dataCenter;
  private final Consumer<String> warnings;

  ZohoMetadata(OkHttpClient http, HttpUrl apiBase, String dataCenter, Consumer<String> warnings) {
    this.http = http;
    this.apiBase = apiBase;
    this.dataCenter = dataCenter;
    this.warnings = warnings;
  }

  @Override
  public JsonNode modules() {
    return get(apiBase.newBuilder().addPathSegments("crm/v8/settings/modules").build(), "modules");
  }

  @Override
  public JsonNode fields(String module) {
    return get(apiBase.newBuilder().addPathSegments("crm/v8/settings/fields").addQueryParameter("module", module)
        .build(), "fields");
  }

  @Override
  public OrgInfo org() {
    String orgId = null;
    try {
      JsonNode org = get(apiBase.newBuilder().addPathSegments("crm/v8/org").build(), "org");
      orgId = org.path("org").path(0).path("id").asText(null);
    } catch (MetadataException e) {
      warnings.accept("The organisation's id could not be read (" + e.getMessage() + "); the snapshot records none. "
          + "Add the scope ZohoCRM.org.READ to tell organisations apart");
    }
    return new OrgInfo(orgId, dataCenter, null, null, null);
  }

  private JsonNode get(HttpUrl url, String member) {
    Request request = new Request.Builder().url(url).get().build();
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      String text = body == null ? "" : body.string();
      if (response.code() == 204 || response.code() == 304 || text.isBlank()) {
        return JSON.createObjectNode().putArray(member);
      }
      JsonNode json = JSON.readTree(text);
      if (!response.isSuccessful()) {
        throw new MetadataException("GET " + url.encodedPath() + (url.query() == null ? "" : "?" + url.query())
            + " answered HTTP " + response.code() + " " + json.path("code").asText("") + ": "
            + json.path("message").asText(text));
      }
      return json;
    } catch (IOException e) {
      throw new UncheckedIOException("GET " + url.encodedPath() + " failed: " + e.getMessage(), e);
    }
  }

  /** An error answer from Zoho. */
  static final class MetadataException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    MetadataException(String message) {
      super(message);
    }
  }
}

package io.github.zohokit.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;

/** Values and helpers shared by the runtime's tests. Secrets look like Zoho's so redaction is tested for real. */
public final class Fixtures {
  public static final String CLIENT_ID = "1000.K3Y9QZ0PLM4XW8RTB7NV5CJ2HD6AFE";
  public static final String CLIENT_SECRET = "9f1c2b7e4d8a6c3b5e0f9a8d7c6b5a4e3d2c1b0a9f";
  public static final String GRANT_TOKEN = "1000.4c1f0e9d8c7b6a5f4e3d2c1b0a9f8e7d.0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  public static final String ACCESS_TOKEN = "1000.aa11bb22cc33dd44ee55ff6677889900.99887766554433221100ffeeddccbbaa";
  public static final String ACCESS_TOKEN_2 = "1000.ab12bc23cd34de45ef56fa6778899001.10998877665544332211ffeeddccbb0b";
  public static final String REFRESH_TOKEN = "1000.5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b.1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f";

  private Fixtures() {}

  public static MockResponse json(int code, String body) {
    return new MockResponse.Builder().code(code).setHeader("Content-Type", "application/json;charset=UTF-8")
        .body(body).build();
  }

  public static MockResponse json(String body) {
    return json(200, body);
  }

  /** A token answer as Zoho sends it. */
  public static String tokenAnswer(String accessToken, String refreshToken, String apiDomain, String scope) {
    StringBuilder b = new StringBuilder("{\"access_token\":\"").append(accessToken).append('"');
    if (refreshToken != null) {
      b.append(",\"refresh_token\":\"").append(refreshToken).append('"');
    }
    if (scope != null) {
      b.append(",\"scope\":\"").append(scope).append('"');
    }
    return b.append(",\"api_domain\":\"").append(apiDomain)
        .append("\",\"token_type\":\"Bearer\",\"expires_in\":3600}").toString();
  }

  /** The form parameters of a recorded POST. */
  public static Map<String, String> form(RecordedRequest request) {
    Map<String, String> params = new LinkedHashMap<>();
    String body = request.getBody() == null ? "" : request.getBody().utf8();
    for (String pair : body.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
          URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return params;
  }
}

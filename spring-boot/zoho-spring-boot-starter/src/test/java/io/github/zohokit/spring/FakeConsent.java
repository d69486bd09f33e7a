package io.github.zohokit.spring;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What a user's browser does on the fake Zoho's consent page: accepts or denies, and follows nothing further. */
final class FakeConsent {
  private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
      .connectTimeout(Duration.ofSeconds(10)).build();

  private FakeConsent() {}

  /** Answers the consent page of {@code authorizeUrl}; returns where Zoho redirects the browser (the callback). */
  static URI answer(String authorizeUrl, boolean accept) throws IOException, InterruptedException {
    URI authorize = URI.create(authorizeUrl);
    URI consent = authorize.resolve("/oauth/v2/auth/consent");
    String form = authorize.getRawQuery() + "&decision=" + (accept ? "accept" : "deny");
    HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(consent).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    String location = answer.headers().firstValue("Location")
        .orElseThrow(() -> new AssertionError("the fake's consent answered " + answer.statusCode() + " without a "
            + "redirect: " + answer.body()));
    return URI.create(location);
  }
}

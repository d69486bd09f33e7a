package io.github.zohokit.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * Step 1 of the demo, run inside the Maven build once the fake Zoho listens: asks it for a grant code for the
 * scopes this project's clients declare — what a user does in the API Console's "Generate Code" dialog — and hands
 * the credentials to {@code zoho:bootstrap-token} as system properties, as {@code -D} would.
 */
public final class GenerateGrantCode {
  private static final ObjectMapper JSON = new ObjectMapper();

  private GenerateGrantCode() {}

  public static void main(String[] args) throws Exception {
    Path ready = Path.of(args[0]);
    Files.deleteIfExists(Path.of(args[1]));
    HttpClient http = HttpClient.newHttpClient();
    JsonNode fake = awaitFake(ready, http);
    JsonNode client = fake.get("self_client");
    ObjectNode request = JSON.createObjectNode().put("client_id", client.get("client_id").asText());
    // what `mvn zoho:scopes` printed: the minimal scope set of the clients this project uses
    String scopes = Files.readString(Path.of(args[2])).strip();
    for (String scope : scopes.split(",")) {
      request.withArray("scopes").add(scope.strip());
    }
    HttpResponse<String> answer = http.send(HttpRequest.newBuilder(
            URI.create(fake.get("control").asText() + "/grant-codes"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(request.toString()))
        .build(), HttpResponse.BodyHandlers.ofString());
    String grantCode = JSON.readTree(answer.body()).get("code").asText();

    System.setProperty("zoho.accountsUrl", fake.get("url").asText());
    System.setProperty("zoho.clientId", client.get("client_id").asText());
    System.setProperty("zoho.clientSecret", client.get("client_secret").asText());
    System.setProperty("zoho.grantToken", grantCode);
    System.setProperty("demo.control", fake.get("control").asText());
    System.out.println();
    System.out.println("== zohokit demo: a self client against a fake Zoho (no Zoho account needed) ==");
    System.out.println("Fake Zoho (accounts + CRM v8) at " + fake.get("url").asText());
    System.out.println("Registered a self client, " + client.get("client_id").asText()
        + ", and generated a grant code for the " + request.get("scopes").size() + " scopes mvn zoho:scopes printed: "
        + scopes);
    System.out.println();
  }

  /** The fake's ready file, once the fake it describes answers (a file left by an earlier build does not). */
  private static JsonNode awaitFake(Path ready, HttpClient http) throws Exception {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(ready)) {
        JsonNode fake = JSON.readTree(ready.toFile());
        try {
          http.send(HttpRequest.newBuilder(URI.create(fake.get("control").asText())).build(),
              HttpResponse.BodyHandlers.discarding());
          return fake;
        } catch (java.io.IOException notYet) {
          // an earlier build's file, or the fake is still starting
        }
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException("the fake Zoho did not start within 60 s (see " + ready + ")");
  }
}

package io.github.zohokit.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.Zoho;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.TokenStores;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

/**
 * Iterates every lead of a fake Zoho seeded with 100,000 through the generated client's lazy {@code Stream}; run
 * with {@code -Xmx64m}. Prints the count, the time and the peak heap. Argument: the fake's ready file.
 */
public final class PagingMemory {
  private PagingMemory() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper json = new ObjectMapper();
    JsonNode fake = json.readTree(Path.of(args[0]).toFile());
    JsonNode client = fake.get("self_client");
    HttpClient http = HttpClient.newHttpClient();
    String code = json.readTree(http.send(HttpRequest.newBuilder(URI.create(fake.get("control").asText()
        + "/grant-codes")).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
        "{\"client_id\":\"" + client.get("client_id").asText() + "\",\"scopes\":[\"ZohoCRM.modules.ALL\"]}")).build(),
        HttpResponse.BodyHandlers.ofString()).body()).get("code").asText();
    String url = fake.get("url").asText();
    ZohoOAuth oauth = ZohoOAuth.selfClient(client.get("client_id").asText(), client.get("client_secret").asText())
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, url).withApiBase(DataCenter.US, url))
        .tokenStore(TokenStores.inMemory()).build();
    oauth.selfClientFlow().exchangeGrantToken(code);
    BenchLeadsApi leads = Zoho.connect(oauth).api(BenchLeadsApi.class);

    long start = System.nanoTime();
    long count = leads.all(LeadsPageServer.FIELDS, 200).count();
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf("records=%d elapsed_ms=%d max_heap_mb=%d peak_heap_mb=%.1f%n", count, millis,
        Runtime.getRuntime().maxMemory() / (1024 * 1024), peak / (1024.0 * 1024));
  }
}

package io.github.zohokit.internal.call;

import io.github.zohokit.testing.Calls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoApiException;
import io.github.zohokit.ZohoResponse;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.store.TokenStores;
import java.time.Instant;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** How generated APIs read statuses that are not plain success: 304, 404 with and without Zoho's error body. */
class ZohoCallStatusTest {
  private static final Route GET_LEAD = Calls.route("GET", "/crm/v8/Leads/{id}", "ZohoCRM.modules.leads.READ");

  private final MockWebServer api = new MockWebServer();
  private final Decoder<JsonNode> decoder = Decoder.whole(new ObjectMapper(), JsonNode.class);
  private ZohoCalls calls;

  @BeforeEach
  void start() throws Exception {
    api.start();
    TokenStore store = TokenStores.inMemory();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of(ACCESS_TOKEN)).expiresAt(Instant.now().plusSeconds(3600))
        .apiDomain(api.url("/").toString()).build());
    calls = Calls.of(ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET)
        .endpoints(ZohoEndpoints.zoho().withApiBase(DataCenter.US, api.url("/").toString())).tokenStore(store).build());
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private ZohoCall lead() {
    return calls.start(GET_LEAD).path("id", "1").header("If-Modified-Since", "Tue, 01 Dec 2026 10:00:00 GMT");
  }

  @Test
  void notModifiedIsEmptyForOptionalAndABodilessResponseForZohoResponse() {
    api.enqueue(new MockResponse.Builder().code(304).build());
    api.enqueue(new MockResponse.Builder().code(304).setHeader("X-API-CREDITS-REMAINING", "12").build());

    assertThat(lead().fetchOptional(decoder)).isEmpty();
    ZohoResponse<JsonNode> response = lead().fetchResponse(decoder);
    assertThat(response.status()).isEqualTo(304);
    assertThat(response.body()).isNull();
    assertThat(response.creditsRemaining()).hasValue(12);
  }

  @Test
  void notFoundWithoutAZohoErrorIsEmpty() {
    api.enqueue(new MockResponse.Builder().code(404).build());

    assertThat(lead().fetchOptional(decoder)).isEmpty();
  }

  @Test
  void notFoundWithAZohoErrorBodyStaysAnError() {
    api.enqueue(json(404, "{\"code\":\"INVALID_URL_PATTERN\",\"details\":{},\"message\":\"Please check if the URL "
        + "trying to access is a correct one\",\"status\":\"error\"}"));

    assertThatThrownBy(() -> lead().fetchOptional(decoder))
        .isInstanceOf(ZohoApiException.class)
        .hasMessageContaining("INVALID_URL_PATTERN")
        .satisfies(e -> assertThat(((ZohoApiException) e).status()).isEqualTo(404));
  }

  @Test
  void anErrorBodyOverOneMebibyteIsNotReadWhole() {
    api.enqueue(json(500, "{\"code\":\"INTERNAL_ERROR\",\"message\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"));

    assertThatThrownBy(() -> lead().fetchOptional(decoder))
        .isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("larger than 1024 KiB");
  }
}

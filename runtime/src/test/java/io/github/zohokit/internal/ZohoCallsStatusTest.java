package io.github.zohokit.internal;

import io.github.zohokit.testing.Calls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
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
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** How generated clients read statuses that are not plain success: 304, 404 with and without Zoho's error body. */
class ZohoCallsStatusTest {
  private static final Operation GET_LEAD = new Operation("GET", "/crm/v8/Leads/{id}",
      List.of("ZohoCRM.modules.leads.READ"));

  private final MockWebServer api = new MockWebServer();
  private final ObjectReader reader = new ObjectMapper().readerFor(JsonNode.class);
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

  private Request lead() {
    return Calls.request(calls, "crm/v8/Leads", "1")
        .header("If-Modified-Since", "Tue, 01 Dec 2026 10:00:00 GMT").get().build();
  }

  @Test
  void notModifiedIsEmptyForOptionalAndABodilessResponseForZohoResponse() {
    api.enqueue(new MockResponse.Builder().code(304).build());
    api.enqueue(new MockResponse.Builder().code(304).setHeader("X-API-CREDITS-REMAINING", "12").build());

    assertThat(calls.<JsonNode>callOptional(lead(), GET_LEAD, reader, BodyShape.WHOLE)).isEmpty();
    ZohoResponse<JsonNode> response = calls.callResponse(lead(), GET_LEAD, reader, BodyShape.WHOLE);
    assertThat(response.status()).isEqualTo(304);
    assertThat(response.body()).isNull();
    assertThat(response.creditsRemaining()).hasValue(12);
  }

  @Test
  void notFoundWithoutAZohoErrorIsEmpty() {
    api.enqueue(new MockResponse.Builder().code(404).build());

    assertThat(calls.<JsonNode>callOptional(lead(), GET_LEAD, reader, BodyShape.WHOLE)).isEmpty();
  }

  @Test
  void notFoundWithAZohoErrorBodyStaysAnError() {
    api.enqueue(json(404, "{\"code\":\"INVALID_URL_PATTERN\",\"details\":{},\"message\":\"Please check if the URL "
        + "trying to access is a correct one\",\"status\":\"error\"}"));

    assertThatThrownBy(() -> calls.callOptional(lead(), GET_LEAD, reader, BodyShape.WHOLE))
        .isInstanceOf(ZohoApiException.class)
        .hasMessageContaining("INVALID_URL_PATTERN")
        .satisfies(e -> assertThat(((ZohoApiException) e).status()).isEqualTo(404));
  }

  @Test
  void anErrorBodyOverOneMebibyteIsNotReadWhole() {
    api.enqueue(json(500, "{\"code\":\"INTERNAL_ERROR\",\"message\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}"));

    assertThatThrownBy(() -> calls.callOptional(lead(), GET_LEAD, reader, BodyShape.WHOLE))
        .isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("larger than 1024 KiB");
  }
}

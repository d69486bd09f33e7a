package io.github.zohokit.internal;

import io.github.zohokit.testing.Calls;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.github.zohokit.Zoho;
import io.github.zohokit.internal.call.ZohoCall;
import io.github.zohokit.internal.call.ZohoCalls;
import io.github.zohokit.ZohoException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.time.Instant;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection that drops after the request was sent: a CRM insert must not be sent twice. */
class NoSilentReplayTest {
  private static final JsonNode LEAD = lead();
  private static final ObjectWriter WRITER = new ObjectMapper().writer();

  private final MockWebServer api = new MockWebServer();
  private ZohoCalls calls;

  @BeforeEach
  void start() throws Exception {
    api.start();
    TokenStore store = TokenStores.inMemory();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(Instant.now().plusSeconds(3000)).scopes(Scope.parseList("ZohoCRM.modules.ALL"))
        .dataCenter(DataCenter.US).build());
    ZohoOAuth oauth = ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET)
        .endpoints(ZohoEndpoints.zoho().withApiBase(DataCenter.US, api.url("/").toString())).tokenStore(store)
        .build();
    calls = Calls.of(oauth);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  private static MockResponse dropped() {
    return new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build();
  }

  private static JsonNode lead() {
    try {
      return new ObjectMapper().readTree("{\"data\":[{\"Last_Name\":\"Ng\"}]}");
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** A call of {@code method} on {@code /crm/v8/Leads}, with {@code body} when not null. */
  private ZohoCall request(String method, JsonNode body) {
    ZohoCall call = calls.start(Calls.route(method, "/crm/v8/Leads", "ZohoCRM.modules.leads.CREATE"));
    return body == null ? call : call.body(WRITER, body);
  }

  /** A first call leaves a pooled keep-alive connection: where OkHttp's own retry would resend a request. */
  private void warmUp() {
    api.enqueue(json("{\"data\":[]}"));
    request("GET", null).send();
  }

  @Test
  void aPostWhoseConnectionDroppedIsNotSentAgainAndTheCallerIsTold() {
    warmUp();
    api.enqueue(dropped());
    api.enqueue(json(201, "{\"data\":[{\"code\":\"SUCCESS\"}]}"));

    assertThatThrownBy(() -> request("POST", LEAD).send())
        .isInstanceOf(ZohoException.class)
        .hasMessageContaining("POST /crm/v8/Leads")
        .hasMessageContaining("Zoho may have applied the request")
        .hasMessageContaining("does not resend it")
        .hasMessageNotContaining(ACCESS_TOKEN);
    assertThat(api.getRequestCount()).as("the warm-up GET and one POST").isEqualTo(2);
  }

  @Test
  void patchPutAndDeleteAreNotResentEither() throws Exception {
    api.enqueue(json("{\"data\":[]}"));
    for (String method : List.of("PATCH", "PUT", "DELETE")) {
      request("GET", null).send();
      api.enqueue(dropped());
      api.enqueue(json("{\"data\":[]}")); // what a resend would get; else the next warm-up GET's answer
      assertThatThrownBy(() -> request(method, method.equals("DELETE") ? null : LEAD).send()).hasMessageContaining("may have applied");
      api.takeRequest(); // warm-up
      assertThat(api.takeRequest().getMethod()).isEqualTo(method);
    }
    assertThat(api.getRequestCount()).as("per method: the warm-up GET and one attempt").isEqualTo(6);
  }

  @Test
  void aGetIsResentOnce() throws Exception {
    api.enqueue(dropped());
    api.enqueue(json("{\"data\":[]}"));

    request("GET", null).send();

    assertThat(api.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aGetIsResentOnlyOnce() {
    api.enqueue(dropped());
    api.enqueue(dropped());
    api.enqueue(json("{\"data\":[]}"));

    assertThatThrownBy(() -> request("GET", null).send())
        .isInstanceOf(ZohoException.class).hasMessageContaining("GET /crm/v8/Leads failed");
    assertThat(api.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPostThatNeverConnectedSaysNothingWasSent() throws Exception {
    ZohoCall request = request("POST", LEAD);
    api.close();
    assertThatThrownBy(request::send)
        .isInstanceOf(ZohoException.class).hasMessageContaining("nothing was sent");
  }
}

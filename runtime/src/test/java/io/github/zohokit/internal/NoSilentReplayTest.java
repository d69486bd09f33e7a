package io.github.zohokit.internal;

import io.github.zohokit.testing.Calls;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.Zoho;
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
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection that drops after the request was sent: a CRM insert must not be sent twice. */
class NoSilentReplayTest {
  private static final RequestBody LEAD = RequestBody.create("{\"data\":[{\"Last_Name\":\"Ng\"}]}",
      MediaType.get("application/json"));

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

  private Request request(String method, RequestBody body) {
    return Calls.request(calls, "crm/v8/Leads").method(method, body).build();
  }

  private static Operation operation(String method) {
    return new Operation(method, "/crm/v8/Leads", List.of("ZohoCRM.modules.leads.CREATE"));
  }

  /** A first call leaves a pooled keep-alive connection: where OkHttp's own retry would resend a request. */
  private void warmUp() {
    api.enqueue(json("{\"data\":[]}"));
    calls.callVoid(request("GET", null), operation("GET"));
  }

  @Test
  void aPostWhoseConnectionDroppedIsNotSentAgainAndTheCallerIsTold() {
    warmUp();
    api.enqueue(dropped());
    api.enqueue(json(201, "{\"data\":[{\"code\":\"SUCCESS\"}]}"));

    assertThatThrownBy(() -> calls.callVoid(request("POST", LEAD), operation("POST")))
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
      calls.callVoid(request("GET", null), operation("GET"));
      api.enqueue(dropped());
      api.enqueue(json("{\"data\":[]}")); // what a resend would get; else the next warm-up GET's answer
      assertThatThrownBy(() -> calls.callVoid(request(method, method.equals("DELETE") ? null : LEAD),
          operation(method))).hasMessageContaining("may have applied");
      api.takeRequest(); // warm-up
      assertThat(api.takeRequest().getMethod()).isEqualTo(method);
    }
    assertThat(api.getRequestCount()).as("per method: the warm-up GET and one attempt").isEqualTo(6);
  }

  @Test
  void aGetIsResentOnce() throws Exception {
    api.enqueue(dropped());
    api.enqueue(json("{\"data\":[]}"));

    calls.callVoid(request("GET", null), operation("GET"));

    assertThat(api.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aGetIsResentOnlyOnce() {
    api.enqueue(dropped());
    api.enqueue(dropped());
    api.enqueue(json("{\"data\":[]}"));

    assertThatThrownBy(() -> calls.callVoid(request("GET", null), operation("GET")))
        .isInstanceOf(ZohoException.class).hasMessageContaining("GET /crm/v8/Leads failed");
    assertThat(api.getRequestCount()).isEqualTo(2);
  }

  @Test
  void aPostThatNeverConnectedSaysNothingWasSent() throws Exception {
    Request request = request("POST", LEAD);
    api.close();
    assertThatThrownBy(() -> calls.callVoid(request, operation("POST")))
        .isInstanceOf(ZohoException.class).hasMessageContaining("nothing was sent");
  }
}

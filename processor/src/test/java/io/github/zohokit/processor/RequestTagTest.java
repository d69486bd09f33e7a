package io.github.zohokit.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.Zoho;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.Operation;
import io.github.zohokit.processor.sample.LeadsApi;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Generated clients tag each request with its {@link Operation}, so interceptors see the path template. */
class RequestTagTest {
  private static final String CLIENT_ID = "1000.K3Y9QZ0PLM4XW8RTB7NV5CJ2HD6AFE";
  private final MockWebServer api = new MockWebServer();
  private final List<String> seen = new CopyOnWriteArrayList<>();
  private final List<Operation> operations = new CopyOnWriteArrayList<>();
  private LeadsApi leads;

  @BeforeEach
  void start() throws Exception {
    api.start();
    TokenStore store = TokenStores.inMemory();
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of("1000.aa11bb22cc33dd44ee55ff6677889900.99887766554433221100ffeeddccbbaa"))
        .expiresAt(Instant.now().plusSeconds(3600)).scopes(Scope.parseList("ZohoCRM.modules.leads.READ"))
        .apiDomain(api.url("/").toString()).build());
    OkHttpClient observed = new OkHttpClient.Builder().addInterceptor(chain -> {
      Operation operation = chain.request().tag(Operation.class);
      if (operation != null) {
        operations.add(operation);
      }
      seen.add(operation == null ? "untagged " + chain.request().url().encodedPath()
          : operation.httpMethod() + " " + operation.pathTemplate() + " -> " + chain.request().url().encodedPath());
      return chain.proceed(chain.request());
    }).build();
    ZohoOAuth oauth = ZohoOAuth.selfClient(CLIENT_ID, "0123456789abcdef0123456789abcdef01234567")
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, "http://127.0.0.1:1")
            .withApiBase(DataCenter.US, api.url("/").toString())).tokenStore(store)
        .httpClient(observed).build();
    leads = Zoho.connect(oauth).api(LeadsApi.class);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void aRequestCarriesTheOperationItWasBuiltFor() {
    api.enqueue(new MockResponse.Builder().code(204).build());
    assertThat(leads.find("4876876000001168001")).isEmpty();
    assertThat(seen).containsExactly("GET /crm/v8/Leads/{id} -> /crm/v8/Leads/4876876000001168001");
  }

  @Test
  void theTagNamesTheJavaMethodAndTheDeclaredScopes() throws Exception {
    api.enqueue(new MockResponse.Builder().code(204).build());
    leads.find("4876876000001168001");

    Operation operation = operations.get(0);
    assertThat(operation.api()).isEqualTo(LeadsApi.class);
    assertThat(operation.methodName()).isEqualTo("find");
    assertThat(operation.method()).isEqualTo(LeadsApi.class.getMethod("find", String.class));
    assertThat(operation.scopes()).containsExactly(Scope.parse("ZohoCRM.modules.leads.READ"));
    assertThat(operation).hasToString("GET /crm/v8/Leads/{id}");
  }
}

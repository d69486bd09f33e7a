package io.github.zohokit.spring.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.v8.RecordsApi;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;

/** {@link WithFakeZoho}: a Spring Boot test that calls generated clients with no Zoho account. */
class WithFakeZohoTest {

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class App {}

  @Nested
  @SpringBootTest(classes = App.class)
  @WithFakeZoho(seedLeads = 7)
  class SelfClient {
    @Autowired RecordsApi records;
    @Autowired FakeZoho fake;
    @Autowired FakeClient client;
    @Autowired ZohoOAuth oauth;

    @Test
    void aGeneratedClientBeanCallsTheFakeWithTheDefaultUsersToken() {
      assertThat(records.list("Leads", List.of("Last_Name")).data()).hasSize(7);
      assertThat(oauth.clientId()).isEqualTo(client.clientId());
      assertThat(oauth.clientType()).isEqualTo(ClientType.SELF_CLIENT);
      assertThat(fake.count("token:authorization_code")).isEqualTo(1);
    }
  }

  @Nested
  @SpringBootTest(classes = App.class, properties = "zoho.token-store=file")
  @WithFakeZoho(clientType = ClientType.SERVER_BASED, callbackPath = "/login/zoho")
  class ServerBased {
    @Autowired Environment environment;
    @Autowired FakeClient client;
    @Autowired TokenStore store;

    @Test
    void theRedirectUriIsRegisteredOnTheServerPortAndTheTestsOwnPropertiesWin() {
      String port = environment.getProperty("server.port");
      assertThat(environment.getProperty("zoho.redirect-uri")).isEqualTo("http://localhost:" + port + "/login/zoho");
      assertThat(client.redirectUris()).containsExactly("http://localhost:" + port + "/login/zoho");
      assertThat(client.type()).isEqualTo(ClientType.SERVER_BASED);
      assertThat(store.getClass().getSimpleName()).isEqualTo("FileTokenStore");
    }
  }

  /** The application's own configuration (here its command line) names the file store: the test still gets memory. */
  @Nested
  @SpringBootTest(classes = App.class, args = {"--zoho.token-store-kind=file", "--zoho.token-file=/nonexistent/t.json"})
  @WithFakeZoho
  class ApplicationConfiguredForAFile {
    @Autowired TokenStore store;
    @Autowired ZohoOAuth oauth;

    @Test
    void theTestRunsOnTheMemoryStoreAndTheFake() {
      assertThat(store.getClass().getSimpleName()).isEqualTo("InMemoryTokenStore");
      assertThat(oauth.endpoints().apiBase(io.github.zohokit.token.DataCenter.US).host()).isEqualTo("127.0.0.1");
    }
  }
}

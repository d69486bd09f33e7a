package io.github.zohokit.examples.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.sync.SyncReport;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.token.DataCenter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code --client-credentials}, run in-process against the fake Zoho: the grant asks for the scopes the example
 * names, the fake issues them for the organisation, and the module lands in its table.
 */
class SyncToDatabaseClientCredentialsTest {
  @Test
  void copiesAModuleWithTheClientCredentialsGrant() throws Exception {
    try (FakeZoho fake = FakeZoho.builder().dataCenters(DataCenter.US).seedLeads(7).start()) {
      FakeClient client = fake.registerSelfClient();
      String url = fake.baseUrl(DataCenter.US);
      String jdbc = "jdbc:h2:mem:client-credentials;DB_CLOSE_DELAY=-1";
      SyncToDatabase.Options options = SyncToDatabase.Options.parse(new String[] {"--module", "Leads", "--fields",
          "Last_Name,Email", "--jdbc", jdbc, "--accounts-url", url, "--api-url", url, "--client-credentials",
          "ZohoCRM." + fake.orgId(DataCenter.US)},
          Map.of("ZOHO_CLIENT_ID", client.clientId(), "ZOHO_CLIENT_SECRET", client.clientSecret()));

      List<SyncReport> reports = SyncToDatabase.run(options);

      assertThat(reports).singleElement().satisfies(report -> assertThat(report.ran()).isTrue());
      try (Connection c = DriverManager.getConnection(jdbc);
           ResultSet rows = c.createStatement().executeQuery("select count(*) from zoho_leads")) {
        rows.next();
        assertThat(rows.getInt(1)).isEqualTo(7);
      }
      assertThat(fake.requests()).filteredOn(call -> "client_credentials".equals(call.params().get("grant_type")))
          .singleElement().satisfies(call -> assertThat(call.params().get("scope").split(","))
              .containsExactlyInAnyOrder("ZohoCRM.modules.leads.READ", "ZohoCRM.bulk.read", "ZohoCRM.settings.fields.READ"));
    }
  }
}

package io.github.zohokit.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.zohokit.Zoho;
import io.github.zohokit.annotation.Coql;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.testkit.FakeZohoExtension;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A {@code @Coql} method through the client zoho-processor generates for it (this module's test compilation runs the
 * processor), against the fake Zoho's Query API: the statement is sent as {@code select_query}, the parameters are
 * written into it as literals, and the rows come back as the declared record.
 */
class CoqlAgainstFakeTest {
  @RegisterExtension
  static final FakeZohoExtension ZOHO = FakeZohoExtension.perClass();

  /** The two selected fields of a lead; the fake adds the id. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record LeadRow(@JsonProperty("Last_Name") String lastName, @JsonProperty("Lead_Source") String leadSource) {}

  /** Queries of the fake's seeded leads. */
  @ZohoScope({"ZohoCRM.coql.READ", "ZohoCRM.modules.leads.READ"})
  interface LeadQueries {
    @Coql("select Last_Name, Lead_Source from Leads where Lead_Source = :source and Last_Name is not null "
        + "order by Last_Name limit :max")
    RecordPage<LeadRow> bySource(String source, int max);

    @Coql("select Last_Name, Lead_Source from Leads where Lead_Source in (:sources) limit 2000")
    List<LeadRow> bySources(List<String> sources);

    @Coql("select Last_Name, Lead_Source from Leads where Last_Name = :name limit 200")
    List<LeadRow> byLastName(String name);

    @Coql(value = "select Last_Name, Email from Leads where Lead_Source = :source limit 5", projection = "LeadContact")
    RecordPage<LeadContact> contacts(String source);
  }

  private LeadQueries queries;

  @BeforeEach
  void connect() {
    FakeZoho fake = ZOHO.fake();
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = ZohoOAuth.builder(client.type()).clientId(client.clientId())
        .clientSecret(client.clientSecret()).endpoints(fake.endpoints()).tokenStore(TokenStores.inMemory()).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client,
        List.of("ZohoCRM.coql.READ", "ZohoCRM.modules.leads.READ")));
    queries = Zoho.connect(oauth).api(LeadQueries.class);
  }

  @Test
  void theParametersAreBoundAndTheRowsReadAsTheDeclaredRecord() {
    RecordPage<LeadRow> page = queries.bySource("Cold Call", 3);
    assertThat(page.data()).hasSizeBetween(1, 3).allMatch(r -> r.leadSource().equals("Cold Call"));
    List<String> names = page.data().stream().map(LeadRow::lastName).toList();
    assertThat(names).isSorted();
    assertThat(queries.bySource("no such source", 3).data()).isEmpty();
  }

  @Test
  void aListIsWrittenAsTheValuesOfIn() {
    List<LeadRow> rows = queries.bySources(List.of("Cold Call", "Web Download"));
    assertThat(rows).isNotEmpty().allMatch(r -> r.leadSource().equals("Cold Call")
        || r.leadSource().equals("Web Download"));
    assertThat(rows).extracting(LeadRow::leadSource).contains("Cold Call");
  }

  @Test
  void theGeneratedProjectionReadsTheRows() {
    RecordPage<LeadContact> page = queries.contacts("Web Download");
    assertThat(page.data()).isNotEmpty().allMatch(r -> r.id() != null && r.lastName() != null);
    assertThat(page.data().get(0).lastName().isTextual()).isTrue(); // no snapshot here: JsonNode components
  }

  @Test
  void aQuoteInAValueStaysInsideTheLiteral() {
    // Zoho doubles a quote inside a COQL literal; written any other way, this value would end the literal and
    // its "or Last_Name is not null" would select every lead.
    assertThat(queries.byLastName("x' or Last_Name is not null or Last_Name = 'y")).isEmpty();
  }

  @Test
  void aNullParameterFailsBeforeAnythingIsSent() {
    assertThatThrownBy(() -> queries.bySource(null, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("the COQL parameter :source is null; COQL has no null literal");
  }
}

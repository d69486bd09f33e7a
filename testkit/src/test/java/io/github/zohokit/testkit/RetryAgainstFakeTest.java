package io.github.zohokit.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.RetryPolicy;
import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.v8.OrgApi;
import io.github.zohokit.token.DataCenter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A generated client against the fake Zoho's server errors: transient, and retried when the policy says so. */
class RetryAgainstFakeTest {
  @RegisterExtension
  final FakeZohoExtension zoho = FakeZohoExtension.perTest();

  private OrgApi org(FakeZoho fake, RetryPolicy policy) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = AccountsTokenEndpointTest.oauth(fake, client).retryPolicy(policy).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.org.READ")));
    return Zoho.connect(oauth).client(OrgApi.class);
  }

  @Test
  void aServerErrorIsRetriedByThePolicy(FakeZoho fake) {
    OrgApi org = org(fake, RetryPolicy.idempotent().backoff(Duration.ofMillis(10), Duration.ofMillis(50)));
    fake.failNext(Fault.Target.API, 2, Fault.serverError());

    assertThat(org.get().id()).isEqualTo(fake.orgId(DataCenter.US));
    assertThat(fake.counters()).containsEntry("fault:server_error", 2);
  }

  @Test
  void withoutAPolicyItIsUnavailable(FakeZoho fake) {
    OrgApi org = org(fake, RetryPolicy.none());
    fake.failNext(Fault.Target.API, 1, Fault.serverError());

    assertThatThrownBy(org::get).isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("GET /crm/v8/org failed: HTTP 500 INTERNAL_ERROR")
        .satisfies(e -> assertThat(((ZohoUnavailableException) e).status()).hasValue(500));
    assertThat(org.get().id()).isEqualTo(fake.orgId(DataCenter.US));
  }
}

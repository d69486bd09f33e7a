package io.github.zohokit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.v8.RecordsApi;
import io.github.zohokit.limits.ApiCreditsExhaustedException;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.token.DataCenter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** zoho.limits.*: the governor from properties, its meters and its health details, against the fake Zoho. */
class ZohoLimitsTest {
  private FakeZoho fake;
  private FakeClient client;
  private ApplicationContextRunner runner;

  @BeforeEach
  void start() {
    fake = FakeZoho.builder().dataCenters(DataCenter.US).apiCreditsPerDay(100).start();
    client = fake.registerSelfClient();
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZohoAutoConfiguration.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues("zoho.client-id=" + client.clientId(), "zoho.client-secret=" + client.clientSecret(),
            "zoho.accounts-url=" + fake.baseUrl(DataCenter.US), "zoho.api-base=" + fake.baseUrl(DataCenter.US),
            "zoho.token-store-kind=memory");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  @Test
  void theStopRuleFromPropertiesRefusesCallsAndTheMetersAndHealthSaySo() {
    runner.withPropertyValues("zoho.limits.enabled=true", "zoho.limits.concurrency=4", "zoho.limits.daily-credits=10",
        "zoho.limits.stop-at-percent=50").run(context -> {
          context.getBean(ZohoOAuth.class).selfClientFlow()
              .exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL")));
          RecordsApi records = context.getBean(RecordsApi.class);
          for (int i = 0; i < 5; i++) {
            records.list("Leads", List.of("Last_Name"));
          }
          assertThatThrownBy(() -> records.list("Leads", List.of("Last_Name")))
              .isInstanceOf(ApiCreditsExhaustedException.class);
          assertThat(fake.count("crm:GET /crm/v8/Leads")).isEqualTo(5);

          MeterRegistry meters = context.getBean(MeterRegistry.class);
          assertThat(meters.get("zoho.limits.credits.remaining").gauge().value()).isEqualTo(5.0);
          assertThat(meters.get("zoho.limits.refused").functionCounter().count()).isEqualTo(1.0);
          assertThat(meters.get("zoho.limits.permits.size").tag("pool", "calls").gauge().value()).isEqualTo(4.0);
          assertThat(meters.get("zoho.limits.permits.in.use").tag("pool", "calls").gauge().value()).isZero();
          assertThat(meters.get("zoho.limits.too.many.requests").functionCounter().count()).isZero();

          Health health = context.getBean("zohoHealthIndicator", HealthIndicator.class).health();
          @SuppressWarnings("unchecked")
          Map<String, Object> limits = (Map<String, Object>) health.getDetails().get("limits");
          assertThat(limits).containsEntry("callsInUse", "0 of 4").containsEntry("creditsRemaining", "5 of 10")
              .containsEntry("refused", 1L);
          assertThat(limits.get("lastRefusal").toString()).contains("stop at 50 %");
        });
  }

  @Test
  void withoutThePropertyThereIsNoGovernor() {
    runner.run(context -> {
      assertThat(context).doesNotHaveBean(ZohoLimitsState.class);
      Health health = context.getBean("zohoHealthIndicator", HealthIndicator.class).health();
      assertThat(health.getDetails()).doesNotContainKey("limits");
    });
  }

  @Test
  void sharingNeedsTheJdbcStoreAndBadValuesNameTheProperty() {
    runner.withPropertyValues("zoho.limits.enabled=true", "zoho.limits.shared=true").run(context ->
        assertThat(context).hasFailed().getFailure().rootCause()
            .hasMessageContaining("zoho.limits.shared=true needs the JDBC token store"));
    runner.withPropertyValues("zoho.limits.enabled=true", "zoho.limits.stop-at-percent=120").run(context ->
        assertThat(context).hasFailed().getFailure()
            .hasStackTraceContaining("zoho.limits.*: stopAtPercent must be between 1 and 100, was 120"));
  }
}

package io.github.zohokit.spring;

import io.github.zohokit.token.TokenKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.Secret;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.crm.v8.RecordsApi;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The health indicator and the meters against the fake Zoho, for a self client. */
class ZohoHealthAndMetricsTest {
  private FakeZoho fake;
  private FakeClient client;
  private ApplicationContextRunner runner;

  @BeforeEach
  void start() {
    fake = FakeZoho.builder().dataCenters(DataCenter.US).apiCreditsPerDay(10).start();
    client = fake.registerSelfClient();
    runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZohoAutoConfiguration.class))
        .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
        .withPropertyValues("zoho.client-id=" + client.clientId(), "zoho.client-secret=" + client.clientSecret(),
            "zoho.accounts-url=" + fake.baseUrl(DataCenter.US), "zoho.api-url=" + fake.baseUrl(DataCenter.US),
            "zoho.token-store=memory");
  }

  @AfterEach
  void stop() {
    fake.close();
  }

  private void bootstrap(ZohoOAuth oauth) {
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.modules.ALL")));
  }

  private static Health health(org.springframework.context.ApplicationContext context) {
    return context.getBean("zohoHealthIndicator", HealthIndicator.class).health();
  }

  @Test
  void healthIsDownWithoutTokenAndUpWithOneAndShowsNoSecret() {
    runner.run(context -> {
      Health missing = health(context);
      assertThat(missing.getStatus()).isEqualTo(Status.DOWN);
      assertThat(missing.getDetails().get("error").toString()).contains("no token is stored for user 'default'");

      ZohoOAuth oauth = context.getBean(ZohoOAuth.class);
      bootstrap(oauth);
      Health up = health(context);
      assertThat(up.getStatus()).isEqualTo(Status.UP);
      assertThat(up.getDetails()).containsEntry("clientType", "self client").containsEntry("clientId",
          client.clientId()).containsKeys("expiresAt", "scopes", "tokenStore");
      ZohoToken token = oauth.storedToken("default").orElseThrow();
      assertThat(up.toString()).doesNotContain(token.accessToken().reveal())
          .doesNotContain(token.refreshToken().reveal()).doesNotContain(client.clientSecret());
    });
  }

  @Test
  void withClientCredentialsHealthObtainsATokenBeforeTheFirstCall() {
    runner.withPropertyValues("zoho.client-credentials.scopes=ZohoCRM.modules.ALL",
        "zoho.client-credentials.soid=ZohoCRM." + fake.orgId(DataCenter.US)).run(context -> {
      ZohoOAuth oauth = context.getBean(ZohoOAuth.class);
      assertThat(oauth.storedToken("default")).isEmpty();
      Health up = health(context);
      assertThat(up.getStatus()).as(up.toString()).isEqualTo(Status.UP);
      assertThat(up.getDetails()).containsKeys("expiresAt", "scopes");
      ZohoToken token = oauth.storedToken("default").orElseThrow();
      assertThat(up.toString()).doesNotContain(token.accessToken().reveal()).doesNotContain(client.clientSecret());
    });
  }

  @Test
  void healthIsDownWhenTheTokenIsDead() {
    runner.run(context -> {
      ZohoOAuth oauth = context.getBean(ZohoOAuth.class);
      context.getBean(TokenStore.class).save(new TokenKey(oauth.clientId(), "default"), ZohoToken.builder()
          .accessToken(Secret.of("1000.expired.access")).expiresAt(Instant.now().minusSeconds(60)).build());
      Health dead = health(context);
      assertThat(dead.getStatus()).isEqualTo(Status.DOWN);
      assertThat(dead.getDetails().get("error").toString()).startsWith("ReauthorizationRequiredException")
          .doesNotContain("1000.expired.access");
    });
  }

  @Test
  void healthIsDownWhenTheStoreIsUnreachable(@TempDir Path dir) throws Exception {
    Path corrupt = Files.writeString(dir.resolve("tokens.json"), "{ this is not a token file");
    runner.withPropertyValues("zoho.token-store=file", "zoho.token-file=" + corrupt).run(context -> {
      Health down = health(context);
      assertThat(down.getStatus()).isEqualTo(Status.DOWN);
      assertThat(down.getDetails().get("error").toString()).startsWith("the token store is unreachable");
    });
  }

  @Test
  void aServerBasedClientIsUpWithoutADefaultTokenUnlessOneIsRequired() {
    FakeClient web = fake.registerServerBasedClient("http://localhost/zoho/callback");
    ApplicationContextRunner server = runner.withPropertyValues("zoho.client-type=server-based",
        "zoho.client-id=" + web.clientId(), "zoho.client-secret=" + web.clientSecret(),
        "zoho.redirect-uri=http://localhost/zoho/callback");
    server.run(context -> assertThat(health(context).getStatus()).isEqualTo(Status.UP));
    server.withPropertyValues("zoho.health.require-token=true")
        .run(context -> assertThat(health(context).getStatus()).isEqualTo(Status.DOWN));
  }

  @Test
  void apiCallsAreTimedByPathTemplateAndStatusAndTheCreditsAreGauged() {
    runner.run(context -> {
      bootstrap(context.getBean(ZohoOAuth.class));
      RecordsApi records = context.getBean(RecordsApi.class);
      for (int i = 0; i < 6; i++) {
        assertThat(records.list("Leads", List.of("Last_Name")).data()).isNotEmpty();
      }
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      Timer ok = meters.get("zoho.api.requests").tags("method", "GET", "uri", "/crm/v8/{module}", "status", "200")
          .timer();
      assertThat(ok.count()).isEqualTo(6);
      assertThat(meters.get("zoho.api.requests").timers()).allSatisfy(t ->
          assertThat(t.getId().getTag("uri")).doesNotContain("Leads"));
      assertThat(meters.get("zoho.api.credits.remaining").gauge().value()).isEqualTo(4.0);
    });
  }

  @Test
  void renewalsAreCountedByOutcome() {
    runner.run(context -> {
      ZohoOAuth oauth = context.getBean(ZohoOAuth.class);
      MeterRegistry meters = context.getBean(MeterRegistry.class);
      assertThatThrownBy(() -> oauth.token("nobody")).isInstanceOf(ReauthorizationRequiredException.class);
      assertThat(meters.get("zoho.token.renewals").tag("outcome", "reauthorization_required").counter().count())
          .isEqualTo(1);

      bootstrap(oauth);
      RecordsApi records = context.getBean(RecordsApi.class);
      records.list("Leads", List.of("Last_Name"));
      fake.expireAccessTokens();
      records.list("Leads", List.of("Last_Name"));
      assertThat(meters.get("zoho.token.renewals").tag("outcome", "success").counter().count()).isEqualTo(1);
      assertThat(fake.count("token:refresh_token")).isEqualTo(1);
    });
  }
}

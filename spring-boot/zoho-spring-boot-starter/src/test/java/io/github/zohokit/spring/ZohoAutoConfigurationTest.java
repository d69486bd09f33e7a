package io.github.zohokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.crm.v8.OrgApi;
import io.github.zohokit.crm.v8.RecordsApi;
import io.github.zohokit.store.JdbcTokenStore;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration's beans, their back-off, the property errors and the conditions. */
class ZohoAutoConfigurationTest {
  private static final String[] SELF_CLIENT = {"zoho.client-id=1000.SELFCLIENT", "zoho.client-secret=topsecret",
      "zoho.token-store=memory"};

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ZohoAutoConfiguration.class));

  @Nested
  class Beans {
    @Test
    void aSelfClientGetsOAuthZohoStoreAndEveryGeneratedClient() {
      runner.withPropertyValues(SELF_CLIENT).withPropertyValues("zoho.data-center=eu").run(context -> {
        assertThat(context).hasNotFailed().hasSingleBean(ZohoOAuth.class).hasSingleBean(Zoho.class)
            .hasSingleBean(TokenStore.class).hasSingleBean(RecordsApi.class).hasSingleBean(OrgApi.class);
        ZohoOAuth oauth = context.getBean(ZohoOAuth.class);
        assertThat(oauth.clientType()).isEqualTo(ClientType.SELF_CLIENT);
        assertThat(oauth.clientId()).isEqualTo("1000.SELFCLIENT");
        assertThat(oauth.dataCenter()).isEqualTo(DataCenter.EU);
        assertThat(oauth.tokenStore()).isSameAs(context.getBean(TokenStore.class));
        assertThat(oauth.tokenStore().getClass().getSimpleName()).isEqualTo("InMemoryTokenStore");
        assertThat(context.getBean(Zoho.class).oauth()).isSameAs(oauth);
        assertThat(context.getBean(Zoho.class).userKey()).isEqualTo("default");
        assertThat(context.getBean("recordsApi")).isInstanceOf(RecordsApi.class);
      });
    }

    @Test
    void clientTypesAreReadAsTheApiConsoleSpellsThem() {
      runner.withPropertyValues("zoho.client-type=server-based", "zoho.client-id=1000.WEB",
          "zoho.client-secret=topsecret", "zoho.redirect-uri=https://app.example.com/zoho/callback",
          "zoho.token-store=memory").run(context ->
          assertThat(context.getBean(ZohoOAuth.class).clientType()).isEqualTo(ClientType.SERVER_BASED));
      runner.withPropertyValues("zoho.client-type=client-based", "zoho.client-id=1000.JS",
          "zoho.redirect-uri=https://app.example.com/", "zoho.token-store=memory").run(context ->
          assertThat(context.getBean(ZohoOAuth.class).clientType()).isEqualTo(ClientType.CLIENT_BASED));
    }

    @Test
    void theStoreIsJdbcWhenTheApplicationHasADataSourceAndAFileOtherwise(@TempDir Path dir) {
      runner.withPropertyValues("zoho.client-id=1000.X", "zoho.client-secret=s")
          .withBean(DataSource.class, ZohoAutoConfigurationTest::h2).run(context ->
              assertThat(context.getBean(TokenStore.class)).isInstanceOf(JdbcTokenStore.class));
      Path file = dir.resolve("tokens.json");
      runner.withPropertyValues("zoho.client-id=1000.X", "zoho.client-secret=s", "zoho.token-file=" + file)
          .run(context -> assertThat(context.getBean(TokenStore.class).getClass().getSimpleName())
              .isEqualTo("FileTokenStore"));
      runner.withPropertyValues("zoho.client-id=1000.X", "zoho.client-secret=s", "zoho.token-store=file",
          "zoho.token-file=" + file).withBean(DataSource.class, ZohoAutoConfigurationTest::h2).run(context ->
          assertThat(context.getBean(TokenStore.class).getClass().getSimpleName()).isEqualTo("FileTokenStore"));
    }

    @Test
    void theApplicationsOkHttpClientIsTheBaseWithTheTimeoutProperties() {
      OkHttpClient mine = new OkHttpClient();
      runner.withPropertyValues(SELF_CLIENT).withPropertyValues("zoho.read-timeout=42s")
          .withBean(OkHttpClient.class, () -> mine).run(context -> {
            OkHttpClient used = context.getBean(Zoho.class).httpClient();
            assertThat(used.connectionPool()).isSameAs(mine.connectionPool());
            assertThat(used.readTimeoutMillis()).isEqualTo(42_000);
          });
    }

    @Test
    void aJackson2ObjectMapperBeanIsUsedAndOtherwiseZohokitsOwn() {
      ObjectMapper mine = new ObjectMapper();
      runner.withPropertyValues(SELF_CLIENT).withBean(ObjectMapper.class, () -> mine).run(context ->
          assertThat(context.getBean(Zoho.class).objectMapper()).isSameAs(mine));
      runner.withPropertyValues(SELF_CLIENT).run(context ->
          assertThat(context.getBean(Zoho.class).objectMapper()).isNotNull());
    }

    @Test
    void builderCustomizersRunBeforeBuild() {
      TokenStore mine = TokenStores.inMemory();
      runner.withPropertyValues(SELF_CLIENT)
          .withBean(ZohoOAuthBuilderCustomizer.class, () -> b -> b.refreshBudget(3, Duration.ofMinutes(1))
              .leaseTimeout(Duration.ofSeconds(45)).tokenStore(mine))
          .run(context -> assertThat(context.getBean(ZohoOAuth.class).tokenStore()).isSameAs(mine));
    }
  }

  @Nested
  class BackOff {
    @Test
    void theApplicationsOwnBeansWin() {
      TokenStore store = TokenStores.inMemory();
      runner.withPropertyValues("zoho.client-id=1000.X", "zoho.client-secret=s")
          .withBean(TokenStore.class, () -> store).run(context ->
              assertThat(context.getBean(ZohoOAuth.class).tokenStore()).isSameAs(store));
      ZohoOAuth oauth = ZohoOAuth.selfClient("1000.MINE", "s").tokenStore(TokenStores.inMemory()).build();
      runner.withBean(ZohoOAuth.class, () -> oauth).run(context -> {
        assertThat(context).hasNotFailed();
        assertThat(context.getBean(ZohoOAuth.class)).isSameAs(oauth);
        assertThat(context.getBean(Zoho.class).oauth()).isSameAs(oauth);
      });
      Zoho zoho = Zoho.connect(oauth).forUser("alice");
      runner.withPropertyValues(SELF_CLIENT).withBean(Zoho.class, () -> zoho).run(context ->
          assertThat(context.getBean(Zoho.class)).isSameAs(zoho));
    }

    @Test
    void aGeneratedClientTheApplicationDefinesItselfIsNotRegisteredAgain() {
      runner.withPropertyValues(SELF_CLIENT).withUserConfiguration(OwnRecordsApi.class).run(context -> {
        assertThat(context).hasSingleBean(RecordsApi.class).hasSingleBean(OrgApi.class);
        assertThat(context.getBean(RecordsApi.class)).isSameAs(OwnRecordsApi.MINE);
      });
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnRecordsApi {
    static final RecordsApi MINE = Zoho.connect(ZohoOAuth.selfClient("1000.OWN", "s")
        .tokenStore(TokenStores.inMemory()).build()).client(RecordsApi.class);

    @Bean
    RecordsApi myRecords() {
      return MINE;
    }
  }

  @Nested
  class PropertyErrors {
    @Test
    void aMissingClientIdNamesTheProperty() {
      failsNaming("zoho.client-id", "zoho.client-secret=s");
    }

    @Test
    void aMissingSecretNamesTheProperty() {
      failsNaming("zoho.client-secret", "zoho.client-id=1000.X");
    }

    @Test
    void aServerBasedClientWithoutRedirectUriNamesTheProperty() {
      failsNaming("zoho.redirect-uri", "zoho.client-type=server-based", "zoho.client-id=1000.X",
          "zoho.client-secret=s");
    }

    @Test
    void aMalformedRedirectUriNamesTheProperty() {
      failsNaming("zoho.redirect-uri", "zoho.client-type=server-based", "zoho.client-id=1000.X",
          "zoho.client-secret=s", "zoho.redirect-uri=/relative/callback");
    }

    @Test
    void anUnknownClientTypeOrDataCentreNamesTheProperty() {
      failsNaming("zoho.client-type", "zoho.client-type=web-app", "zoho.client-id=1000.X", "zoho.client-secret=s");
      failsNaming("zoho.data-center", "zoho.data-center=mars", "zoho.client-id=1000.X", "zoho.client-secret=s");
    }

    @Test
    void aMalformedEncryptionKeyNamesThePropertyButNotTheKey() {
      runner.withPropertyValues("zoho.client-id=1000.X", "zoho.client-secret=s",
          "zoho.encryption-key=bm90LWEta2V5").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("zoho.encryption-key")
                .hasMessageNotContaining("bm90LWEta2V5");
          });
    }

    @Test
    void aMalformedAccountsUrlNamesTheProperty() {
      failsNaming("zoho.accounts-url", "zoho.client-id=1000.X", "zoho.client-secret=s",
          "zoho.accounts-url=not a url");
    }

    @Test
    void aMalformedUrlIsEchoedWithoutItsUserInfo() {
      runner.withPropertyValues("zoho.client-id=1000.X", "zoho.client-secret=s",
          "zoho.api-url=ftp://admin:hunter2@proxy.example/crm").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("zoho.api-url")
                .hasMessageContaining("ftp://***@proxy.example/crm").hasMessageNotContaining("hunter2")
                .hasMessageNotContaining("admin");
          });
    }

    @Test
    void plainHttpOnAHostThatIsNotLoopbackIsRefusedSayingSo() {
      runner.withPropertyValues("zoho.client-id=1000.X", "zoho.client-secret=s",
          "zoho.accounts-url=http://accounts.example.com").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("zoho.accounts-url")
                .hasMessageContaining("uses http on a host that is not a loopback address")
                .hasMessageNotContaining("is not an http(s) URL");
          });
    }

    @Test
    void anExpiryMarginLongerThanTheRefreshMarginFailsAtStartUpNamingIt() {
      failsNaming("zoho.expiry-margin", "zoho.client-id=1000.X", "zoho.client-secret=s", "zoho.refresh-margin=2m",
          "zoho.expiry-margin=3m");
    }

    @Test
    void aMalformedScopeFailsAtStartUpNamingIt() {
      failsNaming("zoho.scopes", "zoho.client-id=1000.X", "zoho.client-secret=s",
          "zoho.scopes=ZohoCRM.modules.leads.READ,not a scope!");
    }

    @Test
    void theMemoryStoreNeedsNoEncryptionKeySoAMalformedOneIsNotItsConcern() {
      runner.withPropertyValues(SELF_CLIENT).withPropertyValues("zoho.token-store=memory",
          "zoho.encryption-key=not-base64-at-all!").run(context -> assertThat(context).hasNotFailed());
      runner.withPropertyValues(SELF_CLIENT).withPropertyValues("zoho.token-store=file",
          "zoho.token-file=" + System.getProperty("java.io.tmpdir") + "/zohokit-key-check.json",
          "zoho.encryption-key=not-base64-at-all!").run(context -> assertThat(context).hasFailed());
    }

    @Test
    void halfAClientCredentialsConfigurationNamesTheMissingHalf() {
      failsNaming("zoho.client-credentials.scopes", "zoho.client-id=1000.X", "zoho.client-secret=s",
          "zoho.client-credentials.soid=ZohoCRM.600123456");
    }

    @Test
    void aNonPositiveAccountsTimeoutNamesTheProperty() {
      failsNaming("zoho.accounts-timeout", "zoho.client-id=1000.X", "zoho.client-secret=s",
          "zoho.accounts-timeout=0s");
    }

    @Test
    void clientCredentialsWithoutSoidAreAccepted() {
      runner.withPropertyValues(SELF_CLIENT).withPropertyValues("zoho.client-credentials.scopes=ZohoCRM.modules.ALL")
          .run(context -> assertThat(context).hasNotFailed().hasSingleBean(ZohoOAuth.class));
    }

    @Test
    void aJdbcStoreWithoutDataSourceNamesTheProperty() {
      failsNaming("zoho.token-store", "zoho.client-id=1000.X", "zoho.client-secret=s", "zoho.token-store=jdbc");
    }

    @Test
    void theFailureAnalysisSaysWhatToDo() {
      runner.withPropertyValues("zoho.client-secret=s").run(context -> {
        Throwable root = context.getStartupFailure();
        while (!(root instanceof ZohoPropertyException) && root.getCause() != null) {
          root = root.getCause();
        }
        org.springframework.boot.diagnostics.FailureAnalysis analysis =
            new ZohoConfigurationFailureAnalyzer().analyze(context.getStartupFailure());
        assertThat(analysis.getDescription()).contains("zoho.client-id");
        assertThat(analysis.getAction()).contains("API Console");
      });
    }

    @Test
    void theSecretIsNeverInTheFailure() {
      runner.withPropertyValues("zoho.client-type=client-based", "zoho.client-id=1000.X",
          "zoho.client-secret=do-not-print-me", "zoho.redirect-uri=https://app.example.com/").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("zoho.client-secret")
                .hasMessageNotContaining("do-not-print-me");
          });
    }

    private void failsNaming(String property, String... properties) {
      runner.withPropertyValues(properties).run(context -> {
        assertThat(context).hasFailed();
        StringBuilder messages = new StringBuilder();
        for (Throwable t = context.getStartupFailure(); t != null; t = t.getCause()) {
          messages.append(t.getMessage()).append('\n');
        }
        assertThat(messages.toString()).contains(property);
      });
    }
  }

  @Nested
  class Conditions {
    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZohoAutoConfiguration.class))
        .withPropertyValues("zoho.client-id=1000.WEB", "zoho.client-secret=s", "zoho.token-store=memory",
            "zoho.scopes=ZohoCRM.modules.leads.READ");

    @Test
    void theLoginEndpointsExistForAServerBasedClientInAServletApplication() {
      web.withPropertyValues("zoho.client-type=SERVER_BASED", "zoho.redirect-uri=https://app.example.com/cb")
          .run(context -> assertThat(context).hasSingleBean(ZohoLoginController.class)
              .hasSingleBean(ZohoUserKeyResolver.class).hasSingleBean(ZohoLoginFailureHandler.class));
    }

    @Test
    void noLoginEndpointsForOtherClientTypesWhenDisabledOrOutsideAWebApplication() {
      web.run(context -> assertThat(context).doesNotHaveBean(ZohoLoginController.class));
      web.withPropertyValues("zoho.client-type=server-based", "zoho.redirect-uri=https://app.example.com/cb",
          "zoho.login.enabled=false").run(context -> assertThat(context).doesNotHaveBean(ZohoLoginController.class));
      runner.withPropertyValues("zoho.client-type=server-based", "zoho.client-id=1000.WEB", "zoho.client-secret=s",
          "zoho.redirect-uri=https://app.example.com/cb", "zoho.token-store=memory")
          .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ZohoLoginController.class));
      web.withPropertyValues("zoho.client-type=server-based", "zoho.redirect-uri=https://app.example.com/cb")
          .withClassLoader(new FilteredClassLoader("org.springframework.web.servlet"))
          .run(context -> assertThat(context).doesNotHaveBean(ZohoLoginController.class));
    }

    @Test
    void anApplicationsOwnResolverAndFailureHandlerWin() {
      ZohoUserKeyResolver resolver = request -> "tenant-1";
      ZohoLoginFailureHandler handler = (request, response, failure) -> response.sendRedirect("/oops");
      web.withPropertyValues("zoho.client-type=server-based", "zoho.redirect-uri=https://app.example.com/cb")
          .withBean(ZohoUserKeyResolver.class, () -> resolver).withBean(ZohoLoginFailureHandler.class, () -> handler)
          .run(context -> {
            assertThat(context.getBean(ZohoUserKeyResolver.class)).isSameAs(resolver);
            assertThat(context.getBean(ZohoLoginFailureHandler.class)).isSameAs(handler);
          });
    }

    @Test
    void healthMetricsAndRedactionOnlyWithTheirLibraries() {
      runner.withPropertyValues(SELF_CLIENT).run(context -> assertThat(context)
          .hasBean("zohoHealthIndicator").hasSingleBean(ZohoMetrics.class).hasSingleBean(SanitizingFunction.class));
      runner.withPropertyValues(SELF_CLIENT).withPropertyValues("management.health.zoho.enabled=false")
          .run(context -> assertThat(context).doesNotHaveBean("zohoHealthIndicator"));
      runner.withPropertyValues(SELF_CLIENT).withClassLoader(new FilteredClassLoader(HealthIndicator.class))
          .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean("zohoHealthIndicator"));
      runner.withPropertyValues(SELF_CLIENT).withClassLoader(new FilteredClassLoader(MeterRegistry.class))
          .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ZohoMetrics.class));
      runner.withPropertyValues(SELF_CLIENT).withClassLoader(new FilteredClassLoader(SanitizingFunction.class))
          .run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(SanitizingFunction.class));
    }
  }

  static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:zoho-autoconfig-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }
}

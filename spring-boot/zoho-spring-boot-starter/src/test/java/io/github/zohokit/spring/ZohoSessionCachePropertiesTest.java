package io.github.zohokit.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.auth.ZohoOAuth;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** zoho.session-cache.*: bound, handed to the runtime, and a wrong value names its property. */
class ZohoSessionCachePropertiesTest {
  private static final String[] SELF_CLIENT = {"zoho.client-id=1000.SELFCLIENT", "zoho.client-secret=topsecret",
      "zoho.token-store-kind=memory"};

  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(ZohoAutoConfiguration.class));

  @Test
  void theDefaultsAndSetValuesAreBound() {
    runner.withPropertyValues(SELF_CLIENT).run(context -> {
      assertThat(context).hasSingleBean(ZohoOAuth.class);
      ZohoSessionCacheProperties sessions = context.getBean(ZohoProperties.class).getSessionCache();
      assertThat(sessions.getMaxUsers()).isEqualTo(10_000);
      assertThat(sessions.getIdleTime()).hasHours(1);
    });
    runner.withPropertyValues(SELF_CLIENT).withPropertyValues("zoho.session-cache.max-users=50",
        "zoho.session-cache.idle-time=15m").run(context -> {
          assertThat(context).hasSingleBean(ZohoOAuth.class);
          assertThat(context.getBean(ZohoProperties.class).getSessionCache().getMaxUsers()).isEqualTo(50);
        });
  }

  @Test
  void aWrongValueFailsStartUpNamingTheProperty() {
    runner.withPropertyValues(SELF_CLIENT).withPropertyValues("zoho.session-cache.max-users=-5").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("zoho.session-cache")
          .hasMessageContaining("must not be negative, was -5");
    });
    runner.withPropertyValues(SELF_CLIENT).withPropertyValues("zoho.session-cache.idle-time=0s").run(context -> {
      assertThat(context).hasFailed();
      assertThat(context.getStartupFailure()).rootCause().hasMessageContaining("zoho.session-cache")
          .hasMessageContaining("must be positive");
    });
  }
}

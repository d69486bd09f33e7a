package io.github.zohokit.spring;

import io.github.zohokit.auth.ZohoOAuth;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * What zohokit adds to actuator and Micrometer, each part only when its library is on the class path: the health
 * indicator {@code zoho} ({@code management.health.zoho.enabled}), the meters {@code zoho.token.renewals},
 * {@code zoho.api.requests} and {@code zoho.api.credits.remaining}, and the redaction of zohokit's secrets in
 * {@code /actuator/env} and {@code /actuator/configprops} even where values are shown.
 */
@Configuration(proxyBeanMethods = false)
class ZohoActuatorConfiguration {

  /** The health indicator {@code zoho}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
  @ConditionalOnEnabledHealthIndicator("zoho")
  static class Health {
    @Bean
    @ConditionalOnMissingBean(name = "zohoHealthIndicator")
    HealthIndicator zohoHealthIndicator(ZohoOAuth oauth, ZohoProperties properties,
        ObjectProvider<ZohoLimitsState> limits) {
      List<String> credentials = properties.getClientCredentials().getScopes();
      return new ZohoHealthIndicator(oauth, properties.getHealth(), credentials != null && !credentials.isEmpty(),
          limits.getIfAvailable());
    }
  }

  /** Micrometer meters, recorded into the application's {@link MeterRegistry} when it has one. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class Metrics {
    @Bean
    ZohoMetrics zohoMetrics(ObjectProvider<MeterRegistry> registry) {
      return new ZohoMetrics(registry);
    }

    @Bean
    ZohoHttpClientCustomizer zohoMetricsInterceptor(ZohoMetrics metrics) {
      return builder -> builder.addInterceptor(metrics);
    }

    @Bean
    ZohoOAuthBuilderCustomizer zohoMetricsRenewalListener(ZohoMetrics metrics) {
      return builder -> builder.renewalListener(metrics);
    }
  }

  /**
   * Redacts zohokit's secrets wherever actuator shows values ({@code env}, {@code configprops}): by key
   * ({@code zoho.client-secret}, {@code zoho.encryption-key}, {@code ZOHO_TOKEN_KEY}, ...), and by value: any value
   * that contains one of those secrets, such as {@code sun.java.command} when the application was started with
   * {@code --zoho.client-secret=...}. The secret values are read from the environment when actuator first shows a
   * value.
   */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.SanitizingFunction")
  static class Sanitizing {
    @Bean
    SanitizingFunction zohoSecretsSanitizer(Environment environment, ObjectProvider<ZohoProperties> properties) {
      Supplier<Set<String>> secrets = new Supplier<>() {
        private volatile Set<String> values;

        @Override
        public Set<String> get() {
          Set<String> known = values;
          if (known == null) {
            ZohoProperties zoho = properties.getIfAvailable();
            List<String> configured = zoho == null ? List.of()
                : Arrays.asList(zoho.getClientSecret(), zoho.getEncryptionKey());
            known = ZohoSecrets.values(environment, configured);
            values = known;
          }
          return known;
        }
      };
      return data -> ZohoSecrets.isSecret(data.getKey()) || ZohoSecrets.containsAny(data.getValue(), secrets.get())
          ? data.withSanitizedValue() : data;
    }
  }
}

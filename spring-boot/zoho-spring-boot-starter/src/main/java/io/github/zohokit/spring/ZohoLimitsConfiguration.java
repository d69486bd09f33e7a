package io.github.zohokit.spring;

import io.github.zohokit.limits.ApiLimits;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.JdbcTokenStore;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The governor of Zoho's API limits from {@code zoho.limits.*} ({@link ZohoLimitsProperties}), when
 * {@code zoho.limits.enabled=true}: {@link ApiLimits} set on the {@code ZohoOAuth} builder, shared through the JDBC
 * token store when there is one, reported to the meters {@code zoho.limits.*} and the health details.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "zoho.limits", name = "enabled", havingValue = "true")
class ZohoLimitsConfiguration {

  @Bean
  ZohoLimitsState zohoLimitsState() {
    return new ZohoLimitsState();
  }

  @Bean
  ZohoOAuthBuilderCustomizer zohoLimitsCustomizer(ZohoProperties properties, ObjectProvider<TokenStore> tokenStore,
      ZohoLimitsState state) {
    return builder -> builder.apiLimits(limits(properties.getLimits(), tokenStore.getIfUnique(), state));
  }

  /** The limits of the properties; start-up fails naming the property when one is wrong. */
  static ApiLimits limits(ZohoLimitsProperties p, TokenStore store, ApiLimits.Listener listener) {
    ApiLimits.Builder limits = ApiLimits.builder().listener(listener);
    try {
      if (p.getEdition() != null) {
        limits.edition(p.getEdition());
      }
      limits.detectEdition(p.isDetectEdition());
      if (p.getConcurrency() != null) {
        limits.concurrency(p.getConcurrency());
      }
      limits.headroom(p.getHeadroom()).heavyConcurrency(p.getHeavyConcurrency());
      if (p.getDailyCredits() != null) {
        limits.dailyCredits(p.getDailyCredits());
      }
      limits.userLicences(p.getUserLicences()).stopAtPercent(p.getStopAtPercent()).maxWait(p.getMaxWait())
          .coolDown(p.getCoolDownInitial(), p.getCoolDownMax()).leaseTime(p.getLeaseTime())
          .organization(p.getOrganization());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalStateException("zoho.limits.*: " + e.getMessage(), e);
    }
    boolean jdbc = store instanceof JdbcTokenStore;
    if (Boolean.TRUE.equals(p.getShared()) && !jdbc) {
      throw new IllegalStateException("zoho.limits.shared=true needs the JDBC token store (zoho.token-store-kind=jdbc "
          + "and a DataSource); the token store is " + store + ". Use the JDBC store, or set zoho.limits.shared=false "
          + "to keep the limits per instance");
    }
    if (jdbc && !Boolean.FALSE.equals(p.getShared())) {
      limits.sharedThrough((JdbcTokenStore) store);
    }
    return limits.build();
  }

  /** The meters {@code zoho.limits.*}, bound to the application's registry when Micrometer is on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(name = "io.micrometer.core.instrument.MeterRegistry")
  static class Meters {
    @Bean
    SmartInitializingSingleton zohoLimitsMeters(ObjectProvider<MeterRegistry> registries, ZohoLimitsState state) {
      return () -> {
        MeterRegistry registry = registries.getIfUnique();
        if (registry != null) {
          ZohoMetrics.bindLimits(registry, state);
        }
      };
    }
  }
}

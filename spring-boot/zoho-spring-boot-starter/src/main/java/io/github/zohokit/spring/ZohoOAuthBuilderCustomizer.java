package io.github.zohokit.spring;

import io.github.zohokit.auth.ZohoOAuth;

/**
 * Adjusts the {@link ZohoOAuth.Builder} the auto-configuration builds from the {@code zoho.*} properties, after the
 * properties are applied and before {@code build()}: for settings that have no property (a clock, a refresh
 * budget, a renewal listener). Beans of this type are applied in {@link org.springframework.core.annotation.Order}.
 */
@FunctionalInterface
public interface ZohoOAuthBuilderCustomizer {
  void customize(ZohoOAuth.Builder builder);
}

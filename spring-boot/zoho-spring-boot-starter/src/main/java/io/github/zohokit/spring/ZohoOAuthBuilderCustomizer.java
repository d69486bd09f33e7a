package io.github.zohokit.spring;

import io.github.zohokit.auth.ZohoOAuth;

/**
 * Adjusts the {@link ZohoOAuth.Builder} the auto-configuration builds from the {@code zoho.*} properties, after the
 * properties are applied and before {@code build()}: for settings that have no property (a clock, a refresh
 * budget, a renewal listener). Beans of this type are applied in {@link org.springframework.core.annotation.Order}.
 */
@FunctionalInterface
public interface ZohoOAuthBuilderCustomizer {
  /**
   * Adjusts the builder; runs once, when the {@code ZohoOAuth} bean is created. What it sets is checked by
   * {@code build()}, and an {@link IllegalArgumentException} from there fails start-up as a configuration error.
   *
   * @param builder the builder, with the {@code zoho.*} properties, the token store and the HTTP client applied
   */
  void customize(ZohoOAuth.Builder builder);
}

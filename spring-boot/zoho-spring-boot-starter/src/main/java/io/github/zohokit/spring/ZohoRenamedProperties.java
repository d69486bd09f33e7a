package io.github.zohokit.spring;

import io.github.zohokit.spring.ZohoProperties.TokenStoreKind;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * The old names of renamed {@code zoho.*} properties, still read (with a warning) when the new name is not set. They
 * are declared deprecated, with their replacement, in {@code additional-spring-configuration-metadata.json}, so IDEs
 * strike them through.
 *
 * <ul>
 *   <li>{@code zoho.api-url} is {@code zoho.api-base} (one name for where API calls go);
 *   <li>{@code zoho.refresh-margin} is {@code zoho.renewal-margin} (a token is renewed by refresh or by the
 *       client-credentials grant; "refresh" is only the first);
 *   <li>{@code zoho.token-store} is {@code zoho.token-store-kind}: the environment variable {@code ZOHO_TOKEN_STORE},
 *       the token file of the plugin and the runtime, binds to {@code zoho.token-store} too under Spring's relaxed
 *       binding. A value that is a store kind ({@code jdbc}, {@code file}, {@code memory}) is the kind; any other value
 *       is that file.
 * </ul>
 */
final class ZohoRenamedProperties {
  static final String API_URL = "zoho.api-url";
  static final String REFRESH_MARGIN = "zoho.refresh-margin";
  static final String TOKEN_STORE = "zoho.token-store";

  private static final Logger log = LoggerFactory.getLogger(ZohoRenamedProperties.class);

  private final Environment environment;

  ZohoRenamedProperties(Environment environment) {
    this.environment = environment;
  }

  /** The value of {@code zoho.api-url}, with a warning; null when unset. */
  String apiUrl() {
    String value = environment == null ? null
        : Binder.get(environment).bind(API_URL, String.class).orElse(null);
    if (value != null && !value.isBlank()) {
      deprecated(API_URL, "zoho.api-base");
      return value;
    }
    return null;
  }

  /** The value of {@code zoho.refresh-margin}, with a warning; null when unset. */
  Duration refreshMargin() {
    Duration value = environment == null ? null
        : Binder.get(environment).bind(REFRESH_MARGIN, Duration.class).orElse(null);
    if (value != null) {
      deprecated(REFRESH_MARGIN, "zoho.renewal-margin");
    }
    return value;
  }

  /**
   * The store kind that {@code zoho.token-store} names in any property source, the first in precedence order, with a
   * warning; null when none does. A path there (the token file's environment variable, which takes precedence over
   * an application.properties) does not hide a kind set in a lower source.
   */
  TokenStoreKind tokenStoreKind() {
    for (Object value : tokenStoreValues()) {
      TokenStoreKind kind = kind(value.toString());
      if (kind != null) {
        deprecated(TOKEN_STORE, "zoho.token-store-kind");
        return kind;
      }
    }
    return null;
  }

  /** The first value of {@code zoho.token-store} that is not a store kind: a token file; null when none. */
  String tokenFile() {
    for (Object value : tokenStoreValues()) {
      if (kind(value.toString()) == null && !value.toString().isBlank()) {
        return value.toString().strip();
      }
    }
    return null;
  }

  private Iterable<Object> tokenStoreValues() {
    java.util.List<Object> values = new java.util.ArrayList<>();
    if (environment instanceof ConfigurableEnvironment) {
      ConfigurationPropertyName name = ConfigurationPropertyName.of(TOKEN_STORE);
      for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
        ConfigurationProperty property = source.getConfigurationProperty(name);
        if (property != null && property.getValue() != null) {
          values.add(property.getValue());
        }
      }
    }
    return values;
  }

  private static TokenStoreKind kind(String value) {
    String name = value.strip().toUpperCase(Locale.ROOT);
    for (TokenStoreKind kind : TokenStoreKind.values()) {
      if (kind.name().equals(name)) {
        return kind;
      }
    }
    return null;
  }

  private static void deprecated(String old, String replacement) {
    log.warn("The property {} is deprecated and will be removed: rename it to {} (read as {} for now)", old,
        replacement, replacement);
  }
}

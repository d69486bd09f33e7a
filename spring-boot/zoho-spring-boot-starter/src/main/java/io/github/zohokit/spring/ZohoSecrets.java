package io.github.zohokit.spring;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Which property keys hold zohokit secrets, however Spring spells them: the client secret
 * ({@code zoho.client-secret}, {@code ZOHO_CLIENT_SECRET}), the token store key ({@code zoho.encryption-key} and the
 * environment variable {@code ZOHO_TOKEN_KEY} the plugin's store uses), grant codes ({@code ZOHO_GRANT_TOKEN}) and
 * access or refresh tokens; and which values they hold, so that a value repeating one elsewhere (the command line in
 * {@code sun.java.command}, a property built from it) is recognised too.
 */
final class ZohoSecrets {
  /**
   * Secret values shorter than this are not looked for inside other values: a short value (a test's "secret", an
   * unset placeholder) would mask unrelated properties. Zoho's client secrets, tokens and AES keys are far longer.
   */
  static final int SHORTEST_MATCHED_VALUE = 8;

  private ZohoSecrets() {}

  /**
   * Whether {@code key} — a property name ({@code zoho.client-secret}, {@code ZOHO_CLIENT_SECRET}) or the member of
   * a {@code zoho} properties bean ({@code clientSecret}) — names one of these secrets.
   */
  static boolean isSecret(String key) {
    if (key == null) {
      return false;
    }
    String flat = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    return flat.endsWith("clientsecret") || flat.endsWith("encryptionkey") || flat.endsWith("tokenkey")
        || flat.endsWith("granttoken") || flat.endsWith("grantcode") || flat.endsWith("refreshtoken")
        || flat.endsWith("accesstoken");
  }

  /**
   * The secret values {@code environment} holds: the resolved value of every property whose name
   * {@linkplain #isSecret is a secret's} in an enumerable property source, plus {@code configured} (the values bound
   * to {@code zoho.*}, which may come from a source that cannot be enumerated), each at least
   * {@link #SHORTEST_MATCHED_VALUE} long.
   */
  static Set<String> values(Environment environment, Collection<String> configured) {
    Set<String> values = new LinkedHashSet<>();
    configured.forEach(value -> add(values, value));
    if (environment instanceof ConfigurableEnvironment) {
      for (PropertySource<?> source : ((ConfigurableEnvironment) environment).getPropertySources()) {
        if (source instanceof EnumerablePropertySource) {
          for (String name : ((EnumerablePropertySource<?>) source).getPropertyNames()) {
            if (isSecret(name)) {
              add(values, resolved(environment, source, name));
            }
          }
        }
      }
    }
    return values;
  }

  /** Whether {@code value}, shown as text, contains one of {@code secrets}. */
  static boolean containsAny(Object value, Set<String> secrets) {
    if (value == null || secrets.isEmpty()) {
      return false;
    }
    String text = value.toString();
    for (String secret : secrets) {
      if (text.contains(secret)) {
        return true;
      }
    }
    return false;
  }

  private static String resolved(Environment environment, PropertySource<?> source, String name) {
    try {
      String value = environment.getProperty(name);
      return value != null ? value : String.valueOf(source.getProperty(name));
    } catch (RuntimeException e) {
      // an unresolvable placeholder: the raw value is what actuator would show
      Object raw = source.getProperty(name);
      return raw == null ? null : raw.toString();
    }
  }

  private static void add(Set<String> values, String value) {
    if (value != null && value.strip().length() >= SHORTEST_MATCHED_VALUE) {
      values.add(value.strip());
    }
  }
}

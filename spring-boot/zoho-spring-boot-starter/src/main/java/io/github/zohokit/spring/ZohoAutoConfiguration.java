package io.github.zohokit.spring;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.Zoho;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.spi.TokenStore;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import okhttp3.OkHttpClient;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * zohokit's beans, from the {@code zoho.*} properties ({@link ZohoProperties}): the {@link TokenStore}, the
 * {@link ZohoOAuth} of the configured client, {@link Zoho} connected as the default user, and every generated
 * client on the class path as a bean of its interface. Each backs off when the application defines its own.
 *
 * <p>zohokit reads and writes JSON with Jackson 2 ({@code com.fasterxml.jackson}); Spring Boot 4 configures Jackson
 * 3 ({@code tools.jackson}). The two live side by side in different packages. zohokit uses its own Jackson 2 mapper
 * unless the application defines exactly one Jackson 2 {@link ObjectMapper} bean, which it then uses.
 *
 * <p>Login with Zoho endpoints (server-based clients in Spring MVC), the actuator health indicator and the Micrometer
 * meters switch on when their libraries are on the class path; see the README section "Spring Boot".
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@EnableConfigurationProperties(ZohoProperties.class)
@Import({ZohoWebConfiguration.class, ZohoActuatorConfiguration.class, ZohoNotificationsConfiguration.class,
    ZohoLimitsConfiguration.class})
public class ZohoAutoConfiguration {

  /**
   * The token store of {@code zoho.token-store-kind}: the application's DataSource (jdbc) when it has one, else the
   * file {@code zoho.token-file} (shared with {@code mvn zoho:bootstrap-token}), or memory. Tokens are encrypted at
   * rest when {@code zoho.encryption-key} is set. Backs off when the application defines its own {@link TokenStore}.
   *
   * @param properties the {@code zoho.*} properties
   * @param dataSource the application's DataSource; used only when unique (or primary)
   * @param environment where the deprecated {@code zoho.token-store} is read
   * @return the token store
   * @throws IllegalStateException (start-up fails) when {@code zoho.token-store-kind} is jdbc without a DataSource,
   *     {@code zoho.token-table} is not a plain SQL identifier or {@code zoho.encryption-key} is malformed
   */
  @Bean
  @ConditionalOnMissingBean
  public TokenStore zohoTokenStore(ZohoProperties properties, ObjectProvider<DataSource> dataSource,
      Environment environment) {
    return ZohoSettings.tokenStore(properties, new ZohoRenamedProperties(environment), dataSource.getIfUnique());
  }

  /**
   * The configured client: the {@code zoho.*} properties checked and applied, on the token store bean and an HTTP
   * client started from the application's {@link OkHttpClient} bean when there is a single one (else a new client),
   * with the timeout properties and every {@link ZohoHttpClientCustomizer} applied in order. It reads and writes JSON
   * with the application's Jackson 2 {@link ObjectMapper} when there is a single one, else its own. Every
   * {@link ZohoOAuthBuilderCustomizer} then adjusts the builder, in order, before it is built. Backs off when the
   * application defines its own {@link ZohoOAuth}.
   *
   * @param properties the {@code zoho.*} properties
   * @param tokenStore where tokens are kept
   * @param httpClient the application's OkHttp client to start from; used only when unique (or primary)
   * @param objectMapper the application's Jackson 2 mapper; used only when unique (or primary)
   * @param httpCustomizers adjust the HTTP client, applied in order
   * @param customizers adjust the OAuth builder, applied in order after the properties
   * @param environment where the deprecated {@code zoho.api-url} and {@code zoho.refresh-margin} are read
   * @return the client, built
   * @throws IllegalStateException (start-up fails, naming the property and the fix) when a required property is
   *     missing, one is set that the client type refuses, or one is malformed
   */
  @Bean
  @ConditionalOnMissingBean
  public ZohoOAuth zohoOAuth(ZohoProperties properties, TokenStore tokenStore, ObjectProvider<OkHttpClient> httpClient,
      ObjectProvider<ObjectMapper> objectMapper, ObjectProvider<ZohoHttpClientCustomizer> httpCustomizers,
      ObjectProvider<ZohoOAuthBuilderCustomizer> customizers, Environment environment) {
    ZohoOAuth.Builder builder = ZohoSettings.oauth(properties, new ZohoRenamedProperties(environment))
        .tokenStore(tokenStore)
        .httpClient(ZohoSettings.httpClient(properties, httpClient.getIfUnique(),
            httpCustomizers.orderedStream().collect(Collectors.toList())));
    ObjectMapper mapper = objectMapper.getIfUnique();
    if (mapper != null) {
      builder.objectMapper(mapper);
    }
    List<ZohoOAuthBuilderCustomizer> ordered = customizers.orderedStream().collect(Collectors.toList());
    ordered.forEach(c -> c.customize(builder));
    return ZohoSettings.build(builder);
  }

  /**
   * Zoho connected as the default user ({@code "default"}), which the generated-client beans use too;
   * {@code zoho.forUser(userKey)} for the others. Backs off when the application defines its own {@link Zoho}.
   *
   * @param oauth the configured client
   * @return zohokit's entry point for the default user
   */
  @Bean
  @ConditionalOnMissingBean
  public Zoho zoho(ZohoOAuth oauth) {
    return Zoho.connect(oauth);
  }

  /** Registers the generated clients (static: it runs before the other beans exist). */
  @Bean
  static ZohoClientRegistrar zohoClientRegistrar() {
    return new ZohoClientRegistrar();
  }
}

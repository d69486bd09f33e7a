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
@Import({ZohoWebConfiguration.class, ZohoActuatorConfiguration.class})
public class ZohoAutoConfiguration {

  /**
   * The token store of {@code zoho.token-store}: the application's DataSource (jdbc) when it has one, else the
   * file {@code zoho.token-file} (shared with {@code mvn zoho:bootstrap-token}), or memory.
   */
  @Bean
  @ConditionalOnMissingBean
  public TokenStore zohoTokenStore(ZohoProperties properties, ObjectProvider<DataSource> dataSource) {
    return ZohoSettings.tokenStore(properties, dataSource.getIfUnique());
  }

  /** The configured client; fails start-up, naming the property, when a required property is missing. */
  @Bean
  @ConditionalOnMissingBean
  public ZohoOAuth zohoOAuth(ZohoProperties properties, TokenStore tokenStore, ObjectProvider<OkHttpClient> httpClient,
      ObjectProvider<ObjectMapper> objectMapper, ObjectProvider<ZohoHttpClientCustomizer> httpCustomizers,
      ObjectProvider<ZohoOAuthBuilderCustomizer> customizers) {
    ZohoOAuth.Builder builder = ZohoSettings.oauth(properties)
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

  /** Zoho connected as the default user; {@code zoho.forUser(userKey)} for the others. */
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

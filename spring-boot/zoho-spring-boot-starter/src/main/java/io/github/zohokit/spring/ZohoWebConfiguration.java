package io.github.zohokit.spring;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.ZohoOAuth;
import java.security.Principal;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Login with Zoho for server-based clients in a Spring MVC application: {@code GET zoho.login.path} (default
 * {@code /zoho/login}) and {@code GET zoho.login.callback-path} (default {@code /zoho/callback}). Off with
 * {@code zoho.login.enabled=false}, or for any other client type.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
class ZohoWebConfiguration {

  /** Principal name, else {@code zoho.login.anonymous-user-key}, else none. */
  @Bean
  @ConditionalOnMissingBean
  public ZohoUserKeyResolver zohoUserKeyResolver(ZohoProperties properties) {
    String anonymous = properties.getLogin().getAnonymousUserKey();
    return request -> {
      Principal principal = request.getUserPrincipal();
      if (principal != null && principal.getName() != null && !principal.getName().isBlank()) {
        return principal.getName();
      }
      return ZohoSettings.blank(anonymous) ? null : anonymous;
    };
  }

  /** The login endpoints and their default error page. */
  @Configuration(proxyBeanMethods = false)
  @Conditional(OnServerBasedClient.class)
  @ConditionalOnBooleanProperty(name = "zoho.login.enabled", matchIfMissing = true)
  static class Login {
    @Bean
    @ConditionalOnMissingBean
    ZohoLoginFailureHandler zohoLoginFailureHandler(ZohoProperties properties) {
      return new ZohoLoginErrorPage(properties.getLogin().getPath());
    }

    @Bean
    ZohoLoginController zohoLoginController(ZohoOAuth oauth, ZohoProperties properties,
        ZohoUserKeyResolver userKeys, ZohoLoginFailureHandler failures) {
      return new ZohoLoginController(oauth, properties, userKeys, failures);
    }
  }

  /** Matches when {@code zoho.client-type} is server-based, however it is spelt. */
  static final class OnServerBasedClient extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
      ClientType type = Binder.get(context.getEnvironment()).bind("zoho.client-type", ClientType.class)
          .orElse(ClientType.SELF_CLIENT);
      return type == ClientType.SERVER_BASED
          ? ConditionOutcome.match("zoho.client-type is server-based")
          : ConditionOutcome.noMatch("zoho.client-type is " + type.displayName() + ", not server-based");
    }
  }
}

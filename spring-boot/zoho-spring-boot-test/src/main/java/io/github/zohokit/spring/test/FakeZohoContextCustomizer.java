package io.github.zohokit.spring.test;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/** Starts the fake for one application context and points {@code zoho.*} at it; see {@link WithFakeZoho}. */
final class FakeZohoContextCustomizer implements ContextCustomizer {
  static final String PROPERTY_SOURCE = "fakeZoho";
  private static final DataCenter DC = DataCenter.US;
  private static final List<String> TESTS_OWN = List.of(
      TestPropertySourceUtils.INLINED_PROPERTIES_PROPERTY_SOURCE_NAME, "Dynamic Test Properties");

  private final ClientType clientType;
  private final List<String> scopes;
  private final int seedLeads;
  private final String callbackPath;

  FakeZohoContextCustomizer(WithFakeZoho settings) {
    this.clientType = settings.clientType();
    this.scopes = List.of(settings.scopes());
    this.seedLeads = settings.seedLeads();
    this.callbackPath = settings.callbackPath();
  }

  @Override
  public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
    FakeZoho fake = FakeZoho.builder().dataCenters(DC).seedLeads(seedLeads).start();
    Map<String, Object> properties = new LinkedHashMap<>();
    FakeClient client;
    if (clientType.usesRedirectUri()) {
      int port = freePort();
      String origin = "http://localhost:" + port;
      String redirectUri = clientType == ClientType.MOBILE ? "com.example.test://callback" : origin + callbackPath;
      client = clientType == ClientType.CLIENT_BASED ? fake.registerClientBasedClient(redirectUri, origin)
          : fake.registerClient(clientType, "Spring test app", List.of(redirectUri), List.of());
      properties.put("server.port", port);
      properties.put("zoho.redirect-uri", redirectUri);
    } else {
      client = fake.registerClient(clientType, "Spring test app", List.of(), List.of());
    }
    properties.put("zoho.client-type", clientType.name());
    properties.put("zoho.client-id", client.clientId());
    if (client.clientSecret() != null) {
      properties.put("zoho.client-secret", client.clientSecret());
    }
    properties.put("zoho.data-center", DC.name());
    properties.put("zoho.accounts-url", fake.baseUrl(DC));
    ConfigurableEnvironment environment = context.getEnvironment();
    if (testsOwn(environment, "zoho.api-url") == null) {   // a test that still sets the old name keeps its value
      properties.put("zoho.api-base", fake.baseUrl(DC));
    }
    if (!namesAStoreKind(environment)) {
      properties.put("zoho.token-store-kind", "memory");
    }
    addBelowTheTestsOwnProperties(context.getEnvironment(), new MapPropertySource(PROPERTY_SOURCE, properties));

    BeanDefinitionRegistry registry = (BeanDefinitionRegistry) context.getBeanFactory();
    registry.registerBeanDefinition("fakeZoho", new RootBeanDefinition(FakeZoho.class, () -> fake));
    registry.registerBeanDefinition("fakeZohoClient", new RootBeanDefinition(FakeClient.class, () -> client));
    if (clientType == ClientType.SELF_CLIENT && !scopes.isEmpty()) {
      RootBeanDefinition bootstrap = new RootBeanDefinition(SmartInitializingSingleton.class, () -> () -> {
        ZohoOAuth oauth = context.getBean(ZohoOAuth.class);
        if (oauth.clientId().equals(client.clientId())) {
          oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, scopes));
        }
      });
      registry.registerBeanDefinition("fakeZohoDefaultToken", bootstrap);
    }
  }

  /**
   * Whether the test's own properties name the store kind, under its name or its deprecated one
   * ({@code zoho.token-store}). The application's own files do not count: a test runs on the memory store even when
   * application.properties says file.
   */
  private static boolean namesAStoreKind(ConfigurableEnvironment environment) {
    if (testsOwn(environment, "zoho.token-store-kind") != null) {
      return true;
    }
    Object old = testsOwn(environment, "zoho.token-store");
    return old != null && List.of("jdbc", "file", "memory").contains(old.toString().strip().toLowerCase(Locale.ROOT));
  }

  /** The value of {@code name} in the test's own (inlined or dynamic) properties; null when they do not set it. */
  private static Object testsOwn(ConfigurableEnvironment environment, String name) {
    for (String source : TESTS_OWN) {
      PropertySource<?> properties = environment.getPropertySources().get(source);
      if (properties != null && properties.containsProperty(name)) {
        return properties.getProperty(name);
      }
    }
    return null;
  }

  /** Under inlined and dynamic test properties (so the test can override), above everything else. */
  private static void addBelowTheTestsOwnProperties(ConfigurableEnvironment environment, MapPropertySource source) {
    MutablePropertySources sources = environment.getPropertySources();
    String above = null;
    for (String name : TESTS_OWN) {
      if (sources.contains(name)) {
        above = name;
      }
    }
    if (above != null) {
      sources.addAfter(above, source);
    } else {
      sources.addFirst(source);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port for the test application", e);
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof FakeZohoContextCustomizer)) {
      return false;
    }
    FakeZohoContextCustomizer other = (FakeZohoContextCustomizer) o;
    return clientType == other.clientType && scopes.equals(other.scopes) && seedLeads == other.seedLeads
        && callbackPath.equals(other.callbackPath);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(clientType, scopes, seedLeads, callbackPath);
  }
}

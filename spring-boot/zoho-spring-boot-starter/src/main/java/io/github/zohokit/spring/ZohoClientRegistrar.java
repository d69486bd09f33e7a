package io.github.zohokit.spring;

import io.github.zohokit.Zoho;
import io.github.zohokit.ZohoClientFactory;
import java.beans.Introspector;
import java.util.ServiceLoader;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Registers every generated client on the class path as a bean of its interface, connected as the default user
 * ({@link Zoho} bean). The clients are found through the processor's {@code META-INF/services} registration of
 * {@link ZohoClientFactory}, not by scanning the class path. An interface the application already has a bean of is
 * left alone.
 */
final class ZohoClientRegistrar implements BeanDefinitionRegistryPostProcessor {

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
    if (!(registry instanceof ConfigurableListableBeanFactory)) {
      return;
    }
    ConfigurableListableBeanFactory beans = (ConfigurableListableBeanFactory) registry;
    ClassLoader loader = beans.getBeanClassLoader() != null ? beans.getBeanClassLoader()
        : ZohoClientRegistrar.class.getClassLoader();
    for (ZohoClientFactory<?> factory : ServiceLoader.load(ZohoClientFactory.class, loader)) {
      register(registry, beans, factory);
    }
  }

  private static <T> void register(BeanDefinitionRegistry registry, ListableBeanFactory beans,
      ZohoClientFactory<T> factory) {
    Class<T> api = factory.type();
    if (beans.getBeanNamesForType(api, true, false).length > 0) {
      return;
    }
    String name = Introspector.decapitalize(api.getSimpleName());
    if (registry.containsBeanDefinition(name)) {
      name = api.getName();
    }
    RootBeanDefinition definition = new RootBeanDefinition(api, () -> factory.create(beans.getBean(Zoho.class)));
    definition.setDescription("zohokit generated client " + api.getName() + " for the default user");
    registry.registerBeanDefinition(name, definition);
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
}

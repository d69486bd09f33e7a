package io.github.zohokit.spring;

import io.github.zohokit.Zoho;
import java.beans.Introspector;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;

/**
 * Registers every generated client on the class path as a bean of its interface, connected as the default user
 * ({@link Zoho} bean). The clients are found through the registries the processor lists in
 * {@code META-INF/services}, not by scanning the class path. An interface the application already has a bean of is
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
    for (Class<?> api : Zoho.apis(loader)) {
      register(registry, beans, api);
    }
  }

  private static <T> void register(BeanDefinitionRegistry registry, ListableBeanFactory beans, Class<T> api) {
    if (beans.getBeanNamesForType(api, true, false).length > 0) {
      return;
    }
    String name = Introspector.decapitalize(api.getSimpleName());
    if (registry.containsBeanDefinition(name)) {
      name = api.getName();
    }
    RootBeanDefinition definition = new RootBeanDefinition(api, () -> beans.getBean(Zoho.class).api(api));
    definition.setDescription("zohokit generated API " + api.getName() + " for the default user");
    registry.registerBeanDefinition(name, definition);
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
}

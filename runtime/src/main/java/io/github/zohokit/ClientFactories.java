package io.github.zohokit;

import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/** The generated client factories on the class path, loaded once per class loader. */
final class ClientFactories {
  private static final Map<ClassLoader, Map<Class<?>, ZohoClientFactory<?>>> BY_LOADER = new ConcurrentHashMap<>();

  private ClientFactories() {}

  @SuppressWarnings("unchecked")
  static <T> ZohoClientFactory<T> find(Class<T> api) {
    ClassLoader loader = api.getClassLoader() != null ? api.getClassLoader() : ClassLoader.getSystemClassLoader();
    Map<Class<?>, ZohoClientFactory<?>> factories = BY_LOADER.computeIfAbsent(loader, ClientFactories::load);
    ZohoClientFactory<?> factory = factories.get(api);
    if (factory == null) {
      throw new IllegalArgumentException("No generated Zoho client for " + api.getName() + ". Is it an interface "
          + "with @Get/@Post/... methods, and does the build run the zoho-processor annotation processor "
          + "(maven-compiler-plugin annotationProcessorPaths)?");
    }
    return (ZohoClientFactory<T>) factory;
  }

  @SuppressWarnings("rawtypes")
  private static Map<Class<?>, ZohoClientFactory<?>> load(ClassLoader loader) {
    Map<Class<?>, ZohoClientFactory<?>> factories = new ConcurrentHashMap<>();
    for (ZohoClientFactory factory : ServiceLoader.load(ZohoClientFactory.class, loader)) {
      factories.put(factory.type(), factory);
    }
    return factories;
  }
}

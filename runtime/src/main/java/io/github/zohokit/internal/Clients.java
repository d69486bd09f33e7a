package io.github.zohokit.internal;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Not API: may change in any release. The generated clients on a class loader, read once from every
 * {@link ClientRegistry} it lists.
 */
public final class Clients {
  private static final Map<ClassLoader, Map<Class<?>, Function<ZohoCalls, ?>>> BY_LOADER = new ConcurrentHashMap<>();

  private Clients() {}

  /**
   * The interfaces that have a generated client on {@code loader}.
   *
   * @param loader the class loader whose {@code ClientRegistry} services are read (once, then remembered)
   * @return an unmodifiable view of the interfaces
   */
  public static Set<Class<?>> interfaces(ClassLoader loader) {
    return Collections.unmodifiableSet(on(loader).keySet());
  }

  /**
   * How to create the generated client of {@code api}.
   *
   * @param <T> the API interface
   * @param api the interface
   * @return the generated API's constructor, taking the calls of one user
   * @throws IllegalArgumentException when the class path holds no generated client for {@code api}
   */
  @SuppressWarnings("unchecked")
  public static <T> Function<ZohoCalls, T> find(Class<T> api) {
    ClassLoader loader = api.getClassLoader() != null ? api.getClassLoader() : ClassLoader.getSystemClassLoader();
    Function<ZohoCalls, ?> create = on(loader).get(api);
    if (create == null) {
      throw new IllegalArgumentException("No generated Zoho client for " + api.getName() + ". Is it an interface "
          + "with @Get/@Post/... methods, and does the build run the zoho-processor annotation processor "
          + "(maven-compiler-plugin annotationProcessorPaths)?");
    }
    return (Function<ZohoCalls, T>) create;
  }

  private static Map<Class<?>, Function<ZohoCalls, ?>> on(ClassLoader loader) {
    return BY_LOADER.computeIfAbsent(loader, Clients::load);
  }

  private static Map<Class<?>, Function<ZohoCalls, ?>> load(ClassLoader loader) {
    Map<Class<?>, Function<ZohoCalls, ?>> clients = new ConcurrentHashMap<>();
    ClientRegistry.Registrar registrar = new ClientRegistry.Registrar() {
      @Override
      public <T> void add(Class<T> api, Function<ZohoCalls, ? extends T> create) {
        clients.put(api, create);
      }
    };
    for (ClientRegistry registry : ServiceLoader.load(ClientRegistry.class, loader)) {
      registry.register(registrar);
    }
    return clients;
  }
}

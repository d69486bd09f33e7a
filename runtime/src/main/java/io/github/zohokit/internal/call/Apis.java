package io.github.zohokit.internal.call;

import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Not API: may change in any release. The generated APIs on a class loader, read once from every
 * {@link ApiRegistry} it lists. Applications use {@code Zoho.api(Class)} and {@code Zoho.apis(ClassLoader)}.
 */
public final class Apis {
  private static final Map<ClassLoader, Map<Class<?>, Function<ZohoCalls, ?>>> BY_LOADER = new ConcurrentHashMap<>();

  private Apis() {}

  /**
   * The interfaces that have a generated API on {@code loader}.
   *
   * @param loader the class loader whose {@code ApiRegistry} services are read (once, then remembered)
   * @return an unmodifiable view of the interfaces
   */
  public static Set<Class<?>> interfaces(ClassLoader loader) {
    return Collections.unmodifiableSet(on(loader).keySet());
  }

  /**
   * A new generated API of {@code api} for one user's {@code calls}.
   *
   * @param <T> the annotated interface
   * @param api the interface
   * @param calls the calls of the user the API calls as
   * @return the generated API
   * @throws IllegalArgumentException when the class path holds no generated API for {@code api}
   */
  public static <T> T create(Class<T> api, ZohoCalls calls) {
    ClassLoader loader = api.getClassLoader() != null ? api.getClassLoader() : ClassLoader.getSystemClassLoader();
    Function<ZohoCalls, ?> create = on(loader).get(api);
    if (create == null) {
      throw new IllegalArgumentException("No generated Zoho API for " + api.getName() + ". Is it an interface "
          + "with @Get/@Post/... methods, and does the build run the zoho-processor annotation processor "
          + "(maven-compiler-plugin annotationProcessorPaths)?");
    }
    return api.cast(create.apply(calls));
  }

  private static Map<Class<?>, Function<ZohoCalls, ?>> on(ClassLoader loader) {
    return BY_LOADER.computeIfAbsent(loader, Apis::load);
  }

  private static Map<Class<?>, Function<ZohoCalls, ?>> load(ClassLoader loader) {
    Map<Class<?>, Function<ZohoCalls, ?>> apis = new ConcurrentHashMap<>();
    ApiRegistry.Registrar registrar = new ApiRegistry.Registrar() {
      @Override
      public <T> void add(Class<T> api, Function<ZohoCalls, ? extends T> create) {
        apis.put(api, create);
      }
    };
    for (ApiRegistry registry : ServiceLoader.load(ApiRegistry.class, loader)) {
      registry.register(registrar);
    }
    return apis;
  }
}

package io.github.zohokit.internal.call;

import java.lang.ref.WeakReference;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Not API: may change in any release. The generated APIs on a class loader, read from every {@link ApiRegistry} it
 * lists. Applications use {@code Zoho.api(Class)} and {@code Zoho.apis(ClassLoader)}.
 *
 * <p>Nothing here keeps an application's class loader alive (a Spring DevTools restart or an application server
 * redeploy drops the old loader while zohokit, on a parent loader, stays): the factory of each API is kept in a
 * {@link ClassValue} of its interface, so it lives exactly as long as that interface; what was read from a loader is
 * kept in a map with weak keys and only {@linkplain WeakReference weakly referenced} values (the values name classes
 * of that loader, so a strong value would keep its own key alive), read again from the loader when collected.
 */
public final class Apis {
  /** The generated API factory of each interface, read from its loader's registries on first use. */
  private static final ClassValue<Function<ZohoCalls, ?>> FACTORIES = new ClassValue<>() {
    @Override
    protected Function<ZohoCalls, ?> computeValue(Class<?> api) {
      Function<ZohoCalls, ?> create = on(loaderOf(api)).get(api);
      if (create == null) {
        // thrown, not cached: ClassValue computes again on the next call
        throw new IllegalArgumentException("No generated Zoho API for " + api.getName() + ". Is it an interface "
            + "with @Get/@Post/... methods, and does the build run the zoho-processor annotation processor "
            + "(maven-compiler-plugin annotationProcessorPaths)?");
      }
      return create;
    }
  };
  /** What each loader's registries list; weak keys, weakly held values. Guarded by itself. */
  private static final Map<ClassLoader, WeakReference<Map<Class<?>, Function<ZohoCalls, ?>>>> BY_LOADER =
      new WeakHashMap<>();

  private Apis() {}

  /**
   * The interfaces that have a generated API on {@code loader}.
   *
   * @param loader the class loader whose {@code ApiRegistry} services are read
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
    return api.cast(FACTORIES.get(api).apply(calls));
  }

  private static ClassLoader loaderOf(Class<?> api) {
    return api.getClassLoader() != null ? api.getClassLoader() : ClassLoader.getSystemClassLoader();
  }

  private static Map<Class<?>, Function<ZohoCalls, ?>> on(ClassLoader loader) {
    synchronized (BY_LOADER) {
      WeakReference<Map<Class<?>, Function<ZohoCalls, ?>>> known = BY_LOADER.get(loader);
      Map<Class<?>, Function<ZohoCalls, ?>> apis = known == null ? null : known.get();
      if (apis != null) {
        return apis;
      }
    }
    Map<Class<?>, Function<ZohoCalls, ?>> apis = load(loader);   // outside the lock: it runs the loader's code
    synchronized (BY_LOADER) {
      BY_LOADER.put(loader, new WeakReference<>(apis));
    }
    return apis;
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

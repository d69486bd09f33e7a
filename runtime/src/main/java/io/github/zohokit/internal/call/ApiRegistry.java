package io.github.zohokit.internal.call;

import java.util.function.Function;

/**
 * Not API: may change in any release. The generated APIs of one compilation: the annotation processor writes one
 * {@code ZohoApiRegistry} per compilation and lists it in
 * {@code META-INF/services/io.github.zohokit.internal.call.ApiRegistry}, so {@code Zoho.api(Class)} finds a
 * generated API without reflection or class-path scanning.
 */
public interface ApiRegistry {
  /**
   * Adds each generated API of this compilation to {@code apis}.
   *
   * @param apis where to add them; call {@link Registrar#add} once per generated API
   */
  void register(Registrar apis);

  /** What a registry adds its generated APIs to. */
  interface Registrar {
    /**
     * The generated API of {@code api}, created by {@code create} for one user's calls.
     *
     * @param <T> the annotated interface
     * @param api the interface annotated with {@code @Get}/{@code @Post}/... methods
     * @param create builds the generated API for one user's {@link ZohoCalls}
     */
    <T> void add(Class<T> api, Function<ZohoCalls, ? extends T> create);
  }
}

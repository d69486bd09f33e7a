package io.github.zohokit.internal;

import java.util.function.Function;

/**
 * Not API: may change in any release. The generated clients of one compilation: the annotation processor writes one
 * registry per compilation and lists it in {@code META-INF/services/io.github.zohokit.internal.ClientRegistry}, so
 * {@code Zoho.client(Class)} finds a client without reflection or class-path scanning.
 */
public interface ClientRegistry {
  /**
   * Adds each generated client of this compilation to {@code clients}.
   *
   * @param clients where to add them; call {@link Registrar#add} once per generated client
   */
  void register(Registrar clients);

  /** What a registry adds its clients to. */
  interface Registrar {
    /**
     * The client for {@code api}, created by {@code create} for one user's calls.
     *
     * @param <T> the client interface
     * @param api the interface annotated with {@code @Get}/{@code @Post}/... methods
     * @param create builds the client for one user's {@link ZohoCalls}
     */
    <T> void add(Class<T> api, Function<ZohoCalls, ? extends T> create);
  }
}

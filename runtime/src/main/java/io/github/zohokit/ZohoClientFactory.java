package io.github.zohokit;

/**
 * Creates the generated implementation of one annotated interface. The annotation processor generates one per
 * interface and registers it in {@code META-INF/services}, so {@link Zoho#client(Class)} finds it without
 * reflection on the call path.
 */
public interface ZohoClientFactory<T> {
  /** The annotated interface. */
  Class<T> type();

  /** A client of {@link #type()} that calls Zoho through {@code zoho}. */
  T create(Zoho zoho);
}

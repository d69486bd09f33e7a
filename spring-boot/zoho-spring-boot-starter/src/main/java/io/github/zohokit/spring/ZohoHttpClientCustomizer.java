package io.github.zohokit.spring;

import okhttp3.OkHttpClient;

/**
 * Adjusts the OkHttp client zohokit calls Zoho Accounts and the APIs with (interceptors, proxy, timeouts). The
 * builder starts from the application's {@link OkHttpClient} bean when there is exactly one (so the connection pool
 * is shared), else from a new client, with {@code zoho.connect-timeout} and {@code zoho.read-timeout} applied.
 * Beans of this type are applied in {@link org.springframework.core.annotation.Order}.
 */
@FunctionalInterface
public interface ZohoHttpClientCustomizer {
  /**
   * Adjusts the builder; runs once, when the {@code ZohoOAuth} bean is created.
   *
   * @param builder the builder of the client zohokit will use, with the timeout properties already applied
   */
  void customize(OkHttpClient.Builder builder);
}

/**
 * <b>Not API: may change in any release.</b> zohokit's HTTP layer under the generated calls and the application's
 * HTTP client: the interceptor that authorizes each request
 * ({@link io.github.zohokit.internal.http.ZohoAuthInterceptor}), the opt-in retries
 * ({@link io.github.zohokit.internal.http.RetryInterceptor}), the classification of failed calls
 * ({@link io.github.zohokit.internal.http.ZohoErrorDecoder}) and the default JSON mapper with its mapping errors
 * ({@link io.github.zohokit.internal.http.ZohoJson}).
 */
package io.github.zohokit.internal.http;

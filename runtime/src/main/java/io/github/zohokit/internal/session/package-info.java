/**
 * <b>Not API: may change in any release.</b> What calls take from the token engine: one user's
 * {@link io.github.zohokit.internal.session.Session}, the immutable
 * {@link io.github.zohokit.internal.session.Authorization} of its current token (token, API base, header value), and
 * the HTTP side of one {@code ZohoOAuth} ({@link io.github.zohokit.internal.session.SessionHttp}). The token engine
 * ({@code io.github.zohokit.auth}) implements {@code Session}; generated code and zohokit's interceptor use it.
 */
package io.github.zohokit.internal.session;

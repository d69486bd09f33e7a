/**
 * <b>Not API: may change in any release.</b> What generated clients and zohokit's own modules need from the runtime:
 * the per-user {@link io.github.zohokit.internal.session.Session} and its
 * {@link io.github.zohokit.internal.session.Authorization},
 * the HTTP wiring and the error decoder (the call machinery of generated APIs is {@code
 * io.github.zohokit.internal.call}). Application code uses {@link io.github.zohokit.Zoho} and the generated APIs.
 */
package io.github.zohokit.internal;

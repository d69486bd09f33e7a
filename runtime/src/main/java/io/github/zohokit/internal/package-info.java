/**
 * <b>Not API: may change in any release.</b> What generated clients and zohokit's own modules need from the runtime:
 * the per-user {@link io.github.zohokit.internal.session.Session} and its
 * {@link io.github.zohokit.internal.session.Authorization},
 * the call machinery ({@link io.github.zohokit.internal.ZohoCalls}, {@link io.github.zohokit.internal.Operation}),
 * the generated-client registry and the error decoder. Application code uses {@link io.github.zohokit.Zoho} and
 * the generated clients instead.
 */
package io.github.zohokit.internal;

/**
 * <b>Not API: may change in any release.</b> What generated APIs call: one {@link
 * io.github.zohokit.internal.call.Route} per generated method (the public {@link io.github.zohokit.Operation} tag,
 * the prepared path, the module check), one {@link io.github.zohokit.internal.call.ZohoCalls} per user that starts
 * calls, the {@link io.github.zohokit.internal.call.ZohoCall} that binds the arguments and sends and decodes itself
 * with a {@link io.github.zohokit.internal.call.Decoder} prepared per return type, and the registry of generated
 * APIs. Only what generated code names is public.
 */
package io.github.zohokit.internal.call;

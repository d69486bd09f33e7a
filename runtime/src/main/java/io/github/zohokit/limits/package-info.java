/**
 * Zoho's API limits, kept by zohokit for the whole fleet: {@link io.github.zohokit.limits.ApiLimits} configures the
 * governor (concurrency permits per organisation, the pool of Zoho's heavy calls, the credit ledger and its stop
 * rule, the shared cool-down after a 429), set with {@code ZohoOAuth.Builder.apiLimits(...)};
 * {@link io.github.zohokit.limits.ApiCreditsExhaustedException} is what a call gets when the stop rule refuses it.
 */
package io.github.zohokit.limits;

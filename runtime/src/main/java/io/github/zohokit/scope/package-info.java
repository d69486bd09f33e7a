/**
 * Zoho OAuth scopes, the one home of the concept: {@link io.github.zohokit.scope.Scope} (a parsed scope and the
 * coverage rule), {@link io.github.zohokit.scope.ScopeCatalogue} (which scopes Zoho documents a CRM call to need,
 * asked with the call's HTTP method and path template; the answer is a
 * {@link io.github.zohokit.scope.ScopeRequirement}) and {@link io.github.zohokit.scope.ScopeManifest} (the
 * {@code META-INF/zoho/scopes.json} the processor writes and the plugin, the starter and your tools read).
 *
 * <p>The processor, the runtime, the Maven plugin, the Spring starter and the fake Zoho all ask here, so a scope
 * means the same everywhere. This package uses the JDK alone (the processor loads it without Jackson, OkHttp or
 * SLF4J on its path); {@code ScopeHomeIsJdkOnlyTest} fails the build when a class here refers to anything else.
 */
package io.github.zohokit.scope;

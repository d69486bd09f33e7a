package io.github.zohokit.scope;

import io.github.zohokit.scope.Scope;
import java.util.Optional;

/**
 * Which scopes a Zoho CRM call needs, looked up in zohokit's scope catalogue
 * ({@code META-INF/zohokit/zoho-crm-v8-scopes.tsv} in zoho-runtime): one row per operation of Zoho's v8 API, with
 * every scope that authorises it as Zoho's API pages and OpenAPI files document them, and notes where those
 * disagree or are wrong. The processor (at compile time), the runtime (scope-mismatch messages and the module
 * check before a call), the Maven plugin and the fake Zoho all ask here, so "covered" means the same everywhere:
 * a call is covered when a declared scope {@linkplain Scope#covers(Scope) covers} one documented alternative.
 *
 * <p>The catalogue is read once per class loader, on first use. Paths match with any API version
 * ({@code /crm/v7/...} as {@code /crm/v8/...}) and case-insensitively; a literal module such as {@code Deals}
 * matches the catalogue's {@code {module}} rows when it is a module Zoho issues scopes for; custom modules and
 * paths the catalogue does not have are unknown.
 */
public final class ScopeRules {
  private ScopeRules() {}

  /**
   * What Zoho documents {@code method path} to need; empty when the catalogue does not know the operation (or knows
   * it but records no scope for it).
   *
   * @return the requirement, or empty
   * @throws IllegalStateException when the catalogue is missing from zoho-runtime or malformed
   * @param method the HTTP method, for example {@code GET}
   * @param path a path or path template, for example {@code /crm/v8/Deals/{id}}; a query string is ignored
   */
  public static Optional<ScopeRequirement> requirement(String method, String path) {
    ScopeCatalogue catalogue = ScopeCatalogue.get();
    ScopeCatalogue.Match match = catalogue.find(method, path);
    if (match == null) {
      return Optional.empty();
    }
    ScopeRequirement requirement = new ScopeRequirement(catalogue, match, method, path, match.module());
    return requirement.documentsScopes() ? Optional.of(requirement) : Optional.empty();
  }

  /**
   * How many operations the catalogue has.
   *
   * @return the number of rows, operations whose scopes are unknown included
   */
  public static int catalogueSize() {
    return ScopeCatalogue.get().size();
  }
}

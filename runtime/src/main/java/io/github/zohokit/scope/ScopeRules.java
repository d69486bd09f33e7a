package io.github.zohokit.scope;

import java.util.Optional;

/**
 * The catalogue's question under its old name.
 *
 * @deprecated ask {@link ScopeCatalogue#requirementFor(String, String)}; this class goes in the next minor release
 */
@Deprecated(forRemoval = true)
public final class ScopeRules {
  private ScopeRules() {}

  /**
   * What Zoho documents {@code method path} to need.
   *
   * @param method the HTTP method, for example {@code GET}
   * @param path a path or path template, for example {@code /crm/v8/Deals/{id}}; a query string is ignored
   * @return the requirement, or empty
   * @deprecated use {@link ScopeCatalogue#requirementFor(String, String)}
   */
  @Deprecated(forRemoval = true)
  public static Optional<ScopeRequirement> requirement(String method, String path) {
    return ScopeCatalogue.requirementFor(method, path);
  }

  /**
   * How many operations the catalogue has.
   *
   * @return the number of rows
   * @deprecated use {@link ScopeCatalogue#operationCount()}
   */
  @Deprecated(forRemoval = true)
  public static int catalogueSize() {
    return ScopeCatalogue.operationCount();
  }
}

package io.github.zohokit.scope;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * What Zoho documents one call to need: the catalogue row matching an HTTP method and path, with every scope (or
 * set of scopes) that authorises it. Obtain one from {@link ScopeCatalogue#requirementFor(String, String)}.
 *
 * <p>Where the path names its module with a variable ({@code /crm/v8/{module}/{id}}), the scopes depend on the
 * module: {@link #isCoveredBy(Collection)} then asks whether the declared scopes are valid for <em>some</em> module,
 * and {@link #forModule(String)} gives the requirement for one module once its name is known.
 */
public final class ScopeRequirement {
  private static final String MODULE = "{module}";

  private final ScopeCatalogue catalogue;
  private final ScopeCatalogue.Match match;
  private final String method;
  private final String path;
  private final String module;        // scope name of the call's module; null when variable or none
  private final String moduleApiName; // as written in the path or given to forModule

  ScopeRequirement(ScopeCatalogue catalogue, ScopeCatalogue.Match match, String method, String path,
      String moduleApiName) {
    this.catalogue = catalogue;
    this.match = match;
    this.method = method;
    this.path = path;
    this.moduleApiName = moduleApiName;
    this.module = catalogue.moduleScope(moduleApiName);
  }

  /**
   * The CRM module a call's path names with a literal: the segment where the catalogue's documented path has
   * {@code {module}} ({@code Leads} in {@code GET /crm/v8/Leads/{id}}); for a path the catalogue does not know, a
   * custom module ({@code __c}) right after the version ({@code /crm/v8/Projects__c}). The processor's snapshot
   * checks and the Maven plugin's default module selection both read a call's module here.
   *
   * @param httpMethod the call's HTTP method, such as {@code GET}
   * @param path the call's path template from the root, such as {@code /crm/v8/Leads/{id}}
   * @return the module as the path writes it; empty when the module is a path variable or the path names none
   */
  public static Optional<String> moduleSegment(String httpMethod, String path) {
    String[] segments = path.substring(1).split("/");
    Optional<ScopeRequirement> requirement = ScopeCatalogue.requirementFor(httpMethod, path);
    if (requirement.isPresent()) {
      String documented = requirement.get().documentedOperation();
      String[] template = documented.substring(documented.indexOf(' ') + 2).split("/");
      for (int i = 0; i < template.length && i < segments.length; i++) {
        if (template[i].equals(MODULE)) {
          return segments[i].contains("{") ? Optional.empty() : Optional.of(segments[i]);
        }
      }
      return Optional.empty();
    }
    return segments.length >= 3 && segments[2].endsWith("__c") && !segments[2].contains("{")
        ? Optional.of(segments[2]) : Optional.empty();
  }

  /**
   * The operation as the catalogue records it, for example {@code GET /crm/v8/{module}/{id}}.
   *
   * @return the method and the documented path template
   */
  public String documentedOperation() {
    return match.row().method() + " " + match.row().path();
  }

  /**
   * Where the row comes from: Zoho's OpenAPI file and, where used, the API page.
   *
   * @return a description of the source, never null
   */
  public String source() {
    return match.row().source();
  }

  /**
   * What the catalogue notes about this operation (disagreements, corrections); {@code -} when nothing.
   *
   * @return the note, or {@code -}
   */
  public String note() {
    return match.row().note();
  }

  /**
   * Scopes Zoho's OpenAPI file lists for this operation that the catalogue records as wrong.
   *
   * @return the scopes, empty when the catalogue corrects nothing
   */
  public List<String> wrongInZohoFile() {
    return match.row().wrong();
  }

  /**
   * Whether the module is a path variable, known only when the call is made.
   *
   * @return true when the module comes from a path variable
   */
  public boolean variableModule() {
    return match.modulePosition() >= 0 && moduleApiName == null;
  }

  /**
   * The name of the path variable that holds the module ({@code module} in {@code /crm/v8/{module}}), if any.
   *
   * @return the variable's name, or empty when the module is fixed or there is none
   */
  public Optional<String> moduleVariable() {
    return variableModule() ? Optional.ofNullable(match.moduleVariable()) : Optional.empty();
  }

  /**
   * The requirement for a call on {@code moduleApiName} (such as {@code Deals}) when this one's module is a
   * variable; empty when the module is not variable or the catalogue does not know that module (a custom module).
   *
   * @param moduleApiName the module's API name, as the call's argument gives it; case does not matter
   * @return the requirement for that module, or empty
   */
  public Optional<ScopeRequirement> forModule(String moduleApiName) {
    if (!variableModule() || catalogue.moduleScope(moduleApiName) == null) {
      return Optional.empty();
    }
    return Optional.of(new ScopeRequirement(catalogue, match, method, path, moduleApiName));
  }

  /**
   * Whether {@code declared} covers one of the documented alternatives. With a variable module: whether it does so
   * for some module Zoho issues scopes for.
   *
   * @param declared the scopes a method declares
   * @return true when they authorise the call (for some module, where the module is variable)
   */
  public boolean isCoveredBy(Collection<Scope> declared) {
    for (List<String> alternative : match.row().alternatives()) {
      if (covers(declared, alternative)) {
        return true;
      }
    }
    return false;
  }

  private boolean covers(Collection<Scope> declared, List<String> alternative) {
    boolean templated = alternative.stream().anyMatch(s -> s.contains(MODULE));
    if (!templated || module != null) {
      return coversAll(declared, alternative, module);
    }
    for (String candidate : catalogue.moduleScopeNames()) {
      if (coversAll(declared, alternative, candidate)) {
        return true;
      }
    }
    return false;
  }

  private boolean coversAll(Collection<Scope> declared, List<String> alternative, String module) {
    for (String template : alternative) {
      if (!Scope.covered(declared, catalogue.scope(module == null ? template : template.replace(MODULE, module)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The documented alternatives, narrowest first, each as Zoho writes it ({@code ZohoCRM.modules.deals.READ}, or
   * {@code ZohoCRM.coql.READ and ZohoCRM.modules.{module}.READ} where two scopes are needed together);
   * {@code {module}} stays where the module is not known.
   *
   * @return the alternatives as text, never empty when the catalogue records a scope
   */
  public List<String> alternatives() {
    List<List<String>> sorted = new ArrayList<>(match.row().alternatives());
    sorted.sort(Comparator.comparingInt(ScopeRequirement::narrowness).reversed());
    List<String> texts = new ArrayList<>();
    for (List<String> alternative : sorted) {
      List<String> scopes = new ArrayList<>();
      for (String template : alternative) {
        scopes.add(module == null ? template : template.replace(MODULE, module));
      }
      texts.add(String.join(" and ", scopes));
    }
    return texts;
  }

  /**
   * The narrowest documented alternative as scopes to declare; a {@code {module}} placeholder is filled with
   * {@code leads} as an example. Empty when the catalogue records no scope.
   *
   * @return the scopes, or an empty list
   */
  public List<Scope> suggestion() {
    List<List<String>> sorted = new ArrayList<>(match.row().alternatives());
    if (sorted.isEmpty()) {
      return List.of();
    }
    sorted.sort(Comparator.comparingInt(ScopeRequirement::narrowness).reversed());
    List<Scope> scopes = new ArrayList<>();
    for (String template : sorted.get(0)) {
      scopes.add(catalogue.scope(template.replace(MODULE, module == null ? "leads" : module)));
    }
    return scopes;
  }

  /** Deeper scopes and specific operations first; a scope needed together with another counts by the sum. */
  private static int narrowness(List<String> alternative) {
    int min = Integer.MAX_VALUE;
    int sum = 0;
    for (String scope : alternative) {
      String[] parts = scope.split("\\.");
      int score = parts.length * 2 + (parts[parts.length - 1].equalsIgnoreCase("ALL") ? 0 : 1);
      min = Math.min(min, score);
      sum += score;
    }
    return min * 100 + sum;
  }

  boolean documentsScopes() {
    return !match.row().alternatives().isEmpty();
  }

  @Override
  public String toString() {
    return method + " " + path + " (" + documentedOperation() + ": " + String.join(" | ", alternatives()) + ")";
  }
}

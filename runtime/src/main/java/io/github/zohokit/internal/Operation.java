package io.github.zohokit.internal;

import io.github.zohokit.ScopeMismatchException;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.scope.ScopeRequirement;
import io.github.zohokit.scope.ScopeRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One declared API operation, prepared once per generated client: its HTTP method, path template and scopes, for
 * error messages and scope checks. Generated clients tag each request with it ({@code request.tag(Operation.class)}),
 * so interceptors (metrics, logs) can name the path template instead of the concrete URL.
 *
 * @param httpMethod the HTTP method, upper case, such as {@code GET}
 * @param pathTemplate the declared path with its {@code {variables}}, such as {@code /crm/v8/{module}/{id}}
 * @param scopes the declared scopes, unmodifiable
 */
public record Operation(String httpMethod, String pathTemplate, List<String> scopes) {
  /** Per operation and module: null when the declared scopes fit, else the message of the mismatch. */
  private static final Map<Operation, Map<String, Optional<String>>> MODULE_CHECKS = new ConcurrentHashMap<>();
  /** Modules remembered per operation (Zoho's standard modules and a few hundred custom ones fit). */
  private static final int MAX_CACHED_MODULES = 512;

  /**
   * Copies {@code scopes}, so the operation stays as prepared.
   *
   * @param httpMethod the HTTP method, upper case
   * @param pathTemplate the declared path with its {@code {variables}}
   * @param scopes the declared scopes, not null and without null elements
   */
  public Operation {
    scopes = List.copyOf(scopes);
  }

  /**
   * An operation, as generated clients declare it.
   *
   * @param httpMethod {@code GET}, {@code POST}, ...
   * @param pathTemplate the declared path, such as {@code /crm/v8/{module}/{id}}
   * @param scopes the scopes the method declares
   * @return the operation
   */
  public static Operation of(String httpMethod, String pathTemplate, String... scopes) {
    return new Operation(httpMethod, pathTemplate, List.of(scopes));
  }

  /**
   * Called by generated clients before sending a call whose path names its module with a variable
   * ({@code /crm/v8/{module}/...}): when Zoho documents that call on {@code module} and the declared scopes do not
   * cover it, the call is not sent. Custom modules and modules zohokit's catalogue does not know are not checked.
   *
   * @param module the module argument of the call (its {@code toString()} is the module's API name); null is not
   *     checked
   * @throws ScopeMismatchException (HTTP status 0: nothing was sent) naming the scopes Zoho documents for the call
   */
  public void checkModule(Object module) {
    if (module == null) {
      return;
    }
    String name = module.toString();
    Map<String, Optional<String>> checked = MODULE_CHECKS.computeIfAbsent(this, k -> new ConcurrentHashMap<>());
    String key = name.toLowerCase(Locale.ROOT);
    Optional<String> mismatch = checked.get(key);
    if (mismatch == null) {
      mismatch = mismatch(name);
      if (checked.size() < MAX_CACHED_MODULES) {   // module names come from callers: the cache must not grow forever
        checked.put(key, mismatch);
      }
    }
    if (mismatch.isPresent()) {
      throw new ScopeMismatchException(mismatch.get(), 0, Map.of(), null, scopes, List.of());
    }
  }

  private Optional<String> mismatch(String module) {
    Optional<ScopeRequirement> forModule = ScopeRules.requirement(httpMethod, pathTemplate)
        .flatMap(r -> r.forModule(module));
    if (forModule.isEmpty()) {
      return Optional.empty();
    }
    List<Scope> declared = new ArrayList<>();
    for (String scope : scopes) {
      declared.add(Scope.parse(scope));
    }
    if (forModule.get().isCoveredBy(declared)) {
      return Optional.empty();
    }
    List<String> alternatives = forModule.get().alternatives();
    return Optional.of(this + " on module " + module + " was not sent: Zoho documents it to need "
        + String.join(" or ", alternatives) + ", and the method declares " + scopes + ". Add @ZohoScope(\""
        + alternatives.get(0) + "\") (or a scope for every module you call, such as ZohoCRM.modules.ALL) and "
        + "authorize the new scope");
  }

  @Override
  public String toString() {
    return httpMethod + " " + pathTemplate;
  }
}

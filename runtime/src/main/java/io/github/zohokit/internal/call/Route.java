package io.github.zohokit.internal.call;

import io.github.zohokit.Operation;
import io.github.zohokit.ScopeMismatchException;
import io.github.zohokit.annotation.ZohoHost;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.scope.ScopeRequirement;
import io.github.zohokit.scope.ScopeCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Not API: may change in any release. One generated method, prepared once when the generated class is initialised:
 * its public {@link Operation} tag, its path template split into the literal prefix (prepared once per API base)
 * and the segments after it, the constant query of the template, and the per-module scope check. Generated code
 * declares one per method and starts each call from it ({@code calls.start(FIND)}); the path appears only here.
 */
public final class Route {
  /** Modules remembered per route (Zoho's standard modules and a few hundred custom ones fit). */
  private static final int MAX_CACHED_MODULES = 512;

  final Operation operation;
  /** The declared scopes as written, for error messages and {@link ScopeMismatchException}. */
  final List<String> scopeTexts;
  /** The leading literal segments, such as {@code crm/v8/Leads}; empty for none. */
  final String prefix;
  /** The segments after the prefix: each a {@code String[]} of parts, a variable's part being its name. */
  final String[][] tail;
  /** For each part of {@link #tail}, the index of its variable in {@link #variables}, or -1 for literal text. */
  final int[][] variableIndex;
  /** The variable names, in template order: a bound value's index. */
  final String[] variables;
  /** The template's constant query, as name, value pairs. */
  final String[] constantQuery;
  /** The host the calls go to ({@code @Host}); {@link ZohoHost#API} when the method declares none. */
  final ZohoHost host;
  /** The template as declared, for {@link #on}. */
  private final String template;
  /** Per module (lower case): empty when the declared scopes fit, else the message of the mismatch. */
  private final Map<String, Optional<String>> moduleChecks = new ConcurrentHashMap<>();

  private Route(Operation operation, List<String> scopeTexts, String template, ZohoHost host) {
    this.operation = operation;
    this.scopeTexts = scopeTexts;
    this.template = template;
    this.host = host;
    int q = template.indexOf('?');
    String path = q < 0 ? template : template.substring(0, q);
    List<String> query = new ArrayList<>();
    if (q >= 0) {
      for (String pair : template.substring(q + 1).split("&")) {
        if (!pair.isEmpty()) {
          int eq = pair.indexOf('=');
          query.add(eq < 0 ? pair : pair.substring(0, eq));
          query.add(eq < 0 ? "" : pair.substring(eq + 1));
        }
      }
    }
    this.constantQuery = query.toArray(new String[0]);
    String[] segments = path.equals("/") ? new String[0] : path.substring(1).split("/", -1);
    int literal = 0;
    while (literal < segments.length && segments[literal].indexOf('{') < 0) {
      literal++;
    }
    this.prefix = String.join("/", java.util.Arrays.asList(segments).subList(0, literal));
    this.tail = new String[segments.length - literal][];
    this.variableIndex = new int[tail.length][];
    List<String> names = new ArrayList<>();
    for (int i = 0; i < tail.length; i++) {
      List<String> parts = new ArrayList<>();
      List<Integer> variable = new ArrayList<>();
      String segment = segments[literal + i];
      int at = 0;
      // the processor checked the template: every '{' opens a well-formed {name}
      for (int open = segment.indexOf('{'); open >= 0; open = segment.indexOf('{', at)) {
        if (open > at) {
          parts.add(segment.substring(at, open));
          variable.add(-1);
        }
        int close = segment.indexOf('}', open);
        parts.add(segment.substring(open + 1, close));
        String name = segment.substring(open + 1, close);
        if (!names.contains(name)) {
          names.add(name);   // a variable used twice is bound once
        }
        variable.add(names.indexOf(name));
        at = close + 1;
      }
      if (at < segment.length()) {
        parts.add(segment.substring(at));
        variable.add(-1);
      }
      tail[i] = parts.toArray(new String[0]);
      variableIndex[i] = variable.stream().mapToInt(Integer::intValue).toArray();
    }
    this.variables = names.toArray(new String[0]);
  }

  /**
   * The route of a generated method whose name is unique in its interface.
   *
   * @param api the annotated interface
   * @param method the method's name
   * @param httpMethod {@code GET}, {@code POST}, ...
   * @param template the declared path, with its {@code {variables}} and constant query, as the processor checked it
   * @param scopes the declared scopes, each checked by the processor
   * @return the route
   */
  public static Route of(Class<?> api, String method, String httpMethod, String template, String... scopes) {
    return of(api, method, null, httpMethod, template, scopes);
  }

  /**
   * The route of a generated method that overloads another of the same name.
   *
   * @param api the annotated interface
   * @param method the method's name
   * @param parameterTypes the method's erased parameter types, null when its name is unique
   * @param httpMethod {@code GET}, {@code POST}, ...
   * @param template the declared path, with its {@code {variables}} and constant query, as the processor checked it
   * @param scopes the declared scopes, each checked by the processor
   * @return the route
   */
  public static Route of(Class<?> api, String method, Class<?>[] parameterTypes, String httpMethod, String template,
      String... scopes) {
    List<Scope> parsed = new ArrayList<>(scopes.length);
    for (String scope : scopes) {
      parsed.add(Scope.parse(scope));
    }
    int q = template.indexOf('?');
    Operation operation = Operation.of(api, method, parameterTypes, httpMethod,
        q < 0 ? template : template.substring(0, q), parsed);
    return new Route(operation, List.of(scopes), template, ZohoHost.API);
  }

  /**
   * This route sent to {@code host} instead (a method annotated {@code @Host}): the request is built on the user's
   * API base as usual and the authorizing interceptor sends it to {@code host}'s base for that API base.
   *
   * @param host the host the calls go to
   * @return the route of the same method on {@code host}
   */
  public Route on(ZohoHost host) {
    return new Route(operation, scopeTexts, template, java.util.Objects.requireNonNull(host, "host"));
  }

  /**
   * The public tag of this route's requests.
   *
   * @return the operation
   */
  public Operation operation() {
    return operation;
  }

  /** The index of the variable {@code name} among the template's, for a bound value. */
  int variable(String name) {
    for (int i = 0; i < variables.length; i++) {
      if (variables[i].equals(name)) {
        return i;
      }
    }
    throw new IllegalStateException(operation + " has no {" + name + "}; rebuild the generated API");
  }

  /**
   * When Zoho documents this call on {@code module} and the declared scopes do not cover it, the call is not
   * sent. Custom modules and modules zohokit's catalogue does not know are not checked; each module is judged once.
   *
   * @throws ScopeMismatchException (HTTP status 0: nothing was sent) naming the scopes Zoho documents
   */
  void checkModule(Object module) {
    if (module == null) {
      return;
    }
    String name = module.toString();
    String key = name.toLowerCase(Locale.ROOT);
    Optional<String> mismatch = moduleChecks.get(key);
    if (mismatch == null) {
      mismatch = mismatch(name);
      if (moduleChecks.size() < MAX_CACHED_MODULES) {   // module names come from callers: the cache must not grow
        moduleChecks.put(key, mismatch);
      }
    }
    if (mismatch.isPresent()) {
      throw new ScopeMismatchException(mismatch.get(), 0, Map.of(), null, scopeTexts, List.of());
    }
  }

  private Optional<String> mismatch(String module) {
    Optional<ScopeRequirement> forModule = ScopeCatalogue.requirementFor(operation.httpMethod(), operation.pathTemplate())
        .flatMap(r -> r.forModule(module));
    if (forModule.isEmpty() || forModule.get().isCoveredBy(operation.scopes())) {
      return Optional.empty();
    }
    List<String> alternatives = forModule.get().alternatives();
    return Optional.of(operation + " on module " + module + " was not sent: Zoho documents it to need "
        + String.join(" or ", alternatives) + ", and the method declares " + scopeTexts + ". Add @ZohoScope(\""
        + alternatives.get(0) + "\") (or a scope for every module you call, such as ZohoCRM.modules.ALL) and "
        + "authorize the new scope");
  }

  @Override
  public String toString() {
    return operation.toString();
  }
}

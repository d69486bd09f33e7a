package io.github.zohokit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.zohokit.annotation.Body;
import io.github.zohokit.annotation.Coql;
import io.github.zohokit.annotation.Header;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.processor.ClientModel.ParameterKind;
import io.github.zohokit.processor.ClientModel.ParameterModel;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.scope.ScopeCatalogue;
import io.github.zohokit.scope.ScopeRequirement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;

/**
 * Reads a {@code @Coql} method: the statement is sent as Zoho's Query API call, {@code POST /crm/v8/coql} with
 * {@code {"select_query": ...}}, so the method becomes an operation the writer already emits — a POST whose body
 * ({@link #BODY_TYPE}) the generated method builds from the statement and its parameters ({@link CoqlWriter}).
 *
 * <p>How it decides: the method has no HTTP annotation of its own; the statement parses ({@link CoqlStatement});
 * every {@code :name} is a parameter of the method and every parameter is used, with no {@code @Path}/{@code @Query}/
 * {@code @Header}/{@code @Body}; the declared scopes cover a read scope of the module queried (the scope catalogue's
 * {@code GET /crm/v8/<module>}; {@code ZohoCRM.modules.custom.READ} for a custom module), beside the
 * {@code ZohoCRM.coql.READ} the catalogue's {@code POST /crm/v8/coql} row asks for (checked by {@link ScopeReader}).
 * With a snapshot, {@link SnapshotChecks} checks the module, the fields and the literals. Every error is on the
 * {@code @Coql} annotation.
 */
final class CoqlReader {
  static final String PATH = "/crm/v8/coql";
  /** The body's type: {@code Map<String, String>}, written by the runtime's {@code CoqlLiterals.body}. */
  static final TypeName BODY_TYPE = ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class),
      ClassName.get(String.class));

  private final ErrorReporter errors;
  private final SnapshotChecks checks;

  CoqlReader(ErrorReporter errors, SnapshotChecks checks) {
    this.errors = errors;
    this.checks = checks;
  }

  static boolean isCoql(ExecutableElement method) {
    return method.getAnnotation(Coql.class) != null;
  }

  /**
   * Adds the Query API call to {@code http} (the method's HTTP annotations); false after reporting a method that
   * has an HTTP annotation besides {@code @Coql}.
   */
  boolean addHttp(ExecutableElement method, Map<String, String> http) {
    if (!http.isEmpty()) {
      errors.error(method, method.getSimpleName() + "() has @Coql and " + String.join(", ", http.keySet())
          + "; a @Coql method is sent as POST " + PATH + ": remove the HTTP annotation");
      return false;
    }
    http.put("POST", PATH);
    return true;
  }

  /**
   * Checks the statement and the parameters, and returns the one body parameter the writer sends; reports every
   * problem on the annotation.
   */
  List<ParameterModel> read(ExecutableElement method, List<Scope> scopes) {
    String where = method.getSimpleName() + "()";
    String text = method.getAnnotation(Coql.class).value();
    CoqlStatement statement;
    try {
      statement = CoqlStatement.parse(text);
    } catch (CoqlStatement.SyntaxError e) {
      checks.errorOnAnnotation(method, Coql.class, "the COQL statement of " + where + " is not valid: "
          + e.getMessage());
      return List.of();
    }
    Set<String> names = new LinkedHashSet<>();
    for (VariableElement p : method.getParameters()) {
      names.add(p.getSimpleName().toString());
      if (p.getAnnotation(Path.class) != null || p.getAnnotation(Query.class) != null
          || p.getAnnotation(Header.class) != null || p.getAnnotation(Body.class) != null) {
        errors.error(p, "parameter '" + p.getSimpleName() + "' of the @Coql method " + where + " is bound into the "
            + "statement as :" + p.getSimpleName() + "; remove its @Path/@Query/@Header/@Body");
      }
    }
    Set<String> used = new LinkedHashSet<>();
    for (CoqlStatement.Token p : statement.parameters()) {
      String name = p.text().substring(1);
      used.add(name);
      if (!names.contains(name)) {
        checks.errorOnAnnotation(method, Coql.class, "the COQL statement of " + where + " uses " + p.text()
            + ", but " + where + " has no parameter '" + name + "'"
            + OrgSnapshot.sentence(OrgSnapshot.didYouMean(name, names)) + " Its parameters: "
            + (names.isEmpty() ? "none" : String.join(", ", names)));
      }
    }
    for (String name : names) {
      if (!used.contains(name)) {
        checks.errorOnAnnotation(method, Coql.class, "parameter '" + name + "' of " + where + " is not used in its "
            + "COQL statement; write :" + name + " where its value goes, or remove the parameter");
      }
    }
    moduleScope(method, where, statement.module(), scopes);
    checks.check(method, statement);
    String body = "coqlBody";
    while (names.contains(body)) {
      body = body + "_";
    }
    return List.of(new ParameterModel(body, BODY_TYPE, ParameterKind.BODY, null, false, false, BODY_TYPE));
  }

  /**
   * The declared scopes must allow reading the module queried; reported only when they already cover the COQL
   * call itself (otherwise {@link ScopeReader} reports the missing scopes, once).
   */
  private void moduleScope(ExecutableElement method, String where, String module, List<Scope> scopes) {
    Optional<ScopeRequirement> coql = ScopeCatalogue.requirementFor("POST", PATH);
    if (scopes.isEmpty() || coql.isPresent() && !coql.get().isCoveredBy(scopes)) {
      return;
    }
    String name = module.startsWith("!") ? module.substring(1) : module;
    Optional<ScopeRequirement> read = ScopeCatalogue.requirementFor("GET", "/crm/v8/" + name);
    List<String> needed;
    String fix;
    if (read.isPresent() && !read.get().variableModule()) {
      if (read.get().isCoveredBy(scopes)) {
        return;
      }
      needed = read.get().alternatives();
      fix = read.get().suggestion().get(0).toString();
    } else if (name.endsWith("__c")) {
      Scope custom = Scope.parse("ZohoCRM.modules.custom.READ");
      if (Scope.covered(scopes, custom)) {
        return;
      }
      needed = List.of(custom.toString());
      fix = custom.toString();
    } else {
      return; // a module the catalogue does not know: nothing to compare with
    }
    checks.errorOnScope(method, "the COQL statement of " + where + " queries " + name + ", which needs "
        + String.join(" or ", needed) + " beside ZohoCRM.coql.READ (Zoho's documentation: "
        + "Get-Records-through-COQL-Query.html); the declared scopes " + scopes + " do not cover it; declare "
        + "@ZohoScope({\"ZohoCRM.coql.READ\", \"" + fix + "\"}) on " + where);
  }
}

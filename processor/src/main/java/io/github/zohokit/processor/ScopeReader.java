package io.github.zohokit.processor;

import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.processor.ClientModel.Catalogue;
import io.github.zohokit.processor.ClientModel.ScopeOrigin;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.scope.ScopeRequirement;
import io.github.zohokit.scope.ScopeCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * Reads a method's OAuth scopes and judges them against zohokit's scope catalogue (the scope home's rules, loaded
 * here without the runtime's dependencies).
 *
 * <p>How it decides: a method's scopes are those of its own {@code @ZohoScope}; else those of the super-interface
 * that declares it, when that one is annotated; else those of the interface; else the method is an error. Each scope
 * must parse. Then the call (HTTP method and path template) is looked up in the catalogue: a documented call whose
 * documented scopes the declared ones do not cover is an error naming the scope to declare; a call documented per
 * module with the module as a path variable is checked again at run time, per module; a call the catalogue does not
 * know is accepted, warned about or an error, as {@code -Azoho.unknownScopes} says.
 */
final class ScopeReader {
  /** What to do with a call zohokit's scope catalogue does not know ({@code -Azoho.unknownScopes}). */
  enum UnknownScopes {
    ACCEPT, WARN, ERROR;

    static final String OPTION = "zoho.unknownScopes";

    /** The option's value; null means the default, accept. */
    static UnknownScopes parse(String value) {
      if (value == null || value.isBlank()) {
        return ACCEPT;
      }
      for (UnknownScopes mode : values()) {
        if (mode.name().equalsIgnoreCase(value.trim())) {
          return mode;
        }
      }
      throw new IllegalArgumentException("-A" + OPTION + "=" + value + " is not a choice; use accept (the default), "
          + "warn or error");
    }
  }

  /** A method's scopes, each parsed once, and where they were declared. */
  record Declared(List<Scope> scopes, ScopeOrigin origin) {}

  /** What the catalogue said of a call, and the path variable holding the module to check at run time (or null). */
  record Coverage(Catalogue catalogue, String moduleVariable) {}

  private final ErrorReporter errors;
  private final UnknownScopes unknownScopes;

  ScopeReader(ErrorReporter errors, UnknownScopes unknownScopes) {
    this.errors = errors;
    this.unknownScopes = unknownScopes;
  }

  /** The scopes of a type-level {@code @ZohoScope}, each checked (errors on the type); null without one. */
  List<Scope> ofInterface(TypeElement type) {
    ZohoScope annotation = type.getAnnotation(ZohoScope.class);
    return annotation == null ? null : checked(type, annotation);
  }

  /**
   * The scopes {@code method} declares, by the rule in the class comment; empty after reporting an error (a
   * malformed scope, or none at all).
   */
  Optional<Declared> ofMethod(TypeElement type, ExecutableElement method, List<Scope> interfaceScopes) {
    ZohoScope own = method.getAnnotation(ZohoScope.class);
    if (own != null) {
      List<Scope> scopes = checked(method, own);
      return scopes.size() == own.value().length ? Optional.of(new Declared(scopes, ScopeOrigin.METHOD))
          : Optional.empty();
    }
    Element declaring = method.getEnclosingElement();
    if (!declaring.equals(type) && declaring.getAnnotation(ZohoScope.class) != null) {
      // inherited: the super-interface's scopes (checked again here: it may come from a jar)
      ZohoScope inherited = declaring.getAnnotation(ZohoScope.class);
      List<Scope> scopes = checked(method, inherited);
      return scopes.size() == inherited.value().length ? Optional.of(new Declared(scopes,
          ScopeOrigin.inheritedFrom(((TypeElement) declaring).getQualifiedName().toString()))) : Optional.empty();
    }
    if (interfaceScopes != null) {
      return Optional.of(new Declared(interfaceScopes, ScopeOrigin.INTERFACE));
    }
    errors.error(method, method.getSimpleName() + "() has no OAuth scope: annotate it, or " + type.getSimpleName()
        + ", with @ZohoScope(\"...\") naming the scope the call needs, for example "
        + "@ZohoScope(\"ZohoCRM.modules.leads.READ\")");
    return Optional.empty();
  }

  private List<Scope> checked(Element element, ZohoScope annotation) {
    List<Scope> scopes = new ArrayList<>();
    if (annotation.value().length == 0) {
      errors.errorOnScope(element, "@ZohoScope is empty; name at least one scope, for example "
          + "@ZohoScope(\"ZohoCRM.modules.leads.READ\")");
    }
    for (String scope : annotation.value()) {
      try {
        scopes.add(Scope.parse(scope));
      } catch (IllegalArgumentException e) {
        errors.errorOnScope(element, e.getMessage());
      }
    }
    return scopes;
  }

  /**
   * Judges {@code scopes} against Zoho's documented scopes for the call {@code httpMethod path}, as the class
   * comment says; reports on the method's {@code @ZohoScope}.
   */
  Coverage coverage(ExecutableElement method, String httpMethod, PathTemplate path, List<Scope> scopes) {
    String call = httpMethod + " " + path.path();
    String name = method.getSimpleName() + "()";
    Optional<ScopeRequirement> found = ScopeCatalogue.requirementFor(httpMethod, path.path());
    if (found.isEmpty()) {
      if (unknownScopes != UnknownScopes.ACCEPT) {
        String message = call + " of " + name + " is not in zohokit's scope catalogue (a custom module or an API "
            + "it does not list), so its scopes " + scopes + " cannot be checked; compare them with the Scope "
            + "section of Zoho's page for this API (-A" + UnknownScopes.OPTION + "=accept accepts unknown calls)";
        if (unknownScopes == UnknownScopes.ERROR) {
          errors.errorOnScope(method, message);
        } else {
          errors.warningOnScope(method, message);
        }
      }
      return new Coverage(Catalogue.UNKNOWN, null);
    }
    ScopeRequirement requirement = found.get();
    if (!scopes.isEmpty() && !requirement.isCoveredBy(scopes)) {
      String documented = String.join(" or ", requirement.alternatives());
      StringBuilder fix = new StringBuilder();
      for (Scope s : requirement.suggestion()) {
        fix.append(fix.length() == 0 ? "" : ", ").append('"').append(s).append('"');
      }
      String message = requirement.variableModule()
          ? call + " needs, for the module it is called with, " + documented + " (Zoho's documentation: "
              + requirement.source() + "); the declared scopes " + scopes + " fit no module. Declare the scope for "
              + "the module(s) you call, for example @ZohoScope(" + fix + ") on " + name
          : call + " needs " + documented + " (Zoho's documentation: " + requirement.source() + "), which the "
              + "declared scopes " + scopes + " do not cover; declare @ZohoScope(" + fix + ") on " + name;
      errors.errorOnScope(method, message);
    }
    return new Coverage(requirement.variableModule() ? Catalogue.DOCUMENTED_MODULE_AT_RUN_TIME : Catalogue.DOCUMENTED,
        requirement.moduleVariable().orElse(null));
  }
}

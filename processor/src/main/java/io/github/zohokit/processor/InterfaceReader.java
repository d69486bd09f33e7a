package io.github.zohokit.processor;

import io.github.zohokit.scope.Scope;
import com.palantir.javapoet.ClassName;
import io.github.zohokit.annotation.Delete;
import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Patch;
import io.github.zohokit.annotation.Post;
import io.github.zohokit.annotation.Put;
import io.github.zohokit.processor.ClientModel.MethodModel;
import io.github.zohokit.processor.ClientModel.ParameterModel;
import io.github.zohokit.processor.ClientModel.Returns;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Reads one annotated interface into a {@link ClientModel}, reporting every problem as an error on the element that
 * has it, with what to do about it. Returns empty when anything was wrong; other interfaces are unaffected.
 *
 * <p>How it decides, in order: the type must be a non-generic, non-private interface; then each abstract method it
 * has or inherits (except {@code Object}'s) is read on its own: exactly one HTTP annotation with a well-formed path
 * ({@link PathTemplate}), no type parameters, then its scopes ({@link ScopeReader}), its parameters
 * ({@link ParameterReader}) and its return type ({@link ReturnReader}), each reporting every problem it finds. Only
 * a method whose parts all read cleanly is judged against the scope catalogue, so that one mistake does not cascade
 * into a second, misleading error. Whether something went wrong is counted by the {@link ErrorReporter}, never
 * carried in a flag.
 */
final class InterfaceReader {
  private final Elements elements;
  private final ErrorReporter errors;
  private final UnresolvedTypes unresolved;
  private final ScopeReader scopes;
  private final ParameterReader parameters;
  private final ReturnReader returns;
  private final SnapshotChecks snapshotChecks;
  private final CoqlReader coql;

  InterfaceReader(Elements elements, Types types, ErrorReporter errors, ScopeReader.UnknownScopes unknownScopes) {
    this.elements = elements;
    this.errors = errors;
    TypeChecks checks = new TypeChecks(elements, types);
    this.unresolved = new UnresolvedTypes(elements, errors);
    this.scopes = new ScopeReader(errors, unknownScopes);
    this.parameters = new ParameterReader(errors, checks);
    this.returns = new ReturnReader(errors, checks);
    this.snapshotChecks = new SnapshotChecks(errors);
    this.coql = new CoqlReader(errors, snapshotChecks);
  }

  /** Checks field names and COQL statements against {@code snapshot} from now on; null turns the checks off. */
  void useSnapshot(OrgSnapshot snapshot) {
    snapshotChecks.use(snapshot);
  }

  /** See {@link UnresolvedTypes#firstUse}: null when every type {@code type} uses resolves. */
  String unresolved(TypeElement type) {
    return unresolved.firstUse(type);
  }

  /** Reports {@link #unresolved}'s finding on {@code type}: the root cause, named before anything else. */
  void reportUnresolved(TypeElement type, String use) {
    unresolved.report(type, use);
  }

  Optional<ClientModel> read(TypeElement type) {
    int before = errors.errorCount();
    if (type.getKind() != ElementKind.INTERFACE) {
      errors.error(type, "@ZohoScope and @Get/@Post/@Put/@Patch/@Delete belong on interfaces, but "
          + type.getSimpleName() + " is a " + type.getKind().toString().toLowerCase() + "; declare the Zoho API as "
          + "an interface and let the processor implement it");
      return Optional.empty();
    }
    if (!type.getTypeParameters().isEmpty()) {
      errors.error(type, "the Zoho client interface " + type.getSimpleName() + " must not be generic; declare "
          + "concrete types in its methods");
    }
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        errors.error(type, "the Zoho client interface " + type.getSimpleName() + " must not be private: the "
            + "generated class in the same package implements it");
      }
    }
    List<Scope> interfaceScopes = scopes.ofInterface(type);
    List<MethodModel> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (method.getModifiers().contains(Modifier.ABSTRACT)
          && !method.getEnclosingElement().toString().equals("java.lang.Object")) {
        readMethod(type, method, interfaceScopes).ifPresent(methods::add);
      }
    }
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    ClassName interfaceName = ClassName.get(type);
    return Optional.of(new ClientModel(type, interfaceName, generatedName(interfaceName), methods));
  }

  /** The generated API of {@code api}: {@code ZohoLeadsApi}, {@code ZohoOuter_Inner} for a nested interface. */
  static ClassName generatedName(ClassName api) {
    return ClassName.get(api.packageName(), "Zoho" + String.join("_", api.simpleNames()));
  }

  private Optional<MethodModel> readMethod(TypeElement type, ExecutableElement method, List<Scope> interfaceScopes) {
    String where = method.getSimpleName() + "()";
    Map<String, String> http = httpAnnotations(method);
    if (CoqlReader.isCoql(method) && !coql.addHttp(method, http)) {
      return Optional.empty();
    }
    if (http.isEmpty()) {
      errors.error(method, where + " has no HTTP annotation; annotate it with @Get, @Post, @Put, @Patch or @Delete "
          + "and the path, or make it a default method");
      return Optional.empty();
    }
    if (http.size() > 1) {
      errors.error(method, where + " has several HTTP annotations (" + String.join(", ", http.keySet())
          + "); keep exactly one");
      return Optional.empty();
    }
    if (!method.getTypeParameters().isEmpty()) {
      errors.error(method, where + " must not be generic; declare concrete types");
      return Optional.empty();
    }
    String httpMethod = http.keySet().iterator().next();
    PathTemplate path;
    try {
      path = PathTemplate.parse(http.get(httpMethod));
    } catch (IllegalArgumentException e) {
      errors.error(method, where + ": " + e.getMessage());
      return Optional.empty();
    }

    // every part is read (and reports) even when an earlier one failed: one compilation shows all the problems
    int before = errors.errorCount();
    Optional<ScopeReader.Declared> declared = scopes.ofMethod(type, method, interfaceScopes);
    List<ParameterModel> bound = CoqlReader.isCoql(method)
        ? coql.read(method, declared.map(ScopeReader.Declared::scopes).orElse(List.of()))
        : parameters.read(method, httpMethod, path);
    snapshotChecks.checkFields(method, httpMethod, path);
    Optional<Returns> returned = returns.read(method, httpMethod);
    if (errors.errorCount() > before || declared.isEmpty() || returned.isEmpty()) {
      return Optional.empty();
    }
    ScopeReader.Coverage coverage = scopes.coverage(method, httpMethod, path, declared.get().scopes());
    return Optional.of(new MethodModel(method, method.getSimpleName().toString(), httpMethod, path,
        declared.get().scopes(), declared.get().origin(), coverage.catalogue(), coverage.moduleVariable(), bound,
        returned.get()));
  }

  /** The method's HTTP annotations, by HTTP method, with their paths; normally exactly one. */
  private static Map<String, String> httpAnnotations(ExecutableElement method) {
    Map<String, String> http = new LinkedHashMap<>();
    Get get = method.getAnnotation(Get.class);
    Post post = method.getAnnotation(Post.class);
    Put put = method.getAnnotation(Put.class);
    Patch patch = method.getAnnotation(Patch.class);
    Delete delete = method.getAnnotation(Delete.class);
    if (get != null) {
      http.put("GET", get.value());
    }
    if (post != null) {
      http.put("POST", post.value());
    }
    if (put != null) {
      http.put("PUT", put.value());
    }
    if (patch != null) {
      http.put("PATCH", patch.value());
    }
    if (delete != null) {
      http.put("DELETE", delete.value());
    }
    return http;
  }
}

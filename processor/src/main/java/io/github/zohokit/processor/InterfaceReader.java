package io.github.zohokit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.zohokit.annotation.Body;
import io.github.zohokit.annotation.Delete;
import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Header;
import io.github.zohokit.annotation.Patch;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Post;
import io.github.zohokit.annotation.Put;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.auth.Scope;
import io.github.zohokit.auth.ScopeRequirement;
import io.github.zohokit.auth.ScopeRules;
import io.github.zohokit.processor.ClientModel.MethodModel;
import io.github.zohokit.processor.ClientModel.ParameterKind;
import io.github.zohokit.processor.ClientModel.ParameterModel;
import io.github.zohokit.processor.ClientModel.ReturnKind;
import io.github.zohokit.processor.ClientModel.Shape;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;
import javax.tools.Diagnostic;

/**
 * Reads one annotated interface into a {@link ClientModel}, reporting every problem as an error on the element
 * that has it, with what to do about it. Returns empty when anything was wrong; other interfaces are unaffected.
 */
final class InterfaceReader {
  static final ClassName RECORD_PAGE = ClassName.get("io.github.zohokit.crm", "RecordPage");
  static final ClassName RECORDS = ClassName.get("io.github.zohokit.crm", "Records");
  private static final String ENVELOPE = "io.github.zohokit.crm.ZohoEnvelope";
  private static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";
  private static final String ZOHO_RESPONSE = "io.github.zohokit.http.ZohoResponse";

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

  private final Elements elements;
  private final Types types;
  private final Messager messager;
  private final UnknownScopes unknownScopes;
  private boolean failed;

  InterfaceReader(Elements elements, Types types, Messager messager, UnknownScopes unknownScopes) {
    this.elements = elements;
    this.types = types;
    this.messager = messager;
    this.unknownScopes = unknownScopes;
  }

  Optional<ClientModel> read(TypeElement type) {
    failed = false;
    if (type.getKind() != ElementKind.INTERFACE) {
      error(type, "@ZohoScope and @Get/@Post/@Put/@Patch/@Delete belong on interfaces, but "
          + type.getSimpleName() + " is a " + type.getKind().toString().toLowerCase() + "; declare the Zoho API as "
          + "an interface and let the processor implement it");
      return Optional.empty();
    }
    if (!type.getTypeParameters().isEmpty()) {
      error(type, "the Zoho client interface " + type.getSimpleName() + " must not be generic; declare concrete "
          + "types in its methods");
    }
    for (Element e = type; e instanceof TypeElement; e = e.getEnclosingElement()) {
      if (e.getModifiers().contains(Modifier.PRIVATE)) {
        error(type, "the Zoho client interface " + type.getSimpleName() + " must not be private: the generated "
            + "class in the same package implements it");
      }
    }
    List<String> typeScopes = scopesOf(type);
    List<MethodModel> methods = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (!method.getModifiers().contains(Modifier.ABSTRACT)
          || method.getEnclosingElement().toString().equals("java.lang.Object")) {
        continue;
      }
      MethodModel model = readMethod(type, method, typeScopes);
      if (model != null) {
        methods.add(model);
      }
    }
    if (failed) {
      return Optional.empty();
    }
    ClassName interfaceName = ClassName.get(type);
    ClassName generated = ClassName.get(interfaceName.packageName(),
        String.join("_", interfaceName.simpleNames()) + "ZohoClient");
    return Optional.of(new ClientModel(type, interfaceName, generated, methods));
  }

  /** The scopes of a type-level {@code @ZohoScope}, each checked (errors on the type). */
  private List<String> scopesOf(TypeElement type) {
    ZohoScope annotation = type.getAnnotation(ZohoScope.class);
    return annotation == null ? null : checkedScopes(type, annotation);
  }

  private List<String> checkedScopes(Element element, ZohoScope annotation) {
    List<String> scopes = new ArrayList<>();
    if (annotation.value().length == 0) {
      error(element, mirror(element, ZohoScope.class), "@ZohoScope is empty; name at least one scope, for example "
          + "@ZohoScope(\"ZohoCRM.modules.leads.READ\")");
    }
    for (String scope : annotation.value()) {
      try {
        Scope.parse(scope);
        scopes.add(scope.trim());
      } catch (IllegalArgumentException e) {
        error(element, mirror(element, ZohoScope.class), e.getMessage());
      }
    }
    return scopes;
  }

  private MethodModel readMethod(TypeElement type, ExecutableElement method, List<String> typeScopes) {
    String where = method.getSimpleName() + "()";
    Map<String, String> http = new LinkedHashMap<>();
    putIf(http, "GET", method.getAnnotation(Get.class) == null ? null : method.getAnnotation(Get.class).value());
    putIf(http, "POST", method.getAnnotation(Post.class) == null ? null : method.getAnnotation(Post.class).value());
    putIf(http, "PUT", method.getAnnotation(Put.class) == null ? null : method.getAnnotation(Put.class).value());
    putIf(http, "PATCH", method.getAnnotation(Patch.class) == null ? null : method.getAnnotation(Patch.class).value());
    putIf(http, "DELETE",
        method.getAnnotation(Delete.class) == null ? null : method.getAnnotation(Delete.class).value());
    if (http.isEmpty()) {
      error(method, where + " has no HTTP annotation; annotate it with @Get, @Post, @Put, @Patch or @Delete and "
          + "the path, or make it a default method");
      return null;
    }
    if (http.size() > 1) {
      error(method, where + " has several HTTP annotations (" + String.join(", ", http.keySet())
          + "); keep exactly one");
      return null;
    }
    if (!method.getTypeParameters().isEmpty()) {
      error(method, where + " must not be generic; declare concrete types");
      return null;
    }
    String httpMethod = http.keySet().iterator().next();
    PathTemplate path;
    try {
      path = PathTemplate.parse(http.get(httpMethod));
    } catch (IllegalArgumentException e) {
      error(method, where + ": " + e.getMessage());
      return null;
    }

    DeclaredScopes declared = scopesFor(type, method, typeScopes, where);
    List<ParameterModel> parameters = readParameters(method, httpMethod, path, where);
    ReturnInfo returns = readReturn(method, httpMethod, where);
    if (declared == null || parameters == null || returns == null) {
      return null;
    }
    ScopeCheck check = checkCoverage(method, httpMethod, path, declared.scopes);
    return new MethodModel(method, method.getSimpleName().toString(), httpMethod, path, declared.scopes,
        declared.origin, check.catalogue, check.moduleVariable, parameters, returns.kind,
        TypeName.get(method.getReturnType()), returns.readType, returns.shape);
  }

  private static void putIf(Map<String, String> map, String key, String value) {
    if (value != null) {
      map.put(key, value);
    }
  }

  /** A method's scopes and where they were declared, for the manifest. */
  private record DeclaredScopes(List<String> scopes, String origin) {}

  private DeclaredScopes scopesFor(TypeElement type, ExecutableElement method, List<String> typeScopes,
      String where) {
    ZohoScope own = method.getAnnotation(ZohoScope.class);
    if (own != null) {
      List<String> scopes = checkedScopes(method, own);
      return scopes.size() == own.value().length ? new DeclaredScopes(scopes, "method") : null;
    }
    Element declaring = method.getEnclosingElement();
    if (!declaring.equals(type) && declaring.getAnnotation(ZohoScope.class) != null) {
      return new DeclaredScopes(List.of(declaring.getAnnotation(ZohoScope.class).value()),
          "interface " + ((TypeElement) declaring).getQualifiedName());
    }
    if (typeScopes != null) {
      return new DeclaredScopes(typeScopes, "interface");
    }
    error(method, where + " has no OAuth scope: annotate it, or " + type.getSimpleName()
        + ", with @ZohoScope(\"...\") naming the scope the call needs, for example "
        + "@ZohoScope(\"ZohoCRM.modules.leads.READ\")");
    return null;
  }

  /** What the catalogue said: known (and how), unknown; and the module variable to check at run time. */
  private record ScopeCheck(String catalogue, String moduleVariable) {}

  /**
   * Checks the declared scopes against Zoho's documented scopes for the call: a known call that nothing covers is
   * an error naming the documented scope; an unknown call is accepted, warned about or an error as
   * {@code -Azoho.unknownScopes} says.
   */
  private ScopeCheck checkCoverage(ExecutableElement method, String httpMethod, PathTemplate path,
      List<String> scopes) {
    String call = httpMethod + " " + path.path();
    String name = method.getSimpleName() + "()";
    Optional<ScopeRequirement> found = ScopeRules.requirement(httpMethod, path.path());
    if (found.isEmpty()) {
      if (unknownScopes != UnknownScopes.ACCEPT) {
        String message = call + " of " + name + " is not in zohokit's scope catalogue (a custom module or an API "
            + "it does not list), so its scopes " + scopes + " cannot be checked; compare them with the Scope "
            + "section of Zoho's page for this API";
        Diagnostic.Kind kind = unknownScopes == UnknownScopes.ERROR ? Diagnostic.Kind.ERROR : Diagnostic.Kind.WARNING;
        if (kind == Diagnostic.Kind.ERROR) {
          failed = true;
        }
        printAt(kind, method, message + " (-A" + UnknownScopes.OPTION + "=accept accepts unknown calls)");
      }
      return new ScopeCheck("unknown", null);
    }
    ScopeRequirement requirement = found.get();
    List<Scope> declared = new ArrayList<>();
    scopes.forEach(s -> declared.add(Scope.parse(s)));
    String kind = requirement.variableModule() ? "documented, module known at run time" : "documented";
    if (!scopes.isEmpty() && !requirement.isCoveredBy(declared)) {
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
      error(method, mirror(method, ZohoScope.class), message);
    }
    return new ScopeCheck(kind, requirement.moduleVariable().orElse(null));
  }

  private List<ParameterModel> readParameters(ExecutableElement method, String httpMethod, PathTemplate path,
      String where) {
    List<ParameterModel> parameters = new ArrayList<>();
    Set<String> variables = path.variables();
    Map<String, VariableElement> pathParams = new LinkedHashMap<>();
    VariableElement body = null;
    boolean ok = true;
    for (VariableElement p : method.getParameters()) {
      String name = p.getSimpleName().toString();
      Path pathA = p.getAnnotation(Path.class);
      Query queryA = p.getAnnotation(Query.class);
      Header headerA = p.getAnnotation(Header.class);
      Body bodyA = p.getAnnotation(Body.class);
      int count = (pathA != null ? 1 : 0) + (queryA != null ? 1 : 0) + (headerA != null ? 1 : 0)
          + (bodyA != null ? 1 : 0);
      if (count != 1) {
        error(p, "parameter '" + name + "' of " + where + (count == 0 ? " has no annotation" : " has several")
            + "; annotate it with exactly one of @Path, @Query, @Header or @Body");
        ok = false;
        continue;
      }
      TypeMirror t = p.asType();
      if (t.getKind() == TypeKind.TYPEVAR || t.getKind() == TypeKind.WILDCARD) {
        error(p, "parameter '" + name + "' of " + where + " has an unsupported type " + t + "; use a concrete type");
        ok = false;
        continue;
      }
      if (pathA != null) {
        if (!variables.contains(pathA.value())) {
          error(p, "@Path(\"" + pathA.value() + "\") on '" + name + "' names no {" + pathA.value() + "} in the path "
              + path.path() + "; fix the name or add {" + pathA.value() + "} to the path");
          ok = false;
        } else if (pathParams.put(pathA.value(), p) != null) {
          error(p, "{" + pathA.value() + "} of " + where + " is bound by two @Path parameters; keep one");
          ok = false;
        } else if (t.getKind() == TypeKind.ARRAY) {
          error(p, "@Path parameter '" + name + "' of " + where + " must not be an array");
          ok = false;
        } else {
          parameters.add(new ParameterModel(name, TypeName.get(t), ParameterKind.PATH, pathA.value(), false, false,
              null));
        }
      } else if (queryA != null || headerA != null) {
        boolean objectArray = false;
        if (t.getKind() == TypeKind.ARRAY) {
          if (((ArrayType) t).getComponentType().getKind().isPrimitive()) {
            error(p, "parameter '" + name + "' of " + where + " is a primitive array; use a List");
            ok = false;
            continue;
          }
          objectArray = true;
        }
        parameters.add(new ParameterModel(name, TypeName.get(t),
            queryA != null ? ParameterKind.QUERY : ParameterKind.HEADER,
            queryA != null ? queryA.value() : headerA.value(), objectArray, false, null));
      } else {
        if (body != null) {
          error(p, where + " has two @Body parameters ('" + body.getSimpleName() + "' and '" + name
              + "'); a request has one body: combine them into one type");
          ok = false;
          continue;
        }
        body = p;
        if (httpMethod.equals("GET") || httpMethod.equals("DELETE")) {
          error(p, where + " is a " + httpMethod + " and cannot send a @Body; use @Query parameters, or "
              + "@Post/@Put/@Patch");
          ok = false;
          continue;
        }
        TypeName type = TypeName.get(t).box();
        boolean wrap = isList(t);
        TypeName writeType = wrap
            ? ParameterizedTypeName.get(RECORDS, TypeName.get(((DeclaredType) t).getTypeArguments().get(0)))
            : type;
        parameters.add(new ParameterModel(name, TypeName.get(t), ParameterKind.BODY, null, false, wrap, writeType));
      }
    }
    for (String variable : variables) {
      if (!pathParams.containsKey(variable)) {
        error(method, "the path " + path.path() + " of " + where + " has {" + variable + "}, but no parameter is "
            + "annotated @Path(\"" + variable + "\"); add one");
        ok = false;
      }
    }
    return ok ? parameters : null;
  }

  /** The return kind, the type Jackson reads and the body shape. */
  private record ReturnInfo(ReturnKind kind, TypeName readType, Shape shape) {}

  private ReturnInfo readReturn(ExecutableElement method, String httpMethod, String where) {
    TypeMirror r = method.getReturnType();
    if (r.getKind() == TypeKind.VOID) {
      return new ReturnInfo(ReturnKind.VOID, null, Shape.WHOLE);
    }
    if (r.getKind() != TypeKind.DECLARED) {
      return unsupported(method, where, r);
    }
    DeclaredType declared = (DeclaredType) r;
    String raw = erasureName(declared);
    ReturnKind kind;
    TypeMirror value = r;
    switch (raw) {
      case "java.util.Optional":
        kind = ReturnKind.OPTIONAL;
        value = argument(declared);
        break;
      case "java.util.concurrent.CompletableFuture":
        value = argument(declared);
        kind = value != null && erasureName(value).equals("java.lang.Void") ? ReturnKind.FUTURE_VOID
            : ReturnKind.FUTURE;
        break;
      case "java.util.stream.Stream":
        if (!httpMethod.equals("GET")) {
          error(method, where + " returns a Stream, which pages through a list; that needs @Get");
          return null;
        }
        value = argument(declared);
        if (!isConcrete(value)) {
          return unsupported(method, where, r);
        }
        return new ReturnInfo(ReturnKind.STREAM, ParameterizedTypeName.get(RECORD_PAGE, TypeName.get(value)),
            Shape.WHOLE);
      case ZOHO_RESPONSE:
        kind = ReturnKind.RESPONSE;
        value = argument(declared);
        break;
      default:
        kind = ReturnKind.BODY;
    }
    if (kind == ReturnKind.FUTURE_VOID) {
      return new ReturnInfo(kind, null, Shape.WHOLE);
    }
    if (!isConcrete(value)) {
      return unsupported(method, where, r);
    }
    String valueName = erasureName(value);
    if (valueName.equals("java.util.concurrent.CompletableFuture") || valueName.equals("java.util.Optional")
        || valueName.equals("java.util.stream.Stream") || valueName.equals("java.lang.Void")) {
      return unsupported(method, where, r);
    }
    Shape shape;
    if (valueName.equals("java.lang.String")) {
      shape = Shape.TEXT;
    } else if (isList(value)) {
      shape = Shape.LIST;
    } else if (isWhole(value)) {
      shape = Shape.WHOLE;
    } else {
      shape = Shape.SINGLE;
    }
    return new ReturnInfo(kind, shape == Shape.TEXT ? null : TypeName.get(value), shape);
  }

  private ReturnInfo unsupported(ExecutableElement method, String where, TypeMirror type) {
    error(method, where + " returns " + type + ", which a Zoho client cannot return. Supported: void, a body type "
        + "T (a record, POJO, List, String, JsonNode or a ZohoEnvelope such as RecordPage), Optional<T>, "
        + "CompletableFuture<T>, Stream<T> (paging, GET only) and ZohoResponse<T>");
    return null;
  }

  private static TypeMirror argument(DeclaredType type) {
    return type.getTypeArguments().isEmpty() ? null : type.getTypeArguments().get(0);
  }

  private boolean isConcrete(TypeMirror type) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    for (TypeMirror argument : ((DeclaredType) type).getTypeArguments()) {
      if (!isConcrete(argument)) {
        return false;
      }
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return element.getTypeParameters().size() == ((DeclaredType) type).getTypeArguments().size();
  }

  private boolean isList(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && erasureName(type).equals("java.util.List")
        && !((DeclaredType) type).getTypeArguments().isEmpty();
  }

  private boolean isWhole(TypeMirror type) {
    if (erasureName(type).equals("java.util.Map")) {
      return true;
    }
    for (String name : List.of(ENVELOPE, JSON_NODE)) {
      TypeElement marker = elements.getTypeElement(name);
      if (marker != null && types.isAssignable(types.erasure(type), types.erasure(marker.asType()))) {
        return true;
      }
    }
    return false;
  }

  private String erasureName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    return erased.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) erased).asElement()).getQualifiedName().toString() : erased.toString();
  }

  private static AnnotationMirror mirror(Element element, Class<?> annotation) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation.getName())) {
        return m;
      }
    }
    return null;
  }

  private void error(Element element, String message) {
    error(element, null, message);
  }

  private void printAt(Diagnostic.Kind kind, Element element, String message) {
    AnnotationMirror annotation = mirror(element, ZohoScope.class);
    if (annotation != null) {
      messager.printMessage(kind, message, element, annotation);
    } else {
      messager.printMessage(kind, message, element);
    }
  }

  private void error(Element element, AnnotationMirror annotation, String message) {
    failed = true;
    if (annotation != null) {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element, annotation);
    } else {
      messager.printMessage(Diagnostic.Kind.ERROR, message, element);
    }
  }
}

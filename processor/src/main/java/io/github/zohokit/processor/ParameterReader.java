package io.github.zohokit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.zohokit.annotation.Body;
import io.github.zohokit.annotation.Header;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.processor.ClientModel.ParameterKind;
import io.github.zohokit.processor.ClientModel.ParameterModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Reads where each parameter of a method goes. How it decides: each parameter has exactly one of {@code @Path},
 * {@code @Query}, {@code @Header}, {@code @Body}; every {@code {variable}} of the path is bound by exactly one
 * {@code @Path} and every {@code @Path} names one; query and header values may be lists or object arrays (sent
 * comma-joined); a method has at most one body, never on GET or DELETE, and a {@code List} body is sent in Zoho's
 * {@code {"data": [...]}} envelope ({@code Records}).
 */
final class ParameterReader {
  static final ClassName RECORDS = ClassName.get("io.github.zohokit.crm", "Records");

  private final ErrorReporter errors;
  private final TypeChecks types;

  ParameterReader(ErrorReporter errors, TypeChecks types) {
    this.errors = errors;
    this.types = types;
  }

  /** The parameters of {@code method}, in order; the caller checks {@link ErrorReporter#errorCount()}. */
  List<ParameterModel> read(ExecutableElement method, String httpMethod, PathTemplate path) {
    String where = method.getSimpleName() + "()";
    List<ParameterModel> parameters = new ArrayList<>();
    Set<String> variables = path.variables();
    Map<String, VariableElement> pathParams = new LinkedHashMap<>();
    VariableElement body = null;
    for (VariableElement p : method.getParameters()) {
      String name = p.getSimpleName().toString();
      Path pathA = p.getAnnotation(Path.class);
      Query queryA = p.getAnnotation(Query.class);
      Header headerA = p.getAnnotation(Header.class);
      Body bodyA = p.getAnnotation(Body.class);
      int count = (pathA != null ? 1 : 0) + (queryA != null ? 1 : 0) + (headerA != null ? 1 : 0)
          + (bodyA != null ? 1 : 0);
      if (count != 1) {
        errors.error(p, "parameter '" + name + "' of " + where + (count == 0 ? " has no annotation" : " has several")
            + "; annotate it with exactly one of @Path, @Query, @Header or @Body");
        continue;
      }
      TypeMirror t = p.asType();
      if (t.getKind() == TypeKind.TYPEVAR || t.getKind() == TypeKind.WILDCARD) {
        errors.error(p, "parameter '" + name + "' of " + where + " has an unsupported type " + t
            + "; use a concrete type");
        continue;
      }
      if (pathA != null) {
        if (!variables.contains(pathA.value())) {
          errors.error(p, "@Path(\"" + pathA.value() + "\") on '" + name + "' names no {" + pathA.value()
              + "} in the path " + path.path() + "; fix the name or add {" + pathA.value() + "} to the path");
        } else if (pathParams.put(pathA.value(), p) != null) {
          errors.error(p, "{" + pathA.value() + "} of " + where + " is bound by two @Path parameters; keep one");
        } else if (t.getKind() == TypeKind.ARRAY) {
          errors.error(p, "@Path parameter '" + name + "' of " + where + " must not be an array");
        } else {
          parameters.add(new ParameterModel(name, TypeName.get(t), ParameterKind.PATH, pathA.value(), false, false,
              null));
        }
      } else if (queryA != null || headerA != null) {
        boolean objectArray = false;
        if (t.getKind() == TypeKind.ARRAY) {
          if (((ArrayType) t).getComponentType().getKind().isPrimitive()) {
            errors.error(p, "parameter '" + name + "' of " + where + " is a primitive array; use a List");
            continue;
          }
          objectArray = true;   // sent as Arrays.asList(value), comma-joined like a list
        }
        parameters.add(new ParameterModel(name, TypeName.get(t),
            queryA != null ? ParameterKind.QUERY : ParameterKind.HEADER,
            queryA != null ? queryA.value() : headerA.value(), objectArray, false, null));
      } else {
        if (body != null) {
          errors.error(p, where + " has two @Body parameters ('" + body.getSimpleName() + "' and '" + name
              + "'); a request has one body: combine them into one type");
          continue;
        }
        body = p;
        if (httpMethod.equals("GET") || httpMethod.equals("DELETE")) {
          errors.error(p, where + " is a " + httpMethod + " and cannot send a @Body; use @Query parameters, or "
              + "@Post/@Put/@Patch");
          continue;
        }
        boolean wrap = types.isList(t);
        TypeName writeType = wrap
            ? ParameterizedTypeName.get(RECORDS, TypeName.get(((DeclaredType) t).getTypeArguments().get(0)))
            : TypeName.get(t).box();
        parameters.add(new ParameterModel(name, TypeName.get(t), ParameterKind.BODY, null, false, wrap, writeType));
      }
    }
    for (String variable : variables) {
      if (!pathParams.containsKey(variable)) {
        errors.error(method, "the path " + path.path() + " of " + where + " has {" + variable + "}, but no "
            + "parameter is annotated @Path(\"" + variable + "\"); add one");
      }
    }
    return parameters;
  }
}

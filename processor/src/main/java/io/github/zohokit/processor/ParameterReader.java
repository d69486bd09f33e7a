package io.github.zohokit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import io.github.zohokit.annotation.Body;
import io.github.zohokit.annotation.Header;
import io.github.zohokit.annotation.Part;
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
 * {@code {"data": [...]}} envelope ({@code Records}). {@code @Part} parameters make the body a multipart form instead
 * (so not with a {@code @Body}, nor on GET or DELETE): a {@code Path}, {@code byte[]}, {@code InputStream} or
 * {@code FilePart} is a file part, a {@code String}, number, boolean or enum a text part; any other type is an error.
 */
final class ParameterReader {
  static final ClassName RECORDS = ClassName.get("io.github.zohokit.crm", "Records");
  private static final List<String> FILE_TYPES = List.of("java.nio.file.Path", "java.io.InputStream",
      "io.github.zohokit.FilePart");
  private static final List<String> TEXT_TYPES = List.of("java.lang.CharSequence", "java.lang.Number",
      "java.lang.Boolean", "java.lang.Character", "java.lang.Enum");

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
    VariableElement firstPart = null;
    for (VariableElement p : method.getParameters()) {
      String name = p.getSimpleName().toString();
      Path pathA = p.getAnnotation(Path.class);
      Query queryA = p.getAnnotation(Query.class);
      Header headerA = p.getAnnotation(Header.class);
      Body bodyA = p.getAnnotation(Body.class);
      Part partA = p.getAnnotation(Part.class);
      int count = (pathA != null ? 1 : 0) + (queryA != null ? 1 : 0) + (headerA != null ? 1 : 0)
          + (bodyA != null ? 1 : 0) + (partA != null ? 1 : 0);
      if (count != 1) {
        errors.error(p, "parameter '" + name + "' of " + where + (count == 0 ? " has no annotation" : " has several")
            + "; annotate it with exactly one of @Path, @Query, @Header or @Body (or @Part for a part of a multipart "
            + "upload)");
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
      } else if (partA != null) {
        ParameterKind kind = partKind(t);
        if (partA.value().isBlank()) {
          errors.error(p, "@Part on '" + name + "' of " + where + " has no name; name the form field Zoho reads, for "
              + "example @Part(\"file\")");
        } else if (httpMethod.equals("GET") || httpMethod.equals("DELETE")) {
          errors.error(p, where + " is a " + httpMethod + " and cannot send a @Part; multipart uploads need "
              + "@Post/@Put/@Patch");
        } else if (kind == null) {
          errors.error(p, "@Part parameter '" + name + "' of " + where + " has the type " + t + ", which cannot be "
              + "sent as a part; use Path, byte[], InputStream or FilePart for a file, or a String, number, boolean "
              + "or enum for a text field");
        } else {
          firstPart = firstPart == null ? p : firstPart;
          parameters.add(new ParameterModel(name, TypeName.get(t), kind, partA.value(), false, false, null));
        }
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
    if (body != null && firstPart != null) {
      errors.error(firstPart, where + " has a @Body ('" + body.getSimpleName() + "') and @Part parameters ('"
          + firstPart.getSimpleName() + "'); a request sends either a JSON body or a multipart form: send JSON as a "
          + "@Part of type String, or drop the @Body");
    }
    for (String variable : variables) {
      if (!pathParams.containsKey(variable)) {
        errors.error(method, "the path " + path.path() + " of " + where + " has {" + variable + "}, but no "
            + "parameter is annotated @Path(\"" + variable + "\"); add one");
      }
    }
    return parameters;
  }

  /**
   * {@link ParameterKind#FILE_PART} or {@link ParameterKind#TEXT_PART} for a {@code @Part} of type {@code t}; null for
   * a type that cannot be a part.
   */
  private ParameterKind partKind(TypeMirror t) {
    if (TypeChecks.isByteArray(t)) {
      return ParameterKind.FILE_PART;
    }
    if (t.getKind().isPrimitive()) {
      return ParameterKind.TEXT_PART;
    }
    for (String file : FILE_TYPES) {
      if (types.isA(t, file)) {
        return ParameterKind.FILE_PART;
      }
    }
    for (String text : TEXT_TYPES) {
      if (types.isA(t, text)) {
        return ParameterKind.TEXT_PART;
      }
    }
    return null;
  }
}

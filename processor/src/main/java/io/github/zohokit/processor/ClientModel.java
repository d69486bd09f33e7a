package io.github.zohokit.processor;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.github.zohokit.internal.BodyShape;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/** What the reader learned about one annotated interface; the writer turns it into a class. */
record ClientModel(TypeElement element, ClassName interfaceName, ClassName generatedName, List<MethodModel> methods) {

  /** One interface method. */
  record MethodModel(
      ExecutableElement element,
      String name,
      String httpMethod,
      PathTemplate path,
      List<String> scopes,
      /* where the scopes were declared: "method", "interface" or "interface <name>" (inherited) */
      String scopeOrigin,
      /* what zohokit's scope catalogue knows of the call: "documented", "documented, module known at run time",
         or "unknown" */
      String catalogue,
      /* the path variable holding the module, checked before the call is sent; null when none */
      String moduleVariable,
      List<ParameterModel> parameters,
      ReturnKind returnKind,
      TypeName returnType,
      /* the type Jackson reads: the element type of a list, the page type of a stream; null when nothing is read */
      TypeName readType,
      Shape shape) {

    ParameterModel body() {
      for (ParameterModel p : parameters) {
        if (p.kind() == ParameterKind.BODY) {
          return p;
        }
      }
      return null;
    }
  }

  /** One method parameter and where it goes. */
  record ParameterModel(String name, TypeName type, ParameterKind kind, String key, boolean objectArray,
      boolean wrapInRecords, TypeName writeType) {}

  enum ParameterKind { PATH, QUERY, HEADER, BODY }

  /** How the method returns. */
  enum ReturnKind {
    VOID, BODY, OPTIONAL, FUTURE, FUTURE_VOID, STREAM, RESPONSE
  }

  /** Mirrors the runtime's BodyShape. */
  enum Shape { WHOLE, LIST, SINGLE, TEXT }
}

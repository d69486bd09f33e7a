package io.github.zohokit.processor;

import java.util.List;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Questions the readers ask of a declared type, answered from the compiler's model (no class is loaded). */
final class TypeChecks {
  private static final String ENVELOPE = "io.github.zohokit.crm.ZohoEnvelope";
  private static final String JSON_NODE = "com.fasterxml.jackson.databind.JsonNode";

  private final Elements elements;
  private final Types types;

  TypeChecks(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /** The qualified name of {@code type}'s erasure: {@code java.util.List} for {@code List<Lead>}. */
  String erasureName(TypeMirror type) {
    TypeMirror erased = types.erasure(type);
    return erased.getKind() == TypeKind.DECLARED
        ? ((TypeElement) ((DeclaredType) erased).asElement()).getQualifiedName().toString() : erased.toString();
  }

  /** A {@code List} with its element type. */
  boolean isList(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED && erasureName(type).equals("java.util.List")
        && !((DeclaredType) type).getTypeArguments().isEmpty();
  }

  /** A class or interface with every type argument given, recursively: something Jackson can be told to read. */
  boolean isConcrete(TypeMirror type) {
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

  /**
   * A type that is the whole answer rather than an element of its first array: a map, a {@code JsonNode}, or a
   * {@code ZohoEnvelope} (such as {@code RecordPage}, which reads {@code data} and {@code info} itself).
   */
  boolean isWhole(TypeMirror type) {
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

  /** A {@code byte[]}. */
  static boolean isByteArray(TypeMirror type) {
    return type != null && type.getKind() == TypeKind.ARRAY
        && ((javax.lang.model.type.ArrayType) type).getComponentType().getKind() == TypeKind.BYTE;
  }

  /** Whether {@code type} is the class {@code name} or a subtype of it; false when the class is not on the path. */
  boolean isA(TypeMirror type, String name) {
    TypeElement element = elements.getTypeElement(name);
    return type != null && element != null && type.getKind() == TypeKind.DECLARED
        && types.isAssignable(types.erasure(type), types.erasure(element.asType()));
  }

  /** The first type argument of {@code type}, or null for a raw type. */
  static TypeMirror argument(DeclaredType type) {
    return type.getTypeArguments().isEmpty() ? null : type.getTypeArguments().get(0);
  }
}

package io.github.zohokit.schema;

import java.util.List;

/**
 * A Java type as generated code names it, independent of the file it is written into: a package, a top-level class
 * with its nested classes ({@code Lead.LeadSource}), and type arguments. {@link SourceWriter#name} decides per file
 * whether it is imported or written qualified.
 *
 * @param packageName the package, empty for primitives, type variables and unqualified names
 * @param simpleNames the top-level class and its nested classes, dot-separated ({@code Lead.Write})
 * @param arguments the type arguments, empty for none
 */
record JavaType(String packageName, String simpleNames, List<JavaType> arguments) {
  static final JavaType STRING = top("java.lang", "String");
  static final JavaType OBJECT = top("java.lang", "Object");
  static final JavaType LIST = top("java.util", "List");
  static final JavaType MAP = top("java.util", "Map");

  /** A top-level class of a package. */
  static JavaType top(String packageName, String simpleName) {
    return new JavaType(packageName, simpleName, List.of());
  }

  /**
   * A class by its qualified name, the package being the segments before the first one that starts with an upper
   * case letter ({@code com.acme.Money.Cents} is {@code Cents} nested in {@code Money}); a name without a package is
   * written as it is.
   */
  static JavaType parse(String qualifiedName) {
    String[] parts = qualifiedName.split("\\.");
    int i = 0;
    while (i < parts.length - 1 && !Character.isUpperCase(parts[i].charAt(0))) {
      i++;
    }
    return new JavaType(String.join(".", List.of(parts).subList(0, i)),
        String.join(".", List.of(parts).subList(i, parts.length)), List.of());
  }

  /** This class with type arguments: {@code List<String>}. */
  JavaType of(JavaType... typeArguments) {
    return new JavaType(packageName, simpleNames, List.of(typeArguments));
  }

  /** A class nested in this one. */
  JavaType nested(String simpleName) {
    return new JavaType(packageName, simpleNames + "." + simpleName, List.of());
  }

  /** The top-level class's simple name. */
  String topName() {
    int dot = simpleNames.indexOf('.');
    return dot < 0 ? simpleNames : simpleNames.substring(0, dot);
  }

  /** The innermost simple name: {@code Write} for {@code Lead.Write}. */
  String simpleName() {
    return simpleNames.substring(simpleNames.lastIndexOf('.') + 1);
  }
}

package io.github.zohokit.schema;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes one generated compilation unit: lines at an indentation, Javadoc comments, string literals, and type names
 * that are imported where that is unambiguous and qualified where a name of the file, of its package or of
 * {@code java.lang} would be hidden or would hide them. Plain text instead of a code model: the generator writes
 * ten megabytes of source for a large org, and a model's two-pass formatting cost more than javac's compile of it.
 */
final class SourceWriter {
  private static final int INDENT = 2;
  private static final int COLUMNS = 100;
  /**
   * The public classes of {@code java.lang} in Java 17 to 25 (listed from both JDKs' {@code java.base}): an import of
   * another class of one of these names would hide it. A fixed list, so the output does not depend on the JDK that
   * generates it.
   */
  private static final Set<String> JAVA_LANG = Set.of((
      "AbstractMethodError Appendable ArithmeticException ArrayIndexOutOfBoundsException " +
      "ArrayStoreException AssertionError AutoCloseable Boolean BootstrapMethodError Byte " +
      "CharSequence Character Class ClassCastException ClassCircularityError ClassFormatError " +
      "ClassLoader ClassNotFoundException ClassValue CloneNotSupportedException Cloneable " +
      "Comparable Compiler Deprecated Double Enum EnumConstantNotPresentException Error " +
      "Exception ExceptionInInitializerError Float FunctionalInterface IO IllegalAccessError " +
      "IllegalAccessException IllegalArgumentException IllegalCallerException " +
      "IllegalMonitorStateException IllegalStateException IllegalThreadStateException " +
      "IncompatibleClassChangeError IndexOutOfBoundsException InheritableThreadLocal " +
      "InstantiationError InstantiationException Integer InternalError InterruptedException " +
      "Iterable LayerInstantiationException LinkageError Long MatchException Math Module " +
      "ModuleLayer NegativeArraySizeException NoClassDefFoundError NoSuchFieldError " +
      "NoSuchFieldException NoSuchMethodError NoSuchMethodException NullPointerException " +
      "Number NumberFormatException Object OutOfMemoryError Override Package Process " +
      "ProcessBuilder ProcessHandle Readable Record ReflectiveOperationException Runnable " +
      "Runtime RuntimeException RuntimePermission SafeVarargs ScopedValue SecurityException " +
      "SecurityManager Short StableValue StackOverflowError StackTraceElement StackWalker " +
      "StrictMath String StringBuffer StringBuilder StringIndexOutOfBoundsException " +
      "SuppressWarnings System Thread ThreadDeath ThreadGroup ThreadLocal Throwable " +
      "TypeNotPresentException UnknownError UnsatisfiedLinkError UnsupportedClassVersionError " +
      "UnsupportedOperationException VerifyError VirtualMachineError Void WrongThreadException ").trim().split(" "));

  private final String packageName;
  private final String topName;
  private final Set<String> nestedNames;
  private final Set<String> packageTypes;
  private final Map<String, String> imports = new HashMap<>(); // simple name -> qualified name
  private final StringBuilder body = new StringBuilder(16_384);
  private int indent;

  /**
   * A writer for the file of one top-level type.
   *
   * @param packageName the file's package
   * @param topName the top-level type's simple name
   * @param nestedNames the simple names of every type nested in it (they hide classes of the same name)
   * @param packageTypes the simple names of the other types generated into the package
   */
  SourceWriter(String packageName, String topName, Set<String> nestedNames, Set<String> packageTypes) {
    this.packageName = packageName;
    this.topName = topName;
    this.nestedNames = nestedNames;
    this.packageTypes = packageTypes;
  }

  /** The name to write for {@code type} in this file, importing it where that is unambiguous. */
  String name(JavaType type) {
    String top = type.topName();
    String rest = type.simpleNames().substring(top.length());
    String written = top(type.packageName(), top) + rest;
    if (type.arguments().isEmpty()) {
      return written;
    }
    StringBuilder s = new StringBuilder(written).append('<');
    for (int i = 0; i < type.arguments().size(); i++) {
      s.append(i == 0 ? "" : ", ").append(name(type.arguments().get(i)));
    }
    return s.append('>').toString();
  }

  private String top(String pkg, String simple) {
    String qualified = pkg.isEmpty() ? simple : pkg + "." + simple;
    boolean hidden = nestedNames.contains(simple) && !simple.equals(topName);
    if (pkg.isEmpty()) {
      return simple;
    }
    if (pkg.equals(packageName)) {
      return hidden ? qualified : simple;
    }
    if (pkg.equals("java.lang")) {
      return hidden || packageTypes.contains(simple) || simple.equals(topName) ? qualified : simple;
    }
    String imported = imports.get(simple);
    if (qualified.equals(imported)) {
      return simple;
    }
    if (imported != null || hidden || simple.equals(topName) || packageTypes.contains(simple)
        || JAVA_LANG.contains(simple)) {
      return qualified;
    }
    imports.put(simple, qualified);
    return simple;
  }

  /** Appends one line at the current indentation. */
  SourceWriter line(String text) {
    if (!text.isEmpty()) {
      spaces(body, indent);
      body.append(text);
    }
    body.append('\n');
    return this;
  }

  /** Appends a line and indents the following ones ({@code "class X {"}). */
  SourceWriter open(String text) {
    line(text);
    indent += INDENT;
    return this;
  }

  /** Outdents and appends a line ({@code "}"}). */
  SourceWriter close(String text) {
    indent -= INDENT;
    return line(text);
  }

  /**
   * Appends {@code prefix}, the items separated by {@code ", "} and {@code suffix}, wrapped before the column limit
   * with a continuation indent.
   */
  SourceWriter wrapped(String prefix, Iterable<String> items, String suffix) {
    StringBuilder line = new StringBuilder(prefix);
    int width = indent;
    boolean first = true;
    for (String item : items) {
      if (!first && width + line.length() + item.length() + 3 > COLUMNS) {
        line(line.append(',').toString());
        line.setLength(0);
        spaces(line, INDENT * 2);
      } else if (!first) {
        line.append(", ");
      }
      line.append(item);
      first = false;
    }
    return line(line.append(suffix).toString());
  }

  /** {@link #wrapped} that indents the following lines ({@code "void m(int a, int b) {"}). */
  SourceWriter openWrapped(String prefix, Iterable<String> items, String suffix) {
    wrapped(prefix, items, suffix);
    indent += INDENT;
    return this;
  }

  private static void spaces(StringBuilder s, int count) {
    for (int i = 0; i < count; i++) {
      s.append(' ');
    }
  }

  /** Appends a Javadoc comment; {@code text}'s lines, the last one ending with a line break or not. */
  SourceWriter javadoc(String text) {
    line("/**");
    int start = 0;
    String content = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    while (start <= content.length()) {
      int end = content.indexOf('\n', start);
      if (end < 0) {
        end = content.length();
      }
      line(end == start ? " *" : " * " + content.substring(start, end));
      start = end + 1;
    }
    return line(" */");
  }

  /** The whole file: package, imports and what was appended. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder(body.length() + 64 * imports.size() + 64);
    s.append("package ").append(packageName).append(";\n\n");
    if (!imports.isEmpty()) {
      for (String qualified : new TreeMap<>(inverse()).keySet()) {
        s.append("import ").append(qualified).append(";\n");
      }
      s.append('\n');
    }
    return s.append(body).toString();
  }

  private Map<String, String> inverse() {
    Map<String, String> byQualified = new HashMap<>();
    imports.forEach((simple, qualified) -> byQualified.put(qualified, simple));
    return byQualified;
  }

  /** A Java string literal of {@code value}, quotes included, in ASCII: a Unicode escape for each other character. */
  static String literal(String value) {
    StringBuilder s = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> s.append("\\\"");
        case '\\' -> s.append("\\\\");
        case '\b' -> s.append("\\b");
        case '\t' -> s.append("\\t");
        case '\n' -> s.append("\\n");
        case '\f' -> s.append("\\f");
        case '\r' -> s.append("\\r");
        default -> {
          if (c < 0x20 || c >= 0x7f) { // ASCII only: the source means the same whatever its encoding is read as
            s.append(String.format("\\u%04x", (int) c));
          } else {
            s.append(c);
          }
        }
      }
    }
    return s.append('"').toString();
  }
}

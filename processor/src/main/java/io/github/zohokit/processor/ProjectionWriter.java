package io.github.zohokit.processor;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import io.github.zohokit.annotation.Coql;
import java.io.IOException;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Writes the record a {@code @Coql(projection = "Name")} names, in the interface's package, in the round that finds
 * the annotation; the interface that returns it is read in the next round, once the record exists (see
 * {@link UnresolvedTypes}). One component per selected column, in order, named in lowerCamelCase from the column's
 * key, with the key in {@code @JsonProperty}; then {@code id}. Types as {@link Coql#projection()} documents, from the
 * snapshot when there is one ({@link SnapshotChecks#fieldOf}).
 */
final class ProjectionWriter {
  private static final ClassName JSON_PROPERTY = ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");
  private static final ClassName JSON_IGNORE_UNKNOWN = ClassName.get("com.fasterxml.jackson.annotation",
      "JsonIgnoreProperties");
  private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  private static final Map<String, TypeName> TYPES = Map.ofEntries(
      Map.entry("integer", ClassName.get(Integer.class)),
      Map.entry("currency", ClassName.get("java.math", "BigDecimal")),
      Map.entry("double", ClassName.get("java.math", "BigDecimal")),
      Map.entry("decimal", ClassName.get("java.math", "BigDecimal")),
      Map.entry("percent", ClassName.get("java.math", "BigDecimal")),
      Map.entry("boolean", ClassName.get(Boolean.class)),
      Map.entry("date", ClassName.get("java.time", "LocalDate")),
      Map.entry("datetime", ClassName.get("java.time", "OffsetDateTime")),
      Map.entry("multiselectpicklist", ParameterizedTypeName.get(ClassName.get("java.util", "List"),
          ClassName.get(String.class))));
  private static final Set<String> TEXT = Set.of("text", "textarea", "email", "phone", "website", "picklist",
      "autonumber", "bigint", "long", "id");

  private final Elements elements;
  private final Filer filer;
  private final Messager messager;
  private final SnapshotChecks snapshot;
  private final Set<String> written = new HashSet<>();

  ProjectionWriter(Elements elements, Filer filer, Messager messager, SnapshotChecks snapshot) {
    this.elements = elements;
    this.filer = filer;
    this.messager = messager;
    this.snapshot = snapshot;
  }

  /** Types the components from {@code snapshot} from now on; null: no snapshot. */
  void use(OrgSnapshot snapshot) {
    this.snapshot.use(snapshot);
  }

  /** Writes the projections of the {@code @Coql} methods in {@code round} not written yet. */
  void write(RoundEnvironment round) {
    for (Element element : round.getElementsAnnotatedWith(Coql.class)) {
      Coql coql = element.getAnnotation(Coql.class);
      if (element.getKind() != ElementKind.METHOD || coql.projection().isEmpty()) {
        continue;
      }
      ExecutableElement method = (ExecutableElement) element;
      String name = coql.projection();
      String pkg = elements.getPackageOf(method).getQualifiedName().toString();
      String qualified = pkg.isEmpty() ? name : pkg + "." + name;
      if (!SourceVersion.isIdentifier(name) || SourceVersion.isKeyword(name)) {
        messager.printMessage(Diagnostic.Kind.ERROR, "@Coql(projection = \"" + name + "\") on "
            + method.getSimpleName() + "() is not a Java class name; use a simple name such as ContactedLead",
            method);
        continue;
      }
      if (!written.add(qualified)) {
        continue; // two methods share one projection: the first one's select list makes it
      }
      if (elements.getTypeElement(qualified) != null) {
        messager.printMessage(Diagnostic.Kind.ERROR, "@Coql(projection = \"" + name + "\") on "
            + method.getSimpleName() + "(): " + qualified + " exists already; choose another name, or remove "
            + "projection and return " + name + " yourself", method);
        continue;
      }
      CoqlStatement statement;
      try {
        statement = CoqlStatement.parse(coql.value());
      } catch (CoqlStatement.SyntaxError e) {
        continue; // CoqlReader reports it on the method
      }
      try {
        JavaFile.builder(pkg, record(ClassName.get(pkg, name), statement, method)).skipJavaLangImports(true).build()
            .writeTo(filer);
      } catch (IOException e) {
        messager.printMessage(Diagnostic.Kind.ERROR, "zohokit could not write " + qualified + ": "
            + e.getMessage(), method);
      }
    }
  }

  private TypeSpec record(ClassName name, CoqlStatement statement, ExecutableElement method) {
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder();
    Set<String> names = new HashSet<>();
    boolean id = false;
    for (CoqlStatement.Column column : statement.selected()) {
      id |= column.key().equals("id");
      OrgSnapshot.Field field = snapshot.fieldOf(statement.module(), column.path());
      constructor.addParameter(component(column.key(), type(column, field), names));
    }
    if (!id) {
      constructor.addParameter(component("id", ClassName.get(String.class), names));
    }
    TypeElement api = (TypeElement) method.getEnclosingElement();
    return TypeSpec.recordBuilder(name)
        .addModifiers(Modifier.PUBLIC)
        .addOriginatingElement(api)
        .addAnnotation(AnnotationSpec.builder(JSON_IGNORE_UNKNOWN).addMember("ignoreUnknown", "true").build())
        .addJavadoc("A row of {@link $T#$L}: the columns of its COQL statement, generated by zohokit "
            + "($L).\n", ClassName.get(api), method.getSimpleName(), ProjectionWriter.class.getName())
        .recordConstructor(constructor.build())
        .build();
  }

  private static TypeName type(CoqlStatement.Column column, OrgSnapshot.Field field) {
    if (column.key().equals("id") || column.path() != null && column.path().toLowerCase(Locale.ROOT).endsWith(".id")) {
      return ClassName.get(String.class);
    }
    if (field == null) {
      return JSON_NODE;
    }
    String type = field.valueType().toLowerCase(Locale.ROOT);
    if (TEXT.contains(type)) {
      return ClassName.get(String.class);
    }
    return TYPES.getOrDefault(type, JSON_NODE);
  }

  private static ParameterSpec component(String key, TypeName type, Set<String> names) {
    StringBuilder b = new StringBuilder();
    boolean upper = false;
    for (char c : key.toCharArray()) {
      if (Character.isLetterOrDigit(c)) {
        b.append(b.length() == 0 ? Character.toLowerCase(c) : upper ? Character.toUpperCase(c) : c);
        upper = false;
      } else {
        upper = b.length() > 0;
      }
    }
    // Last_Name -> lastName, Account_Name.Account_Name -> accountNameAccountName
    String name = b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0)) ? "column" + b : b.toString();
    if (SourceVersion.isKeyword(name)) {
      name = name + "_";
    }
    String unique = name;
    for (int i = 2; !names.add(unique); i++) {
      unique = name + i;
    }
    return ParameterSpec.builder(type, unique)
        .addAnnotation(AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", key).build())
        .build();
  }
}

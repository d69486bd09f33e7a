package io.github.zohokit.schema;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.TypeVariableName;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/** The generated types every module uses: references, date-time conversion, picklist value types. */
final class SupportTypes {
  private static final ClassName STRING = ClassName.get(String.class);
  private static final ClassName JSON_PROPERTY = ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");
  private static final ClassName JSON_INCLUDE = ClassName.get("com.fasterxml.jackson.annotation", "JsonInclude");
  private static final ClassName JSON_IGNORE_PROPERTIES =
      ClassName.get("com.fasterxml.jackson.annotation", "JsonIgnoreProperties");
  private static final ClassName JSON_CREATOR = ClassName.get("com.fasterxml.jackson.annotation", "JsonCreator");
  private static final ClassName JSON_VALUE = ClassName.get("com.fasterxml.jackson.annotation", "JsonValue");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final String DATABIND = "com.fasterxml.jackson.databind";

  private SupportTypes() {}

  private static AnnotationSpec generated() {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", RecordGenerator.GENERATOR).build();
  }

  private static AnnotationSpec nonNull() {
    return AnnotationSpec.builder(JSON_INCLUDE).addMember("value", "$T.Include.NON_NULL", JSON_INCLUDE).build();
  }

  private static AnnotationSpec ignoreUnknown() {
    return AnnotationSpec.builder(JSON_IGNORE_PROPERTIES).addMember("ignoreUnknown", "true").build();
  }

  private static ParameterSpec property(TypeName type, String name, String json) {
    return ParameterSpec.builder(type, name)
        .addAnnotation(AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", json).build()).build();
  }

  private static MethodSpec forWrite() {
    return MethodSpec.methodBuilder("forWrite").addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(Map.class), STRING, ClassName.get(Object.class)))
        .addJavadoc("What a write sends: {@code {\"id\": ...}}.\n\n@return the id as Zoho's write shape\n")
        .addStatement("return $T.of(\"id\", id)", Map.class).build();
  }

  static JavaFile lookupRef(ClassName name) {
    TypeVariableName t = TypeVariableName.get("T");
    TypeSpec type = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC).addTypeVariable(t)
        .addAnnotation(generated()).addAnnotation(nonNull()).addAnnotation(ignoreUnknown())
        .addJavadoc("A lookup: Zoho reads {@code {\"id\", \"name\"}} and writes {@code {\"id\"}}.\n\n"
            + "@param <T> the record type of the module the lookup points to ({@code Object} when it is not generated)\n"
            + "@param id the referenced record's id\n@param name the referenced record's name, or null\n")
        .recordConstructor(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addParameter(property(STRING, "id", "id")).addParameter(property(STRING, "name", "name")).build())
        .addMethod(MethodSpec.methodBuilder("to").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
            .addTypeVariable(t).returns(ParameterizedTypeName.get(name, t)).addParameter(STRING, "id")
            .addJavadoc("A reference to the record {@code id}, to write.\n\n@param <T> the referenced record type\n"
                + "@param id the record's id, not null\n@return the reference\n")
            .addStatement("return new $T<>($T.requireNonNull(id, \"id\"), null)", name, Objects.class).build())
        .addMethod(forWrite()).build();
    return JavaFile.builder(name.packageName(), type).skipJavaLangImports(true).indent("  ").build();
  }

  static JavaFile userRef(ClassName name) {
    TypeSpec type = TypeSpec.recordBuilder(name).addModifiers(Modifier.PUBLIC)
        .addAnnotation(generated()).addAnnotation(nonNull()).addAnnotation(ignoreUnknown())
        .addJavadoc("A user (owner or user lookup): {@code {\"id\", \"name\", \"email\"}}.\n\n"
            + "@param id the user's id\n@param name the user's name, or null\n@param email the user's email, or null\n")
        .recordConstructor(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addParameter(property(STRING, "id", "id")).addParameter(property(STRING, "name", "name"))
            .addParameter(property(STRING, "email", "email")).build())
        .addMethod(MethodSpec.methodBuilder("to").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name)
            .addParameter(STRING, "id")
            .addJavadoc("A reference to the user {@code id}, to write.\n\n@param id the user's id, not null\n"
                + "@return the reference\n")
            .addStatement("return new $T($T.requireNonNull(id, \"id\"), null, null)", name, Objects.class).build())
        .addMethod(forWrite()).build();
    return JavaFile.builder(name.packageName(), type).skipJavaLangImports(true).indent("  ").build();
  }

  static JavaFile zohoJson(ClassName name) {
    ClassName offsetDateTime = ClassName.get("java.time", "OffsetDateTime");
    ClassName localDate = ClassName.get("java.time", "LocalDate");
    ClassName formatter = ClassName.get("java.time.format", "DateTimeFormatter");
    TypeSpec.Builder type = TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addAnnotation(generated())
        .addJavadoc("Zoho's date and date-time formats, whatever the application's {@code ObjectMapper}: a date-time "
            + "keeps\nthe offset Zoho sent ({@code 2026-01-05T09:30:00+05:30}) and is written to the second.\n")
        .addField(FieldSpec.builder(formatter, "DATE_TIME", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("$T.ofPattern(\"yyyy-MM-dd'T'HH:mm:ssXXX\")", formatter).build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(MethodSpec.methodBuilder("format").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(STRING)
            .addParameter(offsetDateTime, "value")
            .addJavadoc("A date-time as Zoho writes it.\n\n@param value the date-time, not null\n"
                + "@return for example {@code 2026-01-05T09:30:00+05:30}\n")
            .addStatement("return value.format(DATE_TIME)").build());
    type.addType(reader(name, "DateTimeReader", offsetDateTime, "$T.parse(text)"));
    type.addType(writer(name, "DateTimeWriter", offsetDateTime, "format(value)"));
    type.addType(reader(name, "DateReader", localDate, "$T.parse(text)"));
    type.addType(writer(name, "DateWriter", localDate, "value.toString()"));
    return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  private static TypeSpec reader(ClassName owner, String name, ClassName value, String parse) {
    ClassName base = ClassName.get(DATABIND + ".deser.std", "StdDeserializer");
    return TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(base, value))
        .addJavadoc("Reads a {@link $T} from Zoho's text.\n", value)
        .addField(FieldSpec.builder(long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL).initializer("1L").build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("The reader Jackson creates.\n").addStatement("super($T.class)", value).build())
        .addMethod(MethodSpec.methodBuilder("deserialize").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(value).addParameter(ClassName.get("com.fasterxml.jackson.core", "JsonParser"), "parser")
            .addParameter(ClassName.get(DATABIND, "DeserializationContext"), "context")
            .addException(ClassName.get(java.io.IOException.class))
            .addStatement("String text = parser.getValueAsString()")
            .addStatement("return text == null || text.isEmpty() ? null : " + parse, value).build())
        .build();
  }

  private static TypeSpec writer(ClassName owner, String name, ClassName value, String format) {
    ClassName base = ClassName.get(DATABIND + ".ser.std", "StdSerializer");
    return TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .superclass(ParameterizedTypeName.get(base, value))
        .addJavadoc("Writes a {@link $T} as Zoho's text.\n", value)
        .addField(FieldSpec.builder(long.class, "serialVersionUID", Modifier.PRIVATE, Modifier.STATIC,
            Modifier.FINAL).initializer("1L").build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC)
            .addJavadoc("The writer Jackson creates.\n").addStatement("super($T.class)", value).build())
        .addMethod(MethodSpec.methodBuilder("serialize").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .addParameter(value, "value").addParameter(ClassName.get("com.fasterxml.jackson.core", "JsonGenerator"),
                "generator")
            .addParameter(ClassName.get(DATABIND, "SerializerProvider"), "provider")
            .addException(ClassName.get(java.io.IOException.class))
            .addCode(format.startsWith("format")
                ? CodeBlock.of("generator.writeString($T.$L);\n", owner, format)
                : CodeBlock.of("generator.writeString($L);\n", format)).build())
        .build();
  }

  /** An open value type for a picklist: a constant per option, and any other value read and written as is. */
  static TypeSpec picklist(ClassName name, FieldSchema field, Consumer<String> warnings, String where) {
    TypeSpec.Builder type = TypeSpec.classBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("The values of the picklist {@code $L}: a constant per option of the snapshot, and any other "
            + "value\n(admins add options; Zoho accepts new values on write) read and written as is with "
            + "{@link #of}.\n", field.apiName());
    List<String> constants = new ArrayList<>();
    Set<String> used = new HashSet<>(Set.of("known"));
    int i = 0;
    for (PicklistOption option : field.picklist()) {
      i++;
      String base = Names.optionConstant(option.displayValue());
      String constant = base.isEmpty() ? "VALUE_" + i : base;
      String candidate = constant;
      int n = 2;
      while (!used.add(candidate)) {
        candidate = constant + "_" + n++;
      }
      if (!candidate.equals(constant) || base.isEmpty()) {
        warnings.accept(where + ": picklist option \"" + option.displayValue() + "\" is generated as " + candidate);
      }
      constants.add(candidate);
      CodeBlock.Builder doc = CodeBlock.builder().add("{@code $L}", RecordGenerator.javadoc(option.displayValue()));
      if (option.actualValue() != null && !option.actualValue().equals(option.displayValue())) {
        doc.add(" (actual value {@code $L})", RecordGenerator.javadoc(option.actualValue()));
      }
      if ("unused".equals(option.type())) {
        doc.add("; unused: in no layout");
      }
      type.addField(FieldSpec.builder(name, candidate, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($S)", name, option.displayValue()).addJavadoc(doc.add(".\n").build()).build());
    }
    ClassName list = ClassName.get(List.class);
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(list, name), "known", Modifier.PRIVATE, Modifier.STATIC,
        Modifier.FINAL).initializer("$T.of($L)", List.class, String.join(", ", constants)).build());
    type.addField(FieldSpec.builder(STRING, "value", Modifier.PRIVATE, Modifier.FINAL).build());
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).addParameter(STRING, "value")
        .addStatement("this.value = value").build());
    type.addMethod(MethodSpec.methodBuilder("of").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(name)
        .addAnnotation(AnnotationSpec.builder(JSON_CREATOR).addMember("mode", "$T.Mode.DELEGATING", JSON_CREATOR)
            .build())
        .addParameter(STRING, "value")
        .addJavadoc("The value {@code value}: its constant when the snapshot knows it, else a new value.\n\n"
            + "@param value the display value, as records carry it; not null\n@return the value\n")
        .addStatement("$T.requireNonNull(value, \"value\")", Objects.class)
        .beginControlFlow("for ($T known : known)", name)
        .beginControlFlow("if (known.value.equals(value))").addStatement("return known").endControlFlow()
        .endControlFlow()
        .addStatement("return new $T(value)", name).build());
    type.addMethod(MethodSpec.methodBuilder("known").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(list, name))
        .addJavadoc("The options of the snapshot, in Zoho's order.\n\n@return the constants\n")
        .addStatement("return known").build());
    type.addMethod(MethodSpec.methodBuilder("value").addModifiers(Modifier.PUBLIC).returns(STRING)
        .addAnnotation(JSON_VALUE)
        .addJavadoc("The display value, as Zoho reads and writes it.\n\n@return the value\n")
        .addStatement("return value").build());
    type.addMethod(MethodSpec.methodBuilder("isKnown").addModifiers(Modifier.PUBLIC).returns(boolean.class)
        .addJavadoc("Whether the snapshot knows this value (an option added later is not known).\n\n"
            + "@return true for the constants' values\n")
        .addStatement("return known.contains(this)").build());
    type.addMethod(MethodSpec.methodBuilder("equals").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(boolean.class).addParameter(Object.class, "other")
        .addStatement("return other instanceof $T && (($T) other).value.equals(value)", name, name).build());
    type.addMethod(MethodSpec.methodBuilder("hashCode").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(int.class).addStatement("return value.hashCode()").build());
    type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(STRING).addStatement("return value").build());
    return type.build();
  }
}

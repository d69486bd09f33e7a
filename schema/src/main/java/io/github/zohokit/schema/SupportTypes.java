package io.github.zohokit.schema;

import static io.github.zohokit.schema.SourceWriter.literal;

import java.util.List;
import java.util.Set;

/** The generated types every module uses: references, date-time conversion, picklist value types. */
final class SupportTypes {
  private static final String JACKSON = "com.fasterxml.jackson.annotation";
  private static final String DATABIND = "com.fasterxml.jackson.databind";
  static final JavaType JSON_INCLUDE = JavaType.top(JACKSON, "JsonInclude");
  static final JavaType JSON_PROPERTY = JavaType.top(JACKSON, "JsonProperty");
  private static final JavaType JSON_IGNORE_PROPERTIES = JavaType.top(JACKSON, "JsonIgnoreProperties");
  private static final JavaType JSON_CREATOR = JavaType.top(JACKSON, "JsonCreator");
  private static final JavaType JSON_VALUE = JavaType.top(JACKSON, "JsonValue");
  private static final JavaType GENERATED = JavaType.top("javax.annotation.processing", "Generated");
  private static final JavaType OBJECTS = JavaType.top("java.util", "Objects");
  private static final JavaType OFFSET_DATE_TIME = JavaType.top("java.time", "OffsetDateTime");
  private static final JavaType LOCAL_DATE = JavaType.top("java.time", "LocalDate");

  private SupportTypes() {}

  /** {@code @Generated(value = ..., comments = ...)} on its own lines; {@code comments} may be null. */
  static void generated(SourceWriter w, String comments) {
    w.open("@" + w.name(GENERATED) + "(");
    w.line("  value = " + literal(RecordGenerator.GENERATOR) + (comments == null ? "" : ","));
    if (comments != null) {
      w.line("  comments = " + literal(comments));
    }
    w.close(")");
  }

  /** {@code @JsonInclude(JsonInclude.Include.NON_NULL)}. */
  static String nonNull(SourceWriter w) {
    String include = w.name(JSON_INCLUDE);
    return "@" + include + "(" + include + ".Include.NON_NULL)";
  }

  private static void header(SourceWriter w) {
    generated(w, null);
    w.line(nonNull(w));
    w.line("@" + w.name(JSON_IGNORE_PROPERTIES) + "(ignoreUnknown = true)");
  }

  private static String property(SourceWriter w, String name) {
    return "@" + w.name(JSON_PROPERTY) + "(" + literal(name) + ") " + w.name(JavaType.STRING) + " " + name;
  }

  private static void forWrite(SourceWriter w) {
    w.line("");
    w.javadoc("What a write sends: {@code {\"id\": ...}}.\n\n@return the id as Zoho's write shape");
    String map = w.name(JavaType.MAP);
    w.open("public " + w.name(JavaType.MAP.of(JavaType.STRING, JavaType.OBJECT)) + " forWrite() {");
    w.line("return " + map + ".of(\"id\", id);");
    w.close("}");
  }

  static String lookupRef(JavaType type, Set<String> packageTypes) {
    SourceWriter w = new SourceWriter(type.packageName(), type.simpleName(), Set.of(), packageTypes);
    String name = type.simpleName();
    w.javadoc("A lookup: Zoho reads {@code {\"id\", \"name\"}} and writes {@code {\"id\"}}.\n\n"
        + "@param <T> the record type of the module the lookup points to ({@code Object} when it is not generated)\n"
        + "@param id the referenced record's id\n@param name the referenced record's name, or null");
    header(w);
    w.open("public record " + name + "<T>(" + property(w, "id") + ", " + property(w, "name") + ") {");
    w.javadoc("A reference to the record {@code id}, to write.\n\n@param <T> the referenced record type\n"
        + "@param id the record's id, not null\n@return the reference");
    w.open("public static <T> " + name + "<T> to(" + w.name(JavaType.STRING) + " id) {");
    w.line("return new " + name + "<>(" + w.name(OBJECTS) + ".requireNonNull(id, \"id\"), null);");
    w.close("}");
    forWrite(w);
    w.close("}");
    return w.toString();
  }

  static String userRef(JavaType type, Set<String> packageTypes) {
    SourceWriter w = new SourceWriter(type.packageName(), type.simpleName(), Set.of(), packageTypes);
    String name = type.simpleName();
    w.javadoc("A user (owner or user lookup): {@code {\"id\", \"name\", \"email\"}}.\n\n"
        + "@param id the user's id\n@param name the user's name, or null\n@param email the user's email, or null");
    header(w);
    w.open("public record " + name + "(" + property(w, "id") + ", " + property(w, "name") + ",");
    w.line("    " + property(w, "email") + ") {");
    w.javadoc("A reference to the user {@code id}, to write.\n\n@param id the user's id, not null\n"
        + "@return the reference");
    w.open("public static " + name + " to(" + w.name(JavaType.STRING) + " id) {");
    w.line("return new " + name + "(" + w.name(OBJECTS) + ".requireNonNull(id, \"id\"), null, null);");
    w.close("}");
    forWrite(w);
    w.close("}");
    return w.toString();
  }

  static String zohoJson(JavaType type, Set<String> packageTypes) {
    Set<String> nested = Set.of("DateTimeReader", "DateTimeWriter", "DateReader", "DateWriter");
    SourceWriter w = new SourceWriter(type.packageName(), type.simpleName(), nested, packageTypes);
    String formatter = w.name(JavaType.top("java.time.format", "DateTimeFormatter"));
    w.javadoc("Zoho's date and date-time formats, whatever the application's {@code ObjectMapper}: a date-time "
        + "keeps\nthe offset Zoho sent ({@code 2026-01-05T09:30:00+05:30}) and is written to the second.");
    generated(w, null);
    w.open("public final class " + type.simpleName() + " {");
    w.line("private static final " + formatter + " DATE_TIME = " + formatter
        + ".ofPattern(\"yyyy-MM-dd'T'HH:mm:ssXXX\");");
    w.line("");
    w.line("private " + type.simpleName() + "() {");
    w.line("}");
    w.line("");
    w.javadoc("A date-time as Zoho writes it.\n\n@param value the date-time, not null\n"
        + "@return for example {@code 2026-01-05T09:30:00+05:30}");
    w.open("public static " + w.name(JavaType.STRING) + " format(" + w.name(OFFSET_DATE_TIME) + " value) {");
    w.line("return value.format(DATE_TIME);");
    w.close("}");
    reader(w, "DateTimeReader", OFFSET_DATE_TIME, w.name(OFFSET_DATE_TIME) + ".parse(text)");
    writer(w, "DateTimeWriter", OFFSET_DATE_TIME, type.simpleName() + ".format(value)");
    reader(w, "DateReader", LOCAL_DATE, w.name(LOCAL_DATE) + ".parse(text)");
    writer(w, "DateWriter", LOCAL_DATE, "value.toString()");
    w.close("}");
    return w.toString();
  }

  private static void reader(SourceWriter w, String name, JavaType value, String parse) {
    String v = w.name(value);
    converter(w, name, value, "Reads a {@link " + v + "} from Zoho's text.", "reader", "deser.std", "StdDeserializer",
        v + " deserialize(" + w.name(JavaType.top("com.fasterxml.jackson.core", "JsonParser")) + " parser, "
            + w.name(JavaType.top(DATABIND, "DeserializationContext")) + " context)",
        w.name(JavaType.STRING) + " text = parser.getValueAsString();",
        "return text == null || text.isEmpty() ? null : " + parse + ";");
  }

  private static void writer(SourceWriter w, String name, JavaType value, String format) {
    converter(w, name, value, "Writes a {@link " + w.name(value) + "} as Zoho's text.", "writer", "ser.std",
        "StdSerializer", "void serialize(" + w.name(value) + " value, "
            + w.name(JavaType.top("com.fasterxml.jackson.core", "JsonGenerator")) + " generator, "
            + w.name(JavaType.top(DATABIND, "SerializerProvider")) + " provider)",
        "generator.writeString(" + format + ");");
  }

  /** A nested Jackson (de)serializer class: its base {@code Std...<value>}, constructor and one method. */
  private static void converter(SourceWriter w, String name, JavaType value, String doc, String what,
      String basePackage, String base, String signature, String... body) {
    w.line("");
    w.javadoc(doc);
    w.open("public static final class " + name + " extends "
        + w.name(JavaType.top(DATABIND + "." + basePackage, base).of(value)) + " {");
    w.line("private static final long serialVersionUID = 1L;");
    w.line("");
    w.javadoc("The " + what + " Jackson creates.");
    w.open("public " + name + "() {");
    w.line("super(" + w.name(value) + ".class);");
    w.close("}");
    w.line("");
    w.line("@" + w.name(JavaType.top("java.lang", "Override")));
    w.open("public " + signature + " throws " + w.name(JavaType.top("java.io", "IOException")) + " {");
    for (String line : body) {
      w.line(line);
    }
    w.close("}");
    w.close("}");
  }

  /**
   * A picklist's value type, planned when the record's components are: the constants are named (and their
   * renames reported) once, in field order.
   *
   * @param simpleName the nested type's name
   * @param field the picklist field
   * @param constants one constant name per option, in Zoho's order
   */
  record Picklist(String simpleName, FieldSchema field, List<String> constants) {}

  /** An open value type for a picklist: a constant per option, and any other value read and written as is. */
  static void picklist(SourceWriter w, Picklist p) {
    String name = p.simpleName();
    String string = w.name(JavaType.STRING);
    String override = "@" + w.name(JavaType.top("java.lang", "Override"));
    w.line("");
    w.javadoc("The values of the picklist " + RecordGenerator.code(p.field().apiName()) + ": a constant per option of "
        + "the snapshot, "
        + "and any other value\n(admins add options; Zoho accepts new values on write) read and written as is with "
        + "{@link #of}.");
    w.open("public static final class " + name + " {");
    List<PicklistOption> options = p.field().picklist();
    for (int i = 0; i < options.size(); i++) {
      PicklistOption option = options.get(i);
      StringBuilder doc = new StringBuilder(RecordGenerator.code(option.displayValue()));
      if (option.actualValue() != null && !option.actualValue().equals(option.displayValue())) {
        doc.append(" (actual value ").append(RecordGenerator.code(option.actualValue())).append(')');
      }
      if ("unused".equals(option.type())) {
        doc.append("; unused: in no layout");
      }
      w.javadoc(doc.append('.').toString());
      w.line("public static final " + name + " " + p.constants().get(i) + " = new " + name + "("
          + literal(option.displayValue()) + ");");
      w.line("");
    }
    w.wrapped("private static final " + w.name(JavaType.LIST) + "<" + name + "> known = " + w.name(JavaType.LIST)
        + ".of(", p.constants(), ");");
    w.line("");
    w.line("private final " + string + " value;");
    w.line("");
    w.open("private " + name + "(" + string + " value) {");
    w.line("this.value = value;");
    w.close("}");
    w.line("");
    w.javadoc("The value {@code value}: its constant when the snapshot knows it, else a new value.\n\n"
        + "@param value the display value, as records carry it; not null\n@return the value");
    String creator = w.name(JSON_CREATOR);
    w.line("@" + creator + "(mode = " + creator + ".Mode.DELEGATING)");
    w.open("public static " + name + " of(" + string + " value) {");
    w.line(w.name(OBJECTS) + ".requireNonNull(value, \"value\");");
    w.open("for (" + name + " known : known) {");
    w.open("if (known.value.equals(value)) {");
    w.line("return known;");
    w.close("}");
    w.close("}");
    w.line("return new " + name + "(value);");
    w.close("}");
    w.line("");
    w.javadoc("The options of the snapshot, in Zoho's order.\n\n@return the constants");
    w.open("public static " + w.name(JavaType.LIST) + "<" + name + "> known() {");
    w.line("return known;");
    w.close("}");
    w.line("");
    w.javadoc("The display value, as Zoho reads and writes it.\n\n@return the value");
    w.line("@" + w.name(JSON_VALUE));
    w.open("public " + string + " value() {");
    w.line("return value;");
    w.close("}");
    w.line("");
    w.javadoc("Whether the snapshot knows this value (an option added later is not known).\n\n"
        + "@return true for the constants' values");
    w.open("public boolean isKnown() {");
    w.line("return known.contains(this);");
    w.close("}");
    w.line("");
    w.line(override);
    w.open("public boolean equals(" + w.name(JavaType.OBJECT) + " other) {");
    w.line("return other instanceof " + name + " && ((" + name + ") other).value.equals(value);");
    w.close("}");
    w.line("");
    w.line(override);
    w.open("public int hashCode() {");
    w.line("return value.hashCode();");
    w.close("}");
    w.line("");
    w.line(override);
    w.open("public " + string + " toString() {");
    w.line("return value;");
    w.close("}");
    w.close("}");
  }
}

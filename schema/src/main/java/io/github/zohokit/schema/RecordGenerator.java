package io.github.zohokit.schema;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.lang.model.element.Modifier;

/**
 * Generates Java sources from a {@link Snapshot}, offline: per module a record ({@code Lead}) with its field-name
 * constants ({@code Lead.Fields}), picklist value types, a write builder ({@code Lead.Write}), and a typed API
 * interface ({@code LeadsApi}) that zohokit's annotation processor implements. Also three support types per package:
 * {@code LookupRef}, {@code UserRef} and {@code ZohoJson}. The output depends only on the snapshot and the
 * configuration: no timestamps, so the same input gives the same bytes.
 */
public final class RecordGenerator {
  static final String GENERATOR = "io.github.zohokit.schema.RecordGenerator";
  private static final ClassName JSON_PROPERTY = ClassName.get("com.fasterxml.jackson.annotation", "JsonProperty");
  private static final ClassName JSON_INCLUDE = ClassName.get("com.fasterxml.jackson.annotation", "JsonInclude");
  private static final ClassName JSON_ANY_SETTER = ClassName.get("com.fasterxml.jackson.annotation", "JsonAnySetter");
  private static final ClassName JSON_ANY_GETTER = ClassName.get("com.fasterxml.jackson.annotation", "JsonAnyGetter");
  private static final ClassName JSON_CREATOR = ClassName.get("com.fasterxml.jackson.annotation", "JsonCreator");
  private static final ClassName JSON_VALUE = ClassName.get("com.fasterxml.jackson.annotation", "JsonValue");
  private static final ClassName JSON_IGNORE = ClassName.get("com.fasterxml.jackson.annotation", "JsonIgnore");
  private static final ClassName JSON_DESERIALIZE =
      ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonDeserialize");
  private static final ClassName JSON_SERIALIZE =
      ClassName.get("com.fasterxml.jackson.databind.annotation", "JsonSerialize");
  private static final ClassName JSON_NODE = ClassName.get("com.fasterxml.jackson.databind", "JsonNode");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  private static final ClassName STRING = ClassName.get(String.class);
  private static final ClassName OBJECT = ClassName.get(Object.class);
  private static final ClassName LIST = ClassName.get(List.class);
  private static final ClassName MAP = ClassName.get(Map.class);
  private static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");
  private static final ClassName LOCAL_DATE = ClassName.get("java.time", "LocalDate");
  private static final ClassName OFFSET_DATE_TIME = ClassName.get("java.time", "OffsetDateTime");
  private static final String ANNOTATION = "io.github.zohokit.annotation";
  private static final ClassName RECORD_PAGE = ClassName.get("io.github.zohokit.crm", "RecordPage");
  private static final ClassName RECORDS = ClassName.get("io.github.zohokit.crm", "Records");
  private static final ClassName ACTION_RESULT = ClassName.get("io.github.zohokit.crm", "ActionResult");
  private static final ClassName CRM_RECORD = ClassName.get("io.github.zohokit.crm", "CrmRecord");
  private static final Set<String> JSON_TYPES = Set.of("fileupload", "imageupload", "multi_module_lookup", "layout",
      "territories", "consent_lookup", "event_reminder", "ALARM", "RRULE", "multireminder", "linetax", "time_range",
      "module", "jsonobject", "jsonarray", "profileimage_json");
  private static final Set<String> STRING_TYPES = Set.of("text", "textarea", "email", "phone", "website",
      "mediumtext", "autonumber", "profileimage", "bigint", "string");
  private static final Map<String, String> MODULE_SCOPES = Map.ofEntries(Map.entry("Price_Books", "pricebooks"),
      Map.entry("Sales_Orders", "salesorders"), Map.entry("Purchase_Orders", "purchaseorders"),
      Map.entry("Appointments_Rescheduled_History__s", "appointments_rescheduled_history"));
  /** The most fields Zoho returns per records call ({@code fields} parameter). */
  static final int MAX_FIELDS = 50;

  private final Snapshot snapshot;
  private final GeneratorConfig config;
  private final Consumer<String> warnings;
  private final Map<String, ClassName> recordClasses = new LinkedHashMap<>();
  private final ClassName lookupRef;
  private final ClassName userRef;
  private final ClassName zohoJson;

  /**
   * A generator for one snapshot and configuration.
   *
   * @param snapshot the committed snapshot
   * @param config what to generate
   * @param warnings receives one line per name collision, keyword, unknown data type or metadata lie handled
   */
  public RecordGenerator(Snapshot snapshot, GeneratorConfig config, Consumer<String> warnings) {
    this.snapshot = snapshot;
    this.config = config;
    this.warnings = warnings;
    this.lookupRef = ClassName.get(config.packageName(), "LookupRef");
    this.userRef = ClassName.get(config.packageName(), "UserRef");
    this.zohoJson = ClassName.get(config.packageName(), "ZohoJson");
  }

  /**
   * Generates every source.
   *
   * @return path relative to the source root ({@code com/example/Lead.java}) to content, sorted by path
   * @throws SchemaException when a configured module is not in the snapshot
   */
  public Map<String, String> generate() {
    List<ModuleSchema> modules = selected();
    Set<String> taken = new HashSet<>(Set.of("LookupRef", "UserRef", "ZohoJson"));
    for (ModuleSchema m : modules) {
      String name = className(m);
      if (taken.contains(name)) {
        String unique = name + Names.upperCamel(m.apiName());
        warnings.accept("Module " + m.apiName() + ": class name " + name + " is taken; generated as " + unique
            + " (set modules." + m.apiName() + ".class_name in the overrides file to choose)");
        name = unique;
      }
      taken.add(name);
      recordClasses.put(m.apiName(), ClassName.get(config.packageName(), name));
    }
    Map<String, String> files = new TreeMap<>();
    for (ModuleSchema m : modules) {
      add(files, record(m));
      if (config.apis() && !m.isSubform()) {
        add(files, api(m));
      }
    }
    add(files, SupportTypes.lookupRef(lookupRef));
    add(files, SupportTypes.userRef(userRef));
    add(files, SupportTypes.zohoJson(zohoJson));
    return files;
  }

  /**
   * Generates into {@code dir}: files whose content is unchanged are not touched, files of this generator that are
   * no longer generated are deleted.
   *
   * @param dir the generated-sources root
   * @return the files written or deleted, relative to {@code dir}; empty when nothing changed
   * @throws UncheckedIOException when a file cannot be written
   */
  public List<String> writeTo(Path dir) {
    Map<String, String> files = generate();
    List<String> changed = new ArrayList<>();
    try {
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path file = dir.resolve(e.getKey());
        byte[] bytes = e.getValue().getBytes(StandardCharsets.UTF_8);
        if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
          continue;
        }
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
        changed.add(e.getKey());
      }
      Path packageDir = dir.resolve(config.packageName().replace('.', '/'));
      if (Files.isDirectory(packageDir)) {
        try (var list = Files.list(packageDir)) {
          for (Path p : (Iterable<Path>) list.sorted()::iterator) {
            String relative = dir.relativize(p).toString().replace('\\', '/');
            if (p.toString().endsWith(".java") && !files.containsKey(relative)
                && Files.readString(p).contains("@Generated(\n    value = \"" + GENERATOR + "\"")) {
              Files.delete(p);
              changed.add(relative);
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the generated sources to " + dir + ": " + e.getMessage(), e);
    }
    return changed;
  }

  private static void add(Map<String, String> files, JavaFile file) {
    String path = file.packageName().replace('.', '/') + "/" + file.typeSpec().name() + ".java";
    files.put(path, file.toString());
  }

  private List<ModuleSchema> selected() {
    if (config.modules().isEmpty()) {
      return snapshot.modules();
    }
    Set<String> names = new LinkedHashSet<>();
    List<String> queue = new ArrayList<>(config.modules());
    while (!queue.isEmpty()) {
      String name = queue.remove(0);
      if (!names.add(name)) {
        continue;
      }
      ModuleSchema m = snapshot.module(name).orElseThrow(() -> new SchemaException("Module " + name
          + " is not in the snapshot (it has " + String.join(", ", snapshot.modules().stream()
          .map(ModuleSchema::apiName).toList()) + "). Add it with mvn zoho:schema -Dzoho.modules=" + name));
      for (FieldSchema f : m.fields()) {
        if ("subform".equals(f.dataType()) && f.associatedModule() != null
            && snapshot.module(f.associatedModule()).isPresent()) {
          queue.add(f.associatedModule());
        }
        if (f.linkingModule() != null && snapshot.module(f.linkingModule()).isPresent()) {
          queue.add(f.linkingModule());
        }
      }
    }
    List<ModuleSchema> modules = new ArrayList<>();
    for (ModuleSchema m : snapshot.modules()) {
      if (names.contains(m.apiName())) {
        modules.add(m);
      }
    }
    return modules;
  }

  private String className(ModuleSchema m) {
    String override = config.overrides().className(m.apiName());
    if (override != null) {
      return override;
    }
    if (m.isSubform()) {
      return Names.upperCamel(m.apiName()) + "Row";
    }
    String label = m.singularLabel();
    String name = label == null ? "" : Names.upperCamel(label.replaceAll("[^A-Za-z0-9]+", "_"));
    if (name.isEmpty() || !javax.lang.model.SourceVersion.isIdentifier(name) || name.startsWith("N")
        && label != null && !label.startsWith("N")) {
      name = Names.upperCamel(m.apiName());
    }
    return name;
  }

  // ---- the record ----

  /** A component: the field, its Java name and type, how the write builder converts it. */
  private record Component(FieldSchema field, String name, TypeName type, String kind, ClassName picklist) {}

  private List<Component> components(ModuleSchema m, ClassName record, TypeSpec.Builder nested) {
    Map<String, List<FieldSchema>> byName = new TreeMap<>();
    Map<FieldSchema, String> names = new LinkedHashMap<>();
    List<FieldSchema> fields = withId(m);
    for (FieldSchema f : fields) {
      Overrides.FieldOverride o = config.overrides().field(m.apiName(), f.apiName());
      String base = o != null && o.name() != null ? o.name() : Names.lowerCamel(f.apiName());
      String name = Names.component(base);
      if (!name.equals(base)) {
        warnings.accept(m.apiName() + "." + f.apiName() + ": " + base + " is a Java keyword or a name the record "
            + "uses; generated as " + name + "()");
      }
      names.put(f, name);
      byName.computeIfAbsent(name, k -> new ArrayList<>()).add(f);
    }
    for (Map.Entry<String, List<FieldSchema>> e : byName.entrySet()) {
      List<FieldSchema> clash = e.getValue();
      for (int i = 1; i < clash.size(); i++) {
        String unique = e.getKey() + "_" + (i + 1);
        names.put(clash.get(i), unique);
        warnings.accept(m.apiName() + ": fields " + clash.get(0).apiName() + " and " + clash.get(i).apiName()
            + " both become " + e.getKey() + "(); " + clash.get(i).apiName() + " is generated as " + unique
            + "() (name one of them in the overrides file: \"fields\": {\"" + m.apiName() + "."
            + clash.get(i).apiName() + "\": {\"name\": \"...\"}})");
      }
    }
    List<Component> components = new ArrayList<>();
    Set<String> nestedNames = new HashSet<>(Set.of("Fields", "Write", record.simpleName()));
    for (FieldSchema f : fields) {
      components.add(component(m, f, names.get(f), record, nested, nestedNames));
    }
    return components;
  }

  /**
   * The module's fields, with {@code id} added when the snapshot does not list it: Zoho sends every record's (and
   * every subform row's) id, but its fields metadata need not name it (a custom module's does not), and a record
   * without its id cannot be updated or deleted.
   */
  private static List<FieldSchema> withId(ModuleSchema m) {
    if (m.fields().stream().anyMatch(f -> f.apiName().equals("id"))) {
      return m.fields();
    }
    ObjectNode id = JsonNodeFactory.instance.objectNode().put("api_name", "id").put("data_type", "bigint")
        .put("json_type", "string").put("field_read_only", true);
    List<FieldSchema> fields = new ArrayList<>(m.fields());
    fields.add(FieldSchema.parse(id, m.apiName() + " (id, added)"));
    return fields;
  }

  private Component component(ModuleSchema m, FieldSchema f, String name, ClassName record, TypeSpec.Builder nested,
      Set<String> nestedNames) {
    Overrides.FieldOverride o = config.overrides().field(m.apiName(), f.apiName());
    String where = m.apiName() + "." + f.apiName();
    String type = f.dataType();
    if (o != null && o.javaType() != null) {
      return simple(f, name, o.javaType());
    }
    if (("formula".equals(type) || "rollup_summary".equals(type))) {
      String returned = f.returnType() == null ? "" : f.returnType();
      String kind = switch (returned) {
        case "double", "currency", "decimal", "percent" -> "decimal";
        case "integer" -> "integer";
        case "long" -> "long";
        case "boolean" -> "boolean";
        case "date" -> "date";
        case "datetime" -> "datetime";
        case "text", "string" -> "string";
        default -> null;
      };
      if (kind == null) {
        warnings.accept(where + ": " + type + " with return type " + returned + " is not known; generated as "
            + "JsonNode");
        kind = "json";
      }
      return simple(f, name, kind);
    }
    if (f.apiName().equals("id")) {
      return simple(f, name, "string");
    }
    String kind;
    if (STRING_TYPES.contains(type)) {
      kind = "string";
    } else {
      kind = switch (type) {
        case "integer" -> "integer";
        case "long" -> "long";
        case "double", "currency", "percent", "decimal" -> "decimal";
        case "boolean" -> "boolean";
        case "date" -> "date";
        case "datetime" -> "datetime";
        case "picklist" -> "picklist";
        case "multiselectpicklist" -> "multipicklist";
        case "lookup" -> "lookup";
        case "ownerlookup", "userlookup" -> "user";
        case "subform" -> "subform";
        case "multiselectlookup", "multiuserlookup" -> "link";
        default -> null;
      };
    }
    if (kind == null) {
      if (!JSON_TYPES.contains(type)) {
        warnings.accept(where + ": data_type " + type + " is not known to zohokit; generated as JsonNode");
      }
      return simple(f, name, "json");
    }
    String json = f.jsonType();
    boolean scalar = Set.of("string", "integer", "long", "decimal", "boolean", "date", "datetime", "picklist")
        .contains(kind);
    if (json != null && scalar && (json.equals("jsonarray") || json.equals("jsonobject"))) {
      warnings.accept(where + ": data_type " + type + " but json_type " + json + " (Zoho's metadata disagrees with "
          + "itself); generated as JsonNode. Set its java_type in the overrides file to choose");
      return simple(f, name, "json");
    }
    switch (kind) {
      case "picklist":
      case "multipicklist": {
        String typeName = Names.upperCamel(name);
        while (!nestedNames.add(typeName)) {
          typeName = typeName + "Value";
        }
        ClassName picklist = record.nestedClass(typeName);
        nested.addType(SupportTypes.picklist(picklist, f, warnings, where));
        TypeName t = kind.equals("picklist") ? picklist : ParameterizedTypeName.get(LIST, picklist);
        return new Component(f, name, t, kind, picklist);
      }
      case "lookup": {
        ClassName target = f.lookupModule() == null ? null : recordClasses.get(f.lookupModule());
        return new Component(f, name, ParameterizedTypeName.get(lookupRef, target == null ? OBJECT : target),
            kind, null);
      }
      case "user":
        return new Component(f, name, userRef, kind, null);
      case "subform": {
        ClassName row = f.associatedModule() == null ? null : recordClasses.get(f.associatedModule());
        return new Component(f, name, ParameterizedTypeName.get(LIST, row == null ? JSON_NODE : row), kind, null);
      }
      case "link": {
        ClassName link = f.linkingModule() == null ? null : recordClasses.get(f.linkingModule());
        return new Component(f, name, ParameterizedTypeName.get(LIST, link == null ? JSON_NODE : link), kind, null);
      }
      default:
        return simple(f, name, kind);
    }
  }

  private Component simple(FieldSchema f, String name, String kind) {
    TypeName type = switch (kind) {
      case "string" -> STRING;
      case "integer" -> ClassName.get(Integer.class);
      case "long" -> ClassName.get(Long.class);
      case "decimal" -> BIG_DECIMAL;
      case "boolean" -> ClassName.get(Boolean.class);
      case "date" -> LOCAL_DATE;
      case "datetime" -> OFFSET_DATE_TIME;
      case "json" -> JSON_NODE;
      case "string-list" -> ParameterizedTypeName.get(LIST, STRING);
      default -> ClassName.bestGuess(kind);
    };
    return new Component(f, name, type, Overrides.TYPES.contains(kind) ? kind : "custom", null);
  }

  private JavaFile record(ModuleSchema m) {
    ClassName record = recordClasses.get(m.apiName());
    TypeSpec.Builder type = TypeSpec.recordBuilder(record).addModifiers(Modifier.PUBLIC)
        .addAnnotation(generated(m))
        .addAnnotation(AnnotationSpec.builder(JSON_INCLUDE)
            .addMember("value", "$T.Include.NON_NULL", JSON_INCLUDE).build());
    List<Component> components = components(m, record, type);
    CodeBlock.Builder doc = CodeBlock.builder()
        .add("A record of the Zoho CRM module {@code $L}$L, as in the snapshot's {@code $L}.\n", m.apiName(),
            m.pluralLabel() == null ? "" : " (\"" + javadoc(m.pluralLabel()) + "\")", Snapshot.moduleFile(m.apiName()))
        .add("\n<p>Every component is null when Zoho did not send the field. Fields the snapshot does not know are\n")
        .add("kept in {@link #otherFields()} and written back, so reading, changing and writing a record loses\n")
        .add("nothing. To write, use {@link Write} ({@link #create}, {@link #update}, {@link #toWrite()}).\n\n");
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC);
    for (Component c : components) {
      ParameterSpec.Builder p = ParameterSpec.builder(c.type(), c.name())
          .addAnnotation(AnnotationSpec.builder(JSON_PROPERTY).addMember("value", "$S", c.field().apiName()).build());
      if (c.kind().equals("datetime")) {
        p.addAnnotation(AnnotationSpec.builder(JSON_DESERIALIZE)
            .addMember("using", "$T.class", zohoJson.nestedClass("DateTimeReader")).build());
        p.addAnnotation(AnnotationSpec.builder(JSON_SERIALIZE)
            .addMember("using", "$T.class", zohoJson.nestedClass("DateTimeWriter")).build());
      } else if (c.kind().equals("date")) {
        p.addAnnotation(AnnotationSpec.builder(JSON_DESERIALIZE)
            .addMember("using", "$T.class", zohoJson.nestedClass("DateReader")).build());
        p.addAnnotation(AnnotationSpec.builder(JSON_SERIALIZE)
            .addMember("using", "$T.class", zohoJson.nestedClass("DateWriter")).build());
      }
      constructor.addParameter(p.build());
      doc.add("@param $L $L\n", c.name(), describe(c));
    }
    TypeName otherType = ParameterizedTypeName.get(MAP, STRING, OBJECT);
    constructor.addParameter(ParameterSpec.builder(otherType, "otherFields")
        .addAnnotation(JSON_ANY_SETTER).addAnnotation(JSON_ANY_GETTER).build());
    doc.add("@param otherFields the fields of the record the snapshot does not know ({@code $$}-keys too), by API\n"
        + "    name; never null, unmodifiable\n");
    type.recordConstructor(constructor.build());
    type.addMethod(MethodSpec.compactConstructorBuilder().addModifiers(Modifier.PUBLIC)
        .addJavadoc("Keeps an unmodifiable copy of {@code otherFields} (empty for null).\n")
        .addStatement("otherFields = otherFields == null ? $T.of() : $T.unmodifiableMap(new $T<>(otherFields))",
            MAP, java.util.Collections.class, LinkedHashMap.class).build());
    type.addJavadoc(doc.build());

    // field-name constants
    TypeSpec.Builder fields = TypeSpec.classBuilder("Fields").addModifiers(Modifier.PUBLIC, Modifier.STATIC,
        Modifier.FINAL).addJavadoc("The API names of {@code $L}'s fields, for {@code fields=} lists and COQL.\n",
        m.apiName());
    fields.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    List<String> constants = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Component c : components) {
      String constant = Names.constant(c.name());
      while (!used.add(constant)) {
        constant = constant + "_";
      }
      constants.add(constant);
      fields.addField(FieldSpec.builder(STRING, constant, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .initializer("$S", c.field().apiName()).addJavadoc("{@code $L}: $L\n", c.field().apiName(),
              javadoc(label(c.field()))).build());
    }
    type.addType(fields.build());
    CodeBlock.Builder all = CodeBlock.builder().add("$T.of(", LIST);
    CodeBlock.Builder first = CodeBlock.builder().add("$T.of(", LIST);
    for (int i = 0; i < constants.size(); i++) {
      all.add(i == 0 ? "$T.$L" : ", $T.$L", record.nestedClass("Fields"), constants.get(i));
      if (i < MAX_FIELDS) {
        first.add(i == 0 ? "$T.$L" : ", $T.$L", record.nestedClass("Fields"), constants.get(i));
      }
    }
    TypeName stringList = ParameterizedTypeName.get(LIST, STRING);
    type.addField(FieldSpec.builder(stringList, "ALL_FIELDS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer(all.add(")").build()).addJavadoc("Every field of the snapshot, by API name ($L).\n",
            constants.size()).build());
    type.addField(FieldSpec.builder(stringList, "LIST_FIELDS", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .initializer(first.add(")").build()).addJavadoc("The fields list calls ask for when not told: the first $L "
            + "of {@link #ALL_FIELDS} (Zoho returns at most $L per call).\n", Math.min(MAX_FIELDS, constants.size()),
            MAX_FIELDS).build());

    // the write model
    ClassName write = record.nestedClass("Write");
    TypeSpec.Builder writeType = TypeSpec.classBuilder(write).addModifiers(Modifier.PUBLIC, Modifier.STATIC,
        Modifier.FINAL).addJavadoc("The body of an insert, update or upsert of {@code $L}: only the fields a client "
        + "may write, and only\nthose set (a field set to null is sent as JSON null, which clears it).\n",
        m.apiName());
    writeType.addField(FieldSpec.builder(ParameterizedTypeName.get(MAP, STRING, OBJECT), "values", Modifier.PRIVATE,
        Modifier.FINAL).initializer("new $T<>()", LinkedHashMap.class).build());
    writeType.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    MethodSpec.Builder create = MethodSpec.methodBuilder("create").addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(write).addStatement("$T write = new $T()", write, write);
    CodeBlock.Builder createDoc = CodeBlock.builder().add("A new record to insert, with the fields Zoho requires "
        + "on every insert.\n\n");
    MethodSpec.Builder toWrite = MethodSpec.methodBuilder("toWrite").addModifiers(Modifier.PUBLIC).returns(write)
        .addJavadoc("This record as an update: its id, every field a client may write that it carries, and the\n"
            + "fields the snapshot does not know (except {@code $$}-keys), so a read–modify–write loses nothing.\n\n"
            + "@return a new write model\n")
        .addStatement("$T write = new $T()", write, write)
        .addStatement("if (id() != null) write.values.put(\"id\", id())".replace("id()",
            components.stream().anyMatch(c -> c.field().apiName().equals("id")) ? idName(components) + "()"
                : "otherFields.get(\"id\")"));
    for (Component c : components) {
      FieldSchema f = c.field();
      if (!writable(f)) {
        continue;
      }
      TypeName paramType = c.type();
      MethodSpec.Builder setter = MethodSpec.methodBuilder(c.name()).addModifiers(Modifier.PUBLIC).returns(write)
          .addParameter(paramType, "value")
          .addJavadoc("Sets {@code $L}$L.\n\n@param value the value; null clears the field\n@return this body\n",
              f.apiName(), updateOnly(f) ? " (Zoho accepts it on update only)" : "");
      setter.addStatement("values.put($S, $L)", f.apiName(), convert(c, "value"));
      setter.addStatement("return this");
      writeType.addMethod(setter.build());
      toWrite.addStatement("if ($L != null) write.$L($L)", c.name(), c.name(), c.name());
      if (f.systemMandatory() && SchemaDiff.writable(f, true)) {
        create.addParameter(paramType, c.name());
        create.addStatement("write.$L($T.requireNonNull($L, $S))", c.name(), java.util.Objects.class, c.name(),
            c.name());
        createDoc.add("@param $L {@code $L}, required by Zoho on insert; not null\n", c.name(), f.apiName());
      }
    }
    toWrite.addStatement("otherFields.forEach((k, v) -> { if (!k.startsWith(\"$$\") && !k.equals(\"id\")) "
        + "write.values.put(k, v); })");
    toWrite.addStatement("return write");
    writeType.addMethod(MethodSpec.methodBuilder("set").addModifiers(Modifier.PUBLIC).returns(write)
        .addParameter(STRING, "apiName").addParameter(OBJECT, "value")
        .addJavadoc("Sets a field the snapshot does not know (added in the organisation after it was taken).\n\n"
            + "@param apiName the field's API name, not null\n@param value the value as Zoho's JSON has it\n"
            + "@return this body\n")
        .addStatement("values.put($T.requireNonNull(apiName, \"apiName\"), value)", java.util.Objects.class)
        .addStatement("return this").build());
    writeType.addMethod(MethodSpec.methodBuilder("values").addModifiers(Modifier.PUBLIC)
        .addAnnotation(JSON_ANY_GETTER).returns(ParameterizedTypeName.get(MAP, STRING, OBJECT))
        .addJavadoc("The fields set so far, by API name, as they are sent.\n\n@return an unmodifiable view\n")
        .addStatement("return $T.unmodifiableMap(values)", java.util.Collections.class).build());
    writeType.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC).returns(STRING)
        .addStatement("return $S + values", write.simpleName() + "(" + m.apiName() + ")").build());
    type.addType(writeType.build());
    create.addStatement("return write");
    type.addMethod(create.addJavadoc(createDoc.add("@return the body, to complete with its setters\n").build())
        .build());
    type.addMethod(MethodSpec.methodBuilder("update").addModifiers(Modifier.PUBLIC, Modifier.STATIC).returns(write)
        .addParameter(STRING, "id").addJavadoc("An update of the record {@code id}: only the fields set are changed.\n\n"
            + "@param id the record's id, not null\n@return the body, to complete with its setters\n")
        .addStatement("$T write = new $T()", write, write)
        .addStatement("write.values.put(\"id\", $T.requireNonNull(id, \"id\"))", java.util.Objects.class)
        .addStatement("return write").build());
    type.addMethod(toWrite.build());
    return JavaFile.builder(config.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  private static String idName(List<Component> components) {
    return components.stream().filter(c -> c.field().apiName().equals("id")).findFirst().orElseThrow().name();
  }

  /** Whether a client may write the field at all (on create or update). */
  static boolean writable(FieldSchema f) {
    String type = f.dataType();
    if (f.apiName().equals("id") || f.apiName().startsWith("$") || f.virtual() || "formula".equals(type)
        || "rollup_summary".equals(type) || "autonumber".equals(type)) {
      return false;
    }
    return SchemaDiff.writable(f, true) || SchemaDiff.writable(f, false);
  }

  private static boolean updateOnly(FieldSchema f) {
    return !SchemaDiff.writable(f, true) && SchemaDiff.writable(f, false);
  }

  private CodeBlock convert(Component c, String value) {
    return switch (c.kind()) {
      case "date" -> CodeBlock.of("$L == null ? null : $L.toString()", value, value);
      case "datetime" -> CodeBlock.of("$L == null ? null : $T.format($L)", value, zohoJson, value);
      case "picklist" -> CodeBlock.of("$L == null ? null : $L.value()", value, value);
      case "multipicklist" -> CodeBlock.of("$L == null ? null : $L.stream().map($T::value).toList()", value, value,
          c.picklist());
      case "lookup", "user" -> CodeBlock.of("$L == null ? null : $L.forWrite()", value, value);
      default -> CodeBlock.of("$L", value);
    };
  }

  private static String label(FieldSchema f) {
    return f.label() == null ? f.apiName() : "\"" + f.label() + "\"";
  }

  private static String describe(Component c) {
    FieldSchema f = c.field();
    StringBuilder s = new StringBuilder().append("{@code ").append(f.apiName()).append("}, ")
        .append(javadoc(label(f))).append(" (").append(f.dataType());
    if (f.lookupModule() != null) {
      s.append(" of ").append(f.lookupModule());
    }
    s.append(")");
    if (f.systemMandatory()) {
      s.append("; required on insert");
    }
    if (!writable(f)) {
      s.append("; read-only");
    }
    return s.toString();
  }

  static String javadoc(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("@", "&#64;")
        .replace("*/", "*&#47;").replace("$", "$$");
  }

  private AnnotationSpec generated(ModuleSchema m) {
    return AnnotationSpec.builder(GENERATED).addMember("value", "$S", GENERATOR)
        .addMember("comments", "$S", "from the zohokit snapshot file " + Snapshot.moduleFile(m.apiName())).build();
  }

  // ---- the API ----

  private JavaFile api(ModuleSchema m) {
    ClassName record = recordClasses.get(m.apiName());
    ClassName write = record.nestedClass("Write");
    String name = Names.upperCamel(Names.stripSystemSuffix(m.apiName())) + "Api";
    String scope = "ZohoCRM.modules." + moduleScope(m) + ".";
    String path = "/crm/v8/" + m.apiName();
    TypeName page = ParameterizedTypeName.get(RECORD_PAGE, record);
    TypeName fields = ParameterizedTypeName.get(ClassName.get(java.util.Collection.class), STRING);
    TypeName results = ParameterizedTypeName.get(LIST, ACTION_RESULT);
    TypeName body = ParameterizedTypeName.get(RECORDS, write);
    TypeSpec.Builder api = TypeSpec.interfaceBuilder(name).addModifiers(Modifier.PUBLIC)
        .addAnnotation(generated(m))
        .addJavadoc("The records API of {@code $L} with {@link $T} records; zohokit's annotation processor generates "
            + "its\nimplementation ({@code Zoho$L}).\n", m.apiName(), record, name);
    api.addMethod(abstractMethod("list", page, "Get", path, scope + "READ",
        "One page of records.", "the page; empty when there are none")
        .addParameter(param(fields, "fields", "Query", "fields", "the fields to return, 1 to 50 API names"))
        .addParameter(param(ClassName.get(Integer.class), "page", "Query", "page", "the page number from 1, or null"))
        .addParameter(param(ClassName.get(Integer.class), "perPage", "Query", "per_page", "1 to 200, or null"))
        .addParameter(param(STRING, "pageToken", "Query", "page_token", "the previous page's next page token, or "
            + "null"))
        .addParameter(param(STRING, "sortBy", "Query", "sort_by", "id, Created_Time or Modified_Time, or null"))
        .addParameter(param(STRING, "sortOrder", "Query", "sort_order", "asc or desc, or null")).build());
    api.addMethod(MethodSpec.methodBuilder("list").addModifiers(Modifier.PUBLIC, Modifier.DEFAULT).returns(page)
        .addJavadoc("The first page (up to 200 records) with {@link $T#LIST_FIELDS}.\n\n@return the page\n", record)
        .addStatement("return list($T.LIST_FIELDS, null, null, null, null, null)", record).build());
    api.addMethod(abstractMethod("stream", ParameterizedTypeName.get(ClassName.get(java.util.stream.Stream.class),
        record), "Get", path, scope + "READ", "Every record, page by page as the stream is consumed.",
        "the records")
        .addParameter(param(fields, "fields", "Query", "fields", "the fields to return, 1 to 50 API names"))
        .addParameter(param(ClassName.get(Integer.class), "perPage", "Query", "per_page", "1 to 200, or null"))
        .build());
    api.addMethod(abstractMethod("get", ParameterizedTypeName.get(ClassName.get(java.util.Optional.class), record),
        "Get", path + "/{id}", scope + "READ", "One record.", "the record, or empty when it does not exist")
        .addParameter(param(STRING, "id", "Path", "id", "the record's id"))
        .addParameter(param(fields, "fields", "Query", "fields", "the fields to return; null for every field"))
        .build());
    api.addMethod(abstractMethod("insert", results, "Post", path, scope + "CREATE",
        "Inserts up to 100 records.", "one result per record, in order")
        .addParameter(param(body, "records", "Body", null, "the records ({@link $T#create})", record)).build());
    api.addMethod(abstractMethod("update", results, "Put", path, scope + "UPDATE",
        "Updates up to 100 records, each with its id.", "one result per record, in order")
        .addParameter(param(body, "records", "Body", null, "the records ({@link $T#update}, {@link $T#toWrite})",
            record, record)).build());
    MethodSpec.Builder upsert = abstractMethod("upsert", results, "Post", path + "/upsert", null,
        "Inserts or updates up to 100 records, matched on the duplicate-check fields.",
        "one result per record, in order");
    upsert.addAnnotation(AnnotationSpec.builder(ClassName.get(ANNOTATION, "ZohoScope"))
        .addMember("value", "{$S, $S}", scope + "CREATE", scope + "UPDATE").build());
    api.addMethod(upsert.addParameter(param(body, "records", "Body", null, "the records")).build());
    api.addMethod(abstractMethod("delete", results, "Delete", path, scope + "DELETE", "Deletes up to 100 records.",
        "one result per id, in order")
        .addParameter(param(fields, "ids", "Query", "ids", "up to 100 record ids"))
        .addParameter(param(ClassName.get(Boolean.class), "workflowTrigger", "Query", "wf_trigger",
            "whether Zoho runs workflow rules, or null for its default")).build());
    api.addMethod(abstractMethod("deleted", ParameterizedTypeName.get(RECORD_PAGE, CRM_RECORD), "Get",
        path + "/deleted", scope + "READ", "Deleted records (recycle bin and permanently deleted).",
        "one page of deleted records")
        .addParameter(param(STRING, "type", "Query", "type", "all, recycle or permanent; null for all"))
        .addParameter(param(ClassName.get(Integer.class), "page", "Query", "page", "the page number from 1, or null"))
        .addParameter(param(ClassName.get(Integer.class), "perPage", "Query", "per_page", "1 to 200, or null"))
        .build());
    api.addMethod(abstractMethod("search", page, "Get", path + "/search", scope + "READ",
        "Records matching {@code criteria}, such as {@code (Last_Name:equals:Sam)}.", "the matching records")
        .addParameter(param(STRING, "criteria", "Query", "criteria", "the criteria"))
        .addParameter(param(fields, "fields", "Query", "fields", "the fields to return; null for every field"))
        .addParameter(param(ClassName.get(Integer.class), "page", "Query", "page", "the page number from 1, or null"))
        .addParameter(param(ClassName.get(Integer.class), "perPage", "Query", "per_page", "1 to 200, or null"))
        .build());
    return JavaFile.builder(config.packageName(), api.build()).skipJavaLangImports(true).indent("  ").build();
  }

  private static MethodSpec.Builder abstractMethod(String name, TypeName returns, String http, String path,
      String scope, String doc, String returnsDoc) {
    MethodSpec.Builder m = MethodSpec.methodBuilder(name).addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .returns(returns)
        .addAnnotation(AnnotationSpec.builder(ClassName.get(ANNOTATION, http)).addMember("value", "$S", path).build());
    if (scope != null) {
      m.addAnnotation(AnnotationSpec.builder(ClassName.get(ANNOTATION, "ZohoScope")).addMember("value", "$S", scope)
          .build());
    }
    return m.addJavadoc(doc + "\n\n@return " + returnsDoc + "\n");
  }

  private static ParameterSpec param(TypeName type, String name, String annotation, String value, String doc,
      Object... args) {
    AnnotationSpec.Builder a = AnnotationSpec.builder(ClassName.get(ANNOTATION, annotation));
    if (value != null) {
      a.addMember("value", "$S", value);
    }
    return ParameterSpec.builder(type, name).addAnnotation(a.build()).addJavadoc(doc + "\n", args).build();
  }

  /**
   * The module's name in scopes: {@code leads}, {@code pricebooks}; {@code custom} for custom modules and for linking
   * modules (Zoho's "Linking Module APIs" page, v8: scope {@code ZohoCRM.modules.custom.{operation_type}}).
   */
  static String moduleScope(ModuleSchema m) {
    if ("custom".equals(m.generatedType()) || "linking".equals(m.generatedType()) || m.apiName().endsWith("__c")) {
      return "custom";
    }
    String known = MODULE_SCOPES.get(m.apiName());
    if (known != null) {
      return known;
    }
    return Names.stripSystemSuffix(m.apiName()).replace("_", "").toLowerCase(Locale.ROOT);
  }
}

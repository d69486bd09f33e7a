package io.github.zohokit.schema;

import static io.github.zohokit.schema.SourceWriter.literal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;
import javax.lang.model.SourceVersion;

/**
 * Generates Java sources from a {@link Snapshot}, offline: per module a record ({@code Lead}) with its field-name
 * constants ({@code Lead.Fields}), picklist value types, a write builder ({@code Lead.Write}), and a typed API
 * interface ({@code LeadsApi}) that zohokit's annotation processor implements. Also three support types per package:
 * {@code LookupRef}, {@code UserRef} and {@code ZohoJson}. The output depends only on the snapshot and the
 * configuration: no timestamps, so the same input gives the same bytes.
 */
public final class RecordGenerator {
  static final String GENERATOR = "io.github.zohokit.schema.RecordGenerator";
  private static final String JACKSON = "com.fasterxml.jackson.annotation";
  private static final JavaType JSON_ANY_SETTER = JavaType.top(JACKSON, "JsonAnySetter");
  private static final JavaType JSON_ANY_GETTER = JavaType.top(JACKSON, "JsonAnyGetter");
  private static final JavaType JSON_DESERIALIZE =
      JavaType.top("com.fasterxml.jackson.databind.annotation", "JsonDeserialize");
  private static final JavaType JSON_SERIALIZE =
      JavaType.top("com.fasterxml.jackson.databind.annotation", "JsonSerialize");
  private static final JavaType JSON_NODE = JavaType.top("com.fasterxml.jackson.databind", "JsonNode");
  private static final JavaType STRING = JavaType.STRING;
  private static final JavaType OBJECT = JavaType.OBJECT;
  private static final JavaType LIST = JavaType.LIST;
  private static final JavaType MAP = JavaType.MAP;
  private static final JavaType INTEGER = JavaType.top("java.lang", "Integer");
  private static final JavaType OBJECTS = JavaType.top("java.util", "Objects");
  private static final JavaType COLLECTIONS = JavaType.top("java.util", "Collections");
  private static final JavaType BIG_DECIMAL = JavaType.top("java.math", "BigDecimal");
  private static final JavaType LOCAL_DATE = JavaType.top("java.time", "LocalDate");
  private static final JavaType OFFSET_DATE_TIME = JavaType.top("java.time", "OffsetDateTime");
  private static final String ANNOTATION = "io.github.zohokit.annotation";
  private static final JavaType RECORD_PAGE = JavaType.top("io.github.zohokit.crm", "RecordPage");
  private static final JavaType RECORDS = JavaType.top("io.github.zohokit.crm", "Records");
  private static final JavaType ACTION_RESULT = JavaType.top("io.github.zohokit.crm", "ActionResult");
  private static final JavaType CRM_RECORD = JavaType.top("io.github.zohokit.crm", "CrmRecord");
  private static final Set<String> JSON_TYPES = Set.of("fileupload", "imageupload", "multi_module_lookup", "layout",
      "territories", "consent_lookup", "event_reminder", "ALARM", "RRULE", "multireminder", "linetax", "time_range",
      "module", "jsonobject", "jsonarray", "profileimage_json");
  private static final Set<String> STRING_TYPES = Set.of("text", "textarea", "email", "phone", "website",
      "mediumtext", "autonumber", "profileimage", "bigint", "string");
  private static final Map<String, String> MODULE_SCOPES = Map.ofEntries(Map.entry("Price_Books", "pricebooks"),
      Map.entry("Sales_Orders", "salesorders"), Map.entry("Purchase_Orders", "purchaseorders"),
      Map.entry("Appointments_Rescheduled_History__s", "appointments_rescheduled_history"));
  /** The most components a record holds: its canonical constructor takes 254 parameters at most, otherFields too. */
  static final int MAX_COMPONENTS = 253;
  private static final Set<String> SCALAR_KINDS = Set.of("string", "integer", "long", "decimal", "boolean", "date",
      "datetime", "picklist");
  /** The most fields Zoho returns per records call ({@code fields} parameter). */
  static final int MAX_FIELDS = 50;

  private final Snapshot snapshot;
  private final GeneratorConfig config;
  private final Consumer<String> warnings;
  private final Map<String, JavaType> recordClasses;
  private final Set<String> packageTypes;
  private final Map<String, String> apiNames;
  private final JavaType lookupRef;
  private final JavaType userRef;
  private final JavaType zohoJson;

  /**
   * The first segments of the packages whose names the generated code writes (java, com.fasterxml, io.github.zohokit,
   * the target package): no component may take one, see {@link Names#component}.
   */
  private final Set<String> obscurable;

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
    this.recordClasses = new LinkedHashMap<>();
    this.packageTypes = new HashSet<>();
    this.apiNames = new LinkedHashMap<>();
    this.lookupRef = JavaType.top(config.packageName(), "LookupRef");
    this.userRef = JavaType.top(config.packageName(), "UserRef");
    this.zohoJson = JavaType.top(config.packageName(), "ZohoJson");
    this.obscurable = new HashSet<>(Set.of("java", "javax", "com", "io"));
    this.obscurable.add(config.packageName().split("\\.")[0]);
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
      recordClasses.put(m.apiName(), JavaType.top(config.packageName(), name));
    }
    apiNames.clear();
    for (ModuleSchema m : modules) {
      if (config.apis() && !m.isSubform()) {
        String base = Names.upperCamel(Names.stripSystemSuffix(m.apiName()));
        String name = base + "Api";
        if (taken.contains(name)) { // Appointments and Appointments__s, or a record class of that name
          String kind = m.apiName().endsWith("__s") ? "System" : m.apiName().endsWith("__c") ? "Custom" : "Module";
          String unique = base + kind + "Api";
          for (int n = 2; taken.contains(unique); n++) {
            unique = base + kind + n + "Api";
          }
          warnings.accept("Module " + m.apiName() + ": interface name " + name + " is taken; generated as " + unique);
          name = unique;
        }
        taken.add(name);
        apiNames.put(m.apiName(), name);
      }
    }
    packageTypes.clear();
    packageTypes.addAll(taken);
    Map<String, String> files = new TreeMap<>();
    // modules in parallel (a large org's sources are megabytes); files and warnings kept in module order
    for (ModuleSources sources : (modules.size() > 1 ? modules.parallelStream() : modules.stream())
        .map(this::sources).toList()) {
      files.putAll(sources.files());
      sources.warnings().forEach(warnings);
    }
    add(files, lookupRef, SupportTypes.lookupRef(lookupRef, packageTypes));
    add(files, userRef, SupportTypes.userRef(userRef, packageTypes));
    add(files, zohoJson, SupportTypes.zohoJson(zohoJson, packageTypes));
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
        if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
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
                && Files.readString(p).contains("value = \"" + GENERATOR + "\"")) { // @Generated, qualified or not
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

  /** One module's files, by path, and the warnings generating them gave. */
  private record ModuleSources(Map<String, String> files, List<String> warnings) {}

  private ModuleSources sources(ModuleSchema m) {
    List<String> moduleWarnings = new ArrayList<>();
    RecordGenerator generator = new RecordGenerator(this, moduleWarnings::add);
    Map<String, String> files = new LinkedHashMap<>();
    add(files, recordClasses.get(m.apiName()), generator.record(m));
    if (config.apis() && !m.isSubform()) {
      add(files, JavaType.top(config.packageName(), apiName(m)), generator.api(m));
    }
    return new ModuleSources(files, moduleWarnings);
  }

  /** A generator for one module of {@code parent}'s generation, with its own warnings. */
  private RecordGenerator(RecordGenerator parent, Consumer<String> warnings) {
    this.snapshot = parent.snapshot;
    this.config = parent.config;
    this.warnings = warnings;
    this.recordClasses = parent.recordClasses;
    this.packageTypes = parent.packageTypes;
    this.apiNames = parent.apiNames;
    this.lookupRef = parent.lookupRef;
    this.userRef = parent.userRef;
    this.zohoJson = parent.zohoJson;
    this.obscurable = parent.obscurable;
  }

  private static void add(Map<String, String> files, JavaType type, String source) {
    files.put(type.packageName().replace('.', '/') + "/" + type.simpleName() + ".java", source);
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
    String name = label == null ? "" : Names.upperCamel(Names.underscored(label));
    boolean latin = label != null && label.chars().anyMatch(c -> c < 128 && Character.isLetter(c));
    if (!latin || name.isEmpty() || !SourceVersion.isIdentifier(name) || name.startsWith("N")
        && !label.startsWith("N")) {
      name = Names.upperCamel(m.apiName());
    }
    return name;
  }

  // ---- the record ----

  /** A component: the field, its Java name and type, how the write builder converts it. */
  private record Component(FieldSchema field, String name, JavaType type, String kind, JavaType picklist) {}

  private List<Component> components(ModuleSchema m, JavaType record, List<SupportTypes.Picklist> picklists) {
    Map<String, List<FieldSchema>> byName = new TreeMap<>();
    Map<FieldSchema, String> names = new IdentityHashMap<>(); // a field is its JSON: hashing it costs
    List<FieldSchema> fields = withId(m);
    for (FieldSchema f : fields) {
      Overrides.FieldOverride o = config.overrides().field(m.apiName(), f.apiName());
      String base = o != null && o.name() != null ? o.name() : Names.lowerCamel(f.apiName());
      String name = Names.component(base, obscurable);
      if (!name.equals(base)) {
        warnings.accept(m.apiName() + "." + f.apiName() + ": " + base + (obscurable.contains(base)
            ? " would hide the package " + base + " from the generated code's qualified names"
            : " is a Java keyword or a name the record uses") + "; generated as " + name + "()");
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
      components.add(component(m, f, names.get(f), record, picklists, nestedNames));
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

  private Component component(ModuleSchema m, FieldSchema f, String name, JavaType record,
      List<SupportTypes.Picklist> picklists, Set<String> nestedNames) {
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
    boolean scalar = SCALAR_KINDS.contains(kind);
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
        JavaType picklist = record.nested(typeName);
        picklists.add(new SupportTypes.Picklist(typeName, f, optionConstants(f, where)));
        JavaType t = kind.equals("picklist") ? picklist : LIST.of(picklist);
        return new Component(f, name, t, kind, picklist);
      }
      case "lookup": {
        JavaType target = f.lookupModule() == null ? null : recordClasses.get(f.lookupModule());
        return new Component(f, name, lookupRef.of(target == null ? OBJECT : target), kind, null);
      }
      case "user":
        return new Component(f, name, userRef, kind, null);
      case "subform": {
        JavaType row = f.associatedModule() == null ? null : recordClasses.get(f.associatedModule());
        return new Component(f, name, LIST.of(row == null ? JSON_NODE : row), kind, null);
      }
      case "link": {
        JavaType link = f.linkingModule() == null ? null : recordClasses.get(f.linkingModule());
        return new Component(f, name, LIST.of(link == null ? JSON_NODE : link), kind, null);
      }
      default:
        return simple(f, name, kind);
    }
  }

  private Component simple(FieldSchema f, String name, String kind) {
    JavaType type = switch (kind) {
      case "string" -> STRING;
      case "integer" -> INTEGER;
      case "long" -> JavaType.top("java.lang", "Long");
      case "decimal" -> BIG_DECIMAL;
      case "boolean" -> JavaType.top("java.lang", "Boolean");
      case "date" -> LOCAL_DATE;
      case "datetime" -> OFFSET_DATE_TIME;
      case "json" -> JSON_NODE;
      case "string-list" -> LIST.of(STRING);
      default -> JavaType.parse(kind);
    };
    return new Component(f, name, type, Overrides.TYPES.contains(kind) ? kind : "custom", null);
  }

  /** A constant name per picklist option, in Zoho's order; renames are reported. */
  private List<String> optionConstants(FieldSchema field, String where) {
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
    }
    return constants;
  }

  private String record(ModuleSchema m) {
    JavaType record = recordClasses.get(m.apiName());
    List<SupportTypes.Picklist> picklists = new ArrayList<>();
    List<Component> components = components(m, record, picklists);
    List<Component> inRecord = inRecord(m, components);
    Set<Component> recordSet = Collections.newSetFromMap(new IdentityHashMap<>());
    recordSet.addAll(inRecord);
    Set<String> nested = new HashSet<>(Set.of("Fields", "Write"));
    picklists.forEach(p -> nested.add(p.simpleName()));
    SourceWriter w = new SourceWriter(record.packageName(), record.simpleName(), nested, packageTypes);
    String name = record.simpleName();
    String string = w.name(STRING);
    String list = w.name(LIST);
    String objects = w.name(OBJECTS);
    String stringObjectMap = w.name(MAP.of(STRING, OBJECT));

    StringBuilder doc = new StringBuilder("A record of the Zoho CRM module {@code ").append(m.apiName()).append('}')
        .append(m.pluralLabel() == null ? "" : " (\"" + javadoc(m.pluralLabel()) + "\")")
        .append(", as in the snapshot's {@code ").append(Snapshot.moduleFile(m.apiName())).append("}.\n")
        .append("\n<p>Every component is null when Zoho did not send the field. Fields the snapshot does not know are\n")
        .append("kept in {@link #otherFields()} and written back, so reading, changing and writing a record loses\n")
        .append("nothing. To write, use {@link Write} ({@link #create}, {@link #update}, {@link #toWrite()}).\n\n");
    for (Component c : inRecord) {
      doc.append("@param ").append(c.name()).append(' ').append(describe(c)).append('\n');
    }
    doc.append("@param otherFields the fields of the record the snapshot does not know ({@code $}-keys too), by API\n"
        + "    name; never null, unmodifiable");
    w.javadoc(doc.toString());
    SupportTypes.generated(w, "from the zohokit snapshot file " + Snapshot.moduleFile(m.apiName()));
    w.line(SupportTypes.nonNull(w));
    w.line("public record " + name + "(");
    String property = "@" + w.name(SupportTypes.JSON_PROPERTY) + "(";
    String zohoJsonName = w.name(zohoJson);
    for (Component c : inRecord) {
      StringBuilder p = new StringBuilder("    ").append(property).append(literal(c.field().apiName())).append(") ");
      if (c.kind().equals("datetime") || c.kind().equals("date")) {
        String which = c.kind().equals("datetime") ? "DateTime" : "Date";
        p.append('@').append(w.name(JSON_DESERIALIZE)).append("(using = ").append(zohoJsonName).append('.')
            .append(which).append("Reader.class) @").append(w.name(JSON_SERIALIZE)).append("(using = ")
            .append(zohoJsonName).append('.').append(which).append("Writer.class) ");
      }
      w.line(p.append(w.name(c.type())).append(' ').append(c.name()).append(',').toString());
    }
    w.open("    @" + w.name(JSON_ANY_SETTER) + " @" + w.name(JSON_ANY_GETTER) + " " + stringObjectMap
        + " otherFields) {");

    // the field lists
    List<String> constants = new ArrayList<>();
    Set<String> used = new HashSet<>();
    for (Component c : components) {
      String constant = Names.constant(c.name());
      while (!used.add(constant)) {
        constant = constant + "_";
      }
      constants.add(constant);
    }
    List<String> qualified = constants.stream().map(c -> "Fields." + c).toList();
    String stringList = w.name(LIST.of(STRING));
    w.javadoc("Every field of the snapshot, by API name (" + constants.size() + ").");
    w.wrapped("public static final " + stringList + " ALL_FIELDS = " + list + ".of(", qualified, ");");
    w.line("");
    w.javadoc("The fields list calls ask for when not told: the first " + Math.min(MAX_FIELDS, constants.size())
        + " of {@link #ALL_FIELDS} (Zoho returns at most\n" + MAX_FIELDS + " per call).");
    w.wrapped("public static final " + stringList + " LIST_FIELDS = " + list + ".of(",
        qualified.subList(0, Math.min(MAX_FIELDS, qualified.size())), ");");
    w.line("");
    w.javadoc("Keeps an unmodifiable copy of {@code otherFields} (empty for null).");
    w.open("public " + name + " {");
    w.line("otherFields = otherFields == null ? " + w.name(MAP) + ".of() : " + w.name(COLLECTIONS)
        + ".unmodifiableMap(new " + w.name(JavaType.top("java.util", "LinkedHashMap")) + "<>(otherFields));");
    w.close("}");

    // create, update, toWrite
    StringBuilder createDoc = new StringBuilder("A new record to insert, with the fields Zoho requires on every "
        + "insert.\n\n");
    List<String> createParameters = new ArrayList<>();
    List<String> createBody = new ArrayList<>();
    List<String> toWriteBody = new ArrayList<>();
    for (Component c : components) {
      FieldSchema f = c.field();
      if (!writable(f)) {
        continue;
      }
      if (recordSet.contains(c)) {
        toWriteBody.add("if (" + c.name() + " != null) write." + c.name() + "(" + c.name() + ");");
      }
      if (f.systemMandatory() && SchemaDiff.writable(f, true)) {
        createParameters.add(w.name(c.type()) + " " + c.name());
        createBody.add("write." + c.name() + "(" + objects + ".requireNonNull(" + c.name() + ", "
            + literal(c.name()) + "));");
        createDoc.append("@param ").append(c.name()).append(' ').append(code(f.apiName()))
            .append(", required by Zoho on insert; not null\n");
      }
    }
    w.line("");
    w.javadoc(createDoc.append("@return the body, to complete with its setters").toString());
    w.openWrapped("public static Write create(", createParameters, ") {");
    w.line("Write write = new Write();");
    createBody.forEach(w::line);
    w.line("return write;");
    w.close("}");
    w.line("");
    w.javadoc("An update of the record {@code id}: only the fields set are changed.\n\n"
        + "@param id the record's id, not null\n@return the body, to complete with its setters");
    w.open("public static Write update(" + string + " id) {");
    w.line("Write write = new Write();");
    w.line("write.values.put(\"id\", " + objects + ".requireNonNull(id, \"id\"));");
    w.line("return write;");
    w.close("}");
    w.line("");
    w.javadoc("This record as an update: its id, every field a client may write that it carries, and the\n"
        + "fields the snapshot does not know (except {@code $}-keys), so a read-modify-write loses nothing.\n\n"
        + "@return a new write model");
    w.open("public Write toWrite() {");
    w.line("Write write = new Write();");
    String id = components.stream().anyMatch(c -> c.field().apiName().equals("id")) ? idName(components) + "()"
        : "otherFields.get(\"id\")";
    w.line("if (" + id + " != null) write.values.put(\"id\", " + id + ");");
    toWriteBody.forEach(w::line);
    w.line("otherFields.forEach((k, v) -> { if (!k.startsWith(\"$\") && !k.equals(\"id\")) "
        + "write.values.put(k, v); });");
    w.line("return write;");
    w.close("}");

    for (SupportTypes.Picklist p : picklists) {
      SupportTypes.picklist(w, p);
    }

    // field-name constants
    w.line("");
    w.javadoc("The API names of {@code " + m.apiName() + "}'s fields, for {@code fields=} lists and COQL.");
    w.open("public static final class Fields {");
    for (int i = 0; i < components.size(); i++) {
      FieldSchema f = components.get(i).field();
      w.javadoc(code(f.apiName()) + ": " + javadoc(label(f)));
      w.line("public static final " + string + " " + constants.get(i) + " = " + literal(f.apiName()) + ";");
      w.line("");
    }
    w.line("private Fields() {");
    w.line("}");
    w.close("}");

    // the write model
    w.line("");
    w.javadoc("The body of an insert, update or upsert of {@code " + m.apiName() + "}: only the fields a client "
        + "may write, and only\nthose set (a field set to null is sent as JSON null, which clears it).");
    w.open("public static final class Write {");
    w.line("private final " + stringObjectMap + " values = new "
        + w.name(JavaType.top("java.util", "LinkedHashMap")) + "<>();");
    w.line("");
    w.line("private Write() {");
    w.line("}");
    for (Component c : components) {
      FieldSchema f = c.field();
      if (!writable(f)) {
        continue;
      }
      w.line("");
      w.javadoc("Sets " + code(f.apiName()) + (updateOnly(f) ? " (Zoho accepts it on update only)" : "")
          + ".\n\n@param value the value; null clears the field\n@return this body");
      w.open("public Write " + c.name() + "(" + w.name(c.type()) + " value) {");
      w.line("values.put(" + literal(f.apiName()) + ", " + convert(w, c, "value") + ");");
      w.line("return this;");
      w.close("}");
    }
    w.line("");
    w.javadoc("Sets a field the snapshot does not know (added in the organisation after it was taken).\n\n"
        + "@param apiName the field's API name, not null\n@param value the value as Zoho's JSON has it\n"
        + "@return this body");
    w.open("public Write set(" + string + " apiName, " + w.name(OBJECT) + " value) {");
    w.line("values.put(" + objects + ".requireNonNull(apiName, \"apiName\"), value);");
    w.line("return this;");
    w.close("}");
    w.line("");
    w.javadoc("The fields set so far, by API name, as they are sent.\n\n@return an unmodifiable view");
    w.line("@" + w.name(JSON_ANY_GETTER));
    w.open("public " + stringObjectMap + " values() {");
    w.line("return " + w.name(COLLECTIONS) + ".unmodifiableMap(values);");
    w.close("}");
    w.line("");
    w.line("@" + w.name(JavaType.top("java.lang", "Override")));
    w.open("public " + string + " toString() {");
    w.line("return " + literal("Write(" + m.apiName() + ")") + " + values;");
    w.close("}");
    w.close("}");
    w.close("}");
    return w.toString();
  }

  /**
   * The components the record holds: all of them, or, past what a Java record can hold, the id and the first fields
   * (the others are read into {@code otherFields()} and written with {@code Write}'s setters, which keep them all).
   */
  private List<Component> inRecord(ModuleSchema m, List<Component> all) {
    if (all.size() <= MAX_COMPONENTS) {
      return all;
    }
    List<Component> kept = new ArrayList<>();
    List<String> left = new ArrayList<>();
    int room = MAX_COMPONENTS - 1; // the id always stays
    for (Component c : all) {
      if (c.field().apiName().equals("id")) {
        kept.add(c);
      } else if (room > 0) {
        kept.add(c);
        room--;
      } else {
        left.add(c.field().apiName());
      }
    }
    warnings.accept(m.apiName() + ": " + all.size() + " fields, more than the " + MAX_COMPONENTS + " a Java record "
        + "can hold (its constructor takes at most 254 parameters); " + left.size() + " of them (" + String.join(", ",
        left) + ") are not components: read them with otherFields().get(Fields.NAME), write them with Write's "
        + "setters");
    return kept;
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

  private String convert(SourceWriter w, Component c, String value) {
    String nullOr = value + " == null ? null : ";
    return switch (c.kind()) {
      case "date" -> nullOr + value + ".toString()";
      case "datetime" -> nullOr + w.name(zohoJson) + ".format(" + value + ")";
      case "picklist" -> nullOr + value + ".value()";
      case "multipicklist" -> nullOr + value + ".stream().map(" + w.name(c.picklist()) + "::value).toList()";
      case "lookup", "user" -> nullOr + value + ".forWrite()";
      default -> value;
    };
  }

  private static String label(FieldSchema f) {
    return f.label() == null ? f.apiName() : "\"" + f.label() + "\"";
  }

  private static String describe(Component c) {
    FieldSchema f = c.field();
    StringBuilder s = new StringBuilder().append(code(f.apiName())).append(", ")
        .append(javadoc(label(f))).append(" (").append(javadoc(f.dataType()));
    if (f.lookupModule() != null) {
      s.append(" of ").append(javadoc(f.lookupModule()));
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

  /**
   * Text from the org (labels, names, picklist values) for a Javadoc comment, as ASCII: HTML, at-signs, braces (inline
   * tags), backslashes (javac reads {@code \\u} as a Unicode escape even in comments), the comment's end and every
   * character outside ASCII written as HTML entities, so the comment means the text whatever the source encoding.
   */
  static String javadoc(String text) {
    StringBuilder s = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '@' -> s.append("&#64;");
        case '{' -> s.append("&#123;");
        case '}' -> s.append("&#125;");
        case '\\' -> s.append("&#92;");
        case '/' -> s.append(s.length() > 0 && s.charAt(s.length() - 1) == '*' ? "&#47;" : "/");
        default -> {
          if (c < 0x20 || c >= 0x7f) {
            s.append("&#").append(c).append(';');
          } else {
            s.append((char) c);
          }
        }
      }
    }
    return s.toString();
  }

  /** Text from the org in code font, for Javadoc: {@code <code>Last_Name</code>}, escaped as {@link #javadoc}. */
  static String code(String text) {
    return "<code>" + javadoc(text) + "</code>";
  }

  // ---- the API ----

  private String apiName(ModuleSchema m) {
    return apiNames.get(m.apiName());
  }

  /** One abstract method of a module's API: its Javadoc, HTTP and scope annotations, and parameters. */
  private static final class ApiMethod {
    private final SourceWriter w;
    private final StringBuilder doc;
    private final List<String> annotations = new ArrayList<>();
    private final List<String> parameters = new ArrayList<>();
    private final String returnsDoc;

    ApiMethod(SourceWriter w, String http, String path, String scope, String doc, String returnsDoc) {
      this.w = w;
      this.doc = new StringBuilder(doc).append("\n\n");
      this.returnsDoc = returnsDoc;
      annotations.add("@" + w.name(JavaType.top(ANNOTATION, http)) + "(" + literal(path) + ")");
      if (scope != null) {
        annotations.add("@" + w.name(JavaType.top(ANNOTATION, "ZohoScope")) + "(" + literal(scope) + ")");
      }
    }

    ApiMethod scopes(String... scopes) {
      List<String> literals = new ArrayList<>();
      for (String scope : scopes) {
        literals.add(literal(scope));
      }
      annotations.add("@" + w.name(JavaType.top(ANNOTATION, "ZohoScope")) + "({" + String.join(", ", literals)
          + "})");
      return this;
    }

    ApiMethod param(JavaType type, String name, String annotation, String value, String paramDoc) {
      parameters.add("@" + w.name(JavaType.top(ANNOTATION, annotation)) + (value == null ? "" : "("
          + literal(value) + ")") + " " + w.name(type) + " " + name);
      doc.append("@param ").append(name).append(' ').append(paramDoc).append('\n');
      return this;
    }

    void write(JavaType returns, String name) {
      w.line("");
      w.javadoc(doc.append("@return ").append(returnsDoc).toString());
      annotations.forEach(w::line);
      w.wrapped(w.name(returns) + " " + name + "(", parameters, ");");
    }
  }

  private String api(ModuleSchema m) {
    JavaType record = recordClasses.get(m.apiName());
    String name = apiName(m);
    SourceWriter w = new SourceWriter(config.packageName(), name, Set.of(), packageTypes);
    String scope = "ZohoCRM.modules." + moduleScope(m) + ".";
    String path = "/crm/v8/" + m.apiName();
    String recordName = w.name(record);
    JavaType page = RECORD_PAGE.of(record);
    JavaType fields = JavaType.top("java.util", "Collection").of(STRING);
    JavaType results = LIST.of(ACTION_RESULT);
    JavaType body = RECORDS.of(record.nested("Write"));
    JavaType bool = JavaType.top("java.lang", "Boolean");
    w.javadoc("The records API of {@code " + m.apiName() + "} with {@link " + recordName + "} records; zohokit's "
        + "annotation processor generates its\nimplementation ({@code Zoho" + name + "}).");
    SupportTypes.generated(w, "from the zohokit snapshot file " + Snapshot.moduleFile(m.apiName()));
    w.open("public interface " + name + " {");
    new ApiMethod(w, "Get", path, scope + "READ", "One page of records.", "the page; empty when there are none")
        .param(fields, "fields", "Query", "fields", "the fields to return, 1 to 50 API names")
        .param(INTEGER, "page", "Query", "page", "the page number from 1, or null")
        .param(INTEGER, "perPage", "Query", "per_page", "1 to 200, or null")
        .param(STRING, "pageToken", "Query", "page_token", "the previous page's next page token, or null")
        .param(STRING, "sortBy", "Query", "sort_by", "id, Created_Time or Modified_Time, or null")
        .param(STRING, "sortOrder", "Query", "sort_order", "asc or desc, or null")
        .write(page, "list");
    w.line("");
    w.javadoc("The first page (up to 200 records) with {@link " + recordName + "#LIST_FIELDS}.\n\n@return the page");
    w.open("default " + w.name(page) + " list() {");
    w.line("return list(" + recordName + ".LIST_FIELDS, null, null, null, null, null);");
    w.close("}");
    new ApiMethod(w, "Get", path, scope + "READ", "Every record, page by page as the stream is consumed.",
        "the records")
        .param(fields, "fields", "Query", "fields", "the fields to return, 1 to 50 API names")
        .param(INTEGER, "perPage", "Query", "per_page", "1 to 200, or null")
        .write(JavaType.top("java.util.stream", "Stream").of(record), "stream");
    new ApiMethod(w, "Get", path + "/{id}", scope + "READ", "One record.", "the record, or empty when it does not "
        + "exist")
        .param(STRING, "id", "Path", "id", "the record's id")
        .param(fields, "fields", "Query", "fields", "the fields to return; null for every field")
        .write(JavaType.top("java.util", "Optional").of(record), "get");
    new ApiMethod(w, "Post", path, scope + "CREATE", "Inserts up to 100 records.", "one result per record, in order")
        .param(body, "records", "Body", null, "the records ({@link " + recordName + "#create})")
        .write(results, "insert");
    new ApiMethod(w, "Put", path, scope + "UPDATE", "Updates up to 100 records, each with its id.",
        "one result per record, in order")
        .param(body, "records", "Body", null, "the records ({@link " + recordName + "#update}, {@link "
            + recordName + "#toWrite})")
        .write(results, "update");
    new ApiMethod(w, "Post", path + "/upsert", null, "Inserts or updates up to 100 records, matched on the "
        + "duplicate-check fields.", "one result per record, in order")
        .scopes(scope + "CREATE", scope + "UPDATE")
        .param(body, "records", "Body", null, "the records")
        .write(results, "upsert");
    new ApiMethod(w, "Delete", path, scope + "DELETE", "Deletes up to 100 records.", "one result per id, in order")
        .param(fields, "ids", "Query", "ids", "up to 100 record ids")
        .param(bool, "workflowTrigger", "Query", "wf_trigger", "whether Zoho runs workflow rules, or null for its "
            + "default")
        .write(results, "delete");
    new ApiMethod(w, "Get", path + "/deleted", scope + "READ", "Deleted records (recycle bin and permanently "
        + "deleted).", "one page of deleted records")
        .param(STRING, "type", "Query", "type", "all, recycle or permanent; null for all")
        .param(INTEGER, "page", "Query", "page", "the page number from 1, or null")
        .param(INTEGER, "perPage", "Query", "per_page", "1 to 200, or null")
        .write(RECORD_PAGE.of(CRM_RECORD), "deleted");
    new ApiMethod(w, "Get", path + "/search", scope + "READ", "Records matching {@code criteria}, such as "
        + "{@code (Last_Name:equals:Sam)}.", "the matching records")
        .param(STRING, "criteria", "Query", "criteria", "the criteria")
        .param(fields, "fields", "Query", "fields", "the fields to return; null for every field")
        .param(INTEGER, "page", "Query", "page", "the page number from 1, or null")
        .param(INTEGER, "perPage", "Query", "per_page", "1 to 200, or null")
        .write(page, "search");
    w.close("}");
    return w.toString();
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

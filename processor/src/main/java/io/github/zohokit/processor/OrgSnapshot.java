package io.github.zohokit.processor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The organisation's committed schema snapshot as the processor's checks need it: per module, whether Zoho supports
 * it in the API, and its fields' API names, data types and lookup targets. Read from the files {@code zoho:schema}
 * writes ({@code org.json} and {@code modules/<api_name>.json}, Zoho's own keys; see the zoho-schema module), with
 * the JDK alone: the processor does not depend on zoho-schema.
 *
 * <p>Names are matched ignoring case (Zoho's API names are unique ignoring case); a message names the snapshot's
 * spelling.
 */
final class OrgSnapshot {
  /** One field: its API name, Zoho's {@code data_type}, and for a lookup the module it points to. */
  record Field(String apiName, String dataType, String lookupModule, String returnType) {
    /** The type a literal is compared with: a formula's or rollup's return type, else the data type. */
    String valueType() {
      return returnType != null && ("formula".equals(dataType) || "rollup_summary".equals(dataType))
          ? returnType : dataType;
    }
  }

  /** One module of the snapshot. */
  record Module(String apiName, boolean apiSupported, Map<String, Field> fields) {
    Field field(String name) {
      return fields.get(name.toLowerCase(Locale.ROOT));
    }

    List<String> fieldNames() {
      List<String> names = new ArrayList<>();
      fields.values().forEach(f -> names.add(f.apiName()));
      return names;
    }
  }

  /** A snapshot that cannot be read: the file and what is wrong. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;

    Unreadable(String message) {
      super(message, null, false, false);
    }
  }

  private final String shown;
  private final String fetched;
  private final Map<String, Module> modules;

  private OrgSnapshot(String shown, String fetched, Map<String, Module> modules) {
    this.shown = shown;
    this.fetched = fetched;
    this.modules = modules;
  }

  /**
   * Reads the snapshot in {@code directory}.
   *
   * @param shown how messages name the directory, such as {@code src/main/zoho/schema}
   */
  static OrgSnapshot read(Path directory, String shown) throws Unreadable {
    Path orgFile = directory.resolve("org.json");
    Map<String, Object> org = object(parse(orgFile), orgFile, "the file");
    String fetchedAt = org.get("fetched_at") instanceof String s ? s : null;
    String fetched = fetchedAt == null ? "fetch time unknown"
        : "fetched " + (fetchedAt.length() >= 10 ? fetchedAt.substring(0, 10) : fetchedAt);
    if (!(org.get("modules") instanceof List<?> names)) {
      throw new Unreadable(orgFile + ": modules: expected a list of module API names. Fix the file or fetch it "
          + "again with mvn zoho:schema");
    }
    Map<String, Module> modules = new LinkedHashMap<>();
    for (Object name : names) {
      if (!(name instanceof String moduleName)) {
        throw new Unreadable(orgFile + ": modules: expected module API names, found " + name);
      }
      Path file = directory.resolve("modules").resolve(moduleName + ".json");
      Module module = module(file, object(parse(file), file, "the file"));
      modules.put(module.apiName().toLowerCase(Locale.ROOT), module);
    }
    return new OrgSnapshot(shown, fetched, modules);
  }

  private static Module module(Path file, Map<String, Object> json) throws Unreadable {
    String apiName = text(json, "api_name", file, "api_name");
    boolean supported = !Boolean.FALSE.equals(json.get("api_supported"));
    Map<String, Field> fields = new LinkedHashMap<>();
    Object list = json.get("fields");
    if (!(list instanceof List<?> items)) {
      throw new Unreadable(file + ": fields: expected a list. Fix the file or fetch it again with mvn zoho:schema");
    }
    int i = 0;
    for (Object item : items) {
      String where = "fields[" + i++ + "]";
      Map<String, Object> field = object(item, file, where);
      String name = text(field, "api_name", file, where + ".api_name");
      String lookup = null;
      if (field.get("lookup") instanceof Map<?, ?> l && l.get("module") instanceof Map<?, ?> m
          && m.get("api_name") instanceof String target) {
        lookup = target;
      }
      String returnType = null;
      for (String key : List.of("formula", "rollup_summary")) {
        if (field.get(key) instanceof Map<?, ?> f && f.get("return_type") instanceof String r) {
          returnType = r;
        }
      }
      String dataType = field.get("data_type") instanceof String t ? t : "";
      fields.put(name.toLowerCase(Locale.ROOT), new Field(name, dataType, lookup, returnType));
    }
    return new Module(apiName, supported, fields);
  }

  private static Object parse(Path file) throws Unreadable {
    try {
      return SnapshotJson.parse(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new Unreadable(file + ": cannot be read (" + e.getMessage() + "). Fetch the snapshot with "
          + "mvn zoho:schema");
    } catch (SnapshotJson.Malformed e) {
      throw new Unreadable(file + ": " + e.getMessage() + ". Fix the file or fetch it again with mvn zoho:schema");
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value, Path file, String where) throws Unreadable {
    if (!(value instanceof Map<?, ?>)) {
      throw new Unreadable(file + ": " + where + ": expected a JSON object. Fix the file or fetch it again with "
          + "mvn zoho:schema");
    }
    return (Map<String, Object>) value;
  }

  private static String text(Map<String, Object> json, String key, Path file, String where) throws Unreadable {
    if (!(json.get(key) instanceof String s) || s.isEmpty()) {
      throw new Unreadable(file + ": " + where + ": expected a text value. Fix the file or fetch it again with "
          + "mvn zoho:schema");
    }
    return s;
  }

  /** The module named {@code apiName}, or null. */
  Module module(String apiName) {
    return modules.get(apiName.toLowerCase(Locale.ROOT));
  }

  /** "snapshot src/main/zoho/schema (fetched 2026-12-01)". */
  String where() {
    return "snapshot " + shown + " (" + fetched + ")";
  }

  /** The message for a name that is not a field of {@code module}. */
  String notAField(String name, Module module) {
    return "`" + name + "` is not a field of " + module.apiName() + " in " + where()
        + sentence(didYouMean(name, module.fieldNames())) + " If the org changed, run `mvn zoho:schema`";
  }

  /** The message for a module the snapshot does not hold, or does not support in the API. */
  String notAModule(String name) {
    Module module = module(name);
    if (module != null) {
      return "`" + module.apiName() + "` is not supported in Zoho's API (api_supported is false in " + where()
          + "); query another module, or if the org changed, run `mvn zoho:schema`";
    }
    List<String> names = new ArrayList<>();
    modules.values().forEach(m -> names.add(m.apiName()));
    return "`" + name + "` is not a module in " + where() + ", which holds " + String.join(", ", names)
        + sentence(didYouMean(name, names)) + " If the org changed or the module is not in the snapshot yet, run "
        + "`mvn zoho:schema` (with -Dzoho.modules=... naming it)";
  }

  /** The supported module named {@code apiName}, or null. */
  Module supportedModule(String apiName) {
    Module m = module(apiName);
    return m != null && m.apiSupported() ? m : null;
  }

  /** Ends a sentence: the suggestion (which ends with a question mark), or a full stop. */
  static String sentence(String suggestion) {
    return suggestion.isEmpty() ? "." : suggestion;
  }

  /** "; did you mean `X`?" for the closest of {@code candidates}, or "" when none is close. */
  static String didYouMean(String name, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String lower = name.toLowerCase(Locale.ROOT);
    for (String candidate : candidates) {
      int d = distance(lower, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return best != null && bestDistance <= Math.max(2, name.length() / 3) ? "; did you mean `" + best + "`?" : "";
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}

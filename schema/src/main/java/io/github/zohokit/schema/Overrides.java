package io.github.zohokit.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What a user corrects in the generated code when Zoho's metadata is wrong or a name does not suit: a JSON file
 *
 * <pre>{@code
 * {
 *   "modules": { "Projects__c": { "class_name": "Engagement" } },
 *   "fields": { "Leads.Tag": { "java_type": "json", "name": "tags" } }
 * }
 * }</pre>
 *
 * <p>{@code java_type} is one of {@code string}, {@code integer}, {@code long}, {@code decimal}, {@code boolean},
 * {@code date}, {@code datetime}, {@code json} (a Jackson {@code JsonNode}), {@code string-list}, or a fully
 * qualified class name that Jackson reads and writes; {@code name} is the record component's name.
 */
public final class Overrides {
  /** The java_type values that are not class names. */
  public static final Set<String> TYPES = Set.of("string", "integer", "long", "decimal", "boolean", "date",
      "datetime", "json", "string-list");
  private static final Overrides NONE = new Overrides(Map.of(), Map.of());

  private final Map<String, String> classNames;
  private final Map<String, FieldOverride> fields;

  /**
   * One field's corrections.
   *
   * @param javaType the Java type to use (see {@link Overrides}), or null to keep the mapped one
   * @param name the component name to use, or null to keep the derived one
   */
  public record FieldOverride(String javaType, String name) {}

  private Overrides(Map<String, String> classNames, Map<String, FieldOverride> fields) {
    this.classNames = classNames;
    this.fields = fields;
  }

  /**
   * No corrections.
   *
   * @return the empty overrides
   */
  public static Overrides none() {
    return NONE;
  }

  /**
   * The class name a module's record gets instead of the derived one.
   *
   * @param module the module's API name
   * @return the name, or null
   */
  public String className(String module) {
    return classNames.get(module);
  }

  /**
   * A field's corrections.
   *
   * @param module the module's API name
   * @param field the field's API name
   * @return the corrections, or null
   */
  public FieldOverride field(String module, String field) {
    return fields.get(module + "." + field);
  }

  /**
   * Reads an overrides file; a missing file is no corrections.
   *
   * @param file the file
   * @return the overrides
   * @throws SchemaException when the file is not JSON or a key is unknown or of the wrong type; the message names
   *     the file and the key
   */
  public static Overrides read(Path file) {
    if (file == null || !Files.exists(file)) {
      return NONE;
    }
    String where = file.toString();
    JsonNode json;
    try {
      json = CanonicalJson.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new SchemaException(where + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SchemaException(where + ": cannot be read: " + e.getMessage(), e);
    }
    if (!json.isObject()) {
      throw Json.wrong(where, "an object", json);
    }
    Json.onlyKeys(json, where, Set.of("modules", "fields"));
    Map<String, String> classNames = new TreeMap<>();
    JsonNode modules = Json.object(json, "modules", where);
    if (modules != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = modules.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String at = where + ".modules." + e.getKey();
        if (!e.getValue().isObject()) {
          throw Json.wrong(at, "an object", e.getValue());
        }
        Json.onlyKeys(e.getValue(), at, Set.of("class_name"));
        String name = Json.text(e.getValue(), "class_name", at, true);
        if (!javax.lang.model.SourceVersion.isName(name) || name.contains(".")
            || Set.of("var", "yield", "record", "sealed", "permits", "non-sealed").contains(name)) {
          throw new SchemaException(at + ".class_name: " + name + " is not a Java class name (a letter, then letters, "
              + "digits or _; not a keyword nor var, yield, record, sealed or permits)");
        }
        classNames.put(e.getKey(), name);
      }
    }
    Map<String, FieldOverride> fields = new TreeMap<>();
    JsonNode fieldsJson = Json.object(json, "fields", where);
    if (fieldsJson != null) {
      for (Iterator<Map.Entry<String, JsonNode>> it = fieldsJson.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String at = where + ".fields." + e.getKey();
        if (!e.getKey().contains(".")) {
          throw new SchemaException(at + ": the key must be Module.Field (API names), such as Leads.Tag");
        }
        if (!e.getValue().isObject()) {
          throw Json.wrong(at, "an object", e.getValue());
        }
        Json.onlyKeys(e.getValue(), at, Set.of("java_type", "name"));
        String type = Json.text(e.getValue(), "java_type", at, false);
        if (type != null && !TYPES.contains(type) && !javax.lang.model.SourceVersion.isName(type)) {
          throw new SchemaException(at + ".java_type: " + type + " is neither one of " + new java.util.TreeSet<>(TYPES)
              + " nor a fully qualified class name");
        }
        String name = Json.text(e.getValue(), "name", at, false);
        if (name != null && (!javax.lang.model.SourceVersion.isIdentifier(name)
            || javax.lang.model.SourceVersion.isKeyword(name))) {
          throw new SchemaException(at + ".name: " + name + " is not a Java identifier");
        }
        fields.put(e.getKey(), new FieldOverride(type, name));
      }
    }
    return new Overrides(classNames, fields);
  }
}

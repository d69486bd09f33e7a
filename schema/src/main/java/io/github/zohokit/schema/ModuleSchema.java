package io.github.zohokit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One module of a snapshot ({@code modules/<api_name>.json}): its normalised JSON and a typed view.
 *
 * @param json the module's normalised JSON with its {@code fields}, as in the snapshot file
 * @param apiName the module's API name ({@code Leads}, {@code Projects__c}...)
 * @param id the module's id, or null
 * @param singularLabel the label of one record ({@code Lead}), or null
 * @param pluralLabel the label of the module, or null
 * @param generatedType {@code default}, {@code custom}, {@code linking}, {@code subform} or {@code web}, or null
 * @param apiSupported whether the API can reach the module
 * @param fields the fields, sorted by API name
 */
public record ModuleSchema(
    ObjectNode json,
    String apiName,
    String id,
    String singularLabel,
    String pluralLabel,
    String generatedType,
    boolean apiSupported,
    List<FieldSchema> fields) {

  private static final Set<String> KEYS = Set.of("api_name", "id", "module_name", "singular_label", "plural_label",
      "generated_type", "api_supported", "status", "fields");

  /**
   * Keeps an immutable copy of the fields.
   *
   * @param json the normalised JSON
   * @param apiName the API name
   * @param id the id, or null
   * @param singularLabel the singular label, or null
   * @param pluralLabel the plural label, or null
   * @param generatedType how the module was created, or null
   * @param apiSupported whether the API can reach it
   * @param fields the fields
   */
  public ModuleSchema {
    fields = List.copyOf(fields);
  }

  /**
   * The field with this API name.
   *
   * @param apiName the exact API name
   * @return the field, or empty
   */
  public Optional<FieldSchema> field(String apiName) {
    return fields.stream().filter(f -> f.apiName().equals(apiName)).findFirst();
  }

  /**
   * Whether this module is a subform's rows (its records live inside another module's records).
   *
   * @return true for {@code generated_type} {@code subform}
   */
  public boolean isSubform() {
    return "subform".equals(generatedType);
  }

  /**
   * Reads a module of a snapshot strictly.
   *
   * @param json the module file's JSON
   * @param where the file, for messages
   * @return the module
   * @throws SchemaException when a key is unknown, missing or of the wrong type, or two fields share an API name
   */
  static ModuleSchema parse(JsonNode json, String where) {
    if (!json.isObject()) {
      throw Json.wrong(where, "an object", json);
    }
    Json.onlyKeys(json, where, KEYS);
    String apiName = Json.text(json, "api_name", where, true);
    Json.text(json, "module_name", where, false);
    Json.text(json, "status", where, false);
    JsonNode array = Json.array(json, "fields", where);
    if (array == null) {
      throw new SchemaException(where + ".fields: missing (an array of the module's fields is required)");
    }
    List<FieldSchema> fields = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    int i = 0;
    for (JsonNode f : array) {
      FieldSchema field = FieldSchema.parse(f, where + ": fields[" + i++ + "]");
      if (!seen.add(field.apiName())) {
        throw new SchemaException(where + ": fields: two fields named " + field.apiName());
      }
      fields.add(field);
    }
    Boolean supported = Json.optionalBool(json, "api_supported", where);
    return new ModuleSchema((ObjectNode) json, apiName, Json.text(json, "id", where, false),
        Json.text(json, "singular_label", where, false), Json.text(json, "plural_label", where, false),
        Json.text(json, "generated_type", where, false), supported == null || supported, fields);
  }

  /**
   * A module from Zoho's answers, normalised.
   *
   * @param zohoModule the module's entry of {@code GET /crm/v8/settings/modules} (or a stand-in with its
   *     {@code api_name} for a subform module the list does not show)
   * @param zohoFields the answer of {@code GET /crm/v8/settings/fields?module=}
   * @return the module as the snapshot keeps it
   */
  public static ModuleSchema fromZoho(JsonNode zohoModule, JsonNode zohoFields) {
    ObjectNode json = Normalizer.module(zohoModule);
    json.set("fields", Normalizer.fields(zohoFields));
    String name = json.path("api_name").asText("?");
    return parse(CanonicalJson.sorted(json), "module " + name);
  }
}

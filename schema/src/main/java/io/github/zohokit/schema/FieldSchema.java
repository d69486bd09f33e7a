package io.github.zohokit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * One field of a module in a snapshot: the normalised JSON and a typed view of what the generator and the drift
 * check use.
 *
 * @param json the field's normalised JSON, as in the snapshot file
 * @param apiName the field's API name ({@code Last_Name}), exact and case-sensitive
 * @param id the field's id, or null (ids tell a rename from a removal)
 * @param label the label users see, or null
 * @param dataType Zoho's data type ({@code text}, {@code picklist}, {@code lookup}, ...)
 * @param jsonType how the value is written in JSON ({@code string}, {@code double}, {@code jsonobject}, ...), or null
 * @param length the longest value accepted, or null
 * @param systemMandatory whether Zoho requires the field on every insert
 * @param fieldReadOnly whether the field is read-only for everyone
 * @param apiCreate whether the API may set it on create ({@code operation_type.api_create}), or null when unknown
 * @param apiUpdate whether the API may set it on update ({@code operation_type.api_update}), or null when unknown
 * @param custom whether the organisation added the field
 * @param virtual whether the field is virtual (computed, never written)
 * @param lookupModule the API name of the module a lookup points to, or null
 * @param associatedModule the subform (or file-upload) module of the field, or null
 * @param linkingModule the linking module of a multi-select lookup, or null
 * @param returnType the return type of a formula or rollup summary, or null
 * @param picklist the options of a picklist or multi-select picklist, in Zoho's order; empty for other fields
 */
public record FieldSchema(
    ObjectNode json,
    String apiName,
    String id,
    String label,
    String dataType,
    String jsonType,
    Integer length,
    boolean systemMandatory,
    boolean fieldReadOnly,
    Boolean apiCreate,
    Boolean apiUpdate,
    boolean custom,
    boolean virtual,
    String lookupModule,
    String associatedModule,
    String linkingModule,
    String returnType,
    List<PicklistOption> picklist) {

  private static final Set<String> KEYS = Set.of("id", "api_name", "field_label", "data_type", "json_type",
      "length", "decimal_place", "system_mandatory", "field_read_only", "custom_field", "virtual_field",
      "operation_type", "lookup", "associated_module", "multi_module_lookup", "multiselectlookup", "multiuserlookup",
      "formula", "rollup_summary", "currency", "textarea", "auto_number", "unique", "crypt", "external",
      "history_tracking", "pick_list_values");

  /**
   * Keeps an immutable copy of the options.
   *
   * @param json the field's normalised JSON
   * @param apiName the API name
   * @param id the id, or null
   * @param label the label, or null
   * @param dataType the data type
   * @param jsonType the JSON type, or null
   * @param length the length, or null
   * @param systemMandatory whether required on insert
   * @param fieldReadOnly whether read-only
   * @param apiCreate whether settable on create, or null
   * @param apiUpdate whether settable on update, or null
   * @param custom whether custom
   * @param virtual whether virtual
   * @param lookupModule the lookup target, or null
   * @param associatedModule the subform module, or null
   * @param linkingModule the linking module, or null
   * @param returnType the formula or rollup return type, or null
   * @param picklist the options
   */
  public FieldSchema {
    picklist = List.copyOf(picklist);
  }

  /**
   * Reads a field of a snapshot strictly.
   *
   * @param json the field's JSON
   * @param where the file and key path, for messages
   * @return the field
   * @throws SchemaException when a key is unknown, missing or of the wrong type
   */
  static FieldSchema parse(JsonNode json, String where) {
    if (!json.isObject()) {
      throw Json.wrong(where, "an object", json);
    }
    String apiName = Json.text(json, "api_name", where, true);
    String at = where + " (" + apiName + ")";
    Json.onlyKeys(json, at, KEYS);
    JsonNode operation = Json.object(json, "operation_type", at);
    Boolean apiCreate = operation == null ? null : Json.optionalBool(operation, "api_create", at + ".operation_type");
    Boolean apiUpdate = operation == null ? null : Json.optionalBool(operation, "api_update", at + ".operation_type");
    JsonNode lookup = Json.object(json, "lookup", at);
    String lookupModule = null;
    if (lookup != null) {
      JsonNode module = Json.object(lookup, "module", at + ".lookup");
      lookupModule = module == null ? null : Json.text(module, "api_name", at + ".lookup.module", true);
    }
    JsonNode associated = Json.object(json, "associated_module", at);
    String associatedModule = associated == null ? null
        : Json.text(associated, "module", at + ".associated_module", true);
    String linkingModule = null;
    for (String key : new String[] {"multiselectlookup", "multiuserlookup"}) {
      JsonNode m = Json.object(json, key, at);
      JsonNode linking = m == null ? null : Json.object(m, "linking_module", at + "." + key);
      if (linking != null) {
        linkingModule = Json.text(linking, "api_name", at + "." + key + ".linking_module", true);
      }
    }
    String returnType = null;
    for (String key : new String[] {"formula", "rollup_summary"}) {
      JsonNode f = Json.object(json, key, at);
      if (f != null) {
        returnType = Json.text(f, "return_type", at + "." + key, false);
      }
    }
    List<PicklistOption> options = new ArrayList<>();
    JsonNode values = Json.array(json, "pick_list_values", at);
    if (values != null) {
      int i = 0;
      for (JsonNode v : values) {
        String vw = at + ".pick_list_values[" + i++ + "]";
        if (!v.isObject()) {
          throw Json.wrong(vw, "an object", v);
        }
        Json.onlyKeys(v, vw, Set.of("display_value", "actual_value", "type", "id"));
        options.add(new PicklistOption(Json.text(v, "display_value", vw, true), Json.text(v, "actual_value", vw, false),
            Json.text(v, "type", vw, false), Json.text(v, "id", vw, false)));
      }
    }
    Json.integer(json, "decimal_place", at);
    Json.bool(json, "history_tracking", at);
    return new FieldSchema((ObjectNode) json, apiName, Json.text(json, "id", at, false),
        Json.text(json, "field_label", at, false), Json.text(json, "data_type", at, true),
        Json.text(json, "json_type", at, false), Json.integer(json, "length", at),
        Json.bool(json, "system_mandatory", at), Json.bool(json, "field_read_only", at), apiCreate, apiUpdate,
        Json.bool(json, "custom_field", at), Json.bool(json, "virtual_field", at), lookupModule, associatedModule,
        linkingModule, returnType, options);
  }
}

package io.github.zohokit.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns Zoho's answers of {@code GET /crm/v8/settings/modules} and {@code GET /crm/v8/settings/fields?module=} into
 * the snapshot's form: only the organisation-level facts the generator and the drift check use, in Zoho's own key
 * names and nesting (so the testkit can serve a snapshot as Zoho's answer), keys sorted, fields sorted by
 * {@code api_name}. Applying it to its own output changes nothing.
 *
 * <p>What is kept is a list (everything else is dropped). Kept for a module: {@code api_name}, {@code id},
 * {@code module_name}, {@code singular_label}, {@code plural_label}, {@code generated_type}, {@code api_supported},
 * {@code status}. Kept for a field: {@code id}, {@code api_name}, {@code field_label}, {@code data_type},
 * {@code json_type}, {@code length}, {@code decimal_place}, {@code system_mandatory}, {@code field_read_only},
 * {@code custom_field}, {@code virtual_field}, {@code operation_type.api_create/api_update/api_read},
 * {@code lookup.module.{api_name,id}}, {@code associated_module.{module,id}}, {@code multi_module_lookup.modules},
 * {@code multiselectlookup}/{@code multiuserlookup} (both of Zoho's shapes, as the flat one),
 * {@code formula.return_type}, {@code rollup_summary.return_type}, {@code currency.{precision,rounding_option}},
 * {@code textarea.type}, {@code auto_number.{prefix,suffix}}, {@code unique} (its {@code casesensitive}, or {@code true}), {@code crypt.mode},
 * {@code external.type}, {@code history_tracking} (as {@code true} when on), and {@code pick_list_values} as
 * {@code display_value}/{@code actual_value}/{@code type}/{@code id} in Zoho's sequence order.
 *
 * <p>Dropped because they depend on the user who fetched (metadata is read as one user, through that user's
 * profile): {@code read_only}, {@code visible}, {@code creatable}, {@code editable}, {@code deletable},
 * {@code viewable}, {@code visibility}, {@code profiles}, {@code permissions}, {@code allowed_permissions_to_update}.
 * Dropped because they change without any change to the data's shape: {@code sequence_number},
 * {@code quick_sequence_number}, {@code created_time}, {@code modified_time}, {@code modified_by},
 * {@code created_by}, {@code colour_code}, {@code layout_associations}, {@code tooltip}, {@code display_type},
 * {@code ui_type} and the other presentation keys.
 */
final class Normalizer {
  private static final String[] MODULE_KEYS = {"api_name", "id", "module_name", "singular_label", "plural_label",
      "generated_type", "api_supported", "status"};
  private static final String[] FIELD_KEYS = {"id", "api_name", "field_label", "data_type", "json_type", "length",
      "decimal_place", "system_mandatory", "field_read_only", "custom_field", "virtual_field"};

  private Normalizer() {}

  /** A module's kept facts (without its fields). */
  static ObjectNode module(JsonNode zoho) {
    ObjectNode out = CanonicalJson.MAPPER.createObjectNode();
    copyScalars(zoho, out, MODULE_KEYS);
    return out;
  }

  /** The fields of a module's answer ({@code {"fields":[...]}} or the array itself), normalised and sorted. */
  static ArrayNode fields(JsonNode zoho) {
    JsonNode array = zoho.isArray() ? zoho : zoho.path("fields");
    List<ObjectNode> fields = new ArrayList<>();
    for (JsonNode f : array) {
      if (f.isObject()) {
        fields.add(field(f));
      }
    }
    fields.sort(Comparator.comparing((ObjectNode f) -> f.path("api_name").asText()));
    ArrayNode out = CanonicalJson.MAPPER.createArrayNode();
    fields.forEach(out::add);
    return out;
  }

  /** One field's kept facts. */
  static ObjectNode field(JsonNode zoho) {
    ObjectNode out = CanonicalJson.MAPPER.createObjectNode();
    copyScalars(zoho, out, FIELD_KEYS);
    ObjectNode operation = CanonicalJson.MAPPER.createObjectNode();
    copyScalars(zoho.path("operation_type"), operation, "api_create", "api_update", "api_read");
    putIfNotEmpty(out, "operation_type", operation);
    JsonNode lookupModule = zoho.path("lookup").path("module");
    if (lookupModule.isObject() && lookupModule.path("api_name").isTextual()) {
      ObjectNode module = CanonicalJson.MAPPER.createObjectNode();
      copyScalars(lookupModule, module, "api_name", "id");
      out.putObject("lookup").set("module", module);
    }
    ObjectNode associated = CanonicalJson.MAPPER.createObjectNode();
    JsonNode associatedModule = zoho.path("associated_module");
    if (associatedModule.path("module").isTextual()) {
      copyScalars(associatedModule, associated, "module", "id");
    } else if (associatedModule.path("api_name").isTextual()) {
      associated.put("module", associatedModule.path("api_name").asText());
      copyScalars(associatedModule, associated, "id");
    }
    putIfNotEmpty(out, "associated_module", associated);
    JsonNode modules = zoho.path("multi_module_lookup").path("modules");
    if (modules.isArray() && !modules.isEmpty()) {
      List<ObjectNode> list = new ArrayList<>();
      for (JsonNode m : modules) {
        ObjectNode ref = CanonicalJson.MAPPER.createObjectNode();
        copyScalars(m, ref, "api_name", "id");
        list.add(ref);
      }
      list.sort(Comparator.comparing((ObjectNode m) -> m.path("api_name").asText()));
      out.putObject("multi_module_lookup").putArray("modules").addAll(list);
    }
    multiLookup(zoho, out, "multiselectlookup");
    multiLookup(zoho, out, "multiuserlookup");
    returnType(zoho, out, "formula");
    returnType(zoho, out, "rollup_summary");
    ObjectNode currency = CanonicalJson.MAPPER.createObjectNode();
    copyScalars(zoho.path("currency"), currency, "precision", "rounding_option");
    putIfNotEmpty(out, "currency", currency);
    ObjectNode textarea = CanonicalJson.MAPPER.createObjectNode();
    copyScalars(zoho.path("textarea"), textarea, "type");
    putIfNotEmpty(out, "textarea", textarea);
    ObjectNode autoNumber = CanonicalJson.MAPPER.createObjectNode();
    copyScalars(zoho.path("auto_number"), autoNumber, "prefix", "suffix");
    putIfNotEmpty(out, "auto_number", autoNumber);
    JsonNode unique = zoho.get("unique");
    if (unique != null && unique.isObject()) {
      ObjectNode kept = CanonicalJson.MAPPER.createObjectNode();
      copyScalars(unique, kept, "casesensitive");
      if (kept.isEmpty()) {
        out.put("unique", true);
      } else {
        out.set("unique", kept);
      }
    } else if (unique != null && unique.isBoolean() && unique.asBoolean()) {
      out.put("unique", true);
    }
    ObjectNode crypt = CanonicalJson.MAPPER.createObjectNode();
    copyScalars(zoho.path("crypt"), crypt, "mode");
    putIfNotEmpty(out, "crypt", crypt);
    ObjectNode external = CanonicalJson.MAPPER.createObjectNode();
    copyScalars(zoho.path("external"), external, "type");
    putIfNotEmpty(out, "external", external);
    JsonNode history = zoho.get("history_tracking");
    if (history != null && (history.isObject() || (history.isBoolean() && history.asBoolean()))) {
      out.put("history_tracking", true);
    }
    JsonNode values = zoho.get("pick_list_values");
    if (values != null && values.isArray() && !values.isEmpty()) {
      List<JsonNode> ordered = new ArrayList<>();
      values.forEach(ordered::add);
      if (ordered.stream().allMatch(v -> v.path("sequence_number").isNumber())) {
        ordered.sort(Comparator.comparingInt(v -> v.path("sequence_number").asInt()));
      }
      ArrayNode list = out.putArray("pick_list_values");
      for (JsonNode v : ordered) {
        ObjectNode option = CanonicalJson.MAPPER.createObjectNode();
        copyScalars(v, option, "display_value", "actual_value", "type", "id");
        list.add(option);
      }
    }
    return (ObjectNode) CanonicalJson.sorted(out);
  }

  /** Both of Zoho's shapes (the flat one of the OAS, the nested one of the v8 SDK) as the flat one. */
  private static void multiLookup(JsonNode zoho, ObjectNode out, String key) {
    JsonNode m = zoho.get(key);
    if (m == null || !m.isObject() || m.isEmpty()) {
      return;
    }
    ObjectNode flat = CanonicalJson.MAPPER.createObjectNode();
    JsonNode linking = m.has("linking_module") ? m.path("linking_module") : m.path("linking_details").path("module");
    JsonNode connected = m.has("connected_module") ? m.path("connected_module")
        : m.path("connected_details").path("module");
    ObjectNode linkingRef = CanonicalJson.MAPPER.createObjectNode();
    copyScalars(linking, linkingRef, "api_name", "id");
    putIfNotEmpty(flat, "linking_module", linkingRef);
    ObjectNode connectedRef = CanonicalJson.MAPPER.createObjectNode();
    copyScalars(connected, connectedRef, "api_name", "id");
    putIfNotEmpty(flat, "connected_module", connectedRef);
    text(flat, "lookup_apiname", m.path("lookup_apiname"), m.path("linking_details").path("lookup_field")
        .path("api_name"));
    text(flat, "connectedlookup_apiname", m.path("connectedlookup_apiname"), m.path("linking_details")
        .path("connected_lookup_field").path("api_name"));
    putIfNotEmpty(out, key, flat);
  }

  private static void text(ObjectNode out, String key, JsonNode first, JsonNode second) {
    if (first.isTextual()) {
      out.put(key, first.asText());
    } else if (second.isTextual()) {
      out.put(key, second.asText());
    }
  }

  private static void returnType(JsonNode zoho, ObjectNode out, String key) {
    JsonNode type = zoho.path(key).path("return_type");
    if (type.isTextual()) {
      out.putObject(key).put("return_type", type.asText());
    }
  }

  private static void copyScalars(JsonNode from, ObjectNode to, String... keys) {
    for (String key : keys) {
      JsonNode value = from.get(key);
      if (value != null && value.isValueNode() && !value.isNull()) {
        to.set(key, value);
      }
    }
  }

  private static void putIfNotEmpty(ObjectNode out, String key, ObjectNode value) {
    if (!value.isEmpty()) {
      out.set(key, value);
    }
  }
}

package io.github.zohokit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shape of the records a list page gives (each requested field, null when empty, and {@code id}), and a Bulk
 * Read row put into that shape: so that a handler gets the same {@link SyncRecord} whichever of the two read it.
 * Each field's JSON kind comes from a value the list gave in this run ({@link #learn}), else from the module's fields
 * metadata ({@link #describe}: {@code json_type}, else {@code data_type}). An object of a lookup or owner becomes
 * {@code {"id": cell}} (the CSV holds only the id, Zoho's Bulk Read download page), a boolean or a number becomes
 * one, anything else keeps the cell's text: date-times as Zoho wrote them, other objects, and arrays (multi-select
 * picklists and lookups, subforms, files): Zoho does not document how its CSV joins their values, so the cell is
 * handed over unsplit, as text. A field known from neither is text. The cells are read with {@link BulkRow}'s typed
 * getters, so a cell that does not fit is the same clear error as anywhere else.
 */
final class ListShape {
  /** How a field's value is written in a list page's JSON. */
  private enum Kind { LOOKUP, BOOLEAN, NUMBER, ARRAY, TEXT }

  /** The data types whose JSON object is a related record's {@code {"id", "name", ...}}, exported as the id. */
  private static final Set<String> LOOKUPS = Set.of("lookup", "ownerlookup", "userlookup");
  /** The data types the list gives as JSON arrays, when {@code json_type} is missing (zoho-schema-notes). */
  private static final Set<String> ARRAYS = Set.of("multiselectpicklist", "multiselectlookup", "multiuserlookup",
      "subform", "fileupload", "imageupload", "multireminder", "linetax", "time_range", "territories");
  private static final Set<String> NUMBERS = Set.of("integer", "double", "currency", "percent", "decimal", "long");

  private final List<String> fields;
  private final ObjectMapper json;
  private final Map<String, Kind> kinds = new HashMap<>();

  /**
   * A shape for {@code fields}.
   *
   * @param fields the fields asked for, as the list asks for them
   * @param booleans fields the sync knows are booleans without seeing a value ({@code Converted__s}, Zoho's flag
   *     of a converted lead)
   * @param json the connection's mapper, which parsed the list pages
   */
  ListShape(List<String> fields, List<String> booleans, ObjectMapper json) {
    this.fields = List.copyOf(fields);
    this.json = json;
    booleans.forEach(f -> kinds.put(f, Kind.BOOLEAN));
  }

  /** Learns the kinds of the fields {@code item} holds a value for, until every field's kind is known. */
  void learn(JsonNode item) {
    if (kinds.size() >= fields.size()) {
      return;
    }
    for (String field : fields) {
      if (!kinds.containsKey(field)) {
        JsonNode value = item.get(field);
        if (value != null && !value.isNull()) {
          kinds.put(field, value.isObject() ? Kind.LOOKUP : value.isBoolean() ? Kind.BOOLEAN
              : value.isNumber() ? Kind.NUMBER : value.isArray() ? Kind.ARRAY : Kind.TEXT);
        }
      }
    }
  }

  /** Whether every field's kind is known (from the list's values or the metadata). */
  boolean complete() {
    return kinds.keySet().containsAll(fields);
  }

  /**
   * Learns the kinds of the fields no list value typed from Zoho's fields metadata: the answer of
   * {@code GET /crm/v8/settings/fields?module=} ({@code fields[]} with {@code api_name}, {@code data_type} and
   * {@code json_type}: string, integer, double, boolean, jsonobject or jsonarray; Zoho's field-meta page and crm-oas
   * v8.0 fields.json). A value the list gave wins: the metadata is known to name some arrays text ({@code Tag}).
   */
  void describe(JsonNode answer) {
    for (JsonNode field : answer.path("fields")) {
      String name = field.path("api_name").asText("");
      if (fields.contains(name) && !kinds.containsKey(name)) {
        kinds.put(name, kindOf(field.path("data_type").asText(""), field.path("json_type").asText("")));
      }
    }
  }

  private static Kind kindOf(String dataType, String jsonType) {
    switch (jsonType) {
      case "jsonobject":
        return LOOKUPS.contains(dataType) ? Kind.LOOKUP : Kind.TEXT;
      case "jsonarray":
        return Kind.ARRAY;
      case "boolean":
        return Kind.BOOLEAN;
      case "integer":
      case "double":
        return Kind.NUMBER;
      case "string":
        return Kind.TEXT;
      default: // no json_type (a custom module once sent none): by data_type
        return LOOKUPS.contains(dataType) ? Kind.LOOKUP : dataType.equals("boolean") ? Kind.BOOLEAN
            : NUMBERS.contains(dataType) ? Kind.NUMBER : ARRAYS.contains(dataType) ? Kind.ARRAY : Kind.TEXT;
    }
  }

  /** {@code row} as a list page's record: every field, then {@code id}. */
  ObjectNode apply(BulkRow row) {
    ObjectNode data = json.createObjectNode();
    for (String field : fields) {
      data.set(field, value(row, field));
    }
    data.put("id", row.id());
    return data;
  }

  private JsonNode value(BulkRow row, String field) {
    String text = row.text(field);
    if (text == null) {
      return NullNode.getInstance();
    }
    switch (kinds.getOrDefault(field, Kind.TEXT)) {
      case LOOKUP:
        return json.createObjectNode().put("id", row.lookupId(field));
      case BOOLEAN:
        return BooleanNode.valueOf(row.bool(field));
      case NUMBER:
        BigDecimal number = row.number(field);
        try {
          JsonNode parsed = json.readTree(text); // the node the list's JSON number gives (IntNode, DoubleNode, ...)
          if (parsed != null && parsed.isNumber()) {
            return parsed;
          }
        } catch (IOException notJson) {
          // a number Java reads but JSON does not write (such as ".5" or "+5"): keep its value
        }
        return DecimalNode.valueOf(number);
      default: // TEXT, and ARRAY: the CSV's join of an array is not documented, so its cell is handed over as text
        return TextNode.valueOf(text);
    }
  }
}

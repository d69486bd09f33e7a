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

/**
 * The shape of the records a list page gives (each requested field, null when empty, and {@code id}), learned from
 * the pages themselves, and a Bulk Read row put into that shape: so that a handler gets the same {@link SyncRecord}
 * whichever of the two read it. A field is typed as the list typed it: an object (a lookup or owner) becomes
 * {@code {"id": cell}} (the CSV holds only the id, Zoho's Bulk Read download page), a boolean or a number becomes
 * one, anything else keeps the cell's text (date-times as Zoho wrote them; a multi-select's CSV form is not
 * documented, so it stays text). A field that was empty in every listed record is text. The cells are read with
 * {@link BulkRow}'s typed getters, so a cell that does not fit is the same clear error as anywhere else.
 */
final class ListShape {
  /** How a field's value is written in a list page's JSON. */
  private enum Kind { LOOKUP, BOOLEAN, NUMBER, TEXT }

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
              : value.isNumber() ? Kind.NUMBER : Kind.TEXT);
        }
      }
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
      default:
        return TextNode.valueOf(text);
    }
  }
}

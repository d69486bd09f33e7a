package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Bulk Read criteria as Zoho documents them: one condition {@code {field:{api_name}, comparator, value}} or a group
 * {@code {group_operator: and|or, group:[...]}} (groups nest); comparators per field type (numbers: equal, not_equal,
 * in, not_in, less_than, less_equal, greater_than, greater_equal; text: equal, not_equal, in, not_in, contains,
 * not_contains, starts_with, ends_with; date and date-time: the number ones plus between, not_between; boolean:
 * equal; lookups: equal, not_equal, in, not_in); date-times in ISO 8601 without milliseconds; at most 25
 * conditions. Violations are {@code INVALID_CRITERIA}, {@code CRITERIA_LIMIT_EXCEEDED}.
 */
final class BulkCriteria {
  private static final Set<String> NUMBER = Set.of("equal", "not_equal", "in", "not_in", "less_than", "less_equal",
      "greater_than", "greater_equal");
  private static final Set<String> TEXT = Set.of("equal", "not_equal", "in", "not_in", "contains", "not_contains",
      "starts_with", "ends_with");
  private static final Set<String> TIME = Set.of("equal", "not_equal", "in", "not_in", "less_than", "less_equal",
      "greater_than", "greater_equal", "between", "not_between");

  private BulkCriteria() {}

  static void validate(JsonNode criteria, Crm.Module module) {
    int[] count = {0};
    check(criteria, module, count);
    if (count[0] > 25) {
      throw new ZohoError(400, "CRITERIA_LIMIT_EXCEEDED", "at most 25 criteria are allowed",
          Http.JSON.createObjectNode().put("limit", 25));
    }
  }

  private static void check(JsonNode c, Crm.Module module, int[] count) {
    if (c.has("group")) {
      String op = c.path("group_operator").asText("");
      if (!op.equals("and") && !op.equals("or")) {
        throw new ZohoError(400, "GROUP_OPERATOR_NOT_SUPPORTED", "group_operator must be and or or");
      }
      for (JsonNode g : c.path("group")) {
        check(g, module, count);
      }
      return;
    }
    count[0]++;
    String field = c.path("field").path("api_name").asText(null);
    String comparator = c.path("comparator").asText(null);
    if (field == null || comparator == null || !c.has("value")) {
      throw invalid("a condition needs field.api_name, comparator and value");
    }
    String type = type(field, module);
    Set<String> allowed = type.equals("datetime") ? TIME : type.equals("number") ? NUMBER
        : type.equals("boolean") ? Set.of("equal") : type.equals("lookup") ? Set.of("equal", "not_equal", "in",
        "not_in") : TEXT;
    if (!allowed.contains(comparator)) {
      throw invalid("the comparator " + comparator + " is not allowed for the " + type + " field " + field);
    }
    if (type.equals("datetime")) {
      for (JsonNode v : values(c.path("value"))) {
        String text = v.asText();
        try {
          OffsetDateTime.parse(text);
        } catch (DateTimeParseException e) {
          throw invalid("the value " + text + " of " + field + " is not an ISO 8601 date-time with offset");
        }
        if (text.matches(".*T\\d\\d:\\d\\d:\\d\\d\\.\\d+.*")) {
          throw invalid("milliseconds are not supported in date-time values: " + text);
        }
      }
    }
  }

  private static ZohoError invalid(String message) {
    return new ZohoError(400, "INVALID_CRITERIA", message, Http.JSON.createObjectNode());
  }

  private static String type(String field, Crm.Module module) {
    if (field.endsWith("_Time")) {
      return "datetime";
    }
    if (field.equals("Owner") || field.equals("Created_By") || field.equals("Modified_By")) {
      return "lookup";
    }
    String declared = module.fieldTypes.getOrDefault(field, "text");
    switch (declared) {
      case "integer":
      case "double":
      case "currency":
      case "percent":
      case "bigint":
        return "number";
      case "boolean":
        return "boolean";
      case "datetime":
      case "date":
        return "datetime";
      case "lookup":
      case "ownerlookup":
        return "lookup";
      default:
        return "text";
    }
  }

  private static List<JsonNode> values(JsonNode value) {
    if (value.isArray()) {
      java.util.ArrayList<JsonNode> list = new java.util.ArrayList<>();
      value.forEach(list::add);
      return list;
    }
    return List.of(value);
  }

  static boolean matches(JsonNode c, ObjectNode record) {
    if (c.has("group")) {
      boolean and = c.path("group_operator").asText().equals("and");
      for (JsonNode g : c.path("group")) {
        boolean m = matches(g, record);
        if (and && !m) {
          return false;
        }
        if (!and && m) {
          return true;
        }
      }
      return and;
    }
    String field = c.path("field").path("api_name").asText();
    String actual = BulkEndpoints.cell(record, field);
    List<JsonNode> values = values(c.path("value"));
    switch (c.path("comparator").asText()) {
      case "equal":
        return compare(actual, values.get(0)) == 0;
      case "not_equal":
        return compare(actual, values.get(0)) != 0;
      case "in":
        return values.stream().anyMatch(v -> compare(actual, v) == 0);
      case "not_in":
        return values.stream().noneMatch(v -> compare(actual, v) == 0);
      case "less_than":
        return compare(actual, values.get(0)) < 0;
      case "less_equal":
        return compare(actual, values.get(0)) <= 0;
      case "greater_than":
        return compare(actual, values.get(0)) > 0;
      case "greater_equal":
        return compare(actual, values.get(0)) >= 0;
      case "between":
        return compare(actual, values.get(0)) >= 0 && compare(actual, values.get(1)) <= 0;
      case "not_between":
        return compare(actual, values.get(0)) < 0 || compare(actual, values.get(1)) > 0;
      case "contains":
        return actual.toLowerCase(Locale.ROOT).contains(values.get(0).asText().toLowerCase(Locale.ROOT));
      case "not_contains":
        return !actual.toLowerCase(Locale.ROOT).contains(values.get(0).asText().toLowerCase(Locale.ROOT));
      case "starts_with":
        return actual.toLowerCase(Locale.ROOT).startsWith(values.get(0).asText().toLowerCase(Locale.ROOT));
      case "ends_with":
        return actual.toLowerCase(Locale.ROOT).endsWith(values.get(0).asText().toLowerCase(Locale.ROOT));
      default:
        return false;
    }
  }

  /** Compares a cell with a criteria value: as instants, numbers, or text without regard to case. */
  private static int compare(String actual, JsonNode expected) {
    String value = expected.asText();
    if (value.equals("${EMPTY}")) {
      return actual.isEmpty() ? 0 : 1;
    }
    if (actual.isEmpty()) {
      return -1;
    }
    try {
      return OffsetDateTime.parse(actual).toInstant().compareTo(OffsetDateTime.parse(value).toInstant());
    } catch (DateTimeParseException ignored) {
      // not a date-time
    }
    try {
      return new BigDecimal(actual).compareTo(new BigDecimal(value));
    } catch (NumberFormatException ignored) {
      // not a number
    }
    return actual.compareToIgnoreCase(value);
  }
}

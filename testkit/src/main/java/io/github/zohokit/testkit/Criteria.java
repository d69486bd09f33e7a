package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Search criteria as Zoho writes them: {@code (Last_Name:equals:Sam)}, combined with {@code and}/{@code or} and
 * parentheses: {@code ((Last_Name:equals:Sam)and(Email:starts_with:ann))}. Operators: equals, not_equal,
 * starts_with, greater_than, greater_equal, less_than, less_equal. A value may contain {@code \(}, {@code \)}.
 */
final class Criteria {
  private final String text;
  private int at;

  private Criteria(String text) {
    this.text = text.trim();
  }

  /** Parses criteria; {@link IllegalArgumentException} when malformed. */
  static Predicate<JsonNode> parse(String criteria) {
    Criteria c = new Criteria(criteria);
    Predicate<JsonNode> p = c.expression();
    if (c.at != c.text.length()) {
      throw new IllegalArgumentException("unexpected text at position " + c.at);
    }
    return p;
  }

  private Predicate<JsonNode> expression() {
    Predicate<JsonNode> left = group();
    while (true) {
      if (text.startsWith("and", at)) {
        at += 3;
        left = left.and(group());
      } else if (text.startsWith("or", at)) {
        at += 2;
        left = left.or(group());
      } else {
        return left;
      }
    }
  }

  private Predicate<JsonNode> group() {
    if (at >= text.length() || text.charAt(at) != '(') {
      throw new IllegalArgumentException("expected '(' at position " + at);
    }
    at++;
    Predicate<JsonNode> result;
    if (at < text.length() && text.charAt(at) == '(') {
      result = expression();
    } else {
      StringBuilder b = new StringBuilder();
      while (at < text.length() && text.charAt(at) != ')') {
        char c = text.charAt(at);
        if (c == '\\' && at + 1 < text.length()) {
          b.append(text.charAt(at + 1));
          at += 2;
          continue;
        }
        b.append(c);
        at++;
      }
      result = condition(b.toString());
    }
    if (at >= text.length() || text.charAt(at) != ')') {
      throw new IllegalArgumentException("expected ')' at position " + at);
    }
    at++;
    return result;
  }

  private static Predicate<JsonNode> condition(String condition) {
    String[] parts = condition.split(":", 3);
    if (parts.length != 3) {
      throw new IllegalArgumentException("a condition is field:operator:value, not '" + condition + "'");
    }
    String field = parts[0];
    String op = parts[1].toLowerCase(Locale.ROOT);
    String value = parts[2];
    switch (op) {
      case "equals":
        return r -> text(r, field).equalsIgnoreCase(value);
      case "not_equal":
        return r -> !text(r, field).equalsIgnoreCase(value);
      case "starts_with":
        return r -> text(r, field).toLowerCase(Locale.ROOT).startsWith(value.toLowerCase(Locale.ROOT));
      case "greater_than":
        return r -> compare(r.path(field), value) > 0;
      case "greater_equal":
        return r -> compare(r.path(field), value) >= 0;
      case "less_than":
        return r -> compare(r.path(field), value) < 0;
      case "less_equal":
        return r -> compare(r.path(field), value) <= 0;
      default:
        throw new IllegalArgumentException("unknown operator '" + op + "'");
    }
  }

  private static String text(JsonNode record, String field) {
    JsonNode value = record.path(field);
    return value.isNull() || value.isMissingNode() ? "" : value.asText();
  }

  private static int compare(JsonNode node, String value) {
    if (node.isNumber()) {
      try {
        return Double.compare(node.asDouble(), Double.parseDouble(value));
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    return node.asText("").compareTo(value);
  }
}

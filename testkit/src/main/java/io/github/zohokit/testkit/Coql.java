package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The COQL subset the fake understands:
 *
 * <pre>
 * select f1, f2 from Module
 *   [where cond {and|or cond}]            cond: f = v | f != v | f &gt; v | f &lt; v | f &gt;= v | f &lt;= v
 *                                               | f like 'x%' | f not like ... | f in (v, ...) | f not in (...)
 *                                               | f is null | f is not null | ( cond ... )
 *   [order by f [asc|desc] {, f [asc|desc]}]
 *   [limit n [offset m] | limit m, n]
 * </pre>
 *
 * Values are 'strings', numbers, true/false or null. {@code and} binds tighter than {@code or}. Errors are Zoho's
 * {@code SYNTAX_ERROR} with the clause and the token near the problem.
 *
 * <p>Zoho's COQL is SQL-like but not SQL (COQL-Overview.html and COQL-Limitations.html under
 * {@code https://www.zoho.com/crm/developer/docs/api/v8/}): no {@code select *}, a default {@code limit} of 200
 * rows, at most 2,000 per call and 100,000 reachable with {@code offset}; {@code limit offset, count} is the
 * MySQL-style second form.
 */
final class Coql {
  /** A parsed query. */
  record Query(List<String> fields, String module, Predicate<JsonNode> where, Comparator<JsonNode> order, int limit,
      int offset) {}

  /** A syntax error: {@code clause} and {@code near} go into Zoho's details. */
  static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final String clause;
    final String near;

    SyntaxError(String clause, String near, String message) {
      super(message, null, false, false);
      this.clause = clause;
      this.near = near;
    }
  }

  private final List<String> tokens;
  private int at;

  private Coql(String query) {
    this.tokens = tokenize(query);
  }

  static Query parse(String query) {
    return new Coql(query).query();
  }

  private Query query() {
    expectWord("select", "select");
    List<String> fields = new ArrayList<>();
    do {
      String field = next("select");
      // COQL names its fields: select * is a syntax error (COQL-Limitations.html)
      if (field.equals("*")) {
        throw new SyntaxError("select", "*", "select * is not supported; name the fields");
      }
      fields.add(field);
    } while (accept(","));
    expectWord("from", "from");
    String module = next("from");
    Predicate<JsonNode> where = r -> true;
    Comparator<JsonNode> order = Comparator.comparing(r -> r.path("id").asText());
    int limit = 200; // without limit, Zoho answers 200 rows (COQL-Overview.html)
    int offset = 0;
    if (acceptWord("where")) {
      where = or();
    }
    if (acceptWord("order")) {
      expectWord("by", "order by");
      Comparator<JsonNode> chain = null;
      do {
        String field = next("order by");
        Comparator<JsonNode> c = Comparator.comparing(r -> r.path(field), Coql::compare);
        if (acceptWord("desc")) {
          c = c.reversed();
        } else {
          acceptWord("asc");
        }
        chain = chain == null ? c : chain.thenComparing(c);
      } while (accept(","));
      order = chain;
    }
    if (acceptWord("limit")) {
      int first = number("limit");
      if (accept(",")) {
        offset = first;
        limit = number("limit");
      } else {
        limit = first;
        if (acceptWord("offset")) {
          offset = number("offset");
        }
      }
    }
    if (at < tokens.size()) {
      throw new SyntaxError("query", tokens.get(at), "unexpected '" + tokens.get(at) + "'");
    }
    return new Query(fields, module, where, order, limit, offset);
  }

  private Predicate<JsonNode> or() {
    Predicate<JsonNode> left = and();
    while (acceptWord("or")) {
      left = left.or(and());
    }
    return left;
  }

  private Predicate<JsonNode> and() {
    Predicate<JsonNode> left = condition();
    while (acceptWord("and")) {
      left = left.and(condition());
    }
    return left;
  }

  private Predicate<JsonNode> condition() {
    if (accept("(")) {
      Predicate<JsonNode> inner = or();
      expect(")", "where");
      return inner;
    }
    String field = next("where");
    String op = next("where").toLowerCase(Locale.ROOT);
    switch (op) {
      case "=":
      case "!=":
      case ">":
      case "<":
      case ">=":
      case "<=": {
        String value = value();
        return r -> {
          int c = compare(r.path(field), value);
          switch (op) {
            case "=":
              return c == 0;
            case "!=":
              return c != 0;
            case ">":
              return c > 0;
            case "<":
              return c < 0;
            case ">=":
              return c >= 0;
            default:
              return c <= 0;
          }
        };
      }
      case "like":
        return like(field, value());
      case "not":
        if (acceptWord("like")) {
          return like(field, value()).negate();
        }
        expectWord("in", "where");
        return in(field).negate();
      case "in":
        return in(field);
      case "is":
        boolean not = acceptWord("not");
        expectWord("null", "where");
        Predicate<JsonNode> isNull = r -> r.path(field).isNull() || r.path(field).isMissingNode();
        return not ? isNull.negate() : isNull;
      default:
        throw new SyntaxError("where", op, "unknown operator '" + op + "'");
    }
  }

  private Predicate<JsonNode> like(String field, String pattern) {
    String regex = "(?i)" + java.util.regex.Pattern.quote(pattern).replace("%", "\\E.*\\Q").replace("_", "\\E.\\Q");
    return r -> r.path(field).isValueNode() && !r.path(field).isNull() && r.path(field).asText().matches(regex);
  }

  private Predicate<JsonNode> in(String field) {
    expect("(", "where");
    List<String> values = new ArrayList<>();
    do {
      values.add(value());
    } while (accept(","));
    expect(")", "where");
    return r -> values.stream().anyMatch(v -> compare(r.path(field), v) == 0);
  }

  /** A literal: quoted string (unquoted here), number, boolean or null (as null). */
  private String value() {
    String token = next("where");
    if (token.startsWith("'")) {
      return token.substring(1, token.length() - 1).replace("''", "'");
    }
    if (token.equalsIgnoreCase("null")) {
      return null;
    }
    return token;
  }

  private static int compare(JsonNode node, String value) {
    if (value == null) {
      return node.isNull() || node.isMissingNode() ? 0 : 1;
    }
    if (node.isNull() || node.isMissingNode()) {
      return -1;
    }
    if (node.isNumber()) {
      try {
        return Double.compare(node.asDouble(), Double.parseDouble(value));
      } catch (NumberFormatException e) {
        return node.asText().compareTo(value);
      }
    }
    JsonNode id = node.path("id");
    String text = node.isObject() && !id.isMissingNode() ? id.asText() : node.asText();
    return text.compareToIgnoreCase(value);
  }

  private static int compare(JsonNode a, JsonNode b) {
    if (a.isNumber() && b.isNumber()) {
      return Double.compare(a.asDouble(), b.asDouble());
    }
    return a.asText("").compareToIgnoreCase(b.asText(""));
  }

  private int number(String clause) {
    String token = next(clause);
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException e) {
      throw new SyntaxError(clause, token, "'" + token + "' is not a number");
    }
  }

  private String next(String clause) {
    if (at >= tokens.size()) {
      throw new SyntaxError(clause, "", "the query ends too early in the " + clause + " clause");
    }
    return tokens.get(at++);
  }

  private boolean accept(String token) {
    if (at < tokens.size() && tokens.get(at).equals(token)) {
      at++;
      return true;
    }
    return false;
  }

  private boolean acceptWord(String word) {
    if (at < tokens.size() && tokens.get(at).equalsIgnoreCase(word)) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(String token, String clause) {
    if (!accept(token)) {
      throw new SyntaxError(clause, at < tokens.size() ? tokens.get(at) : "", "expected '" + token + "'");
    }
  }

  private void expectWord(String word, String clause) {
    if (!acceptWord(word)) {
      throw new SyntaxError(clause, at < tokens.size() ? tokens.get(at) : "", "expected '" + word + "'");
    }
  }

  private static List<String> tokenize(String query) {
    List<String> tokens = new ArrayList<>();
    int i = 0;
    while (i < query.length()) {
      char c = query.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '\'') {
        int j = i + 1;
        while (j < query.length()) {
          if (query.charAt(j) == '\'') {
            if (j + 1 < query.length() && query.charAt(j + 1) == '\'') {
              j += 2;
              continue;
            }
            break;
          }
          j++;
        }
        if (j >= query.length()) {
          throw new SyntaxError("where", query.substring(i), "unterminated string");
        }
        tokens.add(query.substring(i, j + 1));
        i = j + 1;
      } else if ("(),".indexOf(c) >= 0) {
        tokens.add(String.valueOf(c));
        i++;
      } else if ("=<>!".indexOf(c) >= 0) {
        int j = i + 1;
        if (j < query.length() && query.charAt(j) == '=') {
          j++;
        }
        tokens.add(query.substring(i, j));
        i = j;
      } else {
        int j = i;
        while (j < query.length() && !Character.isWhitespace(query.charAt(j)) && "(),=<>!'".indexOf(query.charAt(j)) < 0) {
          j++;
        }
        tokens.add(query.substring(i, j));
        i = j;
      }
    }
    return tokens;
  }
}

package io.github.zohokit.scope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON {@link ScopeManifest} needs, with the JDK alone (the processor loads this package without Jackson):
 * a reader of any JSON text into maps, lists, strings, numbers (as their text), booleans and null, and the quoting of
 * a string. The writing itself is {@link ScopeManifest#toJson()}.
 */
final class ManifestJson {
  /**
   * The deepest nesting of objects and arrays read: a manifest is five levels deep; deeper input is refused before the
   * recursion could overflow the stack (a few thousand levels did, with a {@link StackOverflowError}).
   */
  static final int MAX_DEPTH = 64;

  private final String text;
  private int at;
  private int depth;

  private ManifestJson(String text) {
    this.text = text;
  }

  /**
   * The value {@code text} holds: a {@code Map<String, Object>} for an object (members in order), a
   * {@code List<Object>} for an array, a {@code String} for a string or a number (its text), a {@code Boolean}, or
   * {@code null}.
   *
   * @throws IllegalArgumentException saying what was expected where, when {@code text} is not one JSON value
   */
  static Object parse(String text) {
    ManifestJson json = new ManifestJson(text);
    Object value = json.value();
    json.space();
    if (json.at < text.length()) {
      throw json.error("the end of the text");
    }
    return value;
  }

  private Object value() {
    space();
    if (at >= text.length()) {
      throw error("a value");
    }
    char c = text.charAt(at);
    switch (c) {
      case '{':
      case '[':
        if (++depth > MAX_DEPTH) {
          throw error("at most " + MAX_DEPTH + " nested arrays and objects");
        }
        Object nested = c == '{' ? object() : array();
        depth--;
        return nested;
      case '"':
        return string();
      case 't':
        return word("true", Boolean.TRUE);
      case 'f':
        return word("false", Boolean.FALSE);
      case 'n':
        return word("null", null);
      default:
        if (c == '-' || c >= '0' && c <= '9') {
          return number();
        }
        throw error("a value");
    }
  }

  private Map<String, Object> object() {
    Map<String, Object> members = new LinkedHashMap<>();
    at++;
    space();
    if (next('}')) {
      return members;
    }
    do {
      space();
      if (at >= text.length() || text.charAt(at) != '"') {
        throw error("a member name in quotes");
      }
      String name = string();
      space();
      expect(':');
      members.put(name, value());
      space();
    } while (next(','));
    expect('}');
    return members;
  }

  private List<Object> array() {
    List<Object> values = new ArrayList<>();
    at++;
    space();
    if (next(']')) {
      return values;
    }
    do {
      values.add(value());
      space();
    } while (next(','));
    expect(']');
    return values;
  }

  private String string() {
    at++;
    StringBuilder b = new StringBuilder();
    while (at < text.length()) {
      char c = text.charAt(at++);
      if (c == '"') {
        return b.toString();
      }
      if (c < 0x20) {
        at--;
        throw error("an escaped control character");
      }
      if (c != '\\') {
        b.append(c);
        continue;
      }
      if (at >= text.length()) {
        break;
      }
      char e = text.charAt(at++);
      switch (e) {
        case '"':
        case '\\':
        case '/':
          b.append(e);
          break;
        case 'b':
          b.append('\b');
          break;
        case 'f':
          b.append('\f');
          break;
        case 'n':
          b.append('\n');
          break;
        case 'r':
          b.append('\r');
          break;
        case 't':
          b.append('\t');
          break;
        case 'u':
          if (at + 4 > text.length()) {
            throw error("four hex digits");
          }
          try {
            b.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
          } catch (NumberFormatException ex) {
            throw error("four hex digits");
          }
          at += 4;
          break;
        default:
          at--;
          throw error("an escape (\\\", \\\\, \\/, \\b, \\f, \\n, \\r, \\t or \\uXXXX)");
      }
    }
    throw error("the closing quote of a string");
  }

  private String number() {
    int start = at;
    while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
    String number = text.substring(start, at);
    try {
      Double.parseDouble(number);
    } catch (NumberFormatException e) {
      at = start;
      throw error("a number");
    }
    return number;
  }

  private Object word(String word, Object value) {
    if (!text.startsWith(word, at)) {
      throw error("a value");
    }
    at += word.length();
    return value;
  }

  private void space() {
    while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
      at++;
    }
  }

  private boolean next(char c) {
    if (at < text.length() && text.charAt(at) == c) {
      at++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (!next(c)) {
      throw error("'" + c + "'");
    }
  }

  private IllegalArgumentException error(String expected) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < Math.min(at, text.length()); i++) {
      if (text.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    String found = at >= text.length() ? "the end of the text" : "'" + text.charAt(at) + "'";
    return new IllegalArgumentException("expected " + expected + " at line " + line + ", column " + column
        + ", found " + found);
  }

  /** {@code value} as a JSON string, quotes included. */
  static String quote(String value) {
    StringBuilder b = new StringBuilder("\"");
    for (char ch : value.toCharArray()) {
      switch (ch) {
        case '"':
          b.append("\\\"");
          break;
        case '\\':
          b.append("\\\\");
          break;
        case '\n':
          b.append("\\n");
          break;
        case '\t':
          b.append("\\t");
          break;
        default:
          if (ch < 0x20) {
            b.append(String.format("\\u%04x", (int) ch));
          } else {
            b.append(ch);
          }
      }
    }
    return b.append('"').toString();
  }
}

package io.github.zohokit.testkit;

/** Small HTML helpers for the fake's pages. */
final class Html {
  private Html() {}

  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '<':
          b.append("&lt;");
          break;
        case '>':
          b.append("&gt;");
          break;
        case '&':
          b.append("&amp;");
          break;
        case '"':
          b.append("&quot;");
          break;
        case '\'':
          b.append("&#39;");
          break;
        default:
          b.append(c);
      }
    }
    return b.toString();
  }

  static String page(String title, String body) {
    return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title)
        + "</title></head>\n<body>\n" + body + "\n</body></html>\n";
  }

  static String hidden(String name, String value) {
    return value == null ? "" : "<input type=\"hidden\" name=\"" + escape(name) + "\" value=\"" + escape(value)
        + "\">\n";
  }
}

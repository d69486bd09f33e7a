package io.github.zohokit.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A path template such as {@code /crm/v8/{module}/{id}?converted=true}, split into segments; each segment is a mix
 * of literal text and {@code {name}} variables. A query string in the template is kept as constant parameters.
 */
final class PathTemplate {
  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_\\-]*)}");

  /** One piece of a segment: literal text, or a variable name. */
  record Part(String text, boolean variable) {}

  private final String template;
  private final List<List<Part>> segments;
  private final List<String[]> constantQuery;

  private PathTemplate(String template, List<List<Part>> segments, List<String[]> constantQuery) {
    this.template = template;
    this.segments = segments;
    this.constantQuery = constantQuery;
  }

  /**
   * Parses a template.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  static PathTemplate parse(String template) {
    if (!template.startsWith("/")) {
      throw new IllegalArgumentException("the path '" + template + "' must start with '/'");
    }
    if (template.contains("://")) {
      throw new IllegalArgumentException("the path '" + template + "' must be a path, not a URL: the host is the "
          + "user's API domain");
    }
    String path = template;
    List<String[]> query = new ArrayList<>();
    int q = template.indexOf('?');
    if (q >= 0) {
      path = template.substring(0, q);
      for (String pair : template.substring(q + 1).split("&")) {
        if (pair.isEmpty()) {
          continue;
        }
        if (pair.contains("{")) {
          throw new IllegalArgumentException("the query of '" + template + "' has a {variable}; use a @Query "
              + "parameter instead");
        }
        int eq = pair.indexOf('=');
        query.add(eq < 0 ? new String[] {pair, ""} : new String[] {pair.substring(0, eq), pair.substring(eq + 1)});
      }
    }
    List<List<Part>> segments = new ArrayList<>();
    for (String segment : path.substring(1).split("/", -1)) {
      if (segment.isEmpty()) {
        if (segments.isEmpty() && path.equals("/")) {
          break;
        }
        throw new IllegalArgumentException("the path '" + template + "' has an empty segment ('//' or a trailing '/')");
      }
      List<Part> parts = new ArrayList<>();
      Matcher m = VARIABLE.matcher(segment);
      int at = 0;
      while (m.find()) {
        if (m.start() > at) {
          parts.add(new Part(segment.substring(at, m.start()), false));
        }
        parts.add(new Part(m.group(1), true));
        at = m.end();
      }
      if (at < segment.length()) {
        parts.add(new Part(segment.substring(at), false));
      }
      for (Part part : parts) {
        if (!part.variable() && (part.text().contains("{") || part.text().contains("}"))) {
          throw new IllegalArgumentException("the path '" + template + "' has a malformed variable in '" + segment
              + "'; write variables as {name}");
        }
      }
      segments.add(parts);
    }
    return new PathTemplate(template, segments, query);
  }

  List<List<Part>> segments() {
    return segments;
  }

  List<String[]> constantQuery() {
    return constantQuery;
  }

  /** Every variable name, in order of appearance. */
  Set<String> variables() {
    Set<String> names = new LinkedHashSet<>();
    for (List<Part> segment : segments) {
      for (Part part : segment) {
        if (part.variable()) {
          names.add(part.text());
        }
      }
    }
    return names;
  }

  /** The template without its query. */
  String path() {
    int q = template.indexOf('?');
    return q < 0 ? template : template.substring(0, q);
  }

  @Override
  public String toString() {
    return template;
  }
}

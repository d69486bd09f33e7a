package io.github.zohokit.scope;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Which scopes a Zoho CRM call needs: zohokit's scope catalogue ({@value #RESOURCE} in zoho-runtime), one row per
 * operation of Zoho's v8 API with every scope that authorises it as Zoho's API pages and OpenAPI files document
 * them, and notes where those disagree or are wrong. Ask it with the call's HTTP method and path template
 * ({@link #requirementFor(String, String)}); the answer is a {@link ScopeRequirement}. The processor (at compile
 * time), the runtime (scope-mismatch messages and the module check before a call), the Maven plugin and the fake
 * Zoho all ask here, so "covered" means the same everywhere: a call is covered when a declared scope
 * {@linkplain Scope#covers(Scope) covers} one documented alternative.
 *
 * <p>The catalogue is read once per class loader, on first use, and each scope in it is parsed once. Paths match
 * with any API version ({@code /crm/v7/...} as {@code /crm/v8/...}) and case-insensitively; a literal module such
 * as {@code Deals} matches the catalogue's {@code {module}} rows when it is a module Zoho issues scopes for; custom
 * modules and paths the catalogue does not have are unknown.
 */
public final class ScopeCatalogue {
  static final String RESOURCE = "META-INF/zohokit/zoho-crm-v8-scopes.tsv";
  private static final Pattern VERSION = Pattern.compile("v\\d+(\\.\\d+)?");

  /** Kinds of path segment. */
  enum Kind { LITERAL, VERSION, MODULE, VARIABLE }

  /** One path segment: its kind and, for literals, its lower-cased text; for variables, the name. */
  record Segment(Kind kind, String text) {}

  /** One catalogue row. */
  record Row(String method, String path, List<Segment> segments, List<List<String>> alternatives,
      List<String> wrong, String source, String note) {}

  private static final class Holder {
    static final ScopeCatalogue INSTANCE = load();
  }

  private final Map<String, List<Row>> rowsByShape;   // method + " " + segment count
  private final Map<String, String> moduleScopes;     // lower-cased API name -> scope name
  private final int size;
  /** Every scope text of the rows, once per module filled in, parsed once (the text is the catalogue's own). */
  private final Map<String, Scope> parsed = new ConcurrentHashMap<>();

  private ScopeCatalogue(Map<String, List<Row>> rowsByShape, Map<String, String> moduleScopes, int size) {
    this.rowsByShape = rowsByShape;
    this.moduleScopes = moduleScopes;
    this.size = size;
  }

  /**
   * What Zoho documents a call to need: the catalogue row matching {@code httpMethod} and {@code pathTemplate},
   * with every scope (or set of scopes) that authorises it.
   *
   * @param httpMethod the HTTP method, for example {@code GET}; case does not matter
   * @param pathTemplate the path as declared, for example {@code /crm/v8/{module}/{id}} or {@code /crm/v8/Deals};
   *     a query string is ignored
   * @return the requirement; empty when the catalogue does not know the operation (a custom module, an API it does
   *     not list) or knows it but records no scope for it
   * @throws IllegalStateException when the catalogue is missing from zoho-runtime or malformed
   */
  public static Optional<ScopeRequirement> requirementFor(String httpMethod, String pathTemplate) {
    return get().requirement(httpMethod, pathTemplate);
  }

  /**
   * How many operations the catalogue has.
   *
   * @return the number of rows, operations whose scopes are unknown included
   * @throws IllegalStateException when the catalogue is missing from zoho-runtime or malformed
   */
  public static int operationCount() {
    return get().size();
  }

  static ScopeCatalogue get() {
    return Holder.INSTANCE;
  }

  /** This catalogue's answer for {@code method path}; see {@link #requirementFor(String, String)}. */
  Optional<ScopeRequirement> requirement(String method, String path) {
    Match match = find(method, path);
    if (match == null) {
      return Optional.empty();
    }
    ScopeRequirement requirement = new ScopeRequirement(this, match, method, path, match.module());
    return requirement.documentsScopes() ? Optional.of(requirement) : Optional.empty();
  }

  /** {@code text}, a scope of this catalogue's rows (with its module filled in), parsed once. */
  Scope scope(String text) {
    return parsed.computeIfAbsent(text, Scope::parse);
  }

  private static ScopeCatalogue load() {
    InputStream in = ScopeCatalogue.class.getClassLoader().getResourceAsStream(RESOURCE);
    if (in == null) {
      throw new IllegalStateException("zoho-runtime is incomplete: " + RESOURCE + " is missing from its jar");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      return parse(reader);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
  }

  static ScopeCatalogue parse(BufferedReader reader) throws IOException {
    Map<String, List<Row>> rows = new HashMap<>();
    Map<String, String> modules = new LinkedHashMap<>();
    int count = 0;
    String line;
    int number = 0;
    while ((line = reader.readLine()) != null) {
      number++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t", -1);
      if (cells[0].equals("@module")) {
        modules.put(cells[1].toLowerCase(Locale.ROOT), cells[2]);
        continue;
      }
      if (cells.length != 6) {
        throw new IllegalStateException(RESOURCE + " line " + number + " has " + cells.length
            + " columns, expected 6");
      }
      List<Segment> segments = segments(cells[1], true);
      Row row = new Row(cells[0], cells[1], segments, alternatives(cells[2]), list(cells[3]), cells[4], cells[5]);
      rows.computeIfAbsent(key(cells[0], segments.size()), k -> new ArrayList<>()).add(row);
      count++;
    }
    return new ScopeCatalogue(rows, modules, count);
  }

  private static List<List<String>> alternatives(String cell) {
    List<List<String>> alternatives = new ArrayList<>();
    for (String alternative : list(cell)) {
      List<String> all = new ArrayList<>();
      for (String scope : alternative.split("&")) {
        all.add(scope.trim());
      }
      alternatives.add(List.copyOf(all));
    }
    return List.copyOf(alternatives);
  }

  private static List<String> list(String cell) {
    if (cell.equals("-") || cell.isBlank()) {
      return List.of();
    }
    List<String> values = new ArrayList<>();
    for (String value : cell.split("\\|")) {
      values.add(value.trim());
    }
    return List.copyOf(values);
  }

  private static String key(String method, int segments) {
    return method.toUpperCase(Locale.ROOT) + " " + segments;
  }

  /** Splits a path; in catalogue rows {@code {module}} after {@code /crm/vN} marks the module. */
  static List<Segment> segments(String path, boolean row) {
    String p = path.trim();
    int query = p.indexOf('?');
    if (query >= 0) {
      p = p.substring(0, query);
    }
    List<Segment> segments = new ArrayList<>();
    for (String part : p.split("/")) {
      if (part.isEmpty()) {
        continue;
      }
      if (part.contains("{")) {
        boolean module = row && part.equals("{module}");
        String name = part.startsWith("{") && part.endsWith("}") && part.indexOf('{', 1) < 0
            ? part.substring(1, part.length() - 1) : null;
        segments.add(new Segment(module ? Kind.MODULE : Kind.VARIABLE, name));
      } else if (VERSION.matcher(part).matches()) {
        segments.add(new Segment(Kind.VERSION, part));
      } else {
        segments.add(new Segment(Kind.LITERAL, part.toLowerCase(Locale.ROOT)));
      }
    }
    return segments;
  }

  /** The scope name of a module API name ({@code Price_Books} → {@code pricebooks}), or null if not a known one. */
  String moduleScope(String apiName) {
    return apiName == null ? null : moduleScopes.get(apiName.toLowerCase(Locale.ROOT));
  }

  /** The scope names of every module the catalogue knows, and {@code custom} (Zoho's name for custom modules). */
  List<String> moduleScopeNames() {
    List<String> names = new ArrayList<>(moduleScopes.values());
    names.add("custom");
    return names;
  }

  int size() {
    return size;
  }

  /** A match: the row and, at its module position, the path's module (API name) or null for a variable. */
  record Match(Row row, int modulePosition, String module, String moduleVariable) {}

  /** The most specific row for {@code method} and {@code path}, or null when the catalogue does not know it. */
  Match find(String method, String path) {
    List<Segment> declared = segments(path, false);
    List<Row> candidates = rowsByShape.get(key(method, declared.size()));
    if (candidates == null) {
      return null;
    }
    Match best = null;
    int[] bestScore = null;
    for (Row row : candidates) {
      int[] score = new int[declared.size()];
      boolean matches = true;
      int modulePosition = -1;
      for (int i = 0; i < declared.size() && matches; i++) {
        Segment want = row.segments().get(i);
        Segment have = declared.get(i);
        switch (want.kind()) {
          case LITERAL:
            matches = have.kind() == Kind.LITERAL && have.text().equals(want.text());
            score[i] = 3;
            break;
          case VERSION:
            matches = have.kind() == Kind.VERSION;
            score[i] = 3;
            break;
          case MODULE:
            modulePosition = i;
            if (have.kind() == Kind.LITERAL) {
              matches = moduleScopes.containsKey(have.text());
              score[i] = 2;
            } else {
              matches = have.kind() == Kind.VARIABLE;
              score[i] = 1;
            }
            break;
          default:
            matches = have.kind() != Kind.VERSION;
            score[i] = 1;
        }
      }
      if (matches && (bestScore == null || compare(score, bestScore) > 0)) {
        bestScore = score;
        String module = null;
        String variable = null;
        if (modulePosition >= 0) {
          Segment at = declared.get(modulePosition);
          if (at.kind() == Kind.LITERAL) {
            module = literal(path, modulePosition);
          } else {
            variable = at.text();
          }
        }
        best = new Match(row, modulePosition, module, variable);
      }
    }
    return best;
  }

  private static int compare(int[] a, int[] b) {
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        return Integer.compare(a[i], b[i]);
      }
    }
    return 0;
  }

  /** The {@code index}-th non-empty segment of {@code path} as written. */
  private static String literal(String path, int index) {
    String p = path.trim();
    int query = p.indexOf('?');
    if (query >= 0) {
      p = p.substring(0, query);
    }
    int i = 0;
    for (String part : p.split("/")) {
      if (!part.isEmpty() && i++ == index) {
        return part;
      }
    }
    return null;
  }
}

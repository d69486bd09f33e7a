package io.github.zohokit.processor;

import io.github.zohokit.scope.Scope;
import io.github.zohokit.scope.ScopeManifest;
import io.github.zohokit.processor.ClientModel.MethodModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes {@code META-INF/zoho/scopes.json}: every client, its methods and their scopes, and the union. Per method
 * the scopes that will be requested, {@code scopeFrom} (where they were declared: {@code method}, {@code interface},
 * or {@code interface <name>} when inherited) and {@code catalogue} (what zohokit's scope catalogue knows of the
 * call: {@code documented}, {@code documented, module known at run time}, {@code unknown}). Sorted throughout, so
 * the same sources give the same bytes on every build.
 */
final class ManifestWriter {
  private ManifestWriter() {}

  /** One client block of a manifest written by an earlier build, kept verbatim. */
  record Kept(String interfaceName, String block, Set<Scope> scopes) {}

  static String write(List<ClientModel> clients) {
    return write(clients, List.of());
  }

  /**
   * The manifest of {@code clients} and of {@code kept} (clients of earlier builds this compilation did not see),
   * sorted by interface; a kept client that is also in {@code clients} is replaced.
   */
  static String write(List<ClientModel> clients, List<Kept> kept) {
    Map<String, Object> byName = new TreeMap<>();
    kept.forEach(k -> byName.put(k.interfaceName(), k));
    clients.forEach(c -> byName.put(c.interfaceName().canonicalName(), c));
    Set<Scope> union = new TreeSet<>();
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"format\": ").append(quote(ScopeManifest.FORMAT)).append(",\n  \"formatVersion\": 1,\n");
    json.append("  \"clients\": [");
    int c = 0;
    for (Object entry : byName.values()) {
      json.append(c++ == 0 ? "\n" : ",\n");
      if (entry instanceof Kept) {
        json.append(((Kept) entry).block());
        union.addAll(((Kept) entry).scopes());
        continue;
      }
      ClientModel client = (ClientModel) entry;
      List<MethodModel> methods = new ArrayList<>(client.methods());
      methods.sort(Comparator.comparing(MethodModel::name).thenComparing(MethodModel::httpMethod)
          .thenComparing(m -> m.path().toString()));
      Set<Scope> clientScopes = new TreeSet<>();
      json.append("    {\n      \"interface\": ")
          .append(quote(client.interfaceName().canonicalName())).append(",\n      \"methods\": [");
      for (int m = 0; m < methods.size(); m++) {
        MethodModel method = methods.get(m);
        Set<Scope> scopes = new TreeSet<>();
        method.scopes().forEach(s -> scopes.add(Scope.parse(s)));
        clientScopes.addAll(scopes);
        json.append(m == 0 ? "\n" : ",\n").append("        {\"name\": ").append(quote(method.name()))
            .append(", \"http\": ").append(quote(method.httpMethod()))
            .append(", \"path\": ").append(quote(method.path().toString()))
            .append(", \"scopes\": ").append(array(scopes))
            .append(", \"scopeFrom\": ").append(quote(method.scopeOrigin()))
            .append(", \"catalogue\": ").append(quote(method.catalogue())).append("}");
      }
      union.addAll(clientScopes);
      json.append(methods.isEmpty() ? "]" : "\n      ]").append(",\n      \"scopes\": ").append(array(clientScopes))
          .append("\n    }");
    }
    json.append(byName.isEmpty() ? "]" : "\n  ]").append(",\n  \"scopes\": ").append(array(union)).append("\n}\n");
    return json.toString();
  }

  /**
   * The client blocks of a manifest this writer wrote in an earlier build (its layout: one client per block opened
   * by a line {@code "    {"} and closed by {@code "    }"}, the client's scope union on the line
   * {@code "      \"scopes\": [...]"}). Empty when {@code manifest} is not in that layout, so an unreadable old
   * manifest is replaced rather than merged.
   */
  static List<Kept> read(String manifest) {
    List<Kept> kept = new ArrayList<>();
    String[] lines = manifest.split("\n", -1);
    StringBuilder block = null;
    String name = null;
    Set<Scope> scopes = new TreeSet<>();
    for (String line : lines) {
      if (line.equals("    {")) {
        block = new StringBuilder(line);
        name = null;
        scopes = new TreeSet<>();
        continue;
      }
      if (block == null) {
        continue;
      }
      block.append('\n').append(line);
      if (line.startsWith("      \"interface\": ")) {
        name = unquote(line.substring("      \"interface\": ".length()).replaceAll(",$", ""));
      } else if (line.startsWith("      \"scopes\": [")) {
        for (String s : line.substring(line.indexOf('[') + 1, line.lastIndexOf(']')).split(",")) {
          if (!s.isBlank()) {
            scopes.add(Scope.parse(unquote(s.trim())));
          }
        }
      } else if (line.equals("    }") || line.equals("    },")) {
        if (name == null) {
          return List.of();
        }
        String text = block.toString();
        kept.add(new Kept(name, text.endsWith(",") ? text.substring(0, text.length() - 1) : text, scopes));
        block = null;
      }
    }
    return kept;
  }

  private static String unquote(String quoted) {
    if (quoted.length() < 2 || quoted.charAt(0) != '"' || quoted.charAt(quoted.length() - 1) != '"') {
      throw new IllegalArgumentException("not a JSON string: " + quoted);
    }
    return quoted.substring(1, quoted.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
  }

  private static String array(Set<Scope> scopes) {
    StringBuilder b = new StringBuilder("[");
    for (Scope scope : scopes) {
      b.append(b.length() == 1 ? "" : ", ").append(quote(scope.toString()));
    }
    return b.append("]").toString();
  }

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

package io.github.zohokit.processor;

import io.github.zohokit.auth.Scope;
import io.github.zohokit.auth.ScopeManifest;
import io.github.zohokit.processor.ClientModel.MethodModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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

  static String write(List<ClientModel> clients) {
    List<ClientModel> sorted = new ArrayList<>(clients);
    sorted.sort(Comparator.comparing(c -> c.interfaceName().canonicalName()));
    Set<Scope> union = new TreeSet<>();
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"format\": ").append(quote(ScopeManifest.FORMAT)).append(",\n  \"formatVersion\": 1,\n");
    json.append("  \"clients\": [");
    for (int c = 0; c < sorted.size(); c++) {
      ClientModel client = sorted.get(c);
      List<MethodModel> methods = new ArrayList<>(client.methods());
      methods.sort(Comparator.comparing(MethodModel::name).thenComparing(MethodModel::httpMethod)
          .thenComparing(m -> m.path().toString()));
      Set<Scope> clientScopes = new TreeSet<>();
      json.append(c == 0 ? "\n" : ",\n").append("    {\n      \"interface\": ")
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
    json.append(sorted.isEmpty() ? "]" : "\n  ]").append(",\n  \"scopes\": ").append(array(union)).append("\n}\n");
    return json.toString();
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

package io.github.zohokit.auth;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which scope a Zoho CRM call needs, inferred from its HTTP method and path where Zoho's URL scheme makes it
 * knowable. The processor uses this at compile time, the runtime and the Maven plugin use the same rules, so
 * "covered" means the same thing everywhere.
 *
 * <table>
 *   <caption>Rules (paths under {@code /crm/v{n}})</caption>
 *   <tr><th>path</th><th>scope needed</th></tr>
 *   <tr><td>{@code /coql}</td><td>{@code ZohoCRM.coql.READ}</td></tr>
 *   <tr><td>{@code /users...}</td><td>{@code ZohoCRM.users.OP}</td></tr>
 *   <tr><td>{@code /org...}</td><td>{@code ZohoCRM.org.OP}</td></tr>
 *   <tr><td>{@code /settings/{area}...}</td><td>{@code ZohoCRM.settings.{area}.OP}</td></tr>
 *   <tr><td>{@code /{Module}...} (a standard module)</td><td>{@code ZohoCRM.modules.{module}.OP};
 *       {@code /{Module}/upsert} needs {@code CREATE} and {@code UPDATE}</td></tr>
 *   <tr><td>{@code /crm/bulk/v{n}/read...}, {@code /write...}</td>
 *       <td>{@code ZohoCRM.bulk.READ}, {@code ZohoCRM.bulk.CREATE}</td></tr>
 * </table>
 *
 * OP is {@code READ} for GET, {@code CREATE} for POST, {@code UPDATE} for PUT and PATCH, {@code DELETE} for
 * DELETE; a POST that only reads ({@code /search}, {@code /coql}) needs {@code READ}. Anything else — custom
 * modules, a module given as a path variable, other APIs — cannot be judged, and the declared scopes are accepted
 * as they are.
 */
public final class ScopeRules {
  private static final Set<String> STANDARD_MODULES = Set.of("leads", "accounts", "contacts", "deals", "campaigns",
      "tasks", "cases", "events", "calls", "solutions", "products", "vendors", "price_books", "quotes",
      "sales_orders", "purchase_orders", "invoices", "appointments", "services", "notes", "attachments");

  private ScopeRules() {}

  /**
   * The scopes a call needs, all of them; empty when the rules cannot judge the path.
   *
   * @param method the HTTP method, for example {@code GET}
   * @param path the path template, for example {@code /crm/v8/Leads/{id}}
   */
  public static List<Scope> required(String method, String path) {
    String op = operation(method);
    String[] segments = segments(path);
    if (op == null || segments.length < 2 || !segments[0].equals("crm")) {
      return List.of();
    }
    if (segments[1].equals("bulk") && segments.length >= 4 && isVersion(segments[2])) {
      if (segments[3].equals("read")) {
        return scopes("ZohoCRM.bulk.READ");
      }
      if (segments[3].equals("write")) {
        return scopes(method.equalsIgnoreCase("GET") ? "ZohoCRM.bulk.READ" : "ZohoCRM.bulk.CREATE");
      }
      return List.of();
    }
    if (!isVersion(segments[1]) || segments.length < 3) {
      return List.of();
    }
    String first = segments[2];
    String rest = segments.length > 3 ? segments[3] : null;
    switch (first) {
      case "coql":
        return scopes("ZohoCRM.coql.READ");
      case "users":
        return scopes("ZohoCRM.users." + op);
      case "org":
        return scopes("ZohoCRM.org." + op);
      case "settings":
        return rest == null || isVariable(rest) ? List.of() : scopes("ZohoCRM.settings." + rest + "." + op);
      default:
        break;
    }
    String module = first.toLowerCase(Locale.ROOT);
    if (isVariable(first) || !STANDARD_MODULES.contains(module)) {
      return List.of();
    }
    String prefix = "ZohoCRM.modules." + module + ".";
    if ("search".equals(rest) || "deleted".equals(rest) || "actions".equals(rest) && segments.length > 4
        && segments[4].equals("count")) {
      return scopes(prefix + "READ");
    }
    if ("upsert".equals(rest)) {
      return scopes(prefix + "CREATE", prefix + "UPDATE");
    }
    return scopes(prefix + op);
  }

  private static String operation(String method) {
    switch (method.toUpperCase(Locale.ROOT)) {
      case "GET":
        return "READ";
      case "POST":
        return "CREATE";
      case "PUT":
      case "PATCH":
        return "UPDATE";
      case "DELETE":
        return "DELETE";
      default:
        return null;
    }
  }

  private static List<Scope> scopes(String... scopes) {
    List<Scope> parsed = new java.util.ArrayList<>();
    for (String s : scopes) {
      parsed.add(Scope.parse(s));
    }
    return parsed;
  }

  private static String[] segments(String path) {
    String p = path.trim();
    int query = p.indexOf('?');
    if (query >= 0) {
      p = p.substring(0, query);
    }
    while (p.startsWith("/")) {
      p = p.substring(1);
    }
    return p.isEmpty() ? new String[0] : p.split("/+");
  }

  private static boolean isVersion(String segment) {
    return segment.matches("v\\d+(\\.\\d+)?");
  }

  private static boolean isVariable(String segment) {
    return segment.startsWith("{");
  }
}

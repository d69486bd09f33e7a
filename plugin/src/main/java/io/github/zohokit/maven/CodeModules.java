package io.github.zohokit.maven;

import io.github.zohokit.scope.Scope;
import io.github.zohokit.scope.ScopeManifest;
import io.github.zohokit.scope.ScopeRequirement;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The CRM modules a project's code names, read from the scope manifest its compilation wrote
 * ({@code target/classes/META-INF/zoho/scopes.json}): the default module selection of {@code zoho:schema}.
 *
 * <p>How it decides: a method's path names a module where the scope catalogue's documented path has
 * {@code {module}} and the declared path has a literal ({@code GET /crm/v8/Leads/{id}} names Leads), or right after
 * the version when the segment is a custom module ({@code /crm/v8/Projects__c}); a {@code @Coql} method
 * ({@code POST /crm/v8/coql}) names the modules of its module read scopes ({@code ZohoCRM.modules.deals.READ}), a
 * scope name turned into the API name with Zoho's list of module scope names (Get-Records-through-COQL-Query.html:
 * leads, accounts, contacts, users, deals, campaigns, tasks, cases, events, calls, solutions, products, vendors,
 * pricebooks, quotes, salesorders, purchaseorders, invoices and custom; custom names no module).
 */
final class CodeModules {
  private static final Map<String, String> SCOPE_NAMES = Map.ofEntries(Map.entry("leads", "Leads"),
      Map.entry("accounts", "Accounts"), Map.entry("contacts", "Contacts"), Map.entry("deals", "Deals"),
      Map.entry("campaigns", "Campaigns"), Map.entry("tasks", "Tasks"), Map.entry("cases", "Cases"),
      Map.entry("events", "Events"), Map.entry("calls", "Calls"), Map.entry("solutions", "Solutions"),
      Map.entry("products", "Products"), Map.entry("vendors", "Vendors"), Map.entry("pricebooks", "Price_Books"),
      Map.entry("quotes", "Quotes"), Map.entry("salesorders", "Sales_Orders"),
      Map.entry("purchaseorders", "Purchase_Orders"), Map.entry("invoices", "Invoices"));

  private CodeModules() {}

  /** The modules the manifest under {@code classes} names, sorted; empty when there is no manifest. */
  static Set<String> named(File classes) throws IOException {
    Set<String> modules = new TreeSet<>();
    File file = classes == null ? null : new File(classes, ScopeManifest.RESOURCE);
    if (file == null || !file.isFile()) {
      return modules;
    }
    ScopeManifest manifest;
    try (InputStream in = Files.newInputStream(file.toPath())) {
      manifest = ScopeManifest.read(in, file.toString());
    }
    for (ScopeManifest.Api api : manifest.apis()) {
      for (ScopeManifest.Method method : api.methods()) {
        if (method.path().equals("/crm/v8/coql")) {
          for (Scope scope : method.scopes()) {
            String[] parts = scope.toString().toLowerCase(Locale.ROOT).split("\\.");
            if (parts.length == 4 && parts[1].equals("modules") && SCOPE_NAMES.containsKey(parts[2])) {
              modules.add(SCOPE_NAMES.get(parts[2]));
            }
          }
        } else {
          ScopeRequirement.moduleSegment(method.httpMethod(), method.path()).ifPresent(modules::add);
        }
      }
    }
    return modules;
  }
}

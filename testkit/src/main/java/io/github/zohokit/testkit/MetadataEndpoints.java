package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Zoho CRM's users, org and settings (modules, fields) APIs, with the shapes of Zoho's v8 pages under
 * {@code https://www.zoho.com/crm/developer/docs/api/v8/}.
 */
final class MetadataEndpoints {
  private final Accounts accounts;
  private final Crm crm;

  MetadataEndpoints(Accounts accounts, Crm crm) {
    this.accounts = accounts;
    this.crm = crm;
  }

  void org(DataCenter dc, Http http) throws IOException {
    // one organisation, yet in an array named org (get-org-data.html); its id is what the client-credentials
    // grant's soid names (ZohoCRM.<id>)
    ObjectNode body = Http.JSON.createObjectNode();
    body.putArray("org").add(crm.orgInfo(dc));
    http.json(200, body);
  }

  void users(DataCenter dc, Http http, Accounts.AccessToken token, String id) throws IOException {
    List<FakeUser> users = new ArrayList<>();
    for (FakeUser u : accounts.users()) {
      if (u.homeDataCenter() == dc) {
        users.add(u);
      }
    }
    if (id != null) {
      users.removeIf(u -> !u.zuid().equals(id));
    } else if ("CurrentUser".equals(http.param("type"))) {
      // the user the token belongs to: how Zoho's own SDK labels a stored token with an email (get-users.html)
      users.removeIf(u -> !u.zuid().equals(token.user.zuid()));
    }
    // nothing to list is 204 with no body, as for records (status-codes.html)
    if (users.isEmpty()) {
      http.empty(204);
      return;
    }
    ObjectNode body = Http.JSON.createObjectNode();
    ArrayNode array = body.putArray("users");
    FakeUser admin = crm.org(dc).admin;
    for (FakeUser u : users) {
      String[] names = u.fullName().split(" ", 2);
      ObjectNode user = array.addObject().put("id", u.zuid()).put("full_name", u.fullName())
          .put("first_name", names[0]).put("last_name", names.length > 1 ? names[1] : "").put("email", u.email())
          .put("status", "active").put("time_zone", "Europe/London").put("locale", "en_GB");
      boolean isAdmin = u.zuid().equals(admin.zuid());
      user.putObject("role").put("name", isAdmin ? "CEO" : "Manager").put("id", isAdmin ? "1" : "2");
      user.putObject("profile").put("name", isAdmin ? "Administrator" : "Standard").put("id", isAdmin ? "1" : "2");
    }
    body.putObject("info").put("per_page", 200).put("count", users.size()).put("page", 1)
        .put("more_records", false);
    http.json(200, body);
  }

  void settings(DataCenter dc, Http http, String[] s) throws IOException {
    if (OrgSchemas.answerSettings(crm, dc, http, s)) {
      return;
    }
    ObjectNode body = Http.JSON.createObjectNode();
    if (s[3].equals("modules")) {
      if (s.length > 4) {
        Crm.Module module = crm.module(dc, s[4]);
        if (module == null) {
          throw ZohoError.invalidModule(2);
        }
        body.putArray("modules").add(Crm.moduleMeta(module));
      } else {
        body.set("modules", crm.modulesMeta(dc));
      }
    } else if (s[3].equals("fields")) {
      // fields metadata takes the module as a query parameter, not a path segment, and requires it
      // (field-meta.html)
      String name = http.param("module");
      if (name == null) {
        throw ZohoError.missingParam("module");
      }
      Crm.Module module = crm.module(dc, name);
      if (module == null) {
        throw ZohoError.invalidParam("module", "the module name given seems to be invalid");
      }
      body.set("fields", crm.fieldsMeta(module));
    } else {
      throw ZohoError.invalidUrl();
    }
    http.json(200, body);
  }
}

package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Zoho CRM's users, org and settings (modules, fields, layouts, related lists) APIs, answering the shapes of
 * {@link ZohoShapes} built by {@link CrmMetadata}; the pages are under
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
    body.putArray("org").add(crm.orgInfo(dc).deepCopy());
    http.json(200, body, ZohoShapes.ORG_ANSWER);
  }

  void users(DataCenter dc, Http http, Accounts.AccessToken token, String id) throws IOException {
    List<FakeUser> users = new ArrayList<>();
    for (FakeUser u : accounts.users()) {
      if (u.homeDataCenter() == dc) {
        users.add(u);
      }
    }
    if (id != null) {
      // the CRM user id (19 digits), not the ZUID (get-users.html, "Get a specific user")
      users.removeIf(u -> !Ids.crmUserId(u).equals(id));
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
    ObjectNode adminRef = Http.JSON.createObjectNode().put("name", admin.fullName()).put("id", Ids.crmUserId(admin));
    String created = crm.orgInfo(dc).path("created_time").asText(Crm.format(java.time.Instant.parse(
        "2026-01-05T04:00:00Z")));
    for (FakeUser u : users) {
      array.add(CrmMetadata.user(u, Ids.crmUserId(u), u.zuid().equals(admin.zuid()), adminRef, created));
    }
    body.putObject("info").put("per_page", 200).put("count", users.size()).put("page", 1)
        .put("more_records", false);
    http.json(200, body, ZohoShapes.USERS_PAGE);
  }

  /** {@code /settings/{what}[/{id}]}: modules, fields, layouts, related lists; anything else the fake lacks. */
  void settings(DataCenter dc, Http http, String[] s) throws IOException {
    if (s.length > 5) {
      throw ZohoError.invalidUrl();
    }
    if (OrgSchemas.answerSettings(crm, dc, http, s)) {
      return;
    }
    ObjectNode body = Http.JSON.createObjectNode();
    switch (s[3]) {
      case "modules":
        if (s.length > 4) {
          Crm.Module module = crm.module(dc, s[4]);
          if (module == null) {
            throw ZohoError.invalidModule(2);
          }
          body.putArray("modules").add(CrmMetadata.module(module));
          http.json(200, body, ZohoShapes.MODULE_ANSWER);
        } else {
          body.set("modules", crm.modulesMeta(dc));
          http.json(200, body, ZohoShapes.MODULES_ANSWER);
        }
        return;
      case "fields":
        if (s.length > 4) {
          // GET /settings/fields/{id}?module= (field-meta.html)
          ObjectNode field = byId(CrmMetadata.fields(moduleParam(dc, http)), s[4]);
          body.putArray("fields").add(field);
        } else {
          body.set("fields", CrmMetadata.fields(moduleParam(dc, http)));
        }
        http.json(200, body, ZohoShapes.FIELDS_ANSWER);
        return;
      case "layouts":
        // GET /settings/layouts[/{id}]?module= (layouts-meta.html): one Standard layout per module
        ObjectNode layout = CrmMetadata.layout(moduleParam(dc, http));
        if (s.length > 4 && !layout.path("id").asText().equals(s[4])) {
          throw ZohoError.invalidParam("id", "the layout id given seems to be invalid");
        }
        body.putArray("layouts").add(layout);
        http.json(200, body, ZohoShapes.LAYOUTS_ANSWER);
        return;
      case "related_lists":
        // GET /settings/related_lists[/{id}]?module= (related-list-meta.html)
        Crm.Module module = moduleParam(dc, http);
        ArrayNode lists = body.putArray("related_lists");
        int sequence = 0;
        for (String[] r : CrmMetadata.relatedListsOf(module)) {
          ObjectNode list = CrmMetadata.relatedList(module, r, ++sequence);
          if (s.length <= 4 || list.path("id").asText().equals(s[4])) {
            lists.add(list);
          }
        }
        if (s.length > 4 && lists.isEmpty()) {
          throw ZohoError.invalidParam("id", "the related list id given seems to be invalid");
        }
        if (lists.isEmpty()) {
          http.empty(204);
          return;
        }
        http.json(200, body, ZohoShapes.RELATED_LISTS_ANSWER);
        return;
      default:
        throw ZohoError.invalidUrl();
    }
  }

  /**
   * The {@code module} parameter the settings APIs take (not a path segment), required: {@code REQUIRED_PARAM_MISSING}
   * without it, {@code INVALID_DATA} for a module the org lacks (field-meta.html, layouts-meta.html).
   */
  private Crm.Module moduleParam(DataCenter dc, Http http) {
    String name = http.param("module");
    if (name == null) {
      throw ZohoError.missingParam("module");
    }
    Crm.Module module = crm.module(dc, name);
    if (module == null) {
      throw ZohoError.invalidParam("module", "the module name given seems to be invalid");
    }
    return module;
  }

  private static ObjectNode byId(ArrayNode items, String id) {
    for (int i = 0; i < items.size(); i++) {
      if (items.get(i).path("id").asText().equals(id)) {
        return (ObjectNode) items.get(i);
      }
    }
    throw ZohoError.invalidParam("id", "the id given seems to be invalid");
  }
}

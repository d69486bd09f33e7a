package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.auth.DataCenter;
import io.github.zohokit.auth.ScopeRules;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Zoho CRM v8 over HTTP: records (list with mandatory {@code fields}, paging with {@code page} up to 2,000 records
 * and {@code page_token} beyond, 204 when empty), get, insert/update/upsert (at most 100, per-record results, 207
 * on partial failure), delete, search, deleted, count, COQL, users, org, modules and fields metadata. Every call
 * needs {@code Authorization: Zoho-oauthtoken} with a token of this data centre whose scopes cover the call.
 */
final class CrmEndpoints {
  private static final int MAX_PAGE_RECORDS = 2000;

  private final FakeZoho fake;
  private final Accounts accounts;
  private final Crm crm;
  private final Map<String, int[]> pageTokens = new ConcurrentHashMap<>();

  CrmEndpoints(FakeZoho fake, Accounts accounts, Crm crm) {
    this.fake = fake;
    this.accounts = accounts;
    this.crm = crm;
  }

  void handle(DataCenter dc, Http http) throws IOException {
    cors(http);
    if (http.method.equals("OPTIONS")) {
      http.empty(204);
      return;
    }
    String[] segments = http.path.substring(1).split("/");
    if (segments.length < 3 || !segments[1].matches("v\\d+")) {
      error(http, 404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one",
          Http.JSON.createObjectNode());
      return;
    }
    fake.increment("crm:" + http.method + " " + http.path);
    String authorization = http.header("Authorization");
    if (authorization == null || !authorization.startsWith("Zoho-oauthtoken ")) {
      error(http, 401, "AUTHENTICATION_FAILURE", "Authentication failed", Http.JSON.createObjectNode());
      return;
    }
    Accounts.AccessToken token = accounts.validAccess(authorization.substring("Zoho-oauthtoken ".length()).trim(), dc);
    if (token == null) {
      error(http, 401, "INVALID_TOKEN", "invalid oauth token", Http.JSON.createObjectNode());
      return;
    }
    // Zoho's documented scopes for the call (zohokit's catalogue); calls it does not know are not judged
    if (!ScopeRules.requirement(http.method, http.path).map(r -> r.isCoveredBy(token.scopes)).orElse(true)) {
      error(http, 401, "OAUTH_SCOPE_MISMATCH", "The access token you have used to make this API call does not have "
          + "the required scope.", Http.JSON.createObjectNode());
      return;
    }
    if (!fake.takeApiCredit(dc, http)) {
      error(http, 429, "TOO_MANY_REQUESTS", "too many requests", Http.JSON.createObjectNode());
      return;
    }
    route(dc, http, token, segments);
  }

  private void route(DataCenter dc, Http http, Accounts.AccessToken token, String[] s) throws IOException {
    String first = s[2];
    String method = http.method;
    if (first.equals("coql") && method.equals("POST")) {
      coql(dc, http);
    } else if (first.equals("users") && method.equals("GET")) {
      users(dc, http, token, s.length > 3 ? s[3] : null);
    } else if (first.equals("org") && method.equals("GET")) {
      ObjectNode body = Http.JSON.createObjectNode();
      body.putArray("org").add(crm.orgInfo(dc));
      http.json(200, body);
    } else if (first.equals("settings") && s.length >= 4 && method.equals("GET")) {
      settings(dc, http, s);
    } else {
      Crm.Module module = crm.module(dc, first);
      if (module == null) {
        ObjectNode details = Http.JSON.createObjectNode().put("resource_path_index", 0);
        error(http, 400, "INVALID_MODULE", "the module name given seems to be invalid", details);
        return;
      }
      records(dc, http, module, s);
    }
  }

  private void records(DataCenter dc, Http http, Crm.Module module, String[] s) throws IOException {
    String method = http.method;
    String sub = s.length > 3 ? s[3] : null;
    if (sub == null) {
      switch (method) {
        case "GET":
          list(http, module);
          return;
        case "POST":
          write(dc, http, module, Write.INSERT);
          return;
        case "PUT":
          write(dc, http, module, Write.UPDATE);
          return;
        case "DELETE":
          delete(http, module, http.param("ids"));
          return;
        default:
          methodNotAllowed(http);
          return;
      }
    }
    if (sub.equals("upsert") && method.equals("POST")) {
      write(dc, http, module, Write.UPSERT);
    } else if (sub.equals("search") && method.equals("GET")) {
      search(http, module);
    } else if (sub.equals("deleted") && method.equals("GET")) {
      deleted(http, module);
    } else if (sub.equals("actions") && s.length > 4 && s[4].equals("count") && method.equals("GET")) {
      count(http, module);
    } else {
      String id = sub;
      switch (method) {
        case "GET":
          getOne(http, module, id);
          return;
        case "PUT":
          write(dc, http, module, Write.UPDATE, id);
          return;
        case "DELETE":
          delete(http, module, id);
          return;
        default:
          methodNotAllowed(http);
      }
    }
  }

  // ---- reading ----

  private void list(Http http, Crm.Module module) throws IOException {
    List<String> fields = fields(http, true);
    if (fields == null) {
      return;
    }
    List<ObjectNode> all;
    synchronized (crm) {
      all = new ArrayList<>(module.records.values());
    }
    String ids = http.param("ids");
    if (ids != null) {
      Set<String> wanted = Set.of(ids.split(","));
      all.removeIf(r -> !wanted.contains(r.path("id").asText()));
    }
    String sortBy = http.param("sort_by") == null ? "id" : http.param("sort_by");
    if (!Set.of("id", "Created_Time", "Modified_Time").contains(sortBy)) {
      invalidParam(http, "sort_by", "sort_by must be id, Created_Time or Modified_Time");
      return;
    }
    String sortOrder = http.param("sort_order") == null ? "asc" : http.param("sort_order");
    Comparator<ObjectNode> order = Comparator.comparing(r -> r.path(sortBy).asText());
    all.sort("desc".equals(sortOrder) ? order.reversed() : order);
    page(http, all, fields, sortBy, sortOrder);
  }

  /** Answers one page of {@code records} with Zoho's {@code info}; 204 when there is nothing. */
  private void page(Http http, List<ObjectNode> records, List<String> fields, String sortBy, String sortOrder)
      throws IOException {
    Integer perPage = intParam(http, "per_page", 200);
    Integer page = intParam(http, "page", 1);
    if (perPage == null || page == null) {
      return;
    }
    if (perPage < 1 || perPage > 200) {
      invalidParam(http, "per_page", "per_page must be between 1 and 200");
      return;
    }
    String pageToken = http.param("page_token");
    int offset;
    if (pageToken != null) {
      if (http.param("page") != null) {
        invalidParam(http, "page_token", "page and page_token cannot be used together");
        return;
      }
      int[] position = pageTokens.get(pageToken);
      if (position == null) {
        invalidParam(http, "page_token", "the page_token is invalid or has expired");
        return;
      }
      offset = position[0];
      page = position[1];
    } else {
      offset = (page - 1) * perPage;
      if (offset + perPage > MAX_PAGE_RECORDS) {
        ObjectNode details = Http.JSON.createObjectNode().put("limit", MAX_PAGE_RECORDS);
        error(http, 400, "LIMIT_EXCEEDED", "cannot fetch records beyond " + MAX_PAGE_RECORDS + " with page; use "
            + "page_token", details);
        return;
      }
    }
    if (offset >= records.size()) {
      http.empty(204);
      return;
    }
    List<ObjectNode> slice = records.subList(offset, Math.min(records.size(), offset + perPage));
    boolean more = offset + perPage < records.size();
    ObjectNode body = Http.JSON.createObjectNode();
    ArrayNode data = body.putArray("data");
    slice.forEach(r -> data.add(project(r, fields)));
    ObjectNode info = body.putObject("info");
    info.put("per_page", perPage).put("count", slice.size()).put("page", page).put("more_records", more)
        .put("sort_by", sortBy).put("sort_order", sortOrder).put("call", false).put("email", false);
    if (more) {
      String next = "pt" + Ids.random("0123456789abcdef", 40);
      pageTokens.put(next, new int[] {offset + perPage, page + 1});
      info.put("next_page_token", next);
      info.put("page_token_expiry", fake.clock().instant().plus(Duration.ofDays(1)).toString());
    } else {
      info.putNull("next_page_token");
      info.putNull("page_token_expiry");
    }
    info.putNull("previous_page_token");
    http.json(200, body);
  }

  private void getOne(Http http, Crm.Module module, String id) throws IOException {
    ObjectNode record;
    synchronized (crm) {
      record = module.records.get(id);
      record = record == null ? null : record.deepCopy();
    }
    if (record == null) {
      http.empty(204);
      return;
    }
    List<String> fields = fields(http, false);
    ObjectNode body = Http.JSON.createObjectNode();
    body.putArray("data").add(fields == null || fields.isEmpty() ? record : project(record, fields));
    http.json(200, body);
  }

  private void search(Http http, Crm.Module module) throws IOException {
    Predicate<JsonNode> match;
    String criteria = http.param("criteria");
    try {
      if (criteria != null) {
        match = Criteria.parse(criteria);
      } else if (http.param("email") != null) {
        String email = http.param("email");
        match = r -> email.equalsIgnoreCase(r.path("Email").asText());
      } else if (http.param("phone") != null) {
        String phone = http.param("phone");
        match = r -> phone.equals(r.path("Phone").asText());
      } else if (http.param("word") != null) {
        String word = http.param("word").toLowerCase(Locale.ROOT);
        match = r -> r.toString().toLowerCase(Locale.ROOT).contains(word);
      } else {
        ObjectNode details = Http.JSON.createObjectNode().put("param_name", "criteria");
        error(http, 400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing", details);
        return;
      }
    } catch (IllegalArgumentException e) {
      invalidParam(http, "criteria", "invalid criteria: " + e.getMessage());
      return;
    }
    List<ObjectNode> found = new ArrayList<>();
    synchronized (crm) {
      for (ObjectNode r : module.records.values()) {
        if (match.test(r)) {
          found.add(r);
        }
      }
    }
    List<String> fields = fields(http, false);
    page(http, found, fields == null || fields.isEmpty() ? null : fields, "id", "asc");
  }

  private void deleted(Http http, Crm.Module module) throws IOException {
    List<ObjectNode> deleted;
    synchronized (crm) {
      deleted = new ArrayList<>(module.deleted);
    }
    page(http, deleted, null, "id", "asc");
  }

  private void count(Http http, Crm.Module module) throws IOException {
    long count;
    synchronized (crm) {
      count = module.records.size();
    }
    http.json(200, Http.JSON.createObjectNode().put("count", count));
  }

  private void coql(DataCenter dc, Http http) throws IOException {
    JsonNode body = http.hasJsonBody() ? http.jsonBody() : null;
    String query = body == null ? null : body.path("select_query").asText(null);
    if (query == null) {
      ObjectNode details = Http.JSON.createObjectNode().put("param_name", "select_query");
      error(http, 400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing", details);
      return;
    }
    Coql.Query parsed;
    try {
      parsed = Coql.parse(query);
    } catch (Coql.SyntaxError e) {
      ObjectNode details = Http.JSON.createObjectNode().put("clause", e.clause).put("near", e.near);
      error(http, 400, "SYNTAX_ERROR", "error occured while parsing the query: " + e.getMessage(), details);
      return;
    }
    Crm.Module module = crm.module(dc, parsed.module());
    if (module == null) {
      ObjectNode details = Http.JSON.createObjectNode().put("clause", "from").put("near", parsed.module());
      error(http, 400, "INVALID_QUERY", "invalid module in the from clause", details);
      return;
    }
    if (parsed.limit() > 2000 || parsed.offset() + parsed.limit() > 100_000) {
      ObjectNode details = Http.JSON.createObjectNode().put("clause", "limit").put("limit", 2000);
      error(http, 400, "LIMIT_EXCEEDED", "limit exceeded", details);
      return;
    }
    List<ObjectNode> rows = new ArrayList<>();
    synchronized (crm) {
      for (ObjectNode r : module.records.values()) {
        if (parsed.where().test(r)) {
          rows.add(r);
        }
      }
    }
    rows.sort(parsed.order()::compare);
    if (parsed.offset() >= rows.size()) {
      http.empty(204);
      return;
    }
    List<ObjectNode> slice = rows.subList(parsed.offset(), Math.min(rows.size(), parsed.offset() + parsed.limit()));
    ObjectNode answer = Http.JSON.createObjectNode();
    ArrayNode data = answer.putArray("data");
    slice.forEach(r -> data.add(project(r, parsed.fields())));
    answer.putObject("info").put("count", slice.size())
        .put("more_records", parsed.offset() + parsed.limit() < rows.size());
    http.json(200, answer);
  }

  private void users(DataCenter dc, Http http, Accounts.AccessToken token, String id) throws IOException {
    List<FakeUser> users = new ArrayList<>();
    for (FakeUser u : accounts.users()) {
      if (u.homeDataCenter() == dc) {
        users.add(u);
      }
    }
    if (id != null) {
      users.removeIf(u -> !u.zuid().equals(id));
    } else if ("CurrentUser".equals(http.param("type"))) {
      users.removeIf(u -> !u.zuid().equals(token.user.zuid()));
    }
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

  private void settings(DataCenter dc, Http http, String[] s) throws IOException {
    ObjectNode body = Http.JSON.createObjectNode();
    if (s[3].equals("modules")) {
      if (s.length > 4) {
        Crm.Module module = crm.module(dc, s[4]);
        if (module == null) {
          error(http, 400, "INVALID_MODULE", "the module name given seems to be invalid",
              Http.JSON.createObjectNode().put("resource_path_index", 2));
          return;
        }
        body.putArray("modules").add(Crm.moduleMeta(module));
      } else {
        body.set("modules", crm.modulesMeta(dc));
      }
      http.json(200, body);
    } else if (s[3].equals("fields")) {
      String name = http.param("module");
      if (name == null) {
        error(http, 400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
            Http.JSON.createObjectNode().put("param_name", "module"));
        return;
      }
      Crm.Module module = crm.module(dc, name);
      if (module == null) {
        invalidParam(http, "module", "the module name given seems to be invalid");
        return;
      }
      body.set("fields", crm.fieldsMeta(module));
      http.json(200, body);
    } else {
      error(http, 404, "INVALID_URL_PATTERN", "Please check if the URL trying to access is a correct one",
          Http.JSON.createObjectNode());
    }
  }

  // ---- writing ----

  private enum Write { INSERT, UPDATE, UPSERT }

  private void write(DataCenter dc, Http http, Crm.Module module, Write kind) throws IOException {
    write(dc, http, module, kind, null);
  }

  private void write(DataCenter dc, Http http, Crm.Module module, Write kind, String pathId) throws IOException {
    JsonNode body;
    try {
      body = http.jsonBody();
    } catch (IOException e) {
      error(http, 400, "INVALID_DATA", "the body is not valid JSON", Http.JSON.createObjectNode());
      return;
    }
    JsonNode data = body == null ? null : body.get("data");
    if (data == null || !data.isArray() || data.isEmpty()) {
      ObjectNode details = Http.JSON.createObjectNode().put("param_name", "data");
      error(http, 400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing", details);
      return;
    }
    if (data.size() > 100) {
      ObjectNode details = Http.JSON.createObjectNode().put("limit", 100);
      error(http, 400, "LIMIT_EXCEEDED", "only 100 records can be handled in one call", details);
      return;
    }
    List<String> duplicateCheck = new ArrayList<>();
    body.path("duplicate_check_fields").forEach(f -> duplicateCheck.add(f.asText()));
    if (kind == Write.UPSERT && duplicateCheck.isEmpty()) {
      duplicateCheck.add(module.fieldTypes.containsKey("Email") ? "Email" : module.mandatory.get(0));
    }
    Crm.Org org = crm.org(dc);
    ArrayNode results = Http.JSON.createArrayNode();
    int ok = 0;
    synchronized (crm) {
      for (JsonNode item : data) {
        ObjectNode result = writeOne(org, module, kind, pathId, item, duplicateCheck);
        if ("success".equals(result.path("status").asText())) {
          ok++;
        }
        results.add(result);
      }
    }
    ObjectNode answer = Http.JSON.createObjectNode();
    answer.set("data", results);
    int status = ok == results.size() ? (kind == Write.INSERT ? 201 : 200) : ok == 0 ? 400 : 207;
    http.json(status, answer);
  }

  private ObjectNode writeOne(Crm.Org org, Crm.Module module, Write kind, String pathId, JsonNode item,
      List<String> duplicateCheck) {
    if (!item.isObject()) {
      return failure("INVALID_DATA", "invalid data", Http.JSON.createObjectNode());
    }
    ObjectNode record = ((ObjectNode) item).deepCopy();
    String email = record.path("Email").isTextual() ? record.path("Email").asText() : null;
    if (email != null && !email.isEmpty() && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      return failure("INVALID_DATA", "invalid data",
          Http.JSON.createObjectNode().put("api_name", "Email").put("expected_data_type", "email"));
    }
    String id = pathId != null ? pathId : record.path("id").asText(null);
    String action;
    ObjectNode existing = null;
    if (kind == Write.UPSERT) {
      for (ObjectNode r : module.records.values()) {
        for (String f : duplicateCheck) {
          if (record.hasNonNull(f) && record.path(f).asText().equalsIgnoreCase(r.path(f).asText())) {
            existing = r;
            break;
          }
        }
        if (existing != null) {
          break;
        }
      }
      action = existing == null ? "insert" : "update";
    } else if (kind == Write.UPDATE) {
      existing = id == null ? null : module.records.get(id);
      if (existing == null) {
        return failure("INVALID_DATA", "the related id given seems to be invalid",
            Http.JSON.createObjectNode().put("api_name", "id"));
      }
      action = "update";
    } else {
      action = "insert";
    }
    String now = crm.now();
    if (existing == null) {
      for (String mandatory : module.mandatory) {
        if (!record.hasNonNull(mandatory) || record.path(mandatory).asText().isBlank()) {
          return failure("MANDATORY_NOT_FOUND", "required field not found",
              Http.JSON.createObjectNode().put("api_name", mandatory));
        }
      }
      record.remove("id");
      id = crm.insert(org, module, record, now);
    } else {
      record.remove("id");
      record.remove("Created_Time");
      record.remove("Created_By");
      existing.setAll(record);
      existing.put("Modified_Time", now);
      id = existing.path("id").asText();
    }
    ObjectNode stored = module.records.get(id);
    ObjectNode details = Http.JSON.createObjectNode()
        .put("Modified_Time", stored.path("Modified_Time").asText())
        .put("Created_Time", stored.path("Created_Time").asText())
        .put("id", id);
    details.set("Modified_By", Crm.ref(org.admin));
    details.set("Created_By", Crm.ref(org.admin));
    details.put("$approval_state", "approved");
    ObjectNode result = Http.JSON.createObjectNode().put("code", "SUCCESS");
    result.set("details", details);
    result.put("message", action.equals("insert") ? "record added" : "record updated").put("status", "success");
    if (kind == Write.UPSERT) {
      result.put("action", action);
      if (action.equals("update")) {
        result.put("duplicate_field", duplicateCheck.get(0));
      }
    }
    return result;
  }

  private void delete(Http http, Crm.Module module, String ids) throws IOException {
    if (ids == null || ids.isBlank()) {
      error(http, 400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
          Http.JSON.createObjectNode().put("param_name", "ids"));
      return;
    }
    String[] list = ids.split(",");
    if (list.length > 100) {
      error(http, 400, "LIMIT_EXCEEDED", "only 100 records can be deleted in one call",
          Http.JSON.createObjectNode().put("limit", 100));
      return;
    }
    ArrayNode results = Http.JSON.createArrayNode();
    int ok = 0;
    Set<String> seen = new HashSet<>();
    synchronized (crm) {
      for (String id : list) {
        ObjectNode record = seen.add(id) ? module.records.remove(id.trim()) : null;
        if (record == null) {
          results.add(failure("INVALID_DATA", "the related id given seems to be invalid",
              Http.JSON.createObjectNode().put("id", id)));
          continue;
        }
        ok++;
        module.deleted.add(Http.JSON.createObjectNode().put("id", record.path("id").asText())
            .put("display_name", record.path(module.mandatory.get(0)).asText()).put("type", "recycle")
            .put("deleted_time", crm.now()).set("deleted_by", record.path("Owner")));
        ObjectNode result = Http.JSON.createObjectNode().put("code", "SUCCESS");
        result.putObject("details").put("id", record.path("id").asText());
        result.put("message", "record deleted").put("status", "success");
        results.add(result);
      }
    }
    ObjectNode answer = Http.JSON.createObjectNode();
    answer.set("data", results);
    http.json(ok == list.length ? 200 : ok == 0 ? 400 : 207, answer);
  }

  // ---- helpers ----

  /** The {@code fields} parameter; null after answering an error. */
  private List<String> fields(Http http, boolean required) throws IOException {
    String fields = http.param("fields");
    if (fields == null) {
      if (required) {
        error(http, 400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
            Http.JSON.createObjectNode().put("param_name", "fields"));
        return null;
      }
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String f : fields.split(",")) {
      if (!f.isBlank()) {
        names.add(f.trim());
      }
    }
    if (names.size() > 50) {
      error(http, 400, "LIMIT_EXCEEDED", "at most 50 fields can be requested",
          Http.JSON.createObjectNode().put("param_name", "fields").put("limit", 50));
      return null;
    }
    return names;
  }

  private static ObjectNode project(ObjectNode record, List<String> fields) {
    if (fields == null) {
      return record.deepCopy();
    }
    ObjectNode out = Http.JSON.createObjectNode();
    for (String f : fields) {
      out.set(f, record.has(f) ? record.get(f).deepCopy() : Http.JSON.nullNode());
    }
    out.put("id", record.path("id").asText());
    return out;
  }

  private Integer intParam(Http http, String name, int fallback) throws IOException {
    String value = http.param(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      invalidParam(http, name, name + " must be a number");
      return null;
    }
  }

  private static ObjectNode failure(String code, String message, ObjectNode details) {
    ObjectNode result = Http.JSON.createObjectNode().put("code", code);
    result.set("details", details);
    return result.put("message", message).put("status", "error");
  }

  private void invalidParam(Http http, String param, String message) throws IOException {
    error(http, 400, "INVALID_DATA", message, Http.JSON.createObjectNode().put("param_name", param));
  }

  private void methodNotAllowed(Http http) throws IOException {
    error(http, 405, "INVALID_REQUEST_METHOD", "The http request method type is not a valid one",
        Http.JSON.createObjectNode());
  }

  static void error(Http http, int status, String code, String message, ObjectNode details) throws IOException {
    ObjectNode body = Http.JSON.createObjectNode().put("code", code);
    body.set("details", details);
    body.put("message", message).put("status", "error");
    http.json(status, body);
  }

  /** CORS for the JavaScript domains registered by client-based apps. */
  private void cors(Http http) {
    String origin = http.header("Origin");
    if (origin == null) {
      return;
    }
    for (FakeClient client : accounts.clients()) {
      if (client.javascriptDomains().contains(origin)) {
        http.header("Access-Control-Allow-Origin", origin);
        http.header("Vary", "Origin");
        http.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        http.header("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Modified-Since");
        http.header("Access-Control-Max-Age", "600");
        return;
      }
    }
  }
}

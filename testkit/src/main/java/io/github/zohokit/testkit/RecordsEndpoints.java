package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Zoho CRM's records API of one module: list with mandatory {@code fields}, paging with {@code page} up to 2,000
 * records and {@code page_token} beyond (204 when empty), get, insert/update/upsert (at most 100, per-record
 * results, 207 on partial failure), delete, search, deleted and count.
 *
 * <p>The comments say where Zoho documents each behaviour a client must cope with; the pages are under
 * {@code https://www.zoho.com/crm/developer/docs/api/v8/} (collected in the project's {@code zoho-protocol.md},
 * section 7).
 */
final class RecordsEndpoints {
  /** page/per_page reach only the first 2,000 records; page_token goes further (get-records.html, Kaizen #60). */
  private static final int MAX_PAGE_RECORDS = 2000;
  /** Records per insert, update, upsert or delete call (insert-records.html, Kaizen #203). */
  private static final int MAX_BATCH = 100;
  /** Field API names one list call may ask for (get-records.html). */
  private static final int MAX_FIELDS = 50;

  private final FakeZoho fake;
  private final Crm crm;
  private final Map<String, int[]> pageTokens = new ConcurrentHashMap<>();
  private final ChangeEndpoints changes;
  private final RelatedRecordsEndpoints related;

  RecordsEndpoints(FakeZoho fake, Crm crm) {
    this.fake = fake;
    this.crm = crm;
    this.changes = new ChangeEndpoints(fake, crm, fake.sync());
    this.related = new RelatedRecordsEndpoints(crm);
  }

  /** Routes {@code /crm/vN/{module}[/...]}, segments {@code s}. */
  void handle(DataCenter dc, Http http, Crm.Module module, String[] s) throws IOException {
    String method = http.method;
    String sub = s.length > 3 ? s[3] : null;
    if (sub == null) {
      switch (method) {
        case "GET":
          // every list, plain or not, is one behaviour: If-Modified-Since, sort (id descending unless asked),
          // converted, page and page_token (get-records.html)
          changes.list(http, module);
          return;
        case "POST":
          write(dc, http, module, Crm.Write.INSERT, null);
          return;
        case "PUT":
          write(dc, http, module, Crm.Write.UPDATE, null);
          return;
        case "DELETE":
          delete(http, module, http.param("ids"));
          return;
        default:
          throw ZohoError.methodNotAllowed();
      }
    }
    if (sub.equals("upsert") || sub.equals("search") || sub.equals("deleted") || sub.equals("actions")) {
      special(dc, http, module, s, sub);
      return;
    }
    String id = sub;
    if (s.length > 4) {
      // /{module}/{id}/{related_list}[/{related_id}] (get-related-records.html); the record's own actions and photo
      // are endpoints the fake lacks (INVALID_URL_PATTERN) unless another part of the fake routes them first
      if (s[4].equals("actions") || s[4].equals("photo") || s.length > 6) {
        throw ZohoError.invalidUrl();
      }
      related.handle(dc, http, this, module, id, s[4], s.length > 5 ? s[5] : null);
      return;
    }
    switch (method) {
      case "GET":
        getOne(http, module, id);
        return;
      case "PUT":
        write(dc, http, module, Crm.Write.UPDATE, id);
        return;
      case "DELETE":
        delete(http, module, id);
        return;
      default:
        throw ZohoError.methodNotAllowed();
    }
  }

  /** {@code upsert}, {@code search}, {@code deleted} and {@code actions/count} of a module. */
  private void special(DataCenter dc, Http http, Crm.Module module, String[] s, String sub) throws IOException {
    String method = http.method;
    int extra = s.length - 4;
    if (sub.equals("upsert") && extra == 0 && method.equals("POST")) {
      write(dc, http, module, Crm.Write.UPSERT, null);
    } else if (sub.equals("search") && extra == 0 && method.equals("GET")) {
      search(http, module);
    } else if (sub.equals("deleted") && extra == 0 && method.equals("GET")) {
      changes.deleted(http, module);
    } else if (sub.equals("actions") && extra == 1 && s[4].equals("count") && method.equals("GET")) {
      http.json(200, Http.JSON.createObjectNode().put("count", crm.count(module)), ZohoShapes.COUNT);
    } else if (extra == 0 && !sub.equals("actions")) {
      throw ZohoError.methodNotAllowed();
    } else {
      // other actions (mass_update, fetch_full_data, ...) and deeper paths: endpoints the fake lacks
      throw ZohoError.invalidUrl();
    }
  }

  // ---- reading ----

  /**
   * Answers one page of {@code records} with Zoho's {@code info}; 204 with an empty body, not an empty
   * {@code data}, when there is nothing (status-codes.html: "204 NO CONTENT"). Beyond 2,000 records a client must
   * switch from {@code page} to {@code info.next_page_token}, which cannot be combined with {@code page} and
   * expires ({@code page_token_expiry}; the fake gives a day) (get-records.html).
   */
  private void page(Http http, List<ObjectNode> records, List<String> fields, String sortBy, String sortOrder)
      throws IOException {
    int perPage = intParam(http, "per_page", 200);
    int page = intParam(http, "page", 1);
    if (perPage < 1 || perPage > 200) {
      throw ZohoError.invalidParam("per_page", "per_page must be between 1 and 200");
    }
    String pageToken = http.param("page_token");
    int offset;
    if (pageToken != null) {
      if (http.param("page") != null) {
        throw ZohoError.invalidParam("page_token", "page and page_token cannot be used together");
      }
      int[] position = pageTokens.get(pageToken);
      if (position == null) {
        throw ZohoError.invalidParam("page_token", "the page_token is invalid or has expired");
      }
      offset = position[0];
      page = position[1];
    } else {
      offset = (page - 1) * perPage;
      if (offset + perPage > MAX_PAGE_RECORDS) {
        ObjectNode details = Http.JSON.createObjectNode().put("limit", MAX_PAGE_RECORDS);
        throw new ZohoError(400, "LIMIT_EXCEEDED", "cannot fetch records beyond " + MAX_PAGE_RECORDS + " with page; "
            + "use page_token", details);
      }
    }
    // more_records is the loop's end, not count < per_page (get-records.html)
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
      info.put("page_token_expiry", Crm.format(fake.clock().instant().plus(Duration.ofDays(1))));
    } else {
      info.putNull("next_page_token");
      info.putNull("page_token_expiry");
    }
    info.putNull("previous_page_token");
    http.json(200, body, ZohoShapes.RECORDS_PAGE);
  }

  private void getOne(Http http, Crm.Module module, String id) throws IOException {
    ObjectNode record = crm.record(module, id);
    // an unknown id answers 204, not 404 (what zohokit's Optional<T> returns map to empty); fields is optional
    // here, unlike the list call (get-records.html)
    if (record == null) {
      http.empty(204);
      return;
    }
    // If-Modified-Since on one record: 304 with no body when it has not changed since (get-records.html; the
    // header read as for lists, ChangeEndpoints.ifModifiedSince)
    java.time.Instant since = ChangeEndpoints.ifModifiedSince(http);
    if (since != null && ChangeEndpoints.time(record.path("Modified_Time").asText()).isBefore(since)) {
      http.empty(304);
      return;
    }
    List<String> fields = fields(http, false);
    ObjectNode body = Http.JSON.createObjectNode();
    body.putArray("data").add(fields.isEmpty() ? record : project(record, fields));
    http.json(200, body, ZohoShapes.RECORD_ANSWER);
  }

  private void search(Http http, Crm.Module module) throws IOException {
    Predicate<JsonNode> match = searchMatch(http);
    List<ObjectNode> found = crm.matching(module, match);
    List<String> fields = fields(http, false);
    page(http, found, fields.isEmpty() ? null : fields, "id", "asc");
  }

  /**
   * One of {@code criteria} ({@code (Last_Name:equals:Ng)and(...)}), {@code email}, {@code phone} or {@code word},
   * checked in that order; none is {@code REQUIRED_PARAM_MISSING} (search-records.html).
   */
  private static Predicate<JsonNode> searchMatch(Http http) {
    String criteria = http.param("criteria");
    if (criteria != null) {
      try {
        return Criteria.parse(criteria);
      } catch (IllegalArgumentException e) {
        throw ZohoError.invalidParam("criteria", "invalid criteria: " + e.getMessage());
      }
    } else if (http.param("email") != null) {
      String email = http.param("email");
      return r -> email.equalsIgnoreCase(r.path("Email").asText());
    } else if (http.param("phone") != null) {
      String phone = http.param("phone");
      return r -> phone.equals(r.path("Phone").asText());
    } else if (http.param("word") != null) {
      String word = http.param("word").toLowerCase(Locale.ROOT);
      return r -> r.toString().toLowerCase(Locale.ROOT).contains(word);
    }
    throw ZohoError.missingParam("criteria");
  }

  // ---- writing ----

  void write(DataCenter dc, Http http, Crm.Module module, Crm.Write kind, String pathId)
      throws IOException {
    write(dc, http, module, kind, pathId, item -> { });
  }

  /** A write whose records {@code prepare} completes first (a related note gets its parent). */
  void write(DataCenter dc, Http http, Crm.Module module, Crm.Write kind, String pathId,
      java.util.function.Consumer<JsonNode> prepare) throws IOException {
    JsonNode body;
    try {
      body = http.jsonBody();
    } catch (IOException e) {
      throw new ZohoError(400, "INVALID_DATA", "the body is not valid JSON");
    }
    JsonNode data = body == null ? null : body.get("data");
    if (data == null || !data.isArray() || data.isEmpty()) {
      throw ZohoError.missingParam("data");
    }
    data.forEach(prepare);
    if (data.size() > MAX_BATCH) {
      throw new ZohoError(400, "LIMIT_EXCEEDED", "only 100 records can be handled in one call",
          Http.JSON.createObjectNode().put("limit", MAX_BATCH));
    }
    // upsert without duplicate_check_fields uses the module's system-defined duplicate check, Email for
    // Leads and Contacts (upsert-records.html)
    List<String> duplicateCheck = new ArrayList<>();
    body.path("duplicate_check_fields").forEach(f -> duplicateCheck.add(f.asText()));
    if (kind == Crm.Write.UPSERT && duplicateCheck.isEmpty()) {
      duplicateCheck.add(module.fieldTypes.containsKey("Email") ? "Email" : module.mandatory.get(0));
    }
    // one result per record, in order, each with its own code and status: 201 for an insert that fully
    // succeeded, 200 otherwise, 207 Multi-Status when some records failed, 400 when all did
    // (insert-records.html, update-records.html, status-codes.html)
    // (with a snapshot from FakeZoho.Builder.schema, the write is first checked against the org's fields)
    ArrayNode results = OrgSchemas.write(crm, dc, crm.org(dc), module, kind, pathId, data, duplicateCheck);
    fake.notifications().written(dc, module.apiName, kind, data, results); // Zoho notifies watch channels
    int ok = successes(results);
    int status = ok == results.size() ? (kind == Crm.Write.INSERT ? 201 : 200) : ok == 0 ? 400 : 207;
    http.json(status, Http.JSON.createObjectNode().set("data", results), ZohoShapes.ACTION_ANSWER);
  }

  void delete(Http http, Crm.Module module, String ids) throws IOException {
    if (ids == null || ids.isBlank()) {
      throw ZohoError.missingParam("ids");
    }
    String[] list = ids.split(",");
    if (list.length > MAX_BATCH) {
      throw new ZohoError(400, "LIMIT_EXCEEDED", "only 100 records can be deleted in one call",
          Http.JSON.createObjectNode().put("limit", MAX_BATCH));
    }
    ArrayNode results = crm.delete(module, list);
    fake.notifications().deleted(module, results); // Zoho notifies watch channels
    int ok = successes(results);
    http.json(ok == list.length ? 200 : ok == 0 ? 400 : 207, Http.JSON.createObjectNode().set("data", results),
        ZohoShapes.ACTION_ANSWER);
  }

  private static int successes(ArrayNode results) {
    int ok = 0;
    for (JsonNode result : results) {
      if ("success".equals(result.path("status").asText())) {
        ok++;
      }
    }
    return ok;
  }

  // ---- parameters and shaping ----

  /**
   * The {@code fields} parameter; empty when absent and not required. Since v3 the list call requires it (at most 50
   * names) and answers {@code REQUIRED_PARAM_MISSING} without it, though Zoho's OpenAPI file marks it optional
   * (get-records.html; github.com/zoho/crm-oas).
   */
  static List<String> fields(Http http, boolean required) {
    String fields = http.param("fields");
    if (fields == null) {
      if (required) {
        throw ZohoError.missingParam("fields");
      }
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String f : fields.split(",")) {
      if (!f.isBlank()) {
        names.add(f.trim());
      }
    }
    if (names.size() > MAX_FIELDS) {
      throw new ZohoError(400, "LIMIT_EXCEEDED", "at most 50 fields can be requested",
          Http.JSON.createObjectNode().put("param_name", "fields").put("limit", MAX_FIELDS));
    }
    return names;
  }

  private static int intParam(Http http, String name, int fallback) {
    String value = http.param(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw ZohoError.invalidParam(name, name + " must be a number");
    }
  }

  /**
   * {@code record} with only {@code fields} (and its id, which Zoho always adds); the whole record when
   * {@code fields} is null. A field without a value is JSON {@code null}, not absent (get-records.html).
   */
  static ObjectNode project(ObjectNode record, List<String> fields) {
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
}

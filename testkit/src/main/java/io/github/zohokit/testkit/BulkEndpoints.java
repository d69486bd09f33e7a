package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Zoho CRM's Bulk Read API (v8), as Zoho documents it: {@code POST /crm/bulk/v8/read} creates a job (201,
 * {@code ADDED_SUCCESSFULLY}, state {@code ADDED}); {@code GET /crm/bulk/v8/read/{id}} shows it {@code ADDED},
 * {@code QUEUED}, {@code IN PROGRESS}, then {@code COMPLETED} with {@code result = {page, per_page, count,
 * download_url, more_records, next_page_token}} or {@code FAILURE} with {@code result.error_message};
 * {@code GET /crm/bulk/v8/read/{id}/result} downloads {@code {id}.zip} holding {@code {id}.csv}: a header of the
 * requested field API names plus {@code id}, lookups and owners as their id, booleans {@code true}/{@code false},
 * empty cells for null. At most 200,000 records per job; the next batch is a new job whose body is only
 * {@code {"query":{"page_token":...}}}, a token valid 24 hours and for its user only. 10 downloads per minute per
 * organisation, then 429. Bulk Write: {@link BulkWriteEndpoints}. Criteria: one condition or {@code and}/{@code or} groups, comparators per field type,
 * date-times in ISO 8601 without milliseconds. Converted leads are exported as other records.
 */
final class BulkEndpoints {
  private static final String READ = "/crm/bulk/v8/read";

  private final FakeZoho fake;
  private final Accounts accounts;
  private final Crm crm;
  private final ApiAllowance allowance;
  private final FakeSync settings;
  private final AtomicLong jobIds = new AtomicLong(4_876_876_000_003_000_000L);
  private final Map<String, ReadJob> jobs = new ConcurrentHashMap<>();
  private final Map<String, ReadToken> tokens = new ConcurrentHashMap<>();
  private final Map<DataCenter, Deque<Instant>> downloads = new EnumMap<>(DataCenter.class);
  private final BulkWriteEndpoints writes;

  /** A chain position: the next batch of a query. */
  private record ReadToken(DataCenter dc, String zuid, ObjectNode query, int page, Instant issued) {}

  private static final class ReadJob {
    final String id;
    final DataCenter dc;
    final FakeUser user;
    final ObjectNode query;
    final int page;
    final String createdTime;
    int polls;
    String state = "ADDED";
    ObjectNode result;
    byte[] zip;

    ReadJob(String id, DataCenter dc, FakeUser user, ObjectNode query, int page, String createdTime) {
      this.id = id;
      this.dc = dc;
      this.user = user;
      this.query = query;
      this.page = page;
      this.createdTime = createdTime;
    }
  }

  BulkEndpoints(FakeZoho fake, Accounts accounts, Crm crm, ApiAllowance allowance, FakeSync settings) {
    this.fake = fake;
    this.accounts = accounts;
    this.crm = crm;
    this.allowance = allowance;
    this.settings = settings;
    this.writes = new BulkWriteEndpoints(crm, settings);
  }

  static boolean handles(Http http) {
    return http.path.startsWith("/crm/bulk/") || BulkWriteEndpoints.handles(http.path);
  }

  void handle(DataCenter dc, Http http) throws IOException {
    try {
      fake.increment("crm:" + http.method + " " + http.path);
      Accounts.AccessToken token = authorize(dc, http);
      if (!allowance.take(dc, http)) {
        throw new ZohoError(429, "TOO_MANY_REQUESTS", "too many requests");
      }
      if (BulkWriteEndpoints.handles(http.path)) {
        writes.handle(dc, http, token);
        return;
      }
      String rest = http.path.startsWith(READ) ? http.path.substring(READ.length()) : null;
      if (rest == null) {
        throw ZohoError.invalidUrl();
      }
      if (rest.isEmpty() && http.method.equals("POST")) {
        create(dc, http, token);
      } else if (rest.matches("/\\d+") && http.method.equals("GET")) {
        status(dc, http, rest.substring(1));
      } else if (rest.matches("/\\d+/result") && http.method.equals("GET")) {
        download(dc, http, rest.substring(1, rest.length() - "/result".length()));
      } else {
        throw ZohoError.invalidUrl();
      }
    } catch (ZohoError e) {
      e.answer(http);
    }
  }

  private Accounts.AccessToken authorize(DataCenter dc, Http http) {
    String authorization = http.header("Authorization");
    if (authorization == null || !authorization.startsWith("Zoho-oauthtoken ")) {
      throw new ZohoError(401, "AUTHENTICATION_FAILURE", "Authentication failed");
    }
    Accounts.AccessToken token = accounts.validAccess(authorization.substring("Zoho-oauthtoken ".length()).trim(),
        dc);
    if (token == null) {
      throw new ZohoError(401, "INVALID_TOKEN", "invalid oauth token");
    }
    return token;
  }

  // ---- create ----

  private void create(DataCenter dc, Http http, Accounts.AccessToken token) throws IOException {
    // the JSON body is read whatever its Content-Type, as for every other CRM write of the fake (Http.jsonBody)
    JsonNode body;
    try {
      body = http.jsonBody();
    } catch (IOException e) {
      throw new ZohoError(400, "INVALID_DATA", "the body is not valid JSON");
    }
    if (body == null) {
      throw new ZohoError(400, "REQUEST_BODY_IS_EMPTY", "the request body is empty");
    }
    JsonNode query = body.path("query");
    ObjectNode jobQuery;
    int page;
    if (query.hasNonNull("page_token")) {
      ReadToken read = tokens.get(query.path("page_token").asText());
      if (read == null || read.dc != dc) {
        throw new ZohoError(400, "INVALID_DATA", "the page_token is invalid",
            Http.JSON.createObjectNode().put("api_name", "page_token"));
      }
      if (!read.zuid.equals(token.user.zuid())) {
        throw new ZohoError(400, "INVALID_DATA", "the page_token belongs to another user",
            Http.JSON.createObjectNode().put("api_name", "page_token"));
      }
      if (!fake.clock().instant().isBefore(read.issued.plus(ChangeEndpoints.TOKEN_LIFE))) {
        throw new ZohoError(400, "INVALID_DATA", "the page_token has expired",
            Http.JSON.createObjectNode().put("api_name", "page_token"));
      }
      jobQuery = read.query.deepCopy();
      page = read.page;
    } else {
      String module = query.path("module").path("api_name").asText(null);
      if (module == null) {
        throw new ZohoError(400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
            Http.JSON.createObjectNode().put("api_name", "module"));
      }
      Crm.Module m = crm.module(dc, module);
      if (m == null || m.apiName.equals("Notes") || m.apiName.equals("Attachments")) {
        throw new ZohoError(400, "MODULE_NOT_SUPPORTED", "the module is not supported for bulk read",
            Http.JSON.createObjectNode().put("api_name", "module"));
      }
      if (query.has("criteria")) {
        BulkCriteria.validate(query.path("criteria"), m);
      }
      jobQuery = ((ObjectNode) query).deepCopy();
      page = 1;
    }
    String id = String.valueOf(jobIds.incrementAndGet());
    String created = crm.now();
    jobs.put(id, new ReadJob(id, dc, token.user, jobQuery, page, created));
    ObjectNode answer = Http.JSON.createObjectNode();
    ObjectNode item = answer.putArray("data").addObject().put("status", "success").put("code", "ADDED_SUCCESSFULLY")
        .put("message", "Added successfully.");
    ObjectNode details = item.putObject("details").put("id", id).put("operation", "read").put("state", "ADDED");
    details.set("created_by", Http.JSON.createObjectNode().put("id", Ids.crmUserId(token.user))
        .put("name", token.user.fullName()));
    details.put("created_time", created);
    answer.putObject("info");
    http.json(201, answer, ZohoShapes.BULK_READ_CREATED);
  }

  // ---- status ----

  private void status(DataCenter dc, Http http, String id) throws IOException {
    ReadJob job = jobs.get(id);
    if (job == null || job.dc != dc) {
      throw new ZohoError(404, "RESOURCE_NOT_FOUND", "The requested resource doesn't exist.");
    }
    ObjectNode detail;
    synchronized (job) {
      advance(job);
      detail = Http.JSON.createObjectNode().put("id", job.id).put("operation", "read").put("state", job.state);
      detail.set("query", job.query.deepCopy());
      detail.set("created_by", Http.JSON.createObjectNode().put("id", Ids.crmUserId(job.user))
          .put("name", job.user.fullName()));
      detail.put("created_time", job.createdTime);
      if (job.result != null) {
        detail.set("result", job.result.deepCopy());
      }
      detail.put("file_type", "csv");
    }
    ObjectNode answer = Http.JSON.createObjectNode();
    answer.putArray("data").add(detail);
    http.json(200, answer, ZohoShapes.BULK_READ_JOBS);
  }

  private void advance(ReadJob job) {
    if (job.state.equals("COMPLETED") || job.state.equals("FAILURE")) {
      return;
    }
    job.polls++;
    int done = settings.bulkJobPollsUntilDone();
    if (job.polls < done) {
      job.state = job.polls * 2 < done ? "QUEUED" : "IN PROGRESS";
      return;
    }
    if (settings.takeJobFailure()) {
      job.state = "FAILURE";
      job.result = Http.JSON.createObjectNode();
      job.result.putObject("error_message").put("status", "error").put("code", "INTERNAL_SERVER_ERROR")
          .put("message", "Internal Server Error").putObject("details");
      return;
    }
    complete(job);
  }

  private void complete(ReadJob job) {
    Crm.Module module = crm.requireModule(job.dc, job.query.path("module").path("api_name").asText());
    List<String> fields = new ArrayList<>();
    job.query.path("fields").forEach(f -> fields.add(f.asText()));
    List<ObjectNode> matching = new ArrayList<>();
    JsonNode criteria = job.query.path("criteria");
    synchronized (crm) {
      if (fields.isEmpty()) {
        fields.addAll(module.fieldTypes.keySet());
        fields.addAll(List.of("Owner", "Created_Time", "Modified_Time"));
      }
      for (ObjectNode r : module.records.values()) {
        if (criteria.isMissingNode() || criteria.isNull() || BulkCriteria.matches(criteria, r)) {
          matching.add(r.deepCopy());
        }
      }
    }
    matching.sort(Comparator.comparing(r -> r.path("id").asText()));
    int perJob = settings.bulkReadRecordsPerJob();
    int from = Math.min(matching.size(), (job.page - 1) * perJob);
    int to = Math.min(matching.size(), from + perJob);
    List<String> header = new ArrayList<>(fields);
    if (!header.contains("id")) {
      header.add("id");
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(job.id + ".csv"));
      StringBuilder csv = new StringBuilder();
      appendRow(csv, header);
      for (int i = from; i < to; i++) {
        List<String> row = new ArrayList<>(header.size());
        for (String f : header) {
          row.add(cell(matching.get(i), f));
        }
        appendRow(csv, row);
        if (csv.length() > 1 << 16) {
          zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
          csv.setLength(0);
        }
      }
      zip.write(csv.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    job.zip = bytes.toByteArray();
    boolean more = to < matching.size();
    job.state = "COMPLETED";
    job.result = Http.JSON.createObjectNode().put("page", job.page).put("count", to - from)
        .put("download_url", READ + "/" + job.id + "/result").put("per_page", perJob).put("more_records", more);
    if (more) {
      String next = Ids.random("0123456789abcdef", 64);
      tokens.put(next, new ReadToken(job.dc, job.user.zuid(), job.query, job.page + 1, fake.clock().instant()));
      job.result.put("next_page_token", next);
    } else {
      job.result.putNull("next_page_token");
    }
  }

  /** A CSV cell as Zoho's export writes it: lookups and owners by id, a dot path into the lookup, empty for null. */
  static String cell(ObjectNode record, String field) {
    JsonNode value;
    int dot = field.indexOf('.');
    if (dot > 0) {
      value = record.path(field.substring(0, dot)).path(field.substring(dot + 1));
    } else {
      value = record.path(field);
      if (value.isObject()) {
        value = value.path("id");
      }
    }
    if (value.isMissingNode() || value.isNull()) {
      return "";
    }
    if (value.isArray()) {
      List<String> parts = new ArrayList<>();
      value.forEach(v -> parts.add(v.isObject() ? v.path("name").asText(v.path("id").asText()) : v.asText()));
      return String.join(";", parts);
    }
    return value.asText();
  }

  static void appendRow(StringBuilder csv, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        csv.append(',');
      }
      String c = cells.get(i);
      if (c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0) {
        csv.append('"').append(c.replace("\"", "\"\"")).append('"');
      } else {
        csv.append(c);
      }
    }
    csv.append("\r\n");
  }

  // ---- download ----

  private void download(DataCenter dc, Http http, String id) throws IOException {
    ReadJob job = jobs.get(id);
    if (job == null || job.dc != dc) {
      throw new ZohoError(404, "RESOURCE_NOT_FOUND", "The requested resource doesn't exist.");
    }
    byte[] zip;
    synchronized (job) {
      zip = job.zip;
    }
    if (zip == null) {
      throw new ZohoError(400, "INVALID_REQUEST", "the job has not completed; its result cannot be downloaded yet");
    }
    Deque<Instant> window;
    synchronized (downloads) {
      window = downloads.computeIfAbsent(dc, k -> new ArrayDeque<>());
    }
    synchronized (window) {
      Instant now = fake.clock().instant();
      while (!window.isEmpty() && !window.peekFirst().isAfter(now.minusSeconds(60))) {
        window.removeFirst();
      }
      if (window.size() >= settings.bulkReadDownloadsPerMinute()) {
        throw new ZohoError(429, "TOO_MANY_REQUESTS", "only 10 downloads are allowed per minute",
            Http.JSON.createObjectNode().put("limit", settings.bulkReadDownloadsPerMinute()));
      }
      window.addLast(now);
    }
    fake.increment("bulk:download");
    http.exchange.getResponseHeaders().set("Content-Type", "application/x-download");
    http.exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=" + id + ".zip");
    boolean cut = settings.takeCutDownload();
    http.exchange.sendResponseHeaders(200, zip.length);
    OutputStream out = http.exchange.getResponseBody();
    if (cut) {
      out.write(zip, 0, zip.length / 2);
      out.flush();
      http.exchange.close(); // fewer bytes than announced: the client sees the stream end early
      return;
    }
    out.write(zip);
    out.close();
  }
}

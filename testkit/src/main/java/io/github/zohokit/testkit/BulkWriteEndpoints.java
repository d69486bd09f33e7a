package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * Zoho CRM's Bulk Write API (v8), as Zoho documents it: upload a ZIP holding one CSV ({@code POST /crm/v8/upload} on
 * the upload host, multipart part {@code file}, headers {@code feature: bulk-write} and {@code X-CRM-ORG} = the org's
 * {@code zgid}; at most 25 MB ({@code FILE_TOO_LARGE} 413), a ZIP ({@code INVALID_FILE_FORMAT})), create the job
 * ({@code POST /crm/bulk/v8/write}: {@code operation} insert/update/upsert, {@code resource[0]} with {@code module},
 * {@code file_id}, {@code find_by} (mandatory for update and upsert); at most 25,000 rows), read it
 * ({@code GET /crm/bulk/v8/write/{id}}: {@code ADDED}, {@code IN PROGRESS}, {@code COMPLETED} with per-file counts and
 * {@code result.download_url}), download the result ZIP: the CSV's first three columns plus {@code STATUS}
 * (added, updated, skipped, unprocessed), {@code RECORD_ID} and {@code ERRORS} ({@code <code>-<column>}, joined by
 * {@code :}). Headers are auto-mapped as field API names.
 */
final class BulkWriteEndpoints {
  private static final String WRITE = "/crm/bulk/v8/write";
  private static final int MAX_ROWS = 25_000;
  private static final int MAX_BYTES = 25 * 1024 * 1024;

  private final Crm crm;
  private final FakeSync settings;
  private final AtomicLong ids = new AtomicLong(4_876_876_000_004_000_000L);
  private final Map<String, byte[]> files = new ConcurrentHashMap<>();
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  private static final class Job {
    final String id;
    final DataCenter dc;
    final String operation;
    final String module;
    final String findBy;
    final List<List<String>> rows;
    final String fileName;
    int polls;
    String status = "ADDED";
    int added;
    int updated;
    int skipped;
    byte[] result;

    Job(String id, DataCenter dc, String operation, String module, String findBy, List<List<String>> rows,
        String fileName) {
      this.id = id;
      this.dc = dc;
      this.operation = operation;
      this.module = module;
      this.findBy = findBy;
      this.rows = rows;
      this.fileName = fileName;
    }
  }

  BulkWriteEndpoints(Crm crm, FakeSync settings) {
    this.crm = crm;
    this.settings = settings;
  }

  static boolean handles(String path) {
    return path.equals("/crm/v8/upload") || path.startsWith(WRITE);
  }

  void handle(DataCenter dc, Http http, Accounts.AccessToken token) throws IOException {
    String rest = http.path.startsWith(WRITE) ? http.path.substring(WRITE.length()) : null;
    if (rest == null && http.method.equals("POST")) {
      upload(dc, http);
    } else if ("".equals(rest) && http.method.equals("POST")) {
      create(dc, http, token);
    } else if (rest != null && rest.matches("/\\d+") && http.method.equals("GET")) {
      status(dc, http, rest.substring(1));
    } else if (rest != null && rest.matches("/\\d+/result") && http.method.equals("GET")) {
      Job job = job(dc, rest.substring(1, rest.length() - "/result".length()));
      if (job.result == null) {
        throw new ZohoError(400, "INVALID_REQUEST", "the job has not completed");
      }
      http.exchange.getResponseHeaders().set("Content-Type", "application/zip");
      http.exchange.sendResponseHeaders(200, job.result.length);
      http.exchange.getResponseBody().write(job.result);
      http.exchange.getResponseBody().close();
    } else {
      throw ZohoError.invalidUrl();
    }
  }

  private void upload(DataCenter dc, Http http) throws IOException {
    String org = crm.orgInfo(dc).path("zgid").asText();
    if (!"bulk-write".equals(http.header("feature")) || !org.equals(http.header("X-CRM-ORG"))) {
      throw new ZohoError(400, "INVALID_REQUEST", "check if headers [feature, X-CRM-ORG] are present and valid");
    }
    byte[] file = filePart(http);
    if (file == null) {
      throw new ZohoError(400, "REQUIRED_PARAM_MISSING", "the multipart part 'file' is missing");
    }
    if (file.length > MAX_BYTES) {
      throw new ZohoError(413, "FILE_TOO_LARGE", "the file is larger than 25 MB");
    }
    if (file.length < 4 || file[0] != 'P' || file[1] != 'K') {
      throw new ZohoError(400, "INVALID_FILE_FORMAT", "the file is not a ZIP file");
    }
    String fileId = String.valueOf(ids.incrementAndGet());
    files.put(fileId, file);
    ObjectNode answer = Http.JSON.createObjectNode().put("status", "success").put("code", "FILE_UPLOAD_SUCCESS")
        .put("message", "file uploaded.");
    answer.putObject("details").put("file_id", fileId).put("created_time", crm.now());
    http.json(200, answer, ZohoShapes.BULK_SUCCESS);
  }

  /** The bytes of the multipart part named {@code file}. */
  private static byte[] filePart(Http http) {
    String type = http.header("Content-Type");
    if (type == null || !type.startsWith("multipart/form-data") || !type.contains("boundary=")) {
      return null;
    }
    String boundary = type.substring(type.indexOf("boundary=") + 9).replace("\"", "").trim();
    byte[] body = http.body;
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int headersStart = at + delimiter.length + 2;
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      if (headersEnd < 0) {
        return null;
      }
      String headers = new String(body, headersStart, headersEnd - headersStart, StandardCharsets.ISO_8859_1);
      int next = indexOf(body, delimiter, headersEnd);
      if (next < 0) {
        return null;
      }
      if (headers.contains("name=\"file\"")) {
        return Arrays.copyOfRange(body, headersEnd + 4, next - 2);
      }
      at = next;
    }
    return null;
  }

  static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(0, from); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private void create(DataCenter dc, Http http, Accounts.AccessToken token) throws IOException {
    JsonNode body;
    try {
      body = http.jsonBody();
    } catch (IOException e) {
      throw new ZohoError(400, "INVALID_DATA", "the body is not valid JSON");
    }
    if (body == null) {
      throw ZohoError.missingParam("operation");
    }
    String operation = body.path("operation").asText("");
    if (!List.of("insert", "update", "upsert").contains(operation)) {
      throw new ZohoError(400, "INVALID_DATA", "operation must be insert, update or upsert",
          Http.JSON.createObjectNode().put("api_name", "operation"));
    }
    JsonNode resource = body.path("resource").path(0);
    String module = resource.path("module").path("api_name").asText(null);
    if (module == null || crm.module(dc, module) == null) {
      throw new ZohoError(400, "MODULE_NOT_AVAILABLE", "the module is not available",
          Http.JSON.createObjectNode().put("api_name", "module"));
    }
    String findBy = resource.path("find_by").asText(null);
    if (findBy == null && !operation.equals("insert")) {
      throw new ZohoError(400, "MANDATORY_NOT_FOUND", "find_by is mandatory for " + operation,
          Http.JSON.createObjectNode().put("api_name", "find_by"));
    }
    byte[] zip = files.get(resource.path("file_id").asText(""));
    if (zip == null) {
      throw new ZohoError(400, "INVALID_FILE_ID", "the file_id is invalid",
          Http.JSON.createObjectNode().put("api_name", "file_id"));
    }
    List<List<String>> rows = new ArrayList<>();
    String name;
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      ZipEntry entry = in.getNextEntry();
      if (entry == null) {
        throw new ZohoError(400, "INVALID_FILE_FORMAT", "the ZIP holds no file");
      }
      name = entry.getName();
      rows = parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    if (rows.size() - 1 > MAX_ROWS) {
      throw new ZohoError(400, "LIMIT_EXCEEDED", "a file holds at most 25,000 records",
          Http.JSON.createObjectNode().put("limit", MAX_ROWS));
    }
    String id = String.valueOf(ids.incrementAndGet());
    jobs.put(id, new Job(id, dc, operation, crm.module(dc, module).apiName, findBy, rows, name));
    ObjectNode answer = Http.JSON.createObjectNode().put("status", "success").put("code", "SUCCESS")
        .put("message", "success");
    ObjectNode details = answer.putObject("details").put("id", id);
    details.putObject("created_by").put("id", Ids.crmUserId(token.user)).put("name", token.user.fullName());
    http.json(201, answer, ZohoShapes.BULK_SUCCESS);
  }

  private Job job(DataCenter dc, String id) {
    Job job = jobs.get(id);
    if (job == null || job.dc != dc) {
      throw new ZohoError(404, "RESOURCE_NOT_FOUND", "The requested resource doesn't exist.");
    }
    return job;
  }

  private void status(DataCenter dc, Http http, String id) throws IOException {
    Job job = job(dc, id);
    ObjectNode answer;
    synchronized (job) {
      if (!job.status.equals("COMPLETED") && ++job.polls >= settings.bulkJobPollsUntilDone()) {
        run(job);
      } else if (!job.status.equals("COMPLETED")) {
        job.status = "IN PROGRESS";
      }
      answer = Http.JSON.createObjectNode().put("status", job.status).put("character_encoding", "UTF-8")
          .put("id", job.id).put("operation", job.operation);
      ArrayNode resources = answer.putArray("resource");
      ObjectNode resource = resources.addObject().put("status", job.status).put("type", "data");
      resource.putObject("module").put("api_name", job.module);
      if (job.status.equals("COMPLETED")) {
        resource.put("code", "ADDED_SUCCESSFULLY");
        resource.putObject("file").put("status", "COMPLETED").put("name", job.fileName)
            .put("added_count", job.added).put("skipped_count", job.skipped).put("updated_count", job.updated)
            .put("total_count", job.rows.size() - 1);
        answer.putObject("result").put("download_url", WRITE + "/" + job.id + "/result");
      }
    }
    http.json(200, answer, ZohoShapes.BULK_WRITE_JOB);
  }

  private void run(Job job) {
    List<String> header = job.rows.get(0);
    Crm.Module module = crm.requireModule(job.dc, job.module);
    Crm.Org org = crm.org(job.dc);
    StringBuilder out = new StringBuilder();
    List<String> resultHeader = new ArrayList<>(header.subList(0, Math.min(3, header.size())));
    resultHeader.addAll(List.of("STATUS", "RECORD_ID", "ERRORS"));
    BulkEndpoints.appendRow(out, resultHeader);
    for (List<String> row : job.rows.subList(1, job.rows.size())) {
      ObjectNode record = Http.JSON.createObjectNode();
      for (int i = 0; i < header.size() && i < row.size(); i++) {
        if (!row.get(i).isEmpty()) {
          record.put(header.get(i), row.get(i));
        }
      }
      String status;
      String recordId = "";
      String errors = "";
      ObjectNode result;
      synchronized (crm) {
        Crm.Write kind = job.operation.equals("insert") ? Crm.Write.INSERT
            : job.operation.equals("update") ? Crm.Write.UPDATE : Crm.Write.UPSERT;
        if (kind == Crm.Write.UPDATE && job.findBy != null && !job.findBy.equals("id")) {
          for (ObjectNode r : module.records.values()) {
            if (record.path(job.findBy).asText("").equalsIgnoreCase(r.path(job.findBy).asText())) {
              record.put("id", r.path("id").asText());
              break;
            }
          }
        }
        ArrayNode one = Http.JSON.createArrayNode().add(record);
        result = (ObjectNode) crm.write(org, module, kind, null, one,
            job.findBy == null ? List.of() : List.of(job.findBy)).get(0);
      }
      if ("success".equals(result.path("status").asText())) {
        recordId = result.path("details").path("id").asText();
        boolean updatedRow = "update".equals(result.path("action").asText()) || job.operation.equals("update");
        status = updatedRow ? "updated" : "added";
        if (updatedRow) {
          job.updated++;
        } else {
          job.added++;
        }
      } else {
        status = "skipped";
        job.skipped++;
        String column = result.path("details").path("api_name").asText("");
        errors = result.path("code").asText() + "-" + column;
      }
      List<String> cells = new ArrayList<>();
      for (int i = 0; i < Math.min(3, header.size()); i++) {
        cells.add(i < row.size() ? row.get(i) : "");
      }
      cells.addAll(List.of(status, recordId, errors));
      BulkEndpoints.appendRow(out, cells);
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.putNextEntry(new ZipEntry(job.module + "-" + job.fileName));
      zip.write(out.toString().getBytes(StandardCharsets.UTF_8));
      zip.closeEntry();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    job.result = bytes.toByteArray();
    job.status = "COMPLETED";
  }

  /** RFC 4180 rows (quotes, doubled quotes, CRLF or LF); comma, semicolon or pipe as Zoho detects from the header. */
  static List<List<String>> parse(String csv) {
    char separator = ',';
    int firstLine = csv.indexOf('\n') < 0 ? csv.length() : csv.indexOf('\n');
    String header = csv.substring(0, firstLine);
    if (header.indexOf(',') < 0 && header.indexOf(';') >= 0) {
      separator = ';';
    } else if (header.indexOf(',') < 0 && header.indexOf('|') >= 0) {
      separator = '|';
    }
    List<List<String>> rows = new ArrayList<>();
    List<String> row = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < csv.length(); i++) {
      char c = csv.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == separator) {
        row.add(cell.toString());
        cell.setLength(0);
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
          i++;
        }
        row.add(cell.toString());
        cell.setLength(0);
        rows.add(row);
        row = new ArrayList<>();
      } else {
        cell.append(c);
      }
    }
    if (cell.length() > 0 || !row.isEmpty()) {
      row.add(cell.toString());
      rows.add(row);
    }
    return rows;
  }
}

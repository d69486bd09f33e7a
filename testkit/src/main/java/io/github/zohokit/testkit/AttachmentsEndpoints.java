package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A record's files, as Zoho CRM v8 documents them (crm-oas {@code v8.0/attachments.json} and
 * {@code record_photo.json}; Zoho's pages "Upload an Attachment", "Download a Photo"):
 *
 * <ul>
 *   <li>{@code POST /crm/v8/{module}/{id}/Attachments}: a {@code multipart/form-data} body with the part
 *       {@code file}; answers {@code {"data":[{"code":"SUCCESS","details":{"id",...},"message","status"}]}};
 *   <li>{@code GET /crm/v8/{module}/{id}/Attachments?fields=...}: the record's attachments ({@code fields} is
 *       required in v8), 204 when there are none;
 *   <li>{@code GET /crm/v8/{module}/{id}/Attachments/{attachment_id}}: the file's bytes, with its content type and
 *       a {@code Content-Disposition} naming the file;
 *   <li>{@code DELETE /crm/v8/{module}/{id}/Attachments/{attachment_id}};
 *   <li>{@code POST|GET|DELETE /crm/v8/{module}/{id}/photo}: the record's image (Leads, Contacts, Accounts, Products,
 *       Vendors and custom modules only); {@code GET} answers 204 when the record has none (the OpenAPI file lists
 *       204), the image otherwise.
 * </ul>
 *
 * Errors are Zoho's JSON errors: an unknown record or attachment is {@code INVALID_DATA} (400; Zoho's exact answer
 * for a wrong id is not documented, this is its usual one for an invalid id), a module without photos
 * {@code INVALID_MODULE}, a missing part {@code REQUIRED_PARAM_MISSING}. Routed here by {@link CrmEndpoints}.
 */
final class AttachmentsEndpoints {
  /** Zoho's "Download a Photo" page: the modules that have a record image. */
  private static final Set<String> PHOTO_MODULES = Set.of("leads", "contacts", "accounts", "products", "vendors");

  private record StoredFile(String id, String recordId, String fileName, String contentType, byte[] bytes,
      ObjectNode meta) {}

  private record Part(String name, String fileName, String contentType, byte[] bytes) {}

  private final Crm crm;
  private final AtomicLong ids = new AtomicLong(5_725_767_000_003_000L);
  private final Map<String, StoredFile> attachments = new ConcurrentHashMap<>();
  private final Map<String, StoredFile> photos = new ConcurrentHashMap<>();

  AttachmentsEndpoints(Crm crm) {
    this.crm = crm;
  }

  /** Whether {@code s} (the path's segments) is {@code crm/v8/{module}/{id}/Attachments...} or {@code .../photo}. */
  static boolean handles(String[] s) {
    return s.length >= 5 && (s[4].equals("Attachments") && s.length <= 6 || s[4].equals("photo") && s.length == 5);
  }

  void handle(DataCenter dc, Http http, Accounts.AccessToken token, String[] s) throws IOException {
    Crm.Module module = crm.module(dc, s[2]);
    if (module == null) {
      throw ZohoError.invalidModule(0);
    }
    String recordId = s[3];
    boolean photo = s[4].equals("photo");
    if (photo && !PHOTO_MODULES.contains(module.apiName.toLowerCase(Locale.ROOT)) && !module.apiName.endsWith("__c")) {
      throw new ZohoError(400, "INVALID_MODULE", "The given module is not supported",
          Http.JSON.createObjectNode().put("api_name", module.apiName));
    }
    synchronized (crm) {
      if (!module.records.containsKey(recordId)) {
        throw new ZohoError(400, "INVALID_DATA", "the id given seems to be invalid",
            Http.JSON.createObjectNode().put("api_name", "id"));
      }
    }
    if (photo) {
      photo(http, recordId);
    } else if (s.length == 5) {
      attachments(http, token, recordId);
    } else {
      attachment(http, recordId, s[5]);
    }
  }

  private void photo(Http http, String recordId) throws IOException {
    switch (http.method) {
      case "POST": {
        Part file = filePart(http);
        if (file.contentType() == null || !file.contentType().startsWith("image/")) {
          throw new ZohoError(400, "INVALID_DATA", "the file is not an image",
              Http.JSON.createObjectNode().put("api_name", "file"));
        }
        photos.put(recordId, new StoredFile(recordId, recordId, file.fileName(), file.contentType(), file.bytes(),
            null));
        http.json(200, success("photo uploaded successfully", Http.JSON.createObjectNode()));
        break;
      }
      case "GET": {
        StoredFile stored = photos.get(recordId);
        if (stored == null) {
          http.empty(204);
        } else {
          bytes(http, stored);
        }
        break;
      }
      case "DELETE":
        photos.remove(recordId);
        http.json(200, success("photo deleted", Http.JSON.createObjectNode()));
        break;
      default:
        throw ZohoError.methodNotAllowed();
    }
  }

  private void attachments(Http http, Accounts.AccessToken token, String recordId) throws IOException {
    if (http.method.equals("POST")) {
      Part file = filePart(http);
      String id = String.valueOf(ids.incrementAndGet());
      String now = crm.now();
      ObjectNode meta = Http.JSON.createObjectNode().put("id", id).put("File_Name", file.fileName())
          .put("Size", String.valueOf(file.bytes().length)).put("Created_Time", now).put("Modified_Time", now);
      meta.set("Created_By", Crm.ref(token.user));
      meta.set("Modified_By", Crm.ref(token.user));
      meta.set("Owner", Crm.ref(token.user));
      meta.putObject("Parent_Id").put("id", recordId);
      attachments.put(id, new StoredFile(id, recordId, file.fileName(), file.contentType(), file.bytes(), meta));
      ObjectNode details = Http.JSON.createObjectNode().put("Modified_Time", now).put("Created_Time", now)
          .put("id", id);
      details.set("Modified_By", Crm.ref(token.user));
      details.set("Created_By", Crm.ref(token.user));
      ObjectNode answer = Http.JSON.createObjectNode();
      answer.putArray("data").add(success("attachment uploaded successfully", details));
      http.json(200, answer);
    } else if (http.method.equals("GET")) {
      String fields = http.param("fields");
      if (fields == null || fields.isBlank()) {
        throw ZohoError.missingParam("fields");
      }
      List<String> wanted = Arrays.asList(fields.split(","));
      List<ObjectNode> rows = new ArrayList<>();
      for (StoredFile f : attachments.values()) {
        if (f.recordId().equals(recordId)) {
          ObjectNode row = Http.JSON.createObjectNode().put("id", f.id());
          wanted.forEach(name -> {
            if (f.meta().has(name.trim())) {
              row.set(name.trim(), f.meta().get(name.trim()).deepCopy());
            }
          });
          rows.add(row);
        }
      }
      if (rows.isEmpty()) {
        http.empty(204);
        return;
      }
      rows.sort((a, b) -> a.path("id").asText().compareTo(b.path("id").asText()));
      ObjectNode answer = Http.JSON.createObjectNode();
      ArrayNode data = answer.putArray("data");
      rows.forEach(data::add);
      answer.putObject("info").put("per_page", 200).put("count", rows.size()).put("page", 1)
          .put("more_records", false);
      http.json(200, answer);
    } else {
      throw ZohoError.methodNotAllowed();
    }
  }

  private void attachment(Http http, String recordId, String id) throws IOException {
    StoredFile stored = attachments.get(id);
    if (stored == null || !stored.recordId().equals(recordId)) {
      throw new ZohoError(400, "INVALID_DATA", "the attachment id given seems to be invalid",
          Http.JSON.createObjectNode().put("api_name", "id"));
    }
    if (http.method.equals("GET")) {
      bytes(http, stored);
    } else if (http.method.equals("DELETE")) {
      attachments.remove(id);
      ObjectNode answer = Http.JSON.createObjectNode();
      answer.putArray("data").add(success("record deleted", Http.JSON.createObjectNode().put("id", id)));
      http.json(200, answer);
    } else {
      throw ZohoError.methodNotAllowed();
    }
  }

  private static ObjectNode success(String message, ObjectNode details) {
    ObjectNode result = Http.JSON.createObjectNode().put("code", "SUCCESS");
    result.set("details", details);
    return result.put("message", message).put("status", "success");
  }

  private static void bytes(Http http, StoredFile stored) throws IOException {
    http.exchange.getResponseHeaders().set("Content-Type", stored.contentType() == null
        ? "application/octet-stream" : stored.contentType());
    // header values are ASCII: a name with other characters also goes as RFC 6266's filename* (UTF-8, percent-encoded);
    // Zoho's pages do not show this header, so the fake writes it as the RFC does
    String name = stored.fileName() == null ? "file" : stored.fileName().replace("\"", "");
    String ascii = name.replaceAll("[^\\x20-\\x7e]", "_");
    http.exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + ascii + "\""
        + (ascii.equals(name) ? "" : "; filename*=UTF-8''"
            + java.net.URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20")));
    http.exchange.sendResponseHeaders(200, stored.bytes().length == 0 ? -1 : stored.bytes().length);
    try (OutputStream out = http.exchange.getResponseBody()) {
      out.write(stored.bytes());
    }
  }

  /** The part {@code file} of a {@code multipart/form-data} body. */
  private static Part filePart(Http http) {
    for (Part part : parts(http)) {
      if (part.name().equals("file")) {
        return part;
      }
    }
    throw new ZohoError(400, "REQUIRED_PARAM_MISSING", "One of the expected parameter is missing",
        Http.JSON.createObjectNode().put("param_name", "file"));
  }

  /** The parts of a {@code multipart/form-data} body (RFC 7578), with their names, file names and content types. */
  private static List<Part> parts(Http http) {
    String type = http.header("Content-Type");
    List<Part> parts = new ArrayList<>();
    if (type == null || !type.startsWith("multipart/form-data") || !type.contains("boundary=")) {
      return parts;
    }
    String boundary = type.substring(type.indexOf("boundary=") + 9).replace("\"", "").trim();
    byte[] body = http.body;
    byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] first = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    int at = BulkWriteEndpoints.indexOf(body, first, 0);
    int skip = first.length;
    while (at >= 0) {
      int headersStart = at + skip + 2;
      int headersEnd = BulkWriteEndpoints.indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), headersStart);
      int next = headersEnd < 0 ? -1 : BulkWriteEndpoints.indexOf(body, delimiter, headersEnd + 4);
      if (next < 0) {
        break;
      }
      Map<String, String> headers = new LinkedHashMap<>();
      for (String line : new String(body, headersStart, headersEnd - headersStart, StandardCharsets.UTF_8)
          .split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) {
          headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
      }
      String disposition = headers.getOrDefault("content-disposition", "");
      parts.add(new Part(attribute(disposition, "name"), attribute(disposition, "filename"),
          headers.get("content-type"), Arrays.copyOfRange(body, headersEnd + 4, next)));
      at = next;
      skip = delimiter.length;
    }
    return parts;
  }

  private static String attribute(String disposition, String name) {
    for (String piece : disposition.split(";")) {
      String p = piece.trim();
      if (p.startsWith(name + "=")) {
        return p.substring(name.length() + 1).replace("\"", "");
      }
    }
    return null;
  }
}

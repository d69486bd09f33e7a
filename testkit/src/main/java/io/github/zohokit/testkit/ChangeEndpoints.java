package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zoho CRM's records list and deleted-records list, one behaviour for every caller (a plain list, a sync, Zoho's
 * own SDK), as Zoho documents them (v8 Get Records and Get Deleted Records):
 *
 * <ul>
 *   <li>{@code fields} required (at most 50), {@code ids} (comma-separated) to pick records.
 *   <li>{@code If-Modified-Since} (ISO 8601 with offset, second precision, inclusive unless
 *       {@link FakeSync#ifModifiedSinceInclusive} turned that off): only records modified since
 *       then; {@code 304 Not Modified} with an empty body when there are none.
 *   <li>{@code sort_by} = {@code id | Created_Time | Modified_Time}, {@code sort_order} = {@code asc | desc};
 *       unless asked, {@code id} descending (the newest record first).
 *   <li>{@code converted} = {@code false} (Zoho's default: converted leads are hidden) {@code | true | both}.
 *   <li>{@code page_token}: bound to every other parameter and header ({@code TOKEN_BOUND_DATA_MISMATCH} when one
 *       changes), valid 24 hours on the fake's clock ({@code EXPIRED_VALUE}), reaching at most the first 100,000
 *       records ({@code PAGINATION_LIMIT_EXCEEDED}); a token marks an offset into the answer as it is when the token
 *       is used, so records that change while a client pages shift under it, as they may at Zoho.
 *   <li>{@code /{module}/deleted}: {@code type = all | recycle | permanent}, filtered by {@code If-Modified-Since}
 *       on {@code deleted_time}; entries stay 60 days in the recycle bin and 120 days once permanently deleted.
 * </ul>
 *
 * Times in answers ({@code page_token_expiry}, {@code deleted_time}) are to the second with the organisation's offset
 * ({@link Crm#format}).
 */
final class ChangeEndpoints {
  static final Duration TOKEN_LIFE = Duration.ofHours(24);
  static final Duration RECYCLE_RETENTION = Duration.ofDays(60);
  static final Duration PERMANENT_RETENTION = Duration.ofDays(120);
  private static final String TOKEN_PREFIX = "sy";

  private final FakeZoho fake;
  private final Crm crm;
  private final FakeSync settings;
  private final Map<String, Token> tokens = new ConcurrentHashMap<>();

  private record Token(String binding, int offset, int page, Instant issued) {}

  ChangeEndpoints(FakeZoho fake, Crm crm, FakeSync settings) {
    this.fake = fake;
    this.crm = crm;
    this.settings = settings;
  }

  void list(Http http, Crm.Module module) throws IOException {
    String fieldList = http.param("fields");
    if (fieldList == null) {
      throw ZohoError.missingParam("fields");
    }
    List<String> fields = new ArrayList<>();
    for (String f : fieldList.split(",")) {
      if (!f.isBlank()) {
        fields.add(f.trim());
      }
    }
    if (fields.size() > 50) {
      throw new ZohoError(400, "LIMIT_EXCEEDED", "at most 50 fields can be requested",
          Http.JSON.createObjectNode().put("param_name", "fields").put("limit", 50));
    }
    String sortBy = http.param("sort_by") == null ? "id" : http.param("sort_by");
    if (!Set.of("id", "Created_Time", "Modified_Time").contains(sortBy)) {
      throw ZohoError.invalidParam("sort_by", "sort_by must be id, Created_Time or Modified_Time");
    }
    String sortOrder = http.param("sort_order") == null ? "desc" : http.param("sort_order");
    if (!sortOrder.equals("asc") && !sortOrder.equals("desc")) {
      throw ZohoError.invalidParam("sort_order", "sort_order must be asc or desc");
    }
    String converted = http.param("converted") == null ? "false" : http.param("converted");
    if (!Set.of("true", "false", "both").contains(converted)) {
      throw ZohoError.invalidParam("converted", "converted must be true, false or both");
    }
    Instant since = ifModifiedSince(http);
    Set<String> ids = http.param("ids") == null ? null : Set.of(http.param("ids").split(","));
    int perPage = intParam(http, "per_page", 200);
    if (perPage < 1 || perPage > 200) {
      throw ZohoError.invalidParam("per_page", "per_page must be between 1 and 200");
    }
    String binding = binding(http);
    int offset;
    int page;
    String tokenValue = http.param("page_token");
    if (tokenValue != null) {
      if (http.param("page") != null) {
        throw ZohoError.invalidParam("page_token", "page and page_token cannot be used together");
      }
      Token token = tokens.get(tokenValue);
      if (token == null) {
        throw ZohoError.invalidParam("page_token", "the page_token is invalid");
      }
      if (!token.binding.equals(binding)) {
        throw new ZohoError(400, "TOKEN_BOUND_DATA_MISMATCH", "the page_token was issued for other parameters",
            Http.JSON.createObjectNode().put("param_name", "page_token"));
      }
      if (!fake.clock().instant().isBefore(token.issued.plus(TOKEN_LIFE))) {
        throw new ZohoError(400, "EXPIRED_VALUE", "the page_token has expired",
            Http.JSON.createObjectNode().put("param_name", "page_token"));
      }
      offset = token.offset;
      page = token.page;
    } else {
      page = intParam(http, "page", 1);
      offset = (page - 1) * perPage;
      if (offset + perPage > 2000) {
        throw new ZohoError(400, "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
            "the number of records you can get with page is limited to 2000; use page_token",
            Http.JSON.createObjectNode().put("limit", 2000));
      }
    }
    int cap = settings.pageTokenRecordLimit();
    if (offset >= cap) {
      throw new ZohoError(400, "PAGINATION_LIMIT_EXCEEDED",
          "You can only get up to first " + cap + " records using page_token param",
          Http.JSON.createObjectNode().put("param_name", "page_token").put("limit", cap));
    }
    boolean inclusive = settings.ifModifiedSinceInclusive();
    List<ObjectNode> slice = new ArrayList<>();
    boolean more;
    synchronized (crm) {
      List<ObjectNode> matching = new ArrayList<>();
      for (ObjectNode r : module.records.values()) {
        boolean isConverted = r.path("Converted__s").asBoolean(false);
        if (converted.equals("false") && isConverted || converted.equals("true") && !isConverted) {
          continue;
        }
        if (since != null && (inclusive ? time(r.path("Modified_Time").asText()).isBefore(since)
            : !time(r.path("Modified_Time").asText()).isAfter(since))) {
          continue;
        }
        if (ids != null && !ids.contains(r.path("id").asText())) {
          continue;
        }
        matching.add(r);
      }
      Comparator<ObjectNode> order = sortBy.equals("id") ? Comparator.comparing(r -> r.path("id").asText())
          : Comparator.comparing((ObjectNode r) -> time(r.path(sortBy).asText()))
              .thenComparing(r -> r.path("id").asText());
      matching.sort(sortOrder.equals("desc") ? order.reversed() : order);
      int end = Math.min(Math.min(matching.size(), offset + perPage), cap);
      for (int i = offset; i < end; i++) {
        slice.add(RecordsEndpoints.project(matching.get(i), fields));
      }
      more = end < matching.size();
    }
    if (slice.isEmpty()) {
      http.empty(since != null && offset == 0 ? 304 : 204);
      return;
    }
    ObjectNode body = Http.JSON.createObjectNode();
    ArrayNode data = body.putArray("data");
    slice.forEach(data::add);
    ObjectNode info = body.putObject("info");
    info.put("per_page", perPage).put("count", slice.size()).put("page", page).put("more_records", more)
        .put("sort_by", sortBy).put("sort_order", sortOrder).put("call", false).put("email", false);
    if (more) {
      Instant issued = fake.clock().instant();
      String next = TOKEN_PREFIX + Ids.random("0123456789abcdef", 40);
      tokens.put(next, new Token(binding, offset + perPage, page + 1, issued));
      info.put("next_page_token", next);
      info.put("page_token_expiry", Crm.format(issued.plus(TOKEN_LIFE)));
    } else {
      info.putNull("next_page_token");
      info.putNull("page_token_expiry");
    }
    info.putNull("previous_page_token");
    http.json(200, body, ZohoShapes.RECORDS_PAGE);
  }

  void deleted(Http http, Crm.Module module) throws IOException {
    String type = http.param("type") == null ? "all" : http.param("type");
    if (!Set.of("all", "recycle", "permanent").contains(type)) {
      throw ZohoError.invalidParam("type", "type must be all, recycle or permanent");
    }
    Instant since = ifModifiedSince(http);
    int perPage = intParam(http, "per_page", 200);
    int page = intParam(http, "page", 1);
    if (perPage < 1 || perPage > 200) {
      throw ZohoError.invalidParam("per_page", "per_page must be between 1 and 200");
    }
    if (page * perPage > 2000) {
      throw new ZohoError(400, "DISCRETE_PAGINATION_LIMIT_EXCEEDED",
          "the number of records you can get with page is limited to 2000",
          Http.JSON.createObjectNode().put("limit", 2000));
    }
    Instant now = fake.clock().instant();
    List<ObjectNode> matching = new ArrayList<>();
    synchronized (crm) {
      for (ObjectNode d : module.deleted) {
        String entryType = d.path("type").asText("recycle");
        Instant deletedAt = time(d.path("deleted_time").asText());
        Duration retention = entryType.equals("permanent") ? PERMANENT_RETENTION : RECYCLE_RETENTION;
        if (!deletedAt.plus(retention).isAfter(now) || !type.equals("all") && !type.equals(entryType)
            || since != null && deletedAt.isBefore(since)) {
          continue;
        }
        matching.add(d.deepCopy());
      }
    }
    matching.sort(Comparator.comparing((ObjectNode d) -> time(d.path("deleted_time").asText()))
        .thenComparing(d -> d.path("id").asText()));
    int offset = (page - 1) * perPage;
    if (offset >= matching.size()) {
      http.empty(204);
      return;
    }
    List<ObjectNode> slice = matching.subList(offset, Math.min(matching.size(), offset + perPage));
    ObjectNode body = Http.JSON.createObjectNode();
    ArrayNode data = body.putArray("data");
    slice.forEach(data::add);
    body.putObject("info").put("per_page", perPage).put("count", slice.size()).put("page", page)
        .put("more_records", offset + perPage < matching.size());
    http.json(200, body, ZohoShapes.DELETED_PAGE);
  }

  /** Every parameter but the token, and the header, that a page token is bound to. */
  private static String binding(Http http) {
    Map<String, String> bound = new TreeMap<>(http.params());
    bound.remove("page_token");
    bound.remove("page");
    Map<String, String> all = new LinkedHashMap<>(bound);
    all.put("If-Modified-Since", String.valueOf(http.header("If-Modified-Since")));
    return all.toString();
  }

  /** The {@code If-Modified-Since} header as an instant; null without it; {@code INVALID_DATA} when malformed. */
  static Instant ifModifiedSince(Http http) {
    String value = http.header("If-Modified-Since");
    if (value == null) {
      return null;
    }
    try {
      OffsetDateTime since = OffsetDateTime.parse(value);
      return since.toInstant();
    } catch (DateTimeParseException e) {
      throw new ZohoError(400, "INVALID_DATA", "the If-Modified-Since header must be an ISO 8601 date-time with "
          + "offset, such as 2019-07-25T15:26:49+05:30", Http.JSON.createObjectNode().put("header_name",
          "If-Modified-Since"));
    }
  }

  static Instant time(String iso) {
    return OffsetDateTime.parse(iso).toInstant();
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
}

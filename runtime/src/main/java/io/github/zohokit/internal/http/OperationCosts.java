package io.github.zohokit.internal.http;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import okio.Buffer;

/**
 * Zoho's price of one call, by method and path (and, for writes and COQL, the body): the credits it costs and
 * whether it is one of Zoho's heavy calls, which also count against their own concurrency pool. The one table of
 * it in zohokit.
 *
 * <p>Credits (Zoho CRM API limits page, v2–v8, "credit deduction" table; the same table on the Vertical Solutions
 * API limits page [official]): every call 1; Convert Lead 5; records by custom view ({@code cvid}) 3; ids of
 * deleted records 2; insert/update/upsert 1 per 10 records; add/remove tags 1 per 50 records; Bulk Read job 50; Bulk
 * Write job 500. COQL by its LIMIT: 1–200 → 1, 201–1000 → 2, 1001–2000 → 3 (COQL overview page [official]; default
 * LIMIT 200). Send Mail is priced 20 by third parties only; it is counted as 1 here, Zoho's "all other APIs".
 *
 * <p>Heavy calls (Kaizen #203: "some resource-intensive APIs have their own concurrency limits (typically 10
 * concurrent requests): bulk updates, queries, lead conversion, mail" [official]; the v8 limits page as quoted by
 * third parties adds records by custom view, search, composite, writes of more than 10 records): COQL, search,
 * writes of more than 10 records, bulk job creation, convert, send mail, records by custom view, composite
 * requests.
 */
final class OperationCosts {
  private static final JsonFactory JSON = new JsonFactory();
  private static final long MAX_PEEK = 2L * 1024 * 1024;
  private static final Pattern LIMIT = Pattern.compile("(?i)\\blimit\\s+(\\d+)(?:\\s*,\\s*(\\d+))?");
  private static final Pattern VERSION = Pattern.compile("v\\d+");

  /** What one call costs. */
  record Cost(long credits, boolean heavy) {
    static final Cost ONE = new Cost(1, false);
  }

  private OperationCosts() {}

  static Cost of(Request request) {
    String method = request.method();
    String[] s = crmSegments(request.url());
    if (s == null) {
      return Cost.ONE;
    }
    // s: the segments after "crm": [v8, Leads, ...] or [bulk, v8, read|write, ...]
    if (s.length >= 3 && s[0].equals("bulk") && method.equals("POST") && s.length == 3) {
      return s[2].equals("read") ? new Cost(50, true) : s[2].equals("write") ? new Cost(500, true) : Cost.ONE;
    }
    if (s.length < 2 || !VERSION.matcher(s[0]).matches()) {
      return Cost.ONE;
    }
    String resource = s[1];
    String last = s[s.length - 1];
    if (resource.equals("coql")) {
      return new Cost(coqlCredits(request.body()), true);
    }
    if (resource.equals("__composite_requests")) {
      return new Cost(1, true);
    }
    if (last.equals("convert")) {
      return new Cost(5, true);
    }
    if (last.equals("send_mail")) {
      return new Cost(1, true);
    }
    if (last.equals("search") && s.length == 3) {
      return new Cost(1, true);
    }
    if (last.equals("deleted") && s.length == 3 && method.equals("GET")) {
      return new Cost(2, false);
    }
    if (method.equals("GET") && s.length == 2 && request.url().queryParameter("cvid") != null) {
      return new Cost(3, true);
    }
    if ((last.equals("add_tags") || last.equals("remove_tags")) && method.equals("POST")) {
      String ids = request.url().queryParameter("ids");
      int records = ids == null ? 1 : ids.split(",").length;
      return new Cost(Math.max(1, (records + 49) / 50), false);
    }
    if ((method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))
        && (s.length == 2 || s.length == 3 && last.equals("upsert"))) {
      int records = records(request.body());
      return new Cost(Math.max(1, (records + 9) / 10), records > 10);
    }
    return Cost.ONE;
  }

  /** The path segments after {@code crm}, or null when the path has none. */
  private static String[] crmSegments(HttpUrl url) {
    java.util.List<String> path = url.pathSegments();
    int crm = path.indexOf("crm");
    if (crm < 0 || crm == path.size() - 1) {
      return null;
    }
    return path.subList(crm + 1, path.size()).toArray(new String[0]);
  }

  /** COQL's credits by the LIMIT of {@code select_query}; 1 when it cannot be read (Zoho's default LIMIT 200). */
  static long coqlCredits(RequestBody body) {
    String text = peek(body);
    if (text == null) {
      return 1;
    }
    Matcher limit = LIMIT.matcher(text);
    long rows = 200;
    while (limit.find()) {
      rows = Long.parseLong(limit.group(2) != null ? limit.group(2) : limit.group(1));
    }
    return rows <= 200 ? 1 : rows <= 1000 ? 2 : 3;
  }

  /** The records in a write's {@code data} array; 1 when it cannot be read. */
  static int records(RequestBody body) {
    String text = peek(body);
    if (text == null) {
      return 1;
    }
    try (JsonParser parser = JSON.createParser(text)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return 1;
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.getCurrentName();
        JsonToken value = parser.nextToken();
        if (field.equals("data") && value == JsonToken.START_ARRAY) {
          int count = 0;
          while (parser.nextToken() != JsonToken.END_ARRAY) {
            count++;
            parser.skipChildren();
          }
          return Math.max(1, count);
        }
        parser.skipChildren();
      }
    } catch (IOException | RuntimeException e) {
      return 1;
    }
    return 1;
  }

  private static String peek(RequestBody body) {
    try {
      if (body == null || body.isOneShot() || body.isDuplex() || body.contentLength() > MAX_PEEK) {
        return null;
      }
      Buffer buffer = new Buffer();
      body.writeTo(buffer);
      return buffer.readUtf8();
    } catch (IOException e) {
      return null;
    }
  }
}

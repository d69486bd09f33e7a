package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a CRM request costs at Zoho: API credits, and whether it is one of the heavy calls with their own pool of 10
 * concurrent calls. Sources: API limits page, "credit deduction" (v2–v8; the same table on the Vertical Solutions
 * page): 1 per call, Convert Lead 5, records by custom view 3, deleted-record ids 2, insert/update/upsert 1 per 10
 * records, tags 1 per 50 records, Bulk Read job 50, Bulk Write job 500; COQL overview: LIMIT 1–200 1 credit,
 * 201–1000 2, 1001–2000 3. Heavy calls: Kaizen #203 ("bulk updates, queries, lead conversion, mail ... typically 10
 * concurrent requests") and the v8 limits page as quoted by third parties (records by custom view, search,
 * composite, writes of more than 10 records).
 */
record CallPrice(int credits, boolean heavy) {
  private static final Pattern COQL_LIMIT = Pattern.compile("(?i)\\blimit\\s+(\\d+)(?:\\s*,\\s*(\\d+))?");

  static CallPrice of(Http http) {
    String[] s = http.path.substring(1).split("/");
    String m = http.method;
    if (s.length == 4 && s[1].equals("bulk") && m.equals("POST")) {
      return s[3].equals("read") ? new CallPrice(50, true) : s[3].equals("write") ? new CallPrice(500, true)
          : new CallPrice(1, false);
    }
    if (s.length < 3 || !s[0].equals("crm")) {
      return new CallPrice(1, false);
    }
    String end = s[s.length - 1];
    if (s[2].equals("coql")) {
      return new CallPrice(coql(http), true);
    }
    if (s[2].equals("__composite_requests") || end.equals("send_mail") || s.length == 4 && end.equals("search")) {
      return new CallPrice(1, true);
    }
    if (end.equals("convert")) {
      return new CallPrice(5, true);
    }
    if (m.equals("GET") && s.length == 4 && end.equals("deleted")) {
      return new CallPrice(2, false);
    }
    if (m.equals("GET") && s.length == 3 && http.param("cvid") != null) {
      return new CallPrice(3, true);
    }
    if (m.equals("POST") && (end.equals("add_tags") || end.equals("remove_tags"))) {
      String ids = http.param("ids");
      return new CallPrice(Math.max(1, ((ids == null ? 1 : ids.split(",").length) + 49) / 50), false);
    }
    boolean write = m.equals("POST") || m.equals("PUT") || m.equals("PATCH");
    if (write && (s.length == 3 || s.length == 4 && end.equals("upsert"))) {
      int records = records(http);
      return new CallPrice(Math.max(1, (records + 9) / 10), records > 10);
    }
    return new CallPrice(1, false);
  }

  private static int coql(Http http) {
    String body = new String(http.body, StandardCharsets.UTF_8);
    Matcher limit = COQL_LIMIT.matcher(body);
    int rows = 200; // Zoho's default LIMIT
    while (limit.find()) {
      rows = Integer.parseInt(limit.group(2) != null ? limit.group(2) : limit.group(1));
    }
    return rows <= 200 ? 1 : rows <= 1000 ? 2 : 3;
  }

  private static int records(Http http) {
    try {
      JsonNode data = Http.JSON.readTree(http.body).path("data");
      return data.isArray() ? Math.max(1, data.size()) : 1;
    } catch (java.io.IOException | RuntimeException e) {
      return 1;
    }
  }
}

package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;
import java.util.List;

/**
 * Zoho CRM's COQL API: {@code POST /crm/v8/coql} with {@code select_query} in a JSON body, whatever its
 * Content-Type (COQL-Overview.html under {@code https://www.zoho.com/crm/developer/docs/api/v8/}). A read, though
 * a POST: its scopes are {@code ZohoCRM.coql.READ} together with a read scope of the module queried
 * (COQL-Overview.html).
 */
final class CoqlEndpoint {
  /** Rows per call since v7 (2,000; v2 had 200), and the farthest limit plus offset reach (COQL-Limitations.html). */
  private static final int MAX_LIMIT = 2000;
  private static final int MAX_REACH = 100_000;

  private final Crm crm;

  CoqlEndpoint(Crm crm) {
    this.crm = crm;
  }

  void query(DataCenter dc, Http http) throws IOException {
    // the JSON body is read whatever its Content-Type (application/json, or text/plain as Zoho's own SDK sends it),
    // as for record writes (Http.jsonBody)
    JsonNode body;
    try {
      body = http.jsonBody();
    } catch (IOException e) {
      throw new ZohoError(400, "INVALID_DATA", "the body is not valid JSON");
    }
    String query = body == null ? null : body.path("select_query").asText(null);
    if (query == null) {
      throw ZohoError.missingParam("select_query");
    }
    Coql.Query parsed;
    try {
      parsed = Coql.parse(query);
    } catch (Coql.SyntaxError e) {
      ObjectNode details = Http.JSON.createObjectNode().put("clause", e.clause).put("near", e.near);
      throw new ZohoError(400, "SYNTAX_ERROR", "error occured while parsing the query: " + e.getMessage(), details);
    }
    Crm.Module module = crm.module(dc, parsed.module());
    if (module == null) {
      ObjectNode details = Http.JSON.createObjectNode().put("clause", "from").put("near", parsed.module());
      throw new ZohoError(400, "INVALID_QUERY", "invalid module in the from clause", details);
    }
    if (parsed.limit() > MAX_LIMIT || parsed.offset() + parsed.limit() > MAX_REACH) {
      ObjectNode details = Http.JSON.createObjectNode().put("clause", "limit").put("limit", MAX_LIMIT);
      throw new ZohoError(400, "LIMIT_EXCEEDED", "limit exceeded", details);
    }
    List<ObjectNode> rows = crm.matching(module, parsed.where());
    rows.sort(parsed.order()::compare);
    if (parsed.offset() >= rows.size()) {
      http.empty(204);
      return;
    }
    List<ObjectNode> slice = rows.subList(parsed.offset(), Math.min(rows.size(), parsed.offset() + parsed.limit()));
    ObjectNode answer = Http.JSON.createObjectNode();
    ArrayNode data = answer.putArray("data");
    slice.forEach(r -> data.add(RecordsEndpoints.project(r, parsed.fields())));
    answer.putObject("info").put("count", slice.size())
        .put("more_records", parsed.offset() + parsed.limit() < rows.size());
    http.json(200, answer, ZohoShapes.COQL_PAGE);
  }
}

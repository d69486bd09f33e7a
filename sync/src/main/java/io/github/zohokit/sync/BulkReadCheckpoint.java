package io.github.zohokit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;

/**
 * Where a Bulk Read export stands between two jobs: the next batch's page token, when Zoho issued it and for whom.
 * Save it (its {@link #toJson()}) and pass it to {@link BulkRead#resume} to continue after a restart instead of
 * exporting everything again. Zoho's page token lives 24 hours and works only for the user it was issued to.
 *
 * @param module the module exported
 * @param queryHash a hash of the query (module, fields, criteria, view), to refuse a checkpoint of another export
 * @param pageToken the token of the next job
 * @param issuedAt when Zoho issued it (when the previous job completed)
 * @param userKey the zohokit user key whose token the export runs with
 * @param rowsDelivered rows handed over so far
 */
public record BulkReadCheckpoint(String module, String queryHash, String pageToken, Instant issuedAt, String userKey,
    long rowsDelivered) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The checkpoint as JSON text.
   *
   * @return the text
   */
  public String toJson() {
    return JSON.createObjectNode().put("module", module).put("query_hash", queryHash).put("page_token", pageToken)
        .put("issued_at", issuedAt.toString()).put("user_key", userKey).put("rows_delivered", rowsDelivered)
        .toString();
  }

  /**
   * Reads {@link #toJson()}'s text.
   *
   * @param json the text
   * @return the checkpoint
   * @throws SyncException when it is not a checkpoint
   */
  public static BulkReadCheckpoint fromJson(String json) {
    try {
      JsonNode n = JSON.readTree(json);
      return new BulkReadCheckpoint(n.path("module").asText(), n.path("query_hash").asText(),
          n.path("page_token").asText(), Instant.parse(n.path("issued_at").asText()), n.path("user_key").asText(),
          n.path("rows_delivered").asLong());
    } catch (IOException | RuntimeException e) {
      throw new SyncException("not a Bulk Read checkpoint: " + e.getMessage(), null, e);
    }
  }

  @Override
  public String toString() {
    return "BulkReadCheckpoint{module=" + module + ", issuedAt=" + issuedAt + ", user=" + userKey + ", rows="
        + rowsDelivered + "}"; // the token stays out of logs
  }
}

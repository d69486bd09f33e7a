package io.github.zohokit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where the sync of one module stands, saved after every batch:
 *
 * <ul>
 *   <li>the changes watermark {@code (Modified_Time, id)} of the newest record version delivered, with the versions
 *       delivered at or after {@code watermark - overlap} (to skip them when the overlap reads them again);
 *   <li>an unfinished full pass (the first load, a formula refresh, a reconciliation) and where it stands;
 *   <li>the deletes watermark: when deleted records were last read, with the ids reported within the overlap;
 *   <li>a {@code Modified_Time} second that holds more records than Zoho's page token reaches, while it is read by
 *       Bulk Read (a run that resumes reads it with Bulk Read again instead of paging up to the limit first).
 * </ul>
 *
 * Stored as a small JSON text ({@link #toJson()}); a state store keeps it as it is.
 */
public final class SyncCursor {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Versions remembered for de-duplication, at most; older ones may be delivered again (at-least-once). */
  static final int MAX_SEEN = 1_000;
  /** Deleted ids remembered for de-duplication, at most (the cursor stays under 64 KB: a MariaDB TEXT). */
  static final int MAX_SEEN_DELETED = 500;

  OffsetDateTime watermark;
  String watermarkId;
  final Map<String, Long> seen = new LinkedHashMap<>();
  Instant deletesCheckedAt;
  final Map<String, Long> seenDeleted = new LinkedHashMap<>();
  Instant lastFullPass;
  /** An unfinished full pass: its kind ({@code load}, {@code refresh}, {@code reconcile}) and where it stands. */
  String passKind;
  OffsetDateTime passFrom;
  Instant passStarted;
  /** A second too full for a page token, being read by Bulk Read until the changes move past it; or null. */
  OffsetDateTime bulkSecond;

  SyncCursor() {}

  /**
   * The {@code Modified_Time} of the newest record version delivered.
   *
   * @return it, or empty before the first record
   */
  public Optional<OffsetDateTime> watermark() {
    return Optional.ofNullable(watermark);
  }

  /**
   * The id of the record at the watermark (the second half of the {@code (Modified_Time, id)} key).
   *
   * @return it, or empty before the first record
   */
  public Optional<String> watermarkId() {
    return Optional.ofNullable(watermarkId);
  }

  /**
   * When deleted records were last read.
   *
   * @return it, or empty before the first run finished
   */
  public Optional<Instant> deletesCheckedAt() {
    return Optional.ofNullable(deletesCheckedAt);
  }

  /**
   * When the last full pass (first load, formula refresh or reconciliation) started.
   *
   * @return it, or empty while the first load has not finished
   */
  public Optional<Instant> lastFullPass() {
    return Optional.ofNullable(lastFullPass);
  }

  /**
   * The unfinished full pass, if any: {@code load}, {@code refresh} or {@code reconcile}.
   *
   * @return its kind, or empty
   */
  public Optional<String> unfinishedPass() {
    return Optional.ofNullable(passKind);
  }

  /** Remembers a delivered version; forgets versions older than {@code keepFrom} and the oldest past the cap. */
  void remember(String id, OffsetDateTime modified, long keepFromEpochSecond) {
    seen.remove(id);
    seen.put(id, modified.toEpochSecond());
    seen.values().removeIf(t -> t < keepFromEpochSecond);
    while (seen.size() > MAX_SEEN) {
      seen.remove(seen.keySet().iterator().next());
    }
  }

  boolean delivered(String id, OffsetDateTime modified) {
    Long t = seen.get(id);
    return t != null && t == modified.toEpochSecond();
  }

  SyncCursor copy() {
    return fromJson(toJson());
  }

  /**
   * The cursor as JSON text.
   *
   * @return a small JSON object
   */
  public String toJson() {
    ObjectNode node = JSON.createObjectNode().put("v", 1);
    put(node, "watermark", watermark == null ? null : watermark.toString());
    put(node, "watermark_id", watermarkId);
    node.set("seen", JSON.valueToTree(seen));
    put(node, "deletes_checked_at", deletesCheckedAt == null ? null : deletesCheckedAt.toString());
    node.set("seen_deleted", JSON.valueToTree(seenDeleted));
    put(node, "last_full_pass", lastFullPass == null ? null : lastFullPass.toString());
    put(node, "pass_kind", passKind);
    put(node, "pass_from", passFrom == null ? null : passFrom.toString());
    put(node, "pass_started", passStarted == null ? null : passStarted.toString());
    put(node, "bulk_second", bulkSecond == null ? null : bulkSecond.toString());
    return node.toString();
  }

  private static void put(ObjectNode node, String name, String value) {
    if (value != null) {
      node.put(name, value);
    }
  }

  /**
   * Reads a cursor written by {@link #toJson()}.
   *
   * @param json the text
   * @return the cursor
   * @throws SyncException when the text is not a cursor
   */
  public static SyncCursor fromJson(String json) {
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || node.path("v").asInt() != 1) {
        throw new SyncException("the stored sync cursor is not a version 1 cursor: " + abbreviate(json)
            + ". Delete it to start with a full load");
      }
      SyncCursor c = new SyncCursor();
      c.watermark = node.hasNonNull("watermark") ? OffsetDateTime.parse(node.get("watermark").asText()) : null;
      c.watermarkId = node.path("watermark_id").asText(null);
      node.path("seen").fields().forEachRemaining(e -> c.seen.put(e.getKey(), e.getValue().asLong()));
      c.deletesCheckedAt = instant(node, "deletes_checked_at");
      node.path("seen_deleted").fields().forEachRemaining(e -> c.seenDeleted.put(e.getKey(), e.getValue().asLong()));
      c.lastFullPass = instant(node, "last_full_pass");
      c.passKind = node.path("pass_kind").asText(null);
      c.passFrom = node.hasNonNull("pass_from") ? OffsetDateTime.parse(node.get("pass_from").asText()) : null;
      c.passStarted = instant(node, "pass_started");
      c.bulkSecond = node.hasNonNull("bulk_second") ? OffsetDateTime.parse(node.get("bulk_second").asText()) : null;
      return c;
    } catch (IOException | RuntimeException e) {
      if (e instanceof SyncException) {
        throw (SyncException) e;
      }
      throw new SyncException("the stored sync cursor is unreadable (" + e.getMessage() + "): " + abbreviate(json)
          + ". Delete it to start with a full load", null, e);
    }
  }

  private static Instant instant(JsonNode node, String name) {
    return node.hasNonNull(name) ? Instant.parse(node.get(name).asText()) : null;
  }

  private static String abbreviate(String s) {
    return s == null ? "null" : s.length() > 80 ? s.substring(0, 80) + "..." : s;
  }

  @Override
  public String toString() {
    return "SyncCursor{watermark=" + (watermark == null ? null : watermark.withOffsetSameInstant(ZoneOffset.UTC))
        + ", id=" + watermarkId + ", deletesCheckedAt=" + deletesCheckedAt + ", pass=" + passKind + "}";
  }
}

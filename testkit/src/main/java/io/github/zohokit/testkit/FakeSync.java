package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.token.DataCenter;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a test of a data sync needs from the fake ({@link FakeZoho#sync()}): many records at once, changes made
 * "behind the client's back" (as a user in Zoho's web UI would make them), deletes, lead conversion, formula
 * values that change without touching {@code Modified_Time}, and Zoho's sync limits, lowered to reach them quickly.
 *
 * <p>Zoho's limits, by default: a {@code page_token} reaches the first 100,000 records; a Bulk Read job exports at
 * most 200,000 records; 10 Bulk Read downloads per minute; Bulk Write takes at most 25,000 rows and 25 MB per file.
 */
public final class FakeSync {
  private final Crm crm;
  private volatile int pageTokenRecordLimit = 100_000;
  private volatile int bulkReadRecordsPerJob = 200_000;
  private volatile int bulkReadDownloadsPerMinute = 10;
  private volatile int bulkJobPollsUntilDone = 3;
  private volatile boolean ifModifiedSinceInclusive = true;
  private final java.util.concurrent.atomic.AtomicInteger failingJobs = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger cutDownloads = new java.util.concurrent.atomic.AtomicInteger();

  FakeSync(Crm crm) {
    this.crm = crm;
  }

  // ---- limits ----

  /**
   * How many records a {@code page_token} reaches (Zoho: 100,000); past it {@code PAGINATION_LIMIT_EXCEEDED}.
   *
   * @param limit the records reachable with one chain of page tokens, at least 1
   * @return this
   */
  public FakeSync pageTokenRecordLimit(int limit) {
    this.pageTokenRecordLimit = Math.max(1, limit);
    return this;
  }

  int pageTokenRecordLimit() {
    return pageTokenRecordLimit;
  }

  /**
   * Records one Bulk Read job exports (Zoho: 200,000); the rest come with {@code more_records} and a
   * {@code next_page_token} for the next job.
   *
   * @param limit at least 1
   * @return this
   */
  public FakeSync bulkReadRecordsPerJob(int limit) {
    this.bulkReadRecordsPerJob = Math.max(1, limit);
    return this;
  }

  int bulkReadRecordsPerJob() {
    return bulkReadRecordsPerJob;
  }

  /**
   * Bulk Read result downloads per organisation per minute of the fake's clock (Zoho: 10); past it 429.
   *
   * @param limit at least 1
   * @return this
   */
  public FakeSync bulkReadDownloadsPerMinute(int limit) {
    this.bulkReadDownloadsPerMinute = Math.max(1, limit);
    return this;
  }

  int bulkReadDownloadsPerMinute() {
    return bulkReadDownloadsPerMinute;
  }

  /**
   * How many status reads a bulk job takes to finish: {@code ADDED}, then {@code QUEUED}, {@code IN PROGRESS}, and
   * {@code COMPLETED} (or {@code FAILURE}) on this read (default 3).
   *
   * @param polls at least 1
   * @return this
   */
  public FakeSync bulkJobPollsUntilDone(int polls) {
    this.bulkJobPollsUntilDone = Math.max(1, polls);
    return this;
  }

  int bulkJobPollsUntilDone() {
    return bulkJobPollsUntilDone;
  }

  /**
   * The next {@code jobs} Bulk Read jobs end in state {@code FAILURE} with Zoho's {@code error_message}
   * ({@code INTERNAL_SERVER_ERROR}).
   *
   * @param jobs how many jobs
   * @return this
   */
  public FakeSync failNextBulkJobs(int jobs) {
    failingJobs.addAndGet(jobs);
    return this;
  }

  boolean takeJobFailure() {
    return failingJobs.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /**
   * The next {@code downloads} Bulk Read result downloads are cut midway: the connection closes after half of the
   * announced bytes, so the ZIP is unreadable.
   *
   * @param downloads how many downloads
   * @return this
   */
  public FakeSync cutNextDownloads(int downloads) {
    cutDownloads.addAndGet(downloads);
    return this;
  }

  boolean takeCutDownload() {
    return cutDownloads.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
  }

  /**
   * Whether a records list's {@code If-Modified-Since} includes its own second (the default, as the fake has always
   * answered) or lists only records modified after it. Zoho does not document which; a sync must work either way.
   *
   * @param inclusive false to list only records modified strictly after the header's instant
   * @return this
   */
  public FakeSync ifModifiedSinceInclusive(boolean inclusive) {
    this.ifModifiedSinceInclusive = inclusive;
    return this;
  }

  boolean ifModifiedSinceInclusive() {
    return ifModifiedSinceInclusive;
  }

  // ---- data ----

  /**
   * Adds {@code count} records to {@code module}, with distinct {@code Modified_Time}s a minute apart in January
   * 2026 (as {@link FakeZoho#seedRecords}).
   *
   * @param dc a data centre the fake serves
   * @param module {@code Leads}, {@code Contacts}, {@code Accounts} or {@code Deals}
   * @param count how many
   * @return their ids, in order
   */
  public List<String> seed(DataCenter dc, String module, int count) {
    return crm.seed(dc, module, count);
  }

  /**
   * Changes fields of a record as a user in Zoho's web UI would: {@code Modified_Time} becomes now (the fake's
   * clock, whole seconds).
   *
   * @param dc the data centre
   * @param module the module
   * @param id the record's id
   * @param changes field API name to new value (String, Number, Boolean or null)
   * @throws IllegalArgumentException when there is no such record
   */
  public void update(DataCenter dc, String module, String id, Map<String, ?> changes) {
    synchronized (crm) {
      ObjectNode record = record(dc, module, id);
      changes.forEach((field, value) -> record.set(field, Http.JSON.valueToTree(value)));
      record.put("Modified_Time", crm.now());
    }
  }

  /**
   * Bumps {@code Modified_Time} of records to now, as an edit that changes nothing visible would.
   *
   * @param dc the data centre
   * @param module the module
   * @param ids the records
   */
  public void touch(DataCenter dc, String module, Collection<String> ids) {
    synchronized (crm) {
      String now = crm.now();
      for (String id : ids) {
        record(dc, module, id).put("Modified_Time", now);
      }
    }
  }

  /**
   * Sets {@code Modified_Time} of records to a given instant (whole seconds), to build ties and old changes.
   *
   * @param dc the data centre
   * @param module the module
   * @param ids the records
   * @param time the new {@code Modified_Time}; its offset is kept
   */
  public void setModifiedTime(DataCenter dc, String module, Collection<String> ids, OffsetDateTime time) {
    String value = time.truncatedTo(ChronoUnit.SECONDS).format(Crm.TIME);
    synchronized (crm) {
      for (String id : ids) {
        record(dc, module, id).put("Modified_Time", value);
      }
    }
  }

  /**
   * Changes a field without touching {@code Modified_Time}: what a formula field does when its inputs elsewhere
   * change.
   *
   * @param dc the data centre
   * @param module the module
   * @param id the record
   * @param field the field's API name
   * @param value the new value
   */
  public void setWithoutModifiedTime(DataCenter dc, String module, String id, String field, Object value) {
    synchronized (crm) {
      record(dc, module, id).set(field, Http.JSON.valueToTree(value));
    }
  }

  /**
   * Converts a lead: {@code Converted__s} true, {@code Converted_Date_Time} and {@code Modified_Time} now. Lists hide
   * it unless {@code converted=true|both}.
   *
   * @param dc the data centre
   * @param leadId the lead
   */
  public void convertLead(DataCenter dc, String leadId) {
    synchronized (crm) {
      ObjectNode lead = record(dc, "Leads", leadId);
      String now = crm.now();
      lead.put("Converted__s", true).put("Converted_Date_Time", now).put("Modified_Time", now);
    }
  }

  /**
   * Deletes records as the web UI does: into the recycle bin (60 days), listed by {@code /{module}/deleted}.
   *
   * @param dc the data centre
   * @param module the module
   * @param ids the records
   */
  public void delete(DataCenter dc, String module, Collection<String> ids) {
    synchronized (crm) {
      crm.delete(crm.requireModule(dc, module), ids.toArray(new String[0]));
    }
  }

  /**
   * Deletes records past the recycle bin (as deleting them from it does): listed by {@code /{module}/deleted} with
   * {@code type} {@code permanent} (120 days), not with {@code type=recycle}.
   *
   * @param dc the data centre
   * @param module the module
   * @param ids the records
   */
  public void deletePermanently(DataCenter dc, String module, Collection<String> ids) {
    synchronized (crm) {
      crm.delete(crm.requireModule(dc, module), ids.toArray(new String[0]), true);
    }
  }

  /**
   * Empties the recycle bin of {@code module}, as an administrator does in Zoho's web UI: its entries are then
   * {@code permanent}.
   *
   * @param dc the data centre
   * @param module the module
   */
  public void emptyRecycleBin(DataCenter dc, String module) {
    synchronized (crm) {
      crm.purgeRecycleBin(crm.requireModule(dc, module));
    }
  }

  /**
   * Moves the deleted-records entries of {@code module} back in time (as if deleted long ago), so that retention
   * can be tested without moving the whole clock.
   *
   * @param dc the data centre
   * @param module the module
   * @param days how many days older each entry becomes
   */
  public void ageDeletedEntries(DataCenter dc, String module, int days) {
    synchronized (crm) {
      for (ObjectNode d : crm.requireModule(dc, module).deleted) {
        OffsetDateTime t = OffsetDateTime.parse(d.path("deleted_time").asText()).minusDays(days);
        d.put("deleted_time", t.format(Crm.TIME));
      }
    }
  }

  /**
   * Every record of {@code module} (converted leads included), as JSON copies.
   *
   * @param dc the data centre
   * @param module the module
   * @return copies in insertion order
   */
  public List<JsonNode> records(DataCenter dc, String module) {
    return new ArrayList<>(crm.records(dc, module));
  }

  /**
   * Now on the fake's clock, whole seconds, as {@code Modified_Time} values are written.
   *
   * @return the time, in UTC
   */
  public OffsetDateTime now() {
    return OffsetDateTime.parse(crm.now()).withOffsetSameInstant(ZoneOffset.UTC);
  }

  private ObjectNode record(DataCenter dc, String module, String id) {
    ObjectNode record = crm.requireModule(dc, module).records.get(Objects.requireNonNull(id, "id"));
    if (record == null) {
      throw new IllegalArgumentException("no record " + id + " in " + module + " of " + dc);
    }
    return record;
  }
}

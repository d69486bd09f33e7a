package io.github.zohokit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.Zoho;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * Keeps another system in step with one Zoho CRM module: the first run copies every record (a full load), the next
 * ones only what changed and what was deleted, each page handed to a {@link SyncHandler} and the cursor saved after
 * it in a {@link SyncStateStore}.
 *
 * <pre>{@code
 * IncrementalSync leads = IncrementalSync.builder(zoho, "Leads")
 *     .fields(List.of("Last_Name", "Email", "Company"))
 *     .stateStore(JdbcSyncStateStore.builder(dataSource).build())
 *     .build();
 * SyncReport report = leads.run(batch -> {            // one page at a time, in Modified_Time order
 *   Connection c = batch.connection();                 // the cursor's transaction (JDBC store)
 *   for (SyncRecord r : batch.upserts()) { ... }       // upsert by r.id()
 *   for (DeletedRecord d : batch.deletes()) { ... }    // delete by d.id()
 *   batch.reconciliation().ifPresent(live -> ...);     // delete rows whose id is not live
 * });
 * }</pre>
 *
 * <h2>How changes are read</h2>
 *
 * {@code GET /crm/v8/{module}} with {@code sort_by=Modified_Time&sort_order=asc}, {@code per_page=200}, and
 * {@code If-Modified-Since} = the watermark minus the {@linkplain Builder#overlap overlap} (304 and 204 mean nothing
 * changed). Zoho's {@code page_token} is bound to its parameters, lives 24 hours and reaches 100,000 records, so the
 * window is split at every page whose newest {@code Modified_Time} moved on: the next request is a new query from
 * that time (minus one second, whether Zoho's filter is inclusive or not), and a page token is followed only through
 * records sharing one second. A window stays far below the token's limits, and a token that expired or no longer
 * matches is dropped and the window read again.
 *
 * <h2>More records in one second than a page token reaches</h2>
 *
 * When the token stops at Zoho's 100,000 records ({@code PAGINATION_LIMIT_EXCEEDED}) while paging through one
 * {@code Modified_Time} second, that second <em>and the next</em> are read with one {@link BulkRead} export (criteria
 * {@code Modified_Time} from that second to two seconds later, the same fields; a job costs 50 credits and needs the
 * {@code ZohoCRM.bulk.read} scope as well; its requests and credits count in the {@link SyncReport}), and the list goes
 * on from the second after it: no record is skipped whether Zoho's {@code If-Modified-Since} includes its own instant
 * or not, and at whatever precision Zoho compares it. The rows come to the handler in pages of 200 as
 * {@link SyncRecord}s shaped like a list page's, without the versions already delivered; each page holds one of the
 * two seconds, and the pages of the two may interleave. Each field is typed as the list types it: from a value a list
 * page of the run gave, else from the module's fields metadata ({@code GET /crm/v8/settings/fields}, read at most once
 * a run and only then, 1 credit, scope {@code ZohoCRM.settings.fields.READ}): lookups and owners as objects holding
 * only the {@code id} (all Zoho's CSV has), booleans, numbers, empty cells null. <b>Not</b> the list's shape: fields
 * the list gives as arrays (multi-select picklists and lookups, subforms, files) and other objects come as the CSV
 * cell's text, unsplit, because Zoho does not document how its export joins their values; a field typed by neither
 * comes as text. Whether Zoho's Bulk Read of {@code Leads} exports converted leads is not documented either: the sync
 * assumes it does, as the list with {@code converted=both} (with {@link Builder#includeConvertedLeads(boolean)
 * includeConvertedLeads(false)} they are dropped by their {@code Converted__s}); if it did not, the converted leads of
 * such a second would be missed. The second is saved in the cursor before the job starts: a run that resumes after a
 * crash or a failed job (an error naming the module and the second) reads it with Bulk Read again at once, exporting
 * it from the start, so the handler may get versions of those seconds again (at-least-once), never fewer. While the
 * job is waited for, the lease is renewed every third of its {@linkplain Builder#leaseTtl time-to-live} (the cursor
 * committed unchanged; the handler is not called), so no other worker takes the module over.
 *
 * <h2>Watermark, overlap, de-duplication</h2>
 *
 * The watermark is the {@code (Modified_Time, id)} of the newest version delivered. Each run reads again from
 * {@code watermark - overlap} (default 5 minutes) so that a record saved with an earlier time but visible late is
 * not missed; versions already delivered ({@code id} with the same {@code Modified_Time}, up to the last 1,000) are
 * skipped. A version is the {@code id} and the {@code Modified_Time} <em>to the second</em> (Zoho's list gives whole
 * seconds): a record saved twice within one second, read between the two saves, is not delivered again for the
 * second save; its next change, a {@linkplain Builder#formulaRefresh formula refresh} or a reconciliation brings it.
 * The cursor is saved after every page: a crash delivers at most that page again (at-least-once; make the
 * handler idempotent with {@link SyncRecord#versionKey()}), or nothing at all with a {@link JdbcSyncStateStore}
 * when the handler writes through {@link SyncBatch#connection()} (the writes and the cursor commit together).
 *
 * <h2>Deletes</h2>
 *
 * {@code GET /crm/v8/{module}/deleted?type=all} with {@code If-Modified-Since} = the deletes watermark minus the
 * overlap. Zoho lists recycle-bin deletions for 60 days, so when the deletes watermark is older than that (minus a
 * day), or more deletions happened than Zoho lists ({@code page} reaches 2,000), the sync runs a <em>full
 * reconciliation</em>: it reads every record again and hands the handler the ids Zoho holds
 * ({@link SyncBatch#reconciliation()}), to delete the others.
 *
 * <h2>Options</h2>
 *
 * Converted leads are included ({@code converted=both}, with {@code Converted__s}) unless
 * {@link Builder#includeConvertedLeads(boolean) turned off}; Zoho hides them by default. Formula fields do not change
 * {@code Modified_Time}: {@link Builder#formulaRefresh(Duration)} re-reads every record that often.
 *
 * <h2>Several workers</h2>
 *
 * A run takes the sync key's lease first; a worker that finds it held returns at once ({@link SyncReport#ran()}
 * false). Different modules (keys) run in parallel.
 */
public final class IncrementalSync {
  static final DateTimeFormatter ZOHO_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx");
  private static final int PER_PAGE = 200;
  private static final int DELETED_MAX_PAGE = 10;

  private final String module;
  private final String key;
  private final List<String> fields;
  private final SyncStateStore store;
  private final Duration overlap;
  private final boolean convertedLeads;
  private final boolean deletes;
  private final Duration retention;
  private final Duration formulaRefresh;
  private final Duration leaseTtl;
  private final Clock clock;
  private final Zoho zoho;
  private final ZohoRequests.Backoff backoff;
  /** The fields a Bulk Read window exports: the list's, with {@code Converted__s} when the list hides converted. */
  private final List<String> bulkFields;
  private final boolean hidesConverted;
  private final DownloadLimiter downloads = DownloadLimiter.zoho();

  private IncrementalSync(Builder b) {
    this.zoho = b.zoho;
    this.module = b.module;
    this.key = b.key != null ? b.key : b.module;
    Set<String> f = new LinkedHashSet<>(b.fields);
    f.add("Modified_Time");
    this.convertedLeads = b.convertedLeads && module.equalsIgnoreCase("Leads");
    if (convertedLeads) {
      f.add("Converted__s");
    }
    f.remove("id");
    if (f.size() > 50) {
      throw new IllegalArgumentException("Zoho lists at most 50 fields per request; " + f.size() + " asked for "
          + "(with Modified_Time" + (convertedLeads ? " and Converted__s" : "") + ")");
    }
    this.fields = List.copyOf(f);
    this.hidesConverted = !convertedLeads && module.equalsIgnoreCase("Leads");
    if (hidesConverted) {
      f.add("Converted__s");
    }
    this.bulkFields = List.copyOf(f);
    this.store = Objects.requireNonNull(b.store, "stateStore");
    this.overlap = b.overlap;
    this.deletes = b.deletes;
    this.retention = b.retention;
    this.formulaRefresh = b.formulaRefresh;
    this.leaseTtl = b.leaseTtl;
    this.clock = b.clock;
    this.backoff = new ZohoRequests.Backoff(b.attempts, b.initialBackoff, b.maxBackoff, b.sleeper);
  }

  /**
   * A builder for the sync of {@code module}.
   *
   * @param zoho the connection whose user reads the records (its token needs {@code ZohoCRM.modules.<module>.READ},
   *     and {@code ZohoCRM.bulk.read} and {@code ZohoCRM.settings.fields.READ} when one second holds more records
   *     than a page token reaches)
   * @param module the module's API name, such as {@code Leads}
   * @return a new builder
   */
  public static Builder builder(Zoho zoho, String module) {
    return new Builder(zoho, module);
  }

  /**
   * The sync key the cursor and the lease are stored under.
   *
   * @return the key (the module name unless {@link Builder#key} set another)
   */
  public String key() {
    return key;
  }

  /**
   * Runs once: the full load the first time (resumed where it stopped after a crash), then what changed and what was
   * deleted since the last run, a formula refresh or a reconciliation when due.
   *
   * @param handler takes each page; not null
   * @return what the run did; {@link SyncReport#ran()} is false when another worker held the lease
   * @throws SyncException when Zoho, the handler or the store failed; everything committed before stays committed,
   *     and running again resumes
   */
  public SyncReport run(SyncHandler handler) {
    Objects.requireNonNull(handler, "handler");
    Optional<SyncLease> taken = store.tryLease(key, leaseTtl);
    if (taken.isEmpty()) {
      return new SyncReport(module, false, null, 0, 0, 0, false, 0, 0, -1);
    }
    try (SyncLease lease = taken.get()) {
      return new Run(lease, handler).execute();
    }
  }

  /** One run's state. */
  private final class Run {
    final SyncLease lease;
    final SyncHandler handler;
    final ZohoRequests requests = new ZohoRequests(zoho, backoff);
    final ListShape shape = new ListShape(fields, convertedLeads ? List.of("Converted__s") : List.of(),
        requests.json());
    /** Whether the module's fields metadata was read in this run. */
    boolean fieldsDescribed;
    /** The seconds read by Bulk Read in this pass (epoch seconds). */
    final Set<Long> bulkSeconds = new HashSet<>();
    SyncCursor cursor;
    /** When the cursor was last committed (the lease renewed), on the sync's clock. */
    Instant committedAt = clock.instant();
    long read;
    long upserted;
    long deleted;
    boolean reconciled;
    // the pass changes() is reading: whether it reads everything, the live ids of a reconciliation, and the ids
    // delivered at the latest second (boundaryTime)
    boolean everything;
    boolean reconcile;
    long[] live;
    int liveCount;
    Set<String> boundary;
    OffsetDateTime boundaryTime;

    Run(SyncLease lease, SyncHandler handler) {
      this.lease = lease;
      this.handler = handler;
    }

    SyncReport execute() {
      cursor = store.load(key).orElseGet(SyncCursor::new);
      Instant start = clock.instant();
      String pass = cursor.passKind;
      if (pass == null) {
        if (cursor.lastFullPass == null) {
          pass = "load";
        } else if (deletes && cursor.deletesCheckedAt != null
            && start.isAfter(cursor.deletesCheckedAt.plus(retention).minus(Duration.ofDays(1)))) {
          pass = "reconcile";
        } else if (formulaRefresh != null && start.isAfter(cursor.lastFullPass.plus(formulaRefresh))) {
          pass = "refresh";
        }
        if (pass != null) {
          cursor.passKind = pass;
          cursor.passFrom = null;
          cursor.passStarted = start;
        }
      } else if (pass.equals("reconcile")) {
        cursor.passFrom = null; // the live ids of a broken reconciliation are gone: read them all again
      }
      String reported = pass;
      changes(pass);
      if (deletes && !"reconcile".equals(pass)) {
        if (!readDeletes(start)) {
          // more deletions than Zoho lists: reconcile now
          cursor.passKind = "reconcile";
          cursor.passFrom = null;
          cursor.passStarted = clock.instant();
          commit(new SyncBatch(module, List.of(), List.of(), null));
          reported = "reconcile";
          changes("reconcile");
        }
      }
      if (cursor.passKind != null && !cursor.passKind.equals("reconcile")) {
        cursor.lastFullPass = cursor.passStarted;
        if (cursor.deletesCheckedAt == null) {
          cursor.deletesCheckedAt = cursor.passStarted;
        }
        cursor.passKind = null;
        cursor.passFrom = null;
        cursor.passStarted = null;
        commit(new SyncBatch(module, List.of(), List.of(), null));
      }
      Long remaining = requests.creditsRemaining;
      return new SyncReport(module, true, reported, read, upserted, deleted, reconciled, requests.requests.get(),
          requests.credits.get(), remaining == null ? -1 : remaining);
    }

    /** Reads changed records; {@code pass} non-null reads every record from the pass's position. */
    void changes(String pass) {
      everything = "refresh".equals(pass) || "reconcile".equals(pass);
      reconcile = "reconcile".equals(pass);
      OffsetDateTime from = everything ? cursor.passFrom
          : cursor.watermark == null ? null : cursor.watermark.minus(overlap);
      if (cursor.bulkSecond != null && from != null && from.isAfter(cursor.bulkSecond.minusSeconds(1))) {
        // a Bulk Read window was cut after delivering rows of its later second: read its first second again (from a
        // second before it, whether Zoho's filter is inclusive or not)
        from = cursor.bulkSecond.minusSeconds(1);
      }
      bulkSeconds.clear(); // per pass: a reconciliation after this run's incremental pass may meet the same second
      live = reconcile ? new long[1024] : null;
      liveCount = 0;
      boundary = new HashSet<>();
      boundaryTime = null;
      OffsetDateTime queryFrom = from;
      String token = null;
      int restarts = 0;
      OffsetDateTime chainLast = null; // the newest Modified_Time of the page before the next request
      while (true) {
        HttpUrl.Builder url = ZohoRequests.url("/crm/v8/" + module)
            .addQueryParameter("fields", String.join(",", fields))
            .addQueryParameter("sort_by", "Modified_Time").addQueryParameter("sort_order", "asc")
            .addQueryParameter("per_page", String.valueOf(PER_PAGE));
        if (convertedLeads) {
          url.addQueryParameter("converted", "both");
        }
        if (token != null) {
          url.addQueryParameter("page_token", token);
        }
        ZohoRequests.Answer answer;
        try {
          answer = requests.get(url.build(), queryFrom == null ? null : queryFrom.format(ZOHO_TIME), 1);
        } catch (SyncException e) {
          String code = e.code();
          if (token != null && restarts < 3 && ("EXPIRED_VALUE".equals(code)
              || "TOKEN_BOUND_DATA_MISMATCH".equals(code) || "INVALID_DATA".equals(code))) {
            token = null; // read the window again from its start; delivered versions are skipped
            restarts++;
            continue;
          }
          if ("PAGINATION_LIMIT_EXCEEDED".equals(code) && token != null && chainLast != null
              && !bulkSeconds.contains(chainLast.toEpochSecond())) {
            // the token followed records sharing one second up to Zoho's 100,000: the rest of that second only
            // Bulk Read can list
            bulkWindow(chainLast);
            queryFrom = chainLast.plusSeconds(1); // the window read that second and the next: see bulkWindow
            token = null;
            restarts = 0;
            continue;
          }
          if ("PAGINATION_LIMIT_EXCEEDED".equals(code)) {
            throw new SyncException("more than Zoho's page-token limit of records share the Modified_Time "
                + queryFrom + " in " + module + (chainLast == null ? "" : " even after a Bulk Read of " + chainLast)
                + ": the REST API cannot list them. Run the sync again; the cursor is at " + cursor.watermark, code, e);
          }
          throw e;
        }
        if (answer.body() == null) {
          break; // 304 Not Modified or 204 No Content: nothing (more) changed
        }
        restarts = 0;
        List<SyncRecord> page = new ArrayList<>();
        OffsetDateTime last = null;
        for (JsonNode item : answer.body().path("data")) {
          String id = item.path("id").asText(null);
          OffsetDateTime modified = time(item.path("Modified_Time").asText(null), id);
          if (id == null) {
            throw new SyncException("Zoho sent a " + module + " record without an id: " + item);
          }
          last = last == null || modified.isAfter(last) ? modified : last;
          shape.learn(item);
          if (take(id, modified)) {
            page.add(new SyncRecord(module, id, modified, (ObjectNode) item));
          }
        }
        if (last != null) {
          deliver(page, last);
        }
        JsonNode info = answer.body().path("info");
        if (!info.path("more_records").asBoolean(false) || last == null) {
          break;
        }
        chainLast = last;
        OffsetDateTime restartAt = last.minusSeconds(1);
        if (queryFrom == null || restartAt.isAfter(queryFrom)) {
          queryFrom = restartAt; // a new window: no page token to outlive or exhaust
          token = null;
        } else if (cursor.bulkSecond != null && last.isEqual(cursor.bulkSecond)
            && !bulkSeconds.contains(last.toEpochSecond())) {
          // a run that stopped found this second too full for a page token: read it with Bulk Read at once
          bulkWindow(last);
          queryFrom = last.plusSeconds(1);
          token = null;
        } else {
          token = info.path("next_page_token").asText(null); // records sharing one second: page through them
          if (token == null) {
            throw new SyncException("Zoho said more " + module + " records follow but sent no next_page_token");
          }
        }
      }
      if (cursor.bulkSecond != null) {
        SyncCursor next = cursor.copy(); // every change was listed: no second is left for Bulk Read
        next.bulkSecond = null;
        cursor = commitAs(next, new SyncBatch(module, List.of(), List.of(), null));
      }
      if (reconcile) {
        SyncCursor next = cursor.copy();
        next.passKind = null;
        next.passFrom = null;
        next.lastFullPass = next.passStarted;
        next.deletesCheckedAt = next.passStarted;
        next.seenDeleted.clear();
        next.passStarted = null;
        cursor = commitAs(next, new SyncBatch(module, List.of(), List.of(), LiveIds.of(live, liveCount)));
        reconciled = true;
      }
    }

    /**
     * Counts a record version read (and its id, in a reconciliation); whether it is new to the handler: not already
     * delivered at the latest second of this pass, nor (outside full passes) remembered by the cursor.
     */
    private boolean take(String id, OffsetDateTime modified) {
      count(id);
      // delivered in this pass at its latest second, or (outside full passes) remembered from an earlier batch
      boolean again = modified.equals(boundaryTime) && boundary.contains(id)
          || !everything && cursor.delivered(id, modified);
      if (again) {
        return false;
      }
      if (boundaryTime == null || modified.isAfter(boundaryTime)) {
        boundaryTime = modified;
        boundary.clear();
      }
      if (modified.equals(boundaryTime)) {
        boundary.add(id);
      }
      return true;
    }

    /** Counts a record version read, and its id in a reconciliation. */
    private void count(String id) {
      read++;
      if (reconcile) {
        if (liveCount == live.length) {
          live = Arrays.copyOf(live, live.length * 2);
        }
        try {
          live[liveCount++] = Long.parseLong(id);
        } catch (NumberFormatException e) {
          throw new SyncException("the " + module + " record id '" + id + "' is not a number; Zoho's ids are");
        }
      }
    }

    /** Hands {@code page} (read up to {@code last}) to the handler and moves the cursor past it. */
    private void deliver(List<SyncRecord> page, OffsetDateTime last) {
      SyncCursor next = cursor.copy();
      for (SyncRecord r : page) {
        if (next.watermark == null || !r.modifiedTime().isBefore(next.watermark)) {
          next.watermark = r.modifiedTime();
          next.watermarkId = r.id();
        }
      }
      long keepFrom = next.watermark == null ? Long.MIN_VALUE : next.watermark.minus(overlap).toEpochSecond();
      for (SyncRecord r : page) {
        next.remember(r.id(), r.modifiedTime(), keepFrom);
      }
      if (everything) {
        next.passFrom = last.minusSeconds(1);
      }
      if (next.bulkSecond != null && last.isAfter(next.bulkSecond)) {
        next.bulkSecond = null; // the changes moved past the second Bulk Read read
      }
      if (!page.isEmpty() || everything) {
        cursor = commitAs(next, new SyncBatch(module, page, List.of(), null));
        upserted += page.size();
      }
    }

    /**
     * Reads every record modified within {@code second} <em>and the second after it</em> with one Bulk Read export (a
     * job, or chained jobs past 200,000 records), handing the versions not yet delivered over in pages of 200 like a
     * list's; the list then goes on from the second after it. Exporting two seconds keeps the rule that no restart
     * can skip a record whether Zoho's {@code If-Modified-Since} includes its own instant or not, and at whatever
     * precision Zoho compares it: the restart's second is covered by the export. The second is saved in the cursor
     * first, so that a run resuming after a crash goes to Bulk Read for it straight away (and exports it again from
     * the start: the handler may get versions of those seconds again, never fewer).
     */
    private void bulkWindow(OffsetDateTime second) {
      bulkSeconds.add(second.toEpochSecond());
      if (cursor.bulkSecond == null || !cursor.bulkSecond.isEqual(second)) {
        SyncCursor next = cursor.copy();
        next.bulkSecond = second;
        cursor = commitAs(next, new SyncBatch(module, List.of(), List.of(), null));
      }
      if (!shape.complete() && !fieldsDescribed) {
        describeFields();
      }
      OffsetDateTime after = second.plusSeconds(1);
      // Modified_Time >= second and < second + 2 s: two seconds whatever precision Zoho keeps; greater_equal and
      // less_than are Bulk Read comparators of a DateTime field, values ISO 8601 without milliseconds (Zoho's Bulk
      // Read create-job page, https://www.zoho.com/crm/developer/docs/api/v8/bulk-read/create-job.html, and
      // crm-oas v8.0/bulk_read.json, schema Criteria, comparator enum)
      Criterion window = Criterion.and(Criterion.dateTime("Modified_Time").greaterEqual(second),
          Criterion.dateTime("Modified_Time").lessThan(after.plusSeconds(1)));
      SyncException[] ours = {null};
      BulkRead export = BulkRead.builder(zoho, module).fields(bulkFields).criteria(window).clock(clock)
          .sleeper(wait -> {
            try {
              waitRenewingTheLease(wait);
            } catch (SyncException e) {
              ours[0] = e; // the lease was lost or the store failed
              throw e;
            }
          }).downloadLimiter(downloads).requests(requests).build();
      // the ids of each second already delivered in this pass (the page token's part of the first), or by this
      // window; the rows of the two seconds come in no order, so each has its own pages
      Set<String> firstIds = second.equals(boundaryTime) ? new HashSet<>(boundary) : new HashSet<>();
      Set<String> afterIds = new HashSet<>();
      List<SyncRecord> firstPage = new ArrayList<>();
      List<SyncRecord> afterPage = new ArrayList<>();
      try {
        export.run(row -> {
          try {
            String id = row.id();
            OffsetDateTime modified = time(row.text("Modified_Time"), id).withOffsetSameInstant(second.getOffset());
            boolean first = modified.isEqual(second);
            if (hidesConverted && Boolean.TRUE.equals(row.bool("Converted__s")) || !first && !modified.isEqual(after)) {
              return; // as the list hides it; or not of these two seconds (the list reads it)
            }
            count(id);
            List<SyncRecord> page = first ? firstPage : afterPage;
            if ((first ? firstIds : afterIds).add(id) && (everything || !cursor.delivered(id, modified))) {
              page.add(new SyncRecord(module, id, modified, shape.apply(row)));
            }
            if (page.size() == PER_PAGE) {
              deliver(page, second);
              page.clear();
            }
          } catch (SyncException e) {
            ours[0] = e; // the handler's, the store's or a cell's: passed on as it is, not as the export's failure
            throw e;
          }
        }, null);
      } catch (SyncException e) {
        if (ours[0] != null) {
          throw ours[0];
        }
        throw new SyncException("more " + module + " records share the Modified_Time " + second + " than Zoho's "
            + "page token reaches, and the Bulk Read export that reads them failed: " + e.getMessage() + ". What "
            + "was delivered stays delivered, and the cursor keeps that second to export it again: run the sync "
            + "again, it starts a new export of that second (with ZohoCRM.bulk.read in the token's scopes)", e.code(),
            e);
      }
      for (List<SyncRecord> page : List.of(firstPage, afterPage)) {
        if (!page.isEmpty()) {
          deliver(page, second);
        }
      }
      boundaryTime = after; // the list goes on from the second after: the versions of it delivered here are skipped
      boundary = afterIds;
    }

    /**
     * Reads the module's fields metadata once, for the kinds of the fields no list page of this run gave a value of
     * (1 credit; scope {@code ZohoCRM.settings.fields.READ}, zohokit's scope catalogue, crm-oas v8.0 fields.json).
     */
    private void describeFields() {
      HttpUrl url = ZohoRequests.url("/crm/v8/settings/fields").addQueryParameter("module", module).build();
      ZohoRequests.Answer answer;
      try {
        answer = requests.get(url, null, 1);
      } catch (SyncException e) {
        throw new SyncException("reading the fields of " + module + " (GET /crm/v8/settings/fields), which gives the "
            + "rows of a Bulk Read window the types of a list page's, failed: " + e.getMessage() + ". Add "
            + "ZohoCRM.settings.fields.READ to the token's scopes if it is missing, and run the sync again",
            e.code(), e);
      }
      if (answer.body() != null) {
        shape.describe(answer.body());
      }
      fieldsDescribed = true;
    }

    /** Reads deletions since the deletes watermark; false when Zoho lists more than it lets page through. */
    boolean readDeletes(Instant start) {
      Instant since = cursor.deletesCheckedAt != null ? cursor.deletesCheckedAt
          : cursor.passStarted != null ? cursor.passStarted : start;
      OffsetDateTime ims = OffsetDateTime.ofInstant(since.minus(overlap), java.time.ZoneOffset.UTC)
          .truncatedTo(ChronoUnit.SECONDS);
      for (int page = 1; page <= DELETED_MAX_PAGE; page++) {
        HttpUrl url = ZohoRequests.url("/crm/v8/" + module + "/deleted").addQueryParameter("type", "all")
            .addQueryParameter("per_page", String.valueOf(PER_PAGE)).addQueryParameter("page", String.valueOf(page))
            .build();
        ZohoRequests.Answer answer = requests.get(url, ims.format(ZOHO_TIME), 1);
        if (answer.body() == null) {
          break;
        }
        List<DeletedRecord> batch = new ArrayList<>();
        SyncCursor next = cursor.copy();
        for (JsonNode item : answer.body().path("data")) {
          String id = item.path("id").asText(null);
          OffsetDateTime when = time(item.path("deleted_time").asText(null), id);
          Long seen = next.seenDeleted.get(id);
          if (seen != null && seen == when.toEpochSecond()) {
            continue;
          }
          next.seenDeleted.put(id, when.toEpochSecond());
          batch.add(new DeletedRecord(module, id, when, item.path("type").asText("recycle")));
        }
        if (!batch.isEmpty()) {
          cursor = commitAs(next, new SyncBatch(module, List.of(), batch, null));
          deleted += batch.size();
        }
        if (!answer.body().path("info").path("more_records").asBoolean(false)) {
          break;
        }
        if (page == DELETED_MAX_PAGE) {
          return false;
        }
      }
      SyncCursor next = cursor.copy();
      next.deletesCheckedAt = start;
      long keepFrom = start.minus(overlap).getEpochSecond();
      next.seenDeleted.values().removeIf(t -> t < keepFrom);
      while (next.seenDeleted.size() > SyncCursor.MAX_SEEN_DELETED) {
        next.seenDeleted.remove(next.seenDeleted.keySet().iterator().next());
      }
      cursor = commitAs(next, new SyncBatch(module, List.of(), List.of(), null));
      return true;
    }

    private SyncCursor commitAs(SyncCursor next, SyncBatch batch) {
      store.commit(lease, next, batch, handler);
      committedAt = clock.instant();
      return next;
    }

    private void commit(SyncBatch batch) {
      store.commit(lease, cursor, batch, handler);
      committedAt = clock.instant();
    }

    /**
     * Waits {@code duration} for a Bulk Read job, committing the cursor unchanged (an empty batch: the handler is not
     * called) whenever a third of the lease's time-to-live passed since the last commit, so that the lease outlives
     * the job and no other worker takes the key over and pays for a job of its own.
     */
    private void waitRenewingTheLease(Duration duration) {
      Duration renewEvery = leaseTtl.dividedBy(3);
      Duration left = duration;
      do {
        if (!clock.instant().isBefore(committedAt.plus(renewEvery))) {
          cursor = commitAs(cursor.copy(), new SyncBatch(module, List.of(), List.of(), null));
        }
        Duration step = renewEvery.isZero() || left.compareTo(renewEvery) <= 0 ? left : renewEvery;
        backoff.sleeper().sleep(step);
        left = left.minus(step);
      } while (left.compareTo(Duration.ZERO) > 0);
    }

    private OffsetDateTime time(String text, String id) {
      if (text == null) {
        throw new SyncException("Zoho sent " + module + " record " + id + " without a time (Modified_Time or "
            + "deleted_time)");
      }
      try {
        return OffsetDateTime.parse(text).truncatedTo(ChronoUnit.SECONDS);
      } catch (DateTimeParseException e) {
        throw new SyncException("Zoho sent " + module + " record " + id + " with an unreadable time '" + text + "'",
            null, e);
      }
    }
  }

  /** Configures an {@link IncrementalSync}. */
  public static final class Builder {
    private final Zoho zoho;
    private final String module;
    private String key;
    private List<String> fields = List.of();
    private SyncStateStore store;
    private Duration overlap = Duration.ofMinutes(5);
    private boolean convertedLeads = true;
    private boolean deletes = true;
    private Duration retention = Duration.ofDays(60);
    private Duration formulaRefresh;
    private Duration leaseTtl = Duration.ofMinutes(10);
    private Clock clock = Clock.systemUTC();
    private int attempts = 5;
    private Duration initialBackoff = Duration.ofSeconds(2);
    private Duration maxBackoff = Duration.ofSeconds(60);
    private ZohoRequests.Sleeper sleeper = ZohoRequests.Sleeper.real();

    private Builder(Zoho zoho, String module) {
      this.zoho = Objects.requireNonNull(zoho, "zoho");
      if (module == null || !module.matches("[A-Za-z0-9_]+")) {
        throw new IllegalArgumentException("a module API name such as Leads is needed, not " + module);
      }
      this.module = module;
    }

    /**
     * The fields to read (Zoho requires them; at most 50 with {@code Modified_Time}, which is always added).
     *
     * @param fields field API names
     * @return this builder
     */
    public Builder fields(List<String> fields) {
      this.fields = List.copyOf(fields);
      return this;
    }

    /**
     * Where the cursor and the lease live. Required.
     *
     * @param store the store
     * @return this builder
     */
    public Builder stateStore(SyncStateStore store) {
      this.store = store;
      return this;
    }

    /**
     * The key of the cursor and the lease (default: the module's name). Use one key per target when one module is
     * copied to several places.
     *
     * @param key the key
     * @return this builder
     */
    public Builder key(String key) {
      this.key = key;
      return this;
    }

    /**
     * How far before the watermark each run reads again (default 5 minutes), for records saved with an earlier
     * time that became visible late; versions already delivered are skipped.
     *
     * @param overlap zero or more
     * @return this builder
     */
    public Builder overlap(Duration overlap) {
      if (overlap.isNegative()) {
        throw new IllegalArgumentException("the overlap cannot be negative");
      }
      this.overlap = overlap;
      return this;
    }

    /**
     * Whether converted leads are read ({@code converted=both}, default true; Leads only). Zoho hides them
     * otherwise, and a lead converted since the last run would never be seen again.
     *
     * @param include false to send Zoho's default (converted leads hidden)
     * @return this builder
     */
    public Builder includeConvertedLeads(boolean include) {
      this.convertedLeads = include;
      return this;
    }

    /**
     * Whether deletions are read (default true).
     *
     * @param deletes false to skip {@code /deleted} and reconciliations
     * @return this builder
     */
    public Builder deletes(boolean deletes) {
      this.deletes = deletes;
      return this;
    }

    /**
     * Re-read every record this often (default: never), because formula fields change without changing
     * {@code Modified_Time}.
     *
     * @param every the period, or null for never
     * @return this builder
     */
    public Builder formulaRefresh(Duration every) {
      this.formulaRefresh = every;
      return this;
    }

    /**
     * How long the lease lasts without a commit (default 10 minutes); longer than the slowest page's handler. While
     * a Bulk Read job is waited for (a second holding more records than a page token reaches), the lease is renewed
     * every third of it.
     *
     * @param ttl the time-to-live
     * @return this builder
     */
    public Builder leaseTtl(Duration ttl) {
      this.leaseTtl = Objects.requireNonNull(ttl, "ttl");
      return this;
    }

    /**
     * Retries of a 429 or a failed read: {@code attempts} in all, waiting {@code initial}, doubling, at most
     * {@code max} (default 5, 2 s, 60 s). Zoho sends no {@code Retry-After}.
     *
     * @param attempts at least 1
     * @param initial the first wait
     * @param max the longest wait
     * @return this builder
     */
    public Builder retries(int attempts, Duration initial, Duration max) {
      this.attempts = Math.max(1, attempts);
      this.initialBackoff = initial;
      this.maxBackoff = max;
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    Builder deletedRetention(Duration retention) {
      this.retention = retention;
      return this;
    }

    Builder sleeper(ZohoRequests.Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * The sync.
     *
     * @return a new sync
     * @throws IllegalArgumentException when more than 50 fields are asked for
     * @throws NullPointerException when no state store is set
     */
    public IncrementalSync build() {
      return new IncrementalSync(this);
    }
  }
}

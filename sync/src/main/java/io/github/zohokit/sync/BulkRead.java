package io.github.zohokit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import io.github.zohokit.Zoho;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import okhttp3.HttpUrl;
import okhttp3.Request;

/**
 * A Bulk Read export of one module: creates the job ({@code POST /crm/bulk/v8/read}, 50 credits), polls it with
 * capped exponential back-off (states read leniently: {@code ADDED}, {@code QUEUED}, {@code IN PROGRESS} or
 * {@code INPROGRESS}, {@code COMPLETED}, {@code FAILURE} or {@code FAILED}), downloads the ZIP within Zoho's 10
 * downloads per minute and <em>streams</em> its CSV into {@link BulkRow}s as they are read (neither the ZIP nor the
 * CSV is held in memory or written to disk), then follows {@code more_records}/{@code next_page_token} into the next
 * job (200,000 records each) until the export is complete.
 *
 * <pre>{@code
 * BulkRead export = BulkRead.builder(zoho, "Leads")
 *     .fields(List.of("Last_Name", "Email", "Owner", "Modified_Time"))
 *     .criteria(Criterion.dateTime("Modified_Time").greaterEqual(since))
 *     .build();
 * export.run(row -> target.upsert(row.id(), row.text("Email"), row.dateTime("Modified_Time")),
 *     checkpoint -> save(checkpoint.toJson()));          // after each job: resume from it after a restart
 * }</pre>
 *
 * A download cut midway is downloaded again (the rows already handed over are skipped); a job that ends in
 * {@code FAILURE} is a {@link SyncException} with Zoho's error code; a checkpoint older than Zoho's 24-hour
 * page-token life is refused with a clear message (start the export again). Callbacks are not used: the job's state
 * is always read from Zoho.
 */
public final class BulkRead {
  private static final String PATH = "/crm/bulk/v8/read";

  private final Zoho zoho;
  private final String module;
  private final List<String> fields;
  private final Criterion criteria;
  private final String cvid;
  private final Duration firstPoll;
  private final Duration maxPoll;
  private final Duration maxWait;
  private final DownloadLimiter limiter;
  private final ZohoRequests.Sleeper sleeper;
  private final Clock clock;
  private final ZohoRequests requests;

  private BulkRead(Builder b) {
    this.zoho = b.zoho;
    this.module = b.module;
    this.fields = List.copyOf(b.fields);
    this.criteria = b.criteria;
    this.cvid = b.cvid;
    this.firstPoll = b.firstPoll;
    this.maxPoll = b.maxPoll;
    this.maxWait = b.maxWait;
    this.limiter = b.limiter;
    this.sleeper = b.sleeper;
    this.clock = b.clock;
    this.requests = b.requests != null ? b.requests : new ZohoRequests(zoho, new ZohoRequests.Backoff(b.attempts,
        Duration.ofSeconds(2), Duration.ofSeconds(60), b.sleeper));
  }

  /**
   * A builder for an export of {@code module}.
   *
   * @param zoho the connection (scopes {@code ZohoCRM.bulk.read} and the module's READ)
   * @param module the module's API name
   * @return a new builder
   */
  public static Builder builder(Zoho zoho, String module) {
    return new Builder(zoho, module);
  }

  /** Takes each row of the export. */
  @FunctionalInterface
  public interface RowHandler {
    /**
     * One row.
     *
     * @param row the record
     * @throws Exception to stop the export
     */
    void row(BulkRow row) throws Exception;
  }

  /** Receives a checkpoint after each job whose rows were all handed over and that has a next batch. */
  @FunctionalInterface
  public interface CheckpointSink {
    /**
     * Saves where the export stands.
     *
     * @param checkpoint the checkpoint
     * @throws Exception to stop the export
     */
    void save(BulkReadCheckpoint checkpoint) throws Exception;
  }

  /**
   * Exports everything from the first job on.
   *
   * @param rows takes each row
   * @param checkpoints takes a checkpoint after each job with a next batch; may be null
   * @return rows handed over
   * @throws SyncException when a job fails, Zoho refuses a request, a download cannot be completed, or a handler
   *     throws
   */
  public long run(RowHandler rows, CheckpointSink checkpoints) {
    return export(create(query()), rows, checkpoints, 0);
  }

  /**
   * Continues an export from a checkpoint.
   *
   * @param checkpoint from {@link #run}'s sink
   * @param rows takes each row
   * @param checkpoints takes the next checkpoints; may be null
   * @return rows handed over in all, the checkpoint's included
   * @throws SyncException when the checkpoint is of another export or user, or older than Zoho's 24 hours
   */
  public long resume(BulkReadCheckpoint checkpoint, RowHandler rows, CheckpointSink checkpoints) {
    if (!checkpoint.queryHash().equals(queryHash()) || !checkpoint.module().equals(module)) {
      throw new SyncException("the checkpoint is of another export (module " + checkpoint.module() + ", other fields "
          + "or criteria); start this export with run()");
    }
    if (!checkpoint.userKey().equals(zoho.userKey())) {
      throw new SyncException("the checkpoint's page token belongs to user " + checkpoint.userKey() + ", not "
          + zoho.userKey() + "; Zoho refuses another user's token. Resume as that user or start again");
    }
    Duration age = Duration.between(checkpoint.issuedAt(), clock.instant());
    if (age.compareTo(Duration.ofHours(24)) >= 0) {
      throw new SyncException("the checkpoint's page token was issued " + age.toHours() + " hours ago; Zoho's Bulk "
          + "Read page tokens live 24 hours. Start the export again with run() (" + checkpoint.rowsDelivered()
          + " rows were handed over; with an idempotent handler they are simply written again)", "EXPIRED", null);
    }
    ObjectNode body = requests.json().createObjectNode();
    body.putObject("query").put("page_token", checkpoint.pageToken());
    return export(create(body), rows, checkpoints, checkpoint.rowsDelivered());
  }

  /**
   * Requests and credits used by this export so far.
   *
   * @return {@code requests/credits}
   */
  public String usage() {
    return requests.requests.get() + " requests, " + requests.credits.get() + " credits";
  }

  long requestCount() {
    return requests.requests.get();
  }

  private ObjectNode query() {
    ObjectNode body = requests.json().createObjectNode();
    ObjectNode query = body.putObject("query");
    query.putObject("module").put("api_name", module);
    if (cvid != null) {
      query.put("cvid", cvid);
    }
    ArrayNode f = query.putArray("fields");
    fields.forEach(f::add);
    if (criteria != null) {
      query.set("criteria", criteria.toJson());
    }
    body.put("file_type", "csv");
    return body;
  }

  private String queryHash() {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(query().toString().getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 12);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private String create(ObjectNode body) {
    ZohoRequests.Answer answer = requests.postJson(ZohoRequests.url(PATH).build(), body, 50);
    JsonNode item = answer.body().path("data").path(0);
    String id = item.path("details").path("id").asText(null);
    if (id == null) {
      throw new SyncException("Zoho created no Bulk Read job: " + answer.body(), item.path("code").asText(null), null);
    }
    return id;
  }

  private long export(String jobId, RowHandler rows, CheckpointSink checkpoints, long delivered) {
    while (true) {
      JsonNode result = await(jobId);
      delivered += download(jobId, result.path("download_url").asText(PATH + "/" + jobId + "/result"), rows);
      if (!result.path("more_records").asBoolean(false)) {
        return delivered;
      }
      String token = result.path("next_page_token").asText(null);
      if (token == null) {
        throw new SyncException("Bulk Read job " + jobId + " said more records follow but sent no next_page_token");
      }
      if (checkpoints != null) {
        try {
          checkpoints.save(new BulkReadCheckpoint(module, queryHash(), token, clock.instant(), zoho.userKey(),
              delivered));
        } catch (Exception e) {
          throw new SyncException("saving the Bulk Read checkpoint failed: " + e, null, e);
        }
      }
      ObjectNode next = requests.json().createObjectNode();
      next.putObject("query").put("page_token", token);
      jobId = create(next);
    }
  }

  /** Polls until the job completes; its {@code result}. */
  private JsonNode await(String jobId) {
    Instant deadline = clock.instant().plus(maxWait);
    Duration wait = firstPoll;
    while (true) {
      JsonNode job = requests.get(ZohoRequests.url(PATH + "/" + jobId).build(), null, 1).body().path("data").path(0);
      String state = job.path("state").asText("").toUpperCase(Locale.ROOT).replaceAll("[\\s_]", "");
      switch (state) {
        case "COMPLETED":
          return job.path("result");
        case "FAILURE":
        case "FAILED":
          JsonNode error = job.path("result").path("error_message");
          throw new SyncException("Bulk Read job " + jobId + " of " + module + " ended in " + job.path("state").asText()
              + ": " + error.path("code").asText("no code") + " " + error.path("message").asText("")
              + ". Nothing of it was handed over; run the export again (a new job)",
              error.path("code").asText(null), null);
        default:
          // ADDED, QUEUED, IN PROGRESS, and states Zoho may add: wait
          if (clock.instant().isAfter(deadline)) {
            throw new SyncException("Bulk Read job " + jobId + " is still " + job.path("state").asText() + " after "
                + maxWait + "; it goes on at Zoho: resume later by its id or run the export again");
          }
          sleeper.sleep(wait);
          wait = wait.multipliedBy(2).compareTo(maxPoll) > 0 ? maxPoll : wait.multipliedBy(2);
      }
    }
  }

  /** Streams the job's CSV to {@code rows}; a cut download is fetched again, the rows already handed over skipped. */
  private long download(String jobId, String downloadUrl, RowHandler rows) {
    HttpUrl url = downloadUrl.startsWith("http") ? HttpUrl.get(downloadUrl) : ZohoRequests.url(downloadUrl).build();
    long[] handed = {0};
    for (int attempt = 1; ; attempt++) {
      limiter.acquire(sleeper);
      try {
        requests.stream(new Request.Builder().url(url).get().build(), 0,
            (body, response) -> readZip(jobId, body, rows, handed));
        return handed[0];
      } catch (SyncException e) {
        if (!(e.getCause() instanceof IOException) || e.getCause() instanceof HandlerFailure || attempt >= 3) {
          if (e.getCause() instanceof HandlerFailure) {
            throw new SyncException("the row handler failed on job " + jobId + ": " + e.getCause().getCause(), null,
                e.getCause().getCause());
          }
          throw e.getCause() instanceof IOException ? new SyncException("the result of Bulk Read job " + jobId
              + " could not be downloaded whole after " + attempt + " attempts (" + e.getCause().getMessage()
              + "); " + handed[0] + " rows were handed over. Run the export again (or resume from the last "
              + "checkpoint)", null, e.getCause()) : e;
        }
        // cut midway (the ZIP is unreadable): download again and skip what was handed over
      }
    }
  }

  /** Wraps what the row handler threw, so it is not mistaken for a cut download. */
  private static final class HandlerFailure extends IOException {
    private static final long serialVersionUID = 1L;

    HandlerFailure(Exception cause) {
      super(cause);
    }
  }

  static Void readZip(String jobId, InputStream body, RowHandler rows, long[] handed) throws IOException {
    ZipInputStream zip = new ZipInputStream(body, StandardCharsets.UTF_8);
    ZipEntry entry;
    while ((entry = nextEntry(zip, jobId)) != null) {
      if (entry.getName().toLowerCase(Locale.ROOT).endsWith(".csv")) {
        break;
      }
    }
    if (entry == null) {
      throw new ZipException("the result of job " + jobId + " holds no CSV file");
    }
    long skip = handed[0];
    CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).ofCsvRecord(zip, StandardCharsets.UTF_8);
    try {
      readRows(jobId, csv, rows, handed, skip);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause(); // FastCSV's iterator wraps a cut stream
    } catch (CsvParseException e) {
      throw notCsv("Bulk Read", jobId, e);
    }
    return null;
  }

  /** The next entry; a name that is not UTF-8 (the JDK throws IllegalArgumentException) is a malformed ZIP. */
  static ZipEntry nextEntry(ZipInputStream zip, String jobId) throws IOException {
    try {
      return zip.getNextEntry();
    } catch (IllegalArgumentException e) {
      throw new ZipException("the result of job " + jobId + " holds an entry whose name is not UTF-8 ("
          + e.getMessage() + ")");
    }
  }

  /** A result CSV FastCSV refuses (a row with more or fewer cells than the header): not a cut download. */
  static SyncException notCsv(String what, String jobId, CsvParseException e) {
    return new SyncException("the result of " + what + " job " + jobId + " is not a CSV zohokit can read: "
        + e.getMessage() + (e.getCause() != null ? " (" + e.getCause().getMessage() + ")" : "") + ". Run the job "
        + "again; if it persists, Zoho's result file is malformed", null, e);
  }

  private static void readRows(String jobId, CsvReader<CsvRecord> csv, RowHandler rows, long[] handed, long skip)
      throws IOException {
    long seen = 0;
    Map<String, Integer> columns = null;
    for (CsvRecord record : csv) {
      if (columns == null) {
        columns = new HashMap<>();
        for (int i = 0; i < record.getFieldCount(); i++) {
          columns.put(record.getField(i), i);
        }
        continue;
      }
      if (seen++ < skip) {
        continue;
      }
      try {
        rows.row(new BulkRow(jobId, record.getStartingLineNumber(), columns, record.getFields()));
      } catch (SyncException e) {
        throw new HandlerFailure(e);
      } catch (Exception e) {
        throw new HandlerFailure(e);
      }
      handed[0]++;
    }
  }

  /** Configures a {@link BulkRead}. */
  public static final class Builder {
    private final Zoho zoho;
    private final String module;
    private List<String> fields = List.of();
    private Criterion criteria;
    private String cvid;
    private Duration firstPoll = Duration.ofSeconds(2);
    private Duration maxPoll = Duration.ofSeconds(60);
    private Duration maxWait = Duration.ofHours(6);
    private DownloadLimiter limiter = DownloadLimiter.zoho();
    private ZohoRequests.Sleeper sleeper = ZohoRequests.Sleeper.real();
    private Clock clock = Clock.systemUTC();
    private int attempts = 5;
    private ZohoRequests requests;

    private Builder(Zoho zoho, String module) {
      this.zoho = Objects.requireNonNull(zoho, "zoho");
      this.module = Objects.requireNonNull(module, "module");
    }

    /**
     * The fields, in the order of the CSV's columns (dot paths such as {@code Account_Name.Account_Name} reach a
     * lookup's record; a lookup alone gives its id). Empty (the default) exports every field in no fixed order.
     *
     * @param fields field API names
     * @return this builder
     */
    public Builder fields(List<String> fields) {
      this.fields = List.copyOf(fields);
      return this;
    }

    /**
     * Which records (at most 25 conditions).
     *
     * @param criteria the tree, or null for all
     * @return this builder
     * @throws IllegalArgumentException past 25 conditions
     */
    public Builder criteria(Criterion criteria) {
      if (criteria != null && criteria.conditions() > 25) {
        throw new IllegalArgumentException("Zoho's Bulk Read takes at most 25 criteria; " + criteria.conditions()
            + " given");
      }
      this.criteria = criteria;
      return this;
    }

    /**
     * Exports a custom view's records (its criteria and the given ones).
     *
     * @param cvid the view's id, or null
     * @return this builder
     */
    public Builder customView(String cvid) {
      this.cvid = cvid;
      return this;
    }

    /**
     * Polling: the first wait, doubled up to {@code max}, giving up after {@code total} (defaults 2 s, 60 s, 6 h).
     *
     * @param first the first wait
     * @param max the longest wait
     * @param total the longest time a job may take
     * @return this builder
     */
    public Builder polling(Duration first, Duration max, Duration total) {
      this.firstPoll = first;
      this.maxPoll = max;
      this.maxWait = total;
      return this;
    }

    /**
     * The download limiter, to share Zoho's 10 per minute between the exports of one organisation (default: one
     * per export).
     *
     * @param limiter the limiter
     * @return this builder
     */
    public Builder downloadLimiter(DownloadLimiter limiter) {
      this.limiter = Objects.requireNonNull(limiter, "limiter");
      return this;
    }

    Builder sleeper(ZohoRequests.Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    Builder clock(Clock clock) {
      this.clock = clock;
      return this;
    }

    /** Sends through {@code requests}, so that its counts of requests and credits include this export's. */
    Builder requests(ZohoRequests requests) {
      this.requests = requests;
      return this;
    }

    /**
     * The export.
     *
     * @return a new export
     */
    public BulkRead build() {
      return new BulkRead(this);
    }
  }
}

package io.github.zohokit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import io.github.zohokit.Zoho;
import io.github.zohokit.annotation.ZohoHost;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.MultipartBody;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A Bulk Write of rows into one module: the rows become CSV files zipped one per job (split at Zoho's 25,000 rows
 * and, conservatively, 24 MB of CSV), each uploaded to the upload host with {@code feature: bulk-write} and
 * {@code X-CRM-ORG} (the org's {@code zgid}, read once from {@code GET /crm/v8/org}), then a job is created
 * ({@code insert}, {@code update} or {@code upsert} with {@code find_by}; 500 credits), polled, and its result CSV
 * parsed into a {@link BulkWriteOutcome} per row: a "completed" job with skipped rows reports them as such.
 *
 * <p>A job creation is never sent twice: if the request fails after it may have reached Zoho, the error names the
 * uploaded file and says so, instead of paying another 500 credits for a duplicate import.
 *
 * <p>The upload host: Zoho's SDK 8.0 uses {@code content.zohoapis.<dc>} (derived here from the token's API domain,
 * {@code www.zohoapis.<dc>}, by {@link ZohoHost#FILE_UPLOAD}, as for generated methods annotated {@code @Host});
 * Zoho's upload page names {@code https://upload.zoho.com} as common to every data centre
 * and {@code upload-accl.zoho.<dc>} as faster hosts. Set one with {@link Builder#uploadBase(String)}. Any other API
 * domain (a test double) is used as it is.
 */
public final class BulkWrite {
  private static final int MAX_ROWS = 25_000;
  private static final long MAX_CSV_BYTES = 24L * 1024 * 1024;
  private static final MediaType ZIP = MediaType.get("application/zip");

  /** What a job does with each row. */
  public enum Operation {
    /** New records only ({@code find_by}, when given, skips existing ones). */
    INSERT,
    /** Existing records only, found by {@code find_by}. */
    UPDATE,
    /** Existing records updated, the others added, matched by {@code find_by}. */
    UPSERT
  }

  /** Takes each row's outcome, in row order. */
  @FunctionalInterface
  public interface OutcomeHandler {
    /**
     * One outcome.
     *
     * @param outcome the row's fate
     */
    void outcome(BulkWriteOutcome outcome);
  }

  /**
   * Totals of a write.
   *
   * @param jobs the job ids, one per file
   * @param added rows added
   * @param updated rows updated
   * @param skipped rows skipped (with errors)
   * @param unprocessed rows not processed
   */
  public record Summary(List<String> jobs, long added, long updated, long skipped, long unprocessed) {}

  private final Zoho zoho;
  private final String module;
  private final Operation operation;
  private final String findBy;
  private final List<String> columns;
  private final String uploadBase;
  private final Duration firstPoll;
  private final Duration maxPoll;
  private final ZohoRequests.Sleeper sleeper;
  private final ZohoRequests requests;
  private String orgId;

  private BulkWrite(Builder b) {
    this.zoho = b.zoho;
    this.module = b.module;
    this.operation = b.operation;
    this.findBy = b.findBy;
    this.columns = List.copyOf(b.columns);
    this.uploadBase = b.uploadBase;
    this.firstPoll = b.firstPoll;
    this.maxPoll = b.maxPoll;
    this.sleeper = b.sleeper;
    this.requests = new ZohoRequests(zoho, new ZohoRequests.Backoff(5, Duration.ofSeconds(2), Duration.ofSeconds(60),
        b.sleeper));
    if (operation != Operation.INSERT && findBy == null) {
      throw new IllegalArgumentException("an " + operation.name().toLowerCase(Locale.ROOT) + " needs find_by: a "
          + "unique field (id, an external id, a unique custom field)");
    }
    if (columns.isEmpty() || columns.size() > 200) {
      throw new IllegalArgumentException("Bulk Write takes 1 to 200 columns, " + columns.size() + " given");
    }
  }

  /**
   * A builder for writes into {@code module}.
   *
   * @param zoho the connection (scopes {@code ZohoCRM.bulk.CREATE} or {@code .ALL}, {@code ZohoFiles.files.ALL},
   *     {@code ZohoCRM.org.READ}, the module's WRITE)
   * @param module the module's API name
   * @return a new builder
   */
  public static Builder builder(Zoho zoho, String module) {
    return new Builder(zoho, module);
  }

  /**
   * Writes {@code rows} (cells in the order of {@link Builder#columns}), one job per 25,000 rows.
   *
   * @param rows the rows; an empty cell is not written ({@code ignore_empty})
   * @param outcomes takes each row's outcome
   * @return the totals
   * @throws SyncException when an upload, a job or a result fails; the message says which rows are done
   */
  public Summary write(Iterator<List<String>> rows, OutcomeHandler outcomes) {
    List<String> jobs = new ArrayList<>();
    long[] totals = new long[4];
    long rowNumber = 0;
    while (rows.hasNext()) {
      Path file;
      int count;
      try {
        file = Files.createTempFile("zoho-bulk-write", ".zip");
      } catch (IOException e) {
        throw new SyncException("cannot create a temporary file for the Bulk Write: " + e.getMessage(), null, e);
      }
      try {
        count = writeZip(file, rows);
        String fileId = upload(file);
        String jobId = createJob(fileId, rowNumber);
        jobs.add(jobId);
        String url = await(jobId);
        readResult(jobId, url, rowNumber, outcomes, totals);
        rowNumber += count;
      } finally {
        try {
          Files.deleteIfExists(file);
        } catch (IOException ignored) {
          // a temporary file
        }
      }
    }
    return new Summary(List.copyOf(jobs), totals[0], totals[1], totals[2], totals[3]);
  }

  /**
   * Requests and credits used so far.
   *
   * @return a short text
   */
  public String usage() {
    return requests.requests.get() + " requests, " + requests.credits.get() + " credits";
  }

  private int writeZip(Path file, Iterator<List<String>> rows) {
    int count = 0;
    long bytes = 0;
    try (OutputStream out = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(out)) {
      zip.putNextEntry(new ZipEntry(module + ".csv"));
      CsvWriter csv = CsvWriter.builder().lineDelimiter(LineDelimiter.CRLF).build(new NonClosing(zip),
          StandardCharsets.UTF_8);
      csv.writeRecord(columns);
      while (rows.hasNext() && count < MAX_ROWS && bytes < MAX_CSV_BYTES) {
        List<String> row = rows.next();
        if (row.size() != columns.size()) {
          throw new SyncException("Bulk Write row " + (count + 1) + " of this file has " + row.size() + " cells for "
              + columns.size() + " columns " + columns);
        }
        for (String cell : row) {
          bytes += (cell == null ? 0 : cell.getBytes(StandardCharsets.UTF_8).length * 2L) + 3; // quoting bound
        }
        List<String> cells = new ArrayList<>(row.size());
        row.forEach(c -> cells.add(c == null ? "" : c));
        csv.writeRecord(cells);
        count++;
      }
      csv.flush();
      zip.closeEntry();
    } catch (IOException e) {
      throw new SyncException("cannot write the Bulk Write file: " + e.getMessage(), null, e);
    }
    return count;
  }

  /** Keeps the CSV writer from closing the ZIP stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }

  private String orgId() {
    if (orgId == null) {
      JsonNode org = requests.get(ZohoRequests.url("/crm/v8/org").build(), null, 1).body().path("org").path(0);
      orgId = org.path("zgid").asText(null);
      if (orgId == null) {
        throw new SyncException("GET /crm/v8/org gave no zgid (the X-CRM-ORG of Bulk Write uploads)");
      }
    }
    return orgId;
  }

  private String upload(Path file) {
    String org = orgId();
    String apiDomain = zoho.oauth().token(zoho.userKey()).apiDomain();
    String base = uploadBase != null ? uploadBase : apiDomain == null ? "https://content.zohoapis.com"
        : ZohoHost.FILE_UPLOAD.baseFor(apiDomain);
    HttpUrl url = HttpUrl.get(base).newBuilder().encodedPath("/crm/v8/upload").build();
    RequestBody body = new MultipartBody.Builder().setType(MultipartBody.FORM)
        .addFormDataPart("file", module + ".zip", RequestBody.create(file.toFile(), ZIP)).build();
    Request request = new Request.Builder().url(url).post(body).header("feature", "bulk-write")
        .header("X-CRM-ORG", org)
        .header("Authorization", "Zoho-oauthtoken " + zoho.oauth().accessToken(zoho.userKey()).reveal()).build();
    OkHttpClient.Builder plain = zoho.httpClient().newBuilder();
    plain.interceptors().clear(); // the upload host is not the API domain the authorizing client routes to
    requests.requests.incrementAndGet();
    try (Response response = plain.build().newCall(request).execute()) {
      String text = response.body() == null ? "" : response.body().string();
      JsonNode answer = text.isBlank() ? requests.json().createObjectNode() : requests.json().readTree(text);
      if (!response.isSuccessful()) {
        throw ZohoRequests.error(request, response.code(), answer);
      }
      String fileId = answer.path("details").path("file_id").asText(null);
      if (fileId == null) {
        throw new SyncException("the upload gave no file_id: " + answer);
      }
      return fileId;
    } catch (IOException e) {
      throw new SyncException("the Bulk Write upload to " + url.host() + " failed: " + e.getMessage() + "; no job "
          + "was created", null, e);
    }
  }

  private String createJob(String fileId, long rowsBefore) {
    ObjectNode body = requests.json().createObjectNode().put("operation",
        operation.name().toLowerCase(Locale.ROOT)).put("ignore_empty", true).put("character_encoding", "UTF-8");
    ObjectNode resource = body.putArray("resource").addObject().put("type", "data").put("file_id", fileId);
    resource.putObject("module").put("api_name", module);
    if (findBy != null) {
      resource.put("find_by", findBy);
    }
    ZohoRequests.Answer answer;
    try {
      answer = requests.postJson(ZohoRequests.url("/crm/bulk/v8/write").build(), body, 500);
    } catch (SyncException e) {
      if (e.getCause() instanceof IOException) {
        throw new SyncException("creating the Bulk Write job for file " + fileId + " (rows after " + rowsBefore
            + ") failed after the request may have reached Zoho: " + e.getCause().getMessage() + ". It was not sent "
            + "again (a second job would import the rows twice and cost 500 credits): check Zoho's import history "
            + "before writing these rows again", null, e.getCause());
      }
      throw e;
    }
    String id = answer.body().path("details").path("id").asText(null);
    if (id == null) {
      throw new SyncException("Zoho created no Bulk Write job: " + answer.body());
    }
    return id;
  }

  private String await(String jobId) {
    Duration wait = firstPoll;
    while (true) {
      JsonNode job = requests.get(ZohoRequests.url("/crm/bulk/v8/write/" + jobId).build(), null, 1).body();
      JsonNode detail = job.has("data") ? job.path("data").path(0) : job;
      String status = detail.path("status").asText("").toUpperCase(Locale.ROOT).replaceAll("[\\s_]", "");
      if (status.equals("COMPLETED")) {
        String url = detail.path("result").path("download_url").asText(null);
        if (url == null) {
          throw new SyncException("Bulk Write job " + jobId + " completed without a result download_url");
        }
        return url;
      }
      if (status.equals("FAILED") || status.equals("FAILURE")) {
        JsonNode resource = detail.path("resource").path(0);
        throw new SyncException("Bulk Write job " + jobId + " failed: " + resource.path("code").asText("")
            + " " + resource.path("message").asText("") + ". No outcome is known for its rows",
            resource.path("code").asText(null), null);
      }
      sleeper.sleep(wait);
      wait = wait.multipliedBy(2).compareTo(maxPoll) > 0 ? maxPoll : wait.multipliedBy(2);
    }
  }

  private void readResult(String jobId, String downloadUrl, long rowsBefore, OutcomeHandler outcomes,
      long[] totals) {
    HttpUrl url = downloadUrl.startsWith("http") ? HttpUrl.get(downloadUrl) : ZohoRequests.url(downloadUrl).build();
    requests.stream(new Request.Builder().url(url).get().build(), 0,
        (body, response) -> readResult(jobId, body, rowsBefore, outcomes, totals));
  }

  /**
   * Reads a job's result ZIP (its CSV: {@code STATUS}, {@code RECORD_ID}, {@code ERRORS} after the written columns)
   * into {@code outcomes}; {@code totals} counts the statuses. Package-private for the fuzz target.
   *
   * @throws SyncException when the result does not read as one
   * @throws IOException when the ZIP or the CSV is cut or malformed (the caller turns it into a SyncException)
   */
  static Void readResult(String jobId, InputStream body, long rowsBefore, OutcomeHandler outcomes, long[] totals)
      throws IOException {
    ZipInputStream zip = new ZipInputStream(body, StandardCharsets.UTF_8);
    if (BulkRead.nextEntry(zip, jobId) == null) {
      throw new SyncException("the result of Bulk Write job " + jobId + " holds no file");
    }
    CsvReader<CsvRecord> csv = CsvReader.builder().detectBomHeader(true).ofCsvRecord(zip, StandardCharsets.UTF_8);
    try {
      readOutcomes(jobId, csv, rowsBefore, outcomes, totals);
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause(); // FastCSV's iterator wraps a cut stream, as in BulkRead
    } catch (CsvParseException e) {
      throw BulkRead.notCsv("Bulk Write", jobId, e);
    }
    return null;
  }

  private static void readOutcomes(String jobId, CsvReader<CsvRecord> csv, long rowsBefore, OutcomeHandler outcomes,
      long[] totals) {
    int status = -1;
    int recordId = -1;
    int errors = -1;
    long row = rowsBefore;
    for (CsvRecord record : csv) {
      if (status < 0) {
        List<String> header = record.getFields();
        status = header.indexOf("STATUS");
        recordId = header.indexOf("RECORD_ID");
        errors = header.indexOf("ERRORS");
        if (status < 0) {
          throw new SyncException("the result of Bulk Write job " + jobId + " has no STATUS column: " + header);
        }
        continue;
      }
      row++;
      BulkWriteOutcome.Status s;
      String value = record.getField(status).trim().toUpperCase(Locale.ROOT);
      try {
        s = BulkWriteOutcome.Status.valueOf(value);
      } catch (IllegalArgumentException e) {
        throw new SyncException("Bulk Write job " + jobId + ", row " + row + ": unknown STATUS '" + value + "'");
      }
      totals[s.ordinal()]++;
      String id = recordId >= 0 && recordId < record.getFieldCount() ? record.getField(recordId) : "";
      List<BulkWriteOutcome.Error> list = new ArrayList<>();
      String text = errors >= 0 && errors < record.getFieldCount() ? record.getField(errors) : "";
      for (String error : text.isBlank() ? new String[0] : text.split(":")) {
        int dash = error.indexOf('-');
        list.add(new BulkWriteOutcome.Error(dash < 0 ? error : error.substring(0, dash),
            dash < 0 || dash == error.length() - 1 ? List.of() : List.of(error.substring(dash + 1).split(","))));
      }
      outcomes.outcome(new BulkWriteOutcome(row, s, id.isEmpty() ? null : id, List.copyOf(list)));
    }
  }

  /** Configures a {@link BulkWrite}. */
  public static final class Builder {
    private final Zoho zoho;
    private final String module;
    private Operation operation = Operation.INSERT;
    private String findBy;
    private List<String> columns = List.of();
    private String uploadBase;
    private Duration firstPoll = Duration.ofSeconds(2);
    private Duration maxPoll = Duration.ofSeconds(60);
    private ZohoRequests.Sleeper sleeper = ZohoRequests.Sleeper.real();

    private Builder(Zoho zoho, String module) {
      this.zoho = Objects.requireNonNull(zoho, "zoho");
      this.module = Objects.requireNonNull(module, "module");
    }

    /**
     * What the job does, and the unique field that finds existing records (mandatory for update and upsert).
     *
     * @param operation insert (default), update or upsert
     * @param findBy a field API name such as {@code id} or {@code Email}; null for insert
     * @return this builder
     */
    public Builder operation(Operation operation, String findBy) {
      this.operation = Objects.requireNonNull(operation, "operation");
      this.findBy = findBy;
      return this;
    }

    /**
     * The columns: field API names, mapped by Zoho from the CSV header (lookups as {@code Account_Name.id}).
     *
     * @param columns 1 to 200 names
     * @return this builder
     */
    public Builder columns(List<String> columns) {
      this.columns = List.copyOf(columns);
      return this;
    }

    /**
     * The upload host, such as {@code https://upload.zoho.com} (default: derived from the API domain, see the
     * class comment).
     *
     * @param base scheme and host
     * @return this builder
     */
    public Builder uploadBase(String base) {
      this.uploadBase = base;
      return this;
    }

    Builder sleeper(ZohoRequests.Sleeper sleeper) {
      this.sleeper = sleeper;
      return this;
    }

    /**
     * The writer.
     *
     * @return a new writer
     * @throws IllegalArgumentException without find_by for update/upsert, or with no or more than 200 columns
     */
    public BulkWrite build() {
      return new BulkWrite(this);
    }
  }
}

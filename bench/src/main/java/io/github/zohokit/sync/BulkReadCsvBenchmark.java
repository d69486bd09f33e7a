package io.github.zohokit.sync;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Bulk Read's parse-and-deliver rate (issue 23): one Bulk Read result ZIP of {@code rows} records × 20 fields
 * (Zoho's CSV: a header, an id column, quoted commas, ISO date-times, lookups as ids), read by zoho-sync's own path
 * (the ZIP streamed into FastCSV, every row a {@link BulkRow} handed to a handler that reads all 20 cells) and by the
 * bare CSV library (FastCSV over the same {@code ZipInputStream}, all 20 cells), from the same file in the same run,
 * heap bounded to 128 MB. One operation reads the whole file; rows per second = rows / the operation's time.
 *
 * <p>In zoho-sync's package to call its ZIP reader without a Bulk Read job around it (the job's HTTP is measured
 * elsewhere).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 2, jvmArgsAppend = {"-Xmx128m"})
public class BulkReadCsvBenchmark {
  static final int FIELDS = 20;
  static final String[] COLUMNS = new String[FIELDS];

  static {
    for (int f = 0; f < FIELDS - 1; f++) {
      COLUMNS[f] = "Field_" + f;
    }
    COLUMNS[FIELDS - 1] = "id";
  }

  @Param("1000000")
  public int rows;

  private Path zip;

  @Setup(Level.Trial)
  public void write() throws IOException {
    zip = Files.createTempFile("bulk-read-bench", ".zip");
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("5725767000000948001.csv"));
      StringBuilder b = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
      for (int r = 0; r < rows; r++) {
        b.append("Lee ").append(r).append(',').append("lee").append(r).append("@example.com,")
            .append("\"Zylker, Inc.\",").append("2026-01-05T09:30:00+05:30,").append("true,")
            .append(r * 10).append(".5,").append("4876876000000000001,");
        for (int f = 7; f < FIELDS - 1; f++) {
          b.append("value ").append(f).append(',');
        }
        b.append(4876876000001000000L + r).append("\r\n");
        if (b.length() > 1 << 16) {
          z.write(b.toString().getBytes(StandardCharsets.UTF_8));
          b.setLength(0);
        }
      }
      z.write(b.toString().getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    Files.deleteIfExists(zip);
  }

  /** The bare library: FastCSV over the same streamed ZIP entry, every cell of every record read. */
  @Benchmark
  public long fastCsv() throws IOException {
    long sum = 0;
    long records = 0;
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
      in.getNextEntry();
      try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(in, StandardCharsets.UTF_8)) {
        for (CsvRecord r : csv) {
          for (int i = 0; i < r.getFieldCount(); i++) {
            sum += r.getField(i).length();
          }
          records++;
        }
      }
    }
    return check(sum, records - 1);                     // the header is a record to FastCSV
  }

  /** zoho-sync's path: every row a {@link BulkRow} handed to the handler, which reads every cell by column name. */
  @Benchmark
  public long zohoSync() throws IOException {
    long[] sum = {0};
    long[] handed = {0};
    try (InputStream in = Files.newInputStream(zip)) {
      BulkRead.readZip("bench", in, row -> {
        for (String column : COLUMNS) {
          sum[0] += row.text(column).length();
        }
      }, handed);
    }
    return check(sum[0], handed[0]);
  }

  private long check(long sum, long records) {
    if (records != rows) {
      throw new IllegalStateException(records + " records read, " + rows + " written");
    }
    return sum;
  }
}

package io.github.zohokit.sync;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Not a test: measures the two CSV libraries considered for Bulk Read results on the same file in the same run, and
 * zoho-sync's own path (ZIP streamed, every row a {@link BulkRow} handed to a handler) against the bare parser.
 *
 * <pre>
 * ./mvnw -B -ntp -pl sync -am test-compile -Dmaven.deploy.skip=true
 * ./mvnw -B -ntp -pl sync dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt -Dmdep.includeScope=test
 * java -Xmx128m -cp sync/target/test-classes:sync/target/classes:$(cat /tmp/cp.txt) \
 *     io.github.zohokit.sync.CsvParsersBench 1000000
 * </pre>
 */
public final class CsvParsersBench {
  private CsvParsersBench() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    Path zip = Files.createTempFile("bulk-read", ".zip");
    write(zip, rows);
    System.out.printf("%,d rows x 20 fields, ZIP %,d bytes, heap max %,d MB%n", rows, Files.size(zip),
        Runtime.getRuntime().maxMemory() >> 20);
    for (int round = 1; round <= 3; round++) {
      long fast = time(() -> fastCsv(zip));
      long commons = time(() -> commonsCsv(zip));
      long ours = time(() -> zohoSync(zip));
      System.out.printf("round %d: FastCSV %,d ms, Commons CSV %,d ms, zoho-sync BulkRow path (FastCSV) %,d ms "
          + "(%.2fx FastCSV)%n", round, fast, commons, ours, (double) ours / fast);
    }
    Files.delete(zip);
  }

  interface Work {
    long run() throws Exception;
  }

  private static long time(Work work) throws Exception {
    long start = System.nanoTime();
    long checksum = work.run();
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (checksum == 42) {
      System.out.println("(checksum)");
    }
    return millis;
  }

  private static void write(Path zip, int rows) throws Exception {
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(zip));
        ZipOutputStream z = new ZipOutputStream(out)) {
      z.putNextEntry(new ZipEntry("1.csv"));
      StringBuilder b = new StringBuilder();
      for (int f = 0; f < 19; f++) {
        b.append("Field_").append(f).append(',');
      }
      b.append("id\r\n");
      for (int r = 0; r < rows; r++) {
        b.append("Lee ").append(r).append(',').append("lee").append(r).append("@example.com,")
            .append("\"Zylker, Inc.\",").append("2026-01-05T09:30:00+05:30,").append("true,")
            .append(r * 10).append(".5,").append("4876876000000000001,");
        for (int f = 7; f < 19; f++) {
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

  private static ZipInputStream open(Path zip) throws Exception {
    ZipInputStream in = new ZipInputStream(Files.newInputStream(zip));
    in.getNextEntry();
    return in;
  }

  private static long fastCsv(Path zip) throws Exception {
    long sum = 0;
    try (CsvReader<CsvRecord> csv = CsvReader.builder().ofCsvRecord(open(zip), StandardCharsets.UTF_8)) {
      for (CsvRecord r : csv) {
        for (int i = 0; i < r.getFieldCount(); i++) {
          sum += r.getField(i).length();
        }
      }
    }
    return sum;
  }

  private static long commonsCsv(Path zip) throws Exception {
    long sum = 0;
    try (Reader reader = new InputStreamReader(open(zip), StandardCharsets.UTF_8);
        CSVParser csv = CSVParser.parse(reader, CSVFormat.RFC4180)) {
      for (CSVRecord r : csv) {
        for (int i = 0; i < r.size(); i++) {
          sum += r.get(i).length();
        }
      }
    }
    return sum;
  }

  private static long zohoSync(Path zip) throws Exception {
    long[] sum = {0};
    long[] handed = {0};
    try (InputStream in = Files.newInputStream(zip)) {
      BulkRead.readZip("bench", in, row -> {
        sum[0] += row.id().length() + row.text("Field_1").length();
      }, handed);
    }
    return sum[0] + handed[0];
  }
}

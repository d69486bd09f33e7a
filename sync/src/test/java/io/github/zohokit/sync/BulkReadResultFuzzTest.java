package io.github.zohokit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A Bulk Read result is a ZIP holding a CSV, downloaded from Zoho and streamed row by row: whatever its bytes,
 * {@code BulkRead.readZip} hands over rows or stops with an {@link IOException} (a cut or malformed ZIP or CSV, which
 * {@code BulkRead} downloads again and then reports as a {@link SyncException}) or a {@link SyncException}; the
 * typed getters of each {@link BulkRow} return a value or throw the {@link SyncException} they document. Never
 * another exception, and nothing is held whole in memory (the ZIP is not buffered, each row is one CSV record).
 *
 * <p>Inputs are {@link BulkResultInput}s. Seeds: {@code src/test/resources/io/github/zohokit/sync/
 * BulkReadResultFuzzTestInputs/result/}, shaped after Zoho's documented export (an {@code Id} column first, lookups
 * as {@code Account_Name.id}) and the testkit's.
 */
class BulkReadResultFuzzTest {
  @FuzzTest
  void result(byte[] input) {
    long[] handed = {0};
    try {
      BulkRead.readZip(BulkResultInput.JOB, BulkResultInput.of(input), row -> {
        assertThat(row.toString()).startsWith("BulkRow{job=" + BulkResultInput.JOB);
        for (String column : new String[] {"Id", "Email", "Modified_Time", "Annual_Revenue", "Email_Opt_Out",
            "Owner.id"}) {
          try {
            row.text(column);
            row.dateTime(column);
          } catch (SyncException e) {
            assertThat(e.getMessage()).contains(BulkResultInput.JOB);
          }
          try {
            row.number(column);
          } catch (SyncException e) {
            assertThat(e.getMessage()).contains(BulkResultInput.JOB);
          }
          try {
            row.bool(column);
          } catch (SyncException e) {
            assertThat(e.getMessage()).contains(BulkResultInput.JOB);
          }
        }
        row.id();
      }, handed);
    } catch (SyncException e) {
      assertThat(e.getMessage()).isNotBlank();
    } catch (IOException e) {
      // documented: the download reports it as a SyncException after its retries
    }
  }

  /**
   * Found by this target (seed ragged-rows.csv.txt): a row with fewer cells than the header made FastCSV throw its
   * {@code CsvParseException} out of {@code BulkRead.run}, past the documented {@link SyncException}.
   */
  @Test
  void aRaggedRowIsASyncException() {
    assertThatThrownBy(() -> BulkRead.readZip(BulkResultInput.JOB, BulkResultInput.of(
        "csv\nId,Email\r\n1\r\n".getBytes(StandardCharsets.UTF_8)), row -> { }, new long[1]))
        .isInstanceOf(SyncException.class)
        .hasMessageContaining("the result of Bulk Read job " + BulkResultInput.JOB + " is not a CSV zohokit can read")
        .hasMessageContaining("Record 2 has 1 fields, but first record had 2 fields");
  }

  /**
   * Found by this target (seed finding-entry-name-not-utf8.bin): an entry name that is not UTF-8 made the JDK's
   * {@code ZipInputStream} throw {@code IllegalArgumentException}; it is a malformed ZIP, an {@link IOException}.
   */
  @Test
  void anEntryNameThatIsNotUtf8IsAMalformedZip() throws Exception {
    byte[] seed = getClass().getResourceAsStream("BulkReadResultFuzzTestInputs/result/finding-entry-name-not-utf8.bin")
        .readAllBytes();
    assertThatThrownBy(() -> BulkRead.readZip(BulkResultInput.JOB, BulkResultInput.of(seed), row -> { }, new long[1]))
        .isInstanceOf(java.util.zip.ZipException.class).hasMessageContaining("holds an entry whose name is not UTF-8");
  }
}

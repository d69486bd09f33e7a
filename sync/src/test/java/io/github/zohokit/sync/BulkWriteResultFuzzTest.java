package io.github.zohokit.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * A Bulk Write job's result is a ZIP holding the written CSV with {@code STATUS}, {@code RECORD_ID} and
 * {@code ERRORS} added: whatever its bytes, {@code BulkWrite.readResult} hands over outcomes or stops with a
 * {@link SyncException} or an {@link IOException} (a cut or malformed ZIP or CSV, which the download reports as a
 * {@link SyncException}). Never another exception.
 *
 * <p>Inputs are {@link BulkResultInput}s. Seeds: {@code src/test/resources/io/github/zohokit/sync/
 * BulkWriteResultFuzzTestInputs/result/}, after Zoho's documented result file and the testkit's.
 */
class BulkWriteResultFuzzTest {
  @FuzzTest
  void result(byte[] input) {
    long[] totals = new long[BulkWriteOutcome.Status.values().length];
    try {
      BulkWrite.readResult(BulkResultInput.JOB, BulkResultInput.of(input), 0, outcome -> {
        assertThat(outcome.row()).isPositive();
        assertThat(outcome.errors()).allSatisfy(error -> assertThat(error.code()).isNotNull());
      }, totals);
    } catch (SyncException e) {
      assertThat(e.getMessage()).isNotBlank();
    } catch (IOException e) {
      // documented: the download reports it as a SyncException after its retries
    }
  }

  /**
   * Found by this target (seeds short-row.csv.txt and cut-zip.bin): a row with fewer cells than the
   * header escaped as FastCSV's {@code CsvParseException}, and a result cut midway as {@code UncheckedIOException},
   * which the download neither retried nor reported as a {@link SyncException}.
   */
  @Test
  void aRaggedRowIsASyncExceptionAndACutResultAnIoException() throws Exception {
    long[] totals = new long[4];
    assertThatThrownBy(() -> BulkWrite.readResult(BulkResultInput.JOB, BulkResultInput.of(
        "csv\nEmail,STATUS\r\na@b.c\r\n".getBytes(StandardCharsets.UTF_8)), 0, o -> { }, totals))
        .isInstanceOf(SyncException.class)
        .hasMessageContaining("the result of Bulk Write job " + BulkResultInput.JOB + " is not a CSV zohokit can read");
    byte[] cut = getClass().getResourceAsStream("BulkWriteResultFuzzTestInputs/result/cut-zip.bin").readAllBytes();
    assertThatThrownBy(() -> BulkWrite.readResult(BulkResultInput.JOB, BulkResultInput.of(cut), 0, o -> { }, totals))
        .isInstanceOf(IOException.class);
  }
}

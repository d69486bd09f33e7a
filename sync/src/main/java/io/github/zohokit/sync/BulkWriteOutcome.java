package io.github.zohokit.sync;

import java.util.List;

/**
 * What Zoho did with one row of a Bulk Write, from the job's result CSV.
 *
 * @param row the row's number in what was written, from 1
 * @param status {@code ADDED}, {@code UPDATED}, {@code SKIPPED} or {@code UNPROCESSED}
 * @param recordId the record's id when it was added or updated, otherwise null
 * @param errors Zoho's errors for the row ({@code ERRORS} column: {@code <code>-<columns>} joined by {@code :}),
 *     empty when none
 */
public record BulkWriteOutcome(long row, Status status, String recordId, List<Error> errors) {
  /** A row's fate. */
  public enum Status {
    /** A new record was created. */
    ADDED,
    /** An existing record was updated. */
    UPDATED,
    /** Zoho refused the row; see the errors. */
    SKIPPED,
    /** Zoho did not get to the row. */
    UNPROCESSED
  }

  /**
   * One error of a row.
   *
   * @param code Zoho's code, such as {@code MANDATORY_NOT_FOUND}, {@code INVALID_DATA}, {@code DUPLICATE_DATA}
   * @param columns the columns it is about, possibly empty
   */
  public record Error(String code, List<String> columns) {}

  /**
   * Whether the row reached Zoho.
   *
   * @return true for added and updated rows
   */
  public boolean succeeded() {
    return status == Status.ADDED || status == Status.UPDATED;
  }
}

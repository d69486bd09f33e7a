package io.github.zohokit.sync;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * One record of a Bulk Read result, read from its CSV row. Cells are text as Zoho exports them; the typed getters
 * convert them (lookups and owners hold the related record's id; booleans {@code true}/{@code false}; date-times ISO
 * 8601; an empty cell is null) and throw a {@link SyncException} naming the job, the line, the column and the value
 * when a cell does not fit.
 */
public final class BulkRow {
  private final String jobId;
  private final long line;
  private final Map<String, Integer> columns;
  private final List<String> cells;

  BulkRow(String jobId, long line, Map<String, Integer> columns, List<String> cells) {
    this.jobId = jobId;
    this.line = line;
    this.columns = columns;
    this.cells = cells;
  }

  /**
   * The record's id (Zoho always adds the {@code id} column).
   *
   * @return the id
   */
  public String id() {
    String id = text("id");
    return id != null ? id : text("Id");
  }

  /**
   * A cell as text.
   *
   * @param column the column: a field API name as requested, such as {@code Email} or {@code Owner.last_name}
   * @return the text, or null when the cell is empty
   * @throws SyncException when the result has no such column
   */
  public String text(String column) {
    Integer index = columns.get(column);
    if (index == null) {
      if (column.equals("Id") || column.equals("id")) {
        return null;
      }
      throw new SyncException("Bulk Read job " + jobId + " has no column " + column + "; its columns are "
          + columns.keySet());
    }
    String value = index < cells.size() ? cells.get(index) : "";
    return value.isEmpty() ? null : value;
  }

  /**
   * A lookup or owner cell: the related record's id.
   *
   * @param column the column
   * @return the id, or null
   */
  public String lookupId(String column) {
    return text(column);
  }

  /**
   * A boolean cell.
   *
   * @param column the column
   * @return the value, or null when empty
   * @throws SyncException when the cell is neither {@code true} nor {@code false}
   */
  public Boolean bool(String column) {
    String value = text(column);
    if (value == null) {
      return null;
    }
    if (value.equalsIgnoreCase("true")) {
      return Boolean.TRUE;
    }
    if (value.equalsIgnoreCase("false")) {
      return Boolean.FALSE;
    }
    throw misfit(column, value, "true or false");
  }

  /**
   * A date-time cell.
   *
   * @param column the column
   * @return the value, or null when empty
   * @throws SyncException when the cell is not an ISO 8601 date-time with offset
   */
  public OffsetDateTime dateTime(String column) {
    String value = text(column);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value);
    } catch (DateTimeParseException e) {
      throw misfit(column, value, "an ISO 8601 date-time with offset");
    }
  }

  /**
   * A number cell.
   *
   * @param column the column
   * @return the value, or null when empty
   * @throws SyncException when the cell is not a number
   */
  public BigDecimal number(String column) {
    String value = text(column);
    if (value == null) {
      return null;
    }
    try {
      return new BigDecimal(value);
    } catch (NumberFormatException e) {
      throw misfit(column, value, "a number");
    }
  }

  /**
   * The CSV line this row started on (the header is line 1).
   *
   * @return the line number
   */
  public long line() {
    return line;
  }

  private SyncException misfit(String column, String value, String expected) {
    return new SyncException("Bulk Read job " + jobId + ", line " + line + ", column " + column + ": '"
        + (value.length() > 60 ? value.substring(0, 60) + "..." : value) + "' is not " + expected);
  }

  @Override
  public String toString() {
    return "BulkRow{job=" + jobId + ", line=" + line + ", id=" + id() + "}";
  }
}

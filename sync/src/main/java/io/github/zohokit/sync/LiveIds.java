package io.github.zohokit.sync;

import java.util.Arrays;

/**
 * The ids of every record a module holds, collected by a full reconciliation: compact (Zoho's ids are 19-digit
 * numbers, kept as a sorted {@code long[]}: 8 bytes each, 8 MB for a million records).
 */
public final class LiveIds {
  private final long[] ids;

  LiveIds(long[] sortedIds) {
    this.ids = sortedIds;
  }

  static LiveIds of(long[] ids, int size) {
    long[] copy = Arrays.copyOf(ids, size);
    Arrays.sort(copy);
    return new LiveIds(copy);
  }

  /**
   * Whether the record still exists in Zoho.
   *
   * @param id a record id
   * @return true when Zoho listed it during the reconciliation; false for anything else, non-numbers included
   */
  public boolean contains(String id) {
    try {
      return Arrays.binarySearch(ids, Long.parseLong(id)) >= 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * How many records Zoho listed.
   *
   * @return the count
   */
  public int size() {
    return ids.length;
  }
}

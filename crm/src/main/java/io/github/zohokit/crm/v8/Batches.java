package io.github.zohokit.crm.v8;

import io.github.zohokit.crm.Records;
import java.util.ArrayList;
import java.util.List;

/** Splits a list into Zoho-sized batches of at most {@link Records#MAX_PER_CALL}. */
final class Batches {
  private Batches() {}

  static <T> List<List<T>> of(List<T> items) {
    List<List<T>> batches = new ArrayList<>();
    for (int from = 0; from < items.size(); from += Records.MAX_PER_CALL) {
      batches.add(items.subList(from, Math.min(items.size(), from + Records.MAX_PER_CALL)));
    }
    return batches;
  }
}

package io.github.zohokit.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** What the fake saw: counters by kind of request and the request log. */
final class Observations {
  private final Map<String, AtomicInteger> counters = new ConcurrentHashMap<>();
  private final List<RecordedCall> requests = new CopyOnWriteArrayList<>();

  void increment(String key) {
    counters.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  void record(RecordedCall call) {
    requests.add(call);
  }

  int count(String key) {
    AtomicInteger counter = counters.get(key);
    return counter == null ? 0 : counter.get();
  }

  /** Every counter, sorted by key. */
  Map<String, Integer> counters() {
    Map<String, Integer> copy = new TreeMap<>();
    counters.forEach((k, v) -> copy.put(k, v.get()));
    return copy;
  }

  /** Every request so far, in arrival order. */
  List<RecordedCall> requests() {
    return new ArrayList<>(requests);
  }

  void reset() {
    counters.clear();
    requests.clear();
  }
}

package io.github.zohokit.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** A unified diff ({@code diff -u} style, 3 lines of context) of the snapshot files that differ. */
public final class UnifiedDiff {
  private static final int CONTEXT = 3;
  private static final long MAX_CELLS = 4_000_000L;

  private UnifiedDiff() {}

  /**
   * The diff of every snapshot file that differs between {@code committed} and {@code live}.
   *
   * @param committed the snapshot on disk
   * @param live the live organisation's
   * @return the diff's lines; empty when no file differs
   */
  public static List<String> of(Snapshot committed, Snapshot live) {
    Map<String, String[]> files = new TreeMap<>();
    files.put(Snapshot.ORG_FILE, new String[] {committed.orgFileText(), live.orgFileText()});
    for (ModuleSchema m : committed.modules()) {
      files.computeIfAbsent(Snapshot.moduleFile(m.apiName()), k -> new String[2])[0] = Snapshot.moduleFileText(m);
    }
    for (ModuleSchema m : live.modules()) {
      files.computeIfAbsent(Snapshot.moduleFile(m.apiName()), k -> new String[2])[1] = Snapshot.moduleFileText(m);
    }
    List<String> out = new ArrayList<>();
    files.forEach((name, texts) -> out.addAll(lines(name, texts[0], texts[1])));
    return out;
  }

  /**
   * The diff of one file.
   *
   * @param name the file's name, relative to the snapshot directory
   * @param before the committed text, or null when the file is new
   * @param after the live text, or null when the file is gone
   * @return the lines; empty when the texts are equal
   */
  public static List<String> lines(String name, String before, String after) {
    if (before != null && before.equals(after)) {
      return List.of();
    }
    String[] a = before == null ? new String[0] : before.split("\n", -1);
    String[] b = after == null ? new String[0] : after.split("\n", -1);
    a = trimLast(a);
    b = trimLast(b);
    List<String> out = new ArrayList<>();
    out.add("--- " + (before == null ? "/dev/null" : "a/" + name));
    out.add("+++ " + (after == null ? "/dev/null" : "b/" + name));
    // edit script: ' ', '-', '+' per line
    List<char[]> ops = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    int prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix].equals(b[prefix])) {
      prefix++;
    }
    int suffix = 0;
    while (suffix < a.length - prefix && suffix < b.length - prefix
        && a[a.length - 1 - suffix].equals(b[b.length - 1 - suffix])) {
      suffix++;
    }
    for (int i = 0; i < prefix; i++) {
      ops.add(new char[] {' '});
      texts.add(a[i]);
    }
    int n = a.length - prefix - suffix;
    int m = b.length - prefix - suffix;
    if ((long) n * m <= MAX_CELLS) {
      int[][] lcs = new int[n + 1][m + 1];
      for (int i = n - 1; i >= 0; i--) {
        for (int j = m - 1; j >= 0; j--) {
          lcs[i][j] = a[prefix + i].equals(b[prefix + j]) ? lcs[i + 1][j + 1] + 1
              : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
        }
      }
      int i = 0;
      int j = 0;
      while (i < n || j < m) {
        if (i < n && j < m && a[prefix + i].equals(b[prefix + j])) {
          ops.add(new char[] {' '});
          texts.add(a[prefix + i]);
          i++;
          j++;
        } else if (j < m && (i == n || lcs[i][j + 1] > lcs[i + 1][j])) {
          ops.add(new char[] {'+'});
          texts.add(b[prefix + j++]);
        } else {
          ops.add(new char[] {'-'});
          texts.add(a[prefix + i++]);
        }
      }
    } else {
      for (int i = 0; i < n; i++) {
        ops.add(new char[] {'-'});
        texts.add(a[prefix + i]);
      }
      for (int j = 0; j < m; j++) {
        ops.add(new char[] {'+'});
        texts.add(b[prefix + j]);
      }
    }
    for (int i = a.length - suffix; i < a.length; i++) {
      ops.add(new char[] {' '});
      texts.add(a[i]);
    }
    // hunks
    int k = 0;
    int total = ops.size();
    while (k < total) {
      while (k < total && ops.get(k)[0] == ' ') {
        k++;
      }
      if (k == total) {
        break;
      }
      int start = Math.max(0, k - CONTEXT);
      int end = k;
      int quiet = 0;
      while (end < total && quiet <= 2 * CONTEXT) {
        quiet = ops.get(end)[0] == ' ' ? quiet + 1 : 0;
        end++;
      }
      end = Math.min(total, end - Math.max(0, quiet - CONTEXT));
      int aStart = 0;
      int bStart = 0;
      for (int x = 0; x < start; x++) {
        if (ops.get(x)[0] != '+') {
          aStart++;
        }
        if (ops.get(x)[0] != '-') {
          bStart++;
        }
      }
      int aLen = 0;
      int bLen = 0;
      for (int x = start; x < end; x++) {
        if (ops.get(x)[0] != '+') {
          aLen++;
        }
        if (ops.get(x)[0] != '-') {
          bLen++;
        }
      }
      out.add("@@ -" + (aStart + (aLen == 0 ? 0 : 1)) + "," + aLen + " +" + (bStart + (bLen == 0 ? 0 : 1)) + ","
          + bLen + " @@");
      for (int x = start; x < end; x++) {
        out.add(ops.get(x)[0] + texts.get(x));
      }
      k = end;
    }
    return out;
  }

  private static String[] trimLast(String[] lines) {
    if (lines.length > 0 && lines[lines.length - 1].isEmpty()) {
      String[] copy = new String[lines.length - 1];
      System.arraycopy(lines, 0, copy, 0, copy.length);
      return copy;
    }
    return lines;
  }
}

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints the mutation score per class from PIT's mutations.xml (PIT's console gives only totals) and fails when a
 * checked class scores below the threshold:
 *
 * <pre>
 * java .ci/MutationScores.java [--threshold 85] [--classes A,B,...] [--equivalent FILE] [mutations.xml]
 * </pre>
 *
 * <p>A class (with its nested classes) scores its detected mutants (killed or timed out) over all its mutants, those
 * no test covers included, as PIT's report does, minus the surviving mutants listed as equivalent. The checked
 * classes are named by simple name ({@link #CHECKED} unless {@code --classes}), so a package move does not drop
 * one; a checked class with no mutants in the report fails too (renamed, or missing from the PIT targets).
 *
 * <p>The equivalent list ({@link #EQUIVALENT} unless {@code --equivalent}) is a Markdown table whose rows start
 * {@code | Class | method | line | Mutator |}: the mutated class's simple name (nested as {@code Outer$Inner}),
 * PIT's method name, the line, and the mutator's simple name, exactly as in mutations.xml. Each row excludes one
 * surviving (or uncovered) mutant with that class, method, line and mutator; a row that matches no survivor
 * excludes nothing and is printed as stale, with the survivors of the same class, method and mutator that no row
 * excludes (where its mutant most likely moved: fix the row's line by hand). Matching stays exact on the line: a
 * row is never moved to another survivor automatically, because a killed mutant's row would then hide a new,
 * different survivor of the same kind in the same method. Detected mutants are never excluded.
 */
public class MutationScores {
  static final int THRESHOLD = 85;
  static final List<String> CHECKED = List.of("TokenManager", "ZohoAuthInterceptor", "RedirectParameters",
      "AuthorizationCodeFlow", "ImplicitFlow", "ScopeCatalogue", "Scope", "Secret", "FileTokenStore",
      "JdbcTokenStore");
  static final String EQUIVALENT = "runtime/src/test/resources/pit-equivalent-mutants.md";

  public static void main(String[] args) throws Exception {
    int threshold = THRESHOLD;
    List<String> checked = CHECKED;
    Path equivalentFile = Path.of(EQUIVALENT);
    Path xml = Path.of("runtime/target/pit-reports/mutations.xml");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--threshold" -> threshold = Integer.parseInt(args[++i]);
        case "--classes" -> checked = List.of(args[++i].split(","));
        case "--equivalent" -> equivalentFile = Path.of(args[++i]);
        default -> xml = Path.of(args[i]);
      }
    }
    if (!Files.isRegularFile(xml)) {
      System.err.println("no PIT report at " + xml + ": run ./mvnw -Pmutation -pl runtime verify first");
      System.exit(1);
    }

    // equivalent rows: key -> how many rows name it
    Map<String, Integer> equivalent = new HashMap<>();
    Map<String, String> equivalentRow = new TreeMap<>();
    if (Files.isRegularFile(equivalentFile)) {
      for (String line : Files.readAllLines(equivalentFile)) {
        String[] cells = line.split("\\|");
        if (cells.length < 6 || !cells[3].trim().matches("\\d+")) {
          continue; // not a row naming a mutant (header, separator, prose)
        }
        String key = key(cells[1].trim(), cells[2].trim().replace("`", ""), cells[3].trim(), cells[4].trim());
        equivalent.merge(key, 1, Integer::sum);
        equivalentRow.put(key, line.trim());
      }
    } else {
      System.err.println("no equivalent-mutant list at " + equivalentFile + "; nothing is excluded");
    }

    NodeList mutations = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
        .getElementsByTagName("mutation");
    Map<String, int[]> byClass = new TreeMap<>(); // mutants, detected, no coverage, excluded
    Map<String, Integer> unused = new HashMap<>(equivalent);
    // survivors not excluded, by class + method + mutator: offered as the likely new line of a stale row
    Map<String, List<String>> unmatched = new TreeMap<>();
    for (int i = 0; i < mutations.getLength(); i++) {
      Element mutation = (Element) mutations.item(i);
      String type = text(mutation, "mutatedClass");
      String nestedName = type.substring(type.lastIndexOf('.') + 1);
      int nested = type.indexOf('$');
      int[] counts = byClass.computeIfAbsent(nested < 0 ? type : type.substring(0, nested), k -> new int[4]);
      counts[0]++;
      if ("true".equals(mutation.getAttribute("detected"))) {
        counts[1]++;
        continue;
      }
      if ("NO_COVERAGE".equals(mutation.getAttribute("status"))) {
        counts[2]++;
      }
      String mutator = text(mutation, "mutator");
      String key = key(nestedName, text(mutation, "mutatedMethod"), text(mutation, "lineNumber"),
          mutator.substring(mutator.lastIndexOf('.') + 1));
      Integer left = unused.get(key);
      if (left != null && left > 0) {
        unused.put(key, left - 1);
        counts[3]++;
      } else {
        unmatched.computeIfAbsent(withoutLine(key), k -> new ArrayList<>()).add("line " + text(mutation, "lineNumber")
            + " (" + text(mutation, "description") + ")");
      }
    }

    Set<String> seen = new LinkedHashSet<>();
    List<String> failures = new ArrayList<>();
    int[] total = new int[4];
    System.out.printf("mutation score per class, threshold %d %% for: %s%n", threshold, String.join(", ", checked));
    System.out.printf("%-45s %8s %9s %12s %11s %6s  %s%n", "class (with its nested classes)", "mutants", "detected",
        "no coverage", "equivalent", "score", "check");
    for (Map.Entry<String, int[]> e : byClass.entrySet()) {
      int[] c = e.getValue();
      String simple = e.getKey().substring(e.getKey().lastIndexOf('.') + 1);
      int counted = c[0] - c[3];
      double score = counted == 0 ? 100.0 : 100.0 * c[1] / counted;
      String check = "-";
      if (checked.contains(simple)) {
        seen.add(simple);
        boolean pass = (long) c[1] * 100 >= (long) threshold * counted;
        check = pass ? "ok" : "BELOW " + threshold + " %";
        if (!pass) {
          failures.add(String.format("%s scores %.1f %% (%d of %d), below %d %%", simple, score, c[1], counted,
              threshold));
        }
      }
      System.out.printf("%-45s %8d %9d %12d %11d %5.1f%%  %s%n", e.getKey(), c[0], c[1], c[2], c[3], score, check);
      for (int k = 0; k < 4; k++) {
        total[k] += c[k];
      }
    }
    System.out.printf("%-45s %8d %9d %12d %11d %5.1f%%%n", "all", total[0], total[1], total[2], total[3],
        100.0 * total[1] / Math.max(1, total[0] - total[3]));
    int rows = equivalent.values().stream().mapToInt(Integer::intValue).sum();
    System.out.printf("%d surviving mutants excluded as equivalent (%d rows in %s)%n", total[3], rows,
        equivalentFile);
    unused.forEach((key, left) -> {
      if (left > 0) {
        System.out.println("stale equivalent row (matches no surviving mutant; line moved or mutant killed?): "
            + equivalentRow.get(key));
        List<String> candidates = unmatched.get(withoutLine(key));
        System.out.println("  survivors with its class, method and mutator: "
            + (candidates == null ? "none (killed, or the method was renamed)" : String.join(", ", candidates)));
      }
    });
    for (String name : checked) {
      if (!seen.contains(name)) {
        failures.add(name + " has no mutants in " + xml + " (renamed, or not among the PIT targetClasses?)");
      }
    }
    if (!failures.isEmpty()) {
      failures.forEach(f -> System.out.println("FAIL: " + f));
      System.exit(1);
    }
    System.out.println("every checked class scores at least " + threshold + " %");
  }

  private static String key(String type, String method, String line, String mutator) {
    return String.join(" ", Arrays.asList(type, method, line, mutator));
  }

  /** A key without its line: rows are matched by line exactly; this only finds where a stale row's mutant went. */
  private static String withoutLine(String key) {
    String[] parts = key.split(" ");
    return parts[0] + " " + parts[1] + " " + parts[3];
  }

  private static String text(Element mutation, String tag) {
    return mutation.getElementsByTagName(tag).item(0).getTextContent();
  }
}

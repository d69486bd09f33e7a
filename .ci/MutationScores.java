import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Prints the mutation score per class from PIT's mutations.xml (PIT's console gives only totals):
 * {@code java .ci/MutationScores.java runtime/target/pit-reports/mutations.xml}. A class's score counts killed and
 * timed-out mutants as detected, over all its mutants (those no test covers included), as PIT's report does.
 */
public class MutationScores {
  public static void main(String[] args) throws Exception {
    Path xml = Path.of(args.length > 0 ? args[0] : "runtime/target/pit-reports/mutations.xml");
    if (!Files.isRegularFile(xml)) {
      System.err.println("no PIT report at " + xml + ": run ./mvnw -Pmutation -pl runtime verify first");
      System.exit(1);
    }
    NodeList mutations = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile())
        .getElementsByTagName("mutation");
    Map<String, int[]> byClass = new TreeMap<>();
    for (int i = 0; i < mutations.getLength(); i++) {
      Element mutation = (Element) mutations.item(i);
      String type = mutation.getElementsByTagName("mutatedClass").item(0).getTextContent();
      int nested = type.indexOf('$');
      int[] counts = byClass.computeIfAbsent(nested < 0 ? type : type.substring(0, nested), k -> new int[3]);
      counts[0]++;
      if ("true".equals(mutation.getAttribute("detected"))) {
        counts[1]++;
      }
      if ("NO_COVERAGE".equals(mutation.getAttribute("status"))) {
        counts[2]++;
      }
    }
    int[] total = new int[3];
    System.out.printf("%-45s %9s %9s %11s %6s%n", "class (with its nested classes)", "mutants", "detected",
        "no coverage", "score");
    for (Map.Entry<String, int[]> e : byClass.entrySet()) {
      int[] c = e.getValue();
      System.out.printf("%-45s %9d %9d %11d %5.0f%%%n", e.getKey(), c[0], c[1], c[2], 100.0 * c[1] / c[0]);
      for (int k = 0; k < 3; k++) {
        total[k] += c[k];
      }
    }
    System.out.printf("%-45s %9d %9d %11d %5.0f%%%n", "all", total[0], total[1], total[2],
        100.0 * total[1] / total[0]);
  }
}

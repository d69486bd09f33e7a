package io.github.zohokit.sync;

import io.github.zohokit.Zoho;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.token.DataCenter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Not a test: request counts of the incremental sync against the fake (no timings). A full load of N leads, a run
 * with nothing changed, then N records changed.
 *
 * <pre>
 * java -cp sync/target/test-classes:sync/target/classes:$(cat /tmp/cp-sync.txt) io.github.zohokit.sync.SyncFigures 100000
 * </pre>
 */
public final class SyncFigures {
  private SyncFigures() {}

  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    try (FakeZoho fake = FakeZoho.builder().dataCenters(DataCenter.US).seedLeads(0).start()) {
      List<String> ids = fake.sync().seed(DataCenter.US, "Leads", n);
      Zoho zoho = Fixtures.connect(fake);
      Path dir = Files.createTempDirectory("sync-figures");
      IncrementalSync sync = IncrementalSync.builder(zoho, "Leads").fields(List.of("Last_Name", "Email", "Company"))
          .stateStore(new FileSyncStateStore(dir)).build();
      Fixtures.Target target = new Fixtures.Target();
      System.out.println("full load:        " + sync.run(target) + " (minimum list calls " + (n + 199) / 200 + ")");
      System.out.println("nothing changed:  " + sync.run(target));
      fake.sync().touch(DataCenter.US, "Leads", ids);
      System.out.println(n + " changed:   " + sync.run(target) + " (minimum list calls " + (n + 199) / 200 + ")");
      System.out.println("rows in target: " + target.rows.size());
    }
  }
}

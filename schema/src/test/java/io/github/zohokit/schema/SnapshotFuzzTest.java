package io.github.zohokit.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A schema snapshot is a directory of JSON files committed with the user's code and edited by people (merges, hand
 * fixes): whatever the files hold, {@link Snapshot#read} returns a snapshot or throws the {@link SchemaException} it
 * documents, naming the file and the key; never another exception, and it reads no file outside the snapshot.
 * A snapshot holds no secret (org id, field metadata), so no secret check here.
 *
 * <p>An input is the snapshot's files, each after a line {@code === <path in the snapshot>} ({@code org.json},
 * {@code modules/Leads.json}); paths that would leave the directory are not written. Seeds:
 * {@code src/test/resources/io/github/zohokit/schema/SnapshotFuzzTestInputs/snapshot/}, one written by the fetcher
 * from Zoho's documented metadata (the tests' canned answers) and broken ones.
 */
class SnapshotFuzzTest {
  private static final Path DIR;

  static {
    try {
      DIR = Files.createTempDirectory("zohokit-snapshot-fuzz").resolve("snapshot");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest
  void snapshot(byte[] input) throws IOException {
    clear();
    Files.createDirectories(DIR.resolve(Snapshot.MODULES_DIR));
    String text = new String(input, StandardCharsets.UTF_8);
    for (String section : ("\n" + text).split("\n=== ", -1)) {
      int newline = section.indexOf('\n');
      String path = newline < 0 ? section : section.substring(0, newline);
      if (!path.matches("org\\.json|modules/[A-Za-z0-9_]{1,40}\\.json")) {
        continue;
      }
      Files.writeString(DIR.resolve(path), newline < 0 ? "" : section.substring(newline + 1));
    }
    try {
      Snapshot snapshot = Snapshot.read(DIR);
      assertThat(snapshot.org()).isNotNull();
      // what reads, writes back and reads the same (the goals rewrite snapshots they read)
      Path again = DIR.resolveSibling("again");
      snapshot.write(again);
      assertThat(Snapshot.read(again).sameModulesAs(snapshot)).isTrue();
    } catch (SchemaException e) {
      assertThat(e.getMessage()).contains(DIR.toString());
    }
  }

  private static void clear() throws IOException {
    for (Path root : new Path[] {DIR, DIR.resolveSibling("again")}) {
      if (Files.exists(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          for (Path p : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
            Files.delete(p);
          }
        }
      }
    }
  }

  /**
   * Found while writing this target (seed module-name-is-a-path.txt; Jazzer's path-traversal sanitizer ran on it): a
   * module name in org.json was used as a path as it was, so {@code ../../x} read a file outside the snapshot and a
   * NUL threw {@code InvalidPathException}, not a {@link SchemaException}.
   */
  @Test
  void aModuleNameThatIsAPathIsRefused() throws IOException {
    clear();
    Files.createDirectories(DIR.resolve(Snapshot.MODULES_DIR));
    Files.writeString(DIR.resolveSibling("outside.json"), "{\"api_name\": \"../../outside\", \"fields\": []}");
    for (String name : new String[] {"../../outside", "a\\u0000b"}) {
      Files.writeString(DIR.resolve(Snapshot.ORG_FILE), "{\"api_version\": \"v8\", \"modules\": [\"" + name + "\"]}");
      assertThatThrownBy(() -> Snapshot.read(DIR)).isInstanceOf(SchemaException.class)
          .hasMessageContaining("org.json.modules[0]: expected a module API name (letters, digits, _)");
    }
  }
}

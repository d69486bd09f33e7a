package io.github.zohokit.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code io.github.zohokit.internal.*} is what the runtime and the code zohokit's processor generates share; nothing
 * else may import it. The demo newcomers copy, the starter, the testkit, the plugin and the other modules use only
 * the public API (the scope manifest, the {@code Operation} tag, {@code Zoho.apis}). Generated sources are under
 * {@code target/} and are not read here.
 */
class ModuleBoundariesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final List<String> OUTSIDE_THE_RUNTIME = List.of("processor", "crm", "testkit", "schema", "sync",
      "notifications", "plugin", "it", "bench", "demo", "examples", "spring-boot", "it/spring-sample");

  @Test
  void nothingOutsideTheRuntimeImportsItsInternalPackages() throws IOException {
    List<String> offenders = new ArrayList<>();
    for (String module : OUTSIDE_THE_RUNTIME) {
      Path dir = ROOT.resolve(module);
      assertThat(dir).as("module %s (is the test run from it/?)", module).isDirectory();
      try (Stream<Path> files = Files.walk(dir)) {
        for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))
            .filter(f -> !ROOT.relativize(f).toString().contains("/target/"))::iterator) {
          for (String line : Files.readAllLines(file)) {
            if (line.startsWith("import io.github.zohokit.internal.")
                || line.startsWith("import static io.github.zohokit.internal.")) {
              offenders.add(ROOT.relativize(file) + ": " + line);
            }
          }
        }
      }
    }
    assertThat(offenders).as("imports of zohokit's internal packages outside the runtime").isEmpty();
  }
}

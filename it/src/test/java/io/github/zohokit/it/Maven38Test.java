package io.github.zohokit.it;

import io.github.zohokit.testing.CiPrerequisite;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The readme, readme-schema and schema-records ITs also build with Maven 3.8.7 (profile {@code readme-maven-3.8},
 * active where Debian's {@code maven} package is installed). The profile cannot tell a missing Maven from a machine that does not
 * want the run, so this test does: skipped, saying why, where {@code /usr/share/maven} is missing; failing under
 * {@code CI=true}.
 */
class Maven38Test {
  @Test
  void theReadmeItRunsOnMaven38() {
    Path mvn = Path.of("/usr/share/maven/bin/mvn");
    CiPrerequisite.require(Files.isExecutable(mvn), "no Maven 3.8 at /usr/share/maven, so the readme IT does not "
        + "build the README's quick start with it (profile readme-maven-3.8): apt-get install maven");
  }
}

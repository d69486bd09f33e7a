package io.github.zohokit.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.testing.CiPrerequisite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.jar.JarFile;
import org.junit.jupiter.api.Test;

/**
 * The invoker ITs also run on Maven 3.8.7, the oldest Maven the plugin supports, through the {@code its-maven-3.8}
 * profile, which is active where Debian's {@code maven} package is installed. That profile cannot tell a missing
 * Maven from a machine that does not want the runs, so this test does: it is skipped, saying why, where
 * {@code /usr/share/maven} is missing, and fails under {@code CI=true}, so CI never silently drops the 3.8 runs.
 */
class Maven38Test {
  private static final Path MAVEN_HOME = Path.of("/usr/share/maven");

  @Test
  void theInvokerItsRunOnMaven38() throws IOException {
    Path mvn = MAVEN_HOME.resolve("bin/mvn");
    CiPrerequisite.require(Files.isExecutable(mvn), "no Maven 3.8 at " + MAVEN_HOME
        + ", so the invoker ITs do not run on it (profile its-maven-3.8): apt-get install maven");
    assertThat(mavenCoreVersion()).as("version of the Maven at %s (the plugin's prerequisite is 3.8.7)", MAVEN_HOME)
        .startsWith("3.8.");
  }

  private static String mavenCoreVersion() throws IOException {
    try (var jars = Files.list(MAVEN_HOME.resolve("lib"))) {
      Path core = jars.filter(jar -> jar.getFileName().toString().startsWith("maven-core-")).findFirst()
          .orElseThrow(() -> new AssertionError("no maven-core jar in " + MAVEN_HOME.resolve("lib")));
      try (JarFile jar = new JarFile(core.toFile());
          InputStream in = jar.getInputStream(
              jar.getEntry("META-INF/maven/org.apache.maven/maven-core/pom.properties"))) {
        Properties pom = new Properties();
        pom.load(in);
        return pom.getProperty("version");
      }
    }
  }
}

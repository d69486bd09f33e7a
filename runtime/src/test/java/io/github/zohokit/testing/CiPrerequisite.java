package io.github.zohokit.testing;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * What a test needs from the machine. Under {@code CI=true} (set by {@code .ci/run}) a missing prerequisite fails
 * the test, so a CI run can never go green by skipping; elsewhere the test is skipped, saying what is missing.
 * Shared with the plugin's and the ITs' tests through the runtime's test-jar (the {@code testing} package only).
 */
public final class CiPrerequisite {
  private CiPrerequisite() {}

  public static void require(boolean present, String missing) {
    if (present) {
      return;
    }
    if ("true".equals(System.getenv("CI"))) {
      fail(missing + ". CI=true, so this test fails instead of skipping.");
    }
    Assumptions.abort("skipped: " + missing);
  }
}

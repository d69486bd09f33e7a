package example;

import org.junit.jupiter.api.Test;

class RunsUnderSurefireTest {
  @Test
  void mustNotRun() {
    throw new AssertionError("Surefire ran a test despite -DskipTests");
  }
}

package example;

import org.junit.jupiter.api.Test;

class RunsUnderFailsafeIT {
  @Test
  void mustNotRun() {
    throw new AssertionError("Failsafe ran an IT despite -DskipTests");
  }
}

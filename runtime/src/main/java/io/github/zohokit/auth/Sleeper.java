package io.github.zohokit.auth;

import java.time.Duration;

/** Waits. Tests replace it so that polling and lease waits take no wall-clock time. */
interface Sleeper {
  Sleeper REAL = duration -> Thread.sleep(Math.max(0, duration.toMillis()));

  void sleep(Duration duration) throws InterruptedException;
}

package io.github.zohokit.bench;

import io.github.zohokit.token.Secret;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/** The cost of getting the access token on the valid-token path: no store I/O, no lock. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class TokenPathBenchmark {
  private Clients clients;

  @Setup
  public void start() {
    clients = new Clients("http://127.0.0.1:1/");
    clients.oauth.accessToken("default");
  }

  @Benchmark
  public Secret validToken() {
    return clients.oauth.accessToken("default");
  }

  @Benchmark
  @Threads(2)
  public Secret validTokenTwoThreads() {
    return clients.oauth.accessToken("default");
  }
}

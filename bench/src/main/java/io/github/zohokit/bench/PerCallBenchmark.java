package io.github.zohokit.bench;

import io.github.zohokit.crm.RecordPage;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The same request — one page of 200 leads from a local server — through each client. Same server, same JSON, same
 * connection pool, same mapper (see {@link Clients} for how each is configured and how each reads the body).
 * Throughput; run with {@code -prof gc} for allocation per call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(1)
public class PerCallBenchmark {
  private LeadsPageServer server;
  private Clients clients;

  @Setup(Level.Trial)
  public void start() throws Exception {
    server = new LeadsPageServer(0);
    clients = new Clients(server.url());
  }

  @TearDown(Level.Trial)
  public void stop() {
    server.close();
  }

  @Benchmark
  public RecordPage<BenchLead> handWrittenOkHttpJackson() {
    return clients.handWritten();
  }

  @Benchmark
  public RecordPage<BenchLead> handWrittenOkHttpJacksonCharStream() {
    return clients.handWrittenCharStream();
  }

  @Benchmark
  public RecordPage<BenchLead> zohokitGenerated() {
    return clients.zohokit();
  }

  @Benchmark
  public RecordPage<BenchLead> retrofit() {
    return clients.retrofit();
  }

  @Benchmark
  public RecordPage<BenchLead> openFeign() {
    return clients.feign();
  }
}

package io.github.zohokit.testing;

import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * For the multi-process tests: a store wrapper that notes whether this process was refused the refresh lease (it
 * waited on another process's renewal), and a start barrier so that the workers ask for the token together.
 */
public final class LeaseWatchingStore extends ForwardingTokenStore {
  private final AtomicBoolean waited = new AtomicBoolean();

  public LeaseWatchingStore(TokenStore delegate) {
    super(delegate);
  }

  /** Whether a refresh lease was refused: another process held it. */
  public boolean waited() {
    return waited.get();
  }

  /** Worker side: says READY on stdout, then blocks until the test writes a line to stdin. */
  public static void awaitGo() throws IOException {
    System.out.println("READY");
    System.out.flush();
    new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
  }

  /** Test side: waits for every worker's READY, then releases them all at once; returns their stdout readers. */
  public static List<BufferedReader> release(List<Process> workers) throws IOException {
    List<BufferedReader> outputs = workers.stream()
        .map(p -> new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))).toList();
    for (BufferedReader out : outputs) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("READY")) {
        // JVM chatter before the worker is ready
      }
      if (line == null) {
        throw new AssertionError("a worker ended before it was ready");
      }
    }
    for (Process worker : workers) {
      OutputStream in = worker.getOutputStream();
      in.write("go\n".getBytes(StandardCharsets.UTF_8));
      in.close();
    }
    return outputs;
  }

  @Override
  public Optional<RefreshLease> tryAcquireRefreshLease(TokenKey key, Duration ttl) {
    Optional<RefreshLease> lease = delegate.tryAcquireRefreshLease(key, ttl);
    if (lease.isEmpty()) {
      waited.set(true);
    }
    return lease;
  }

  @Override
  public String toString() {
    return delegate.toString();
  }
}

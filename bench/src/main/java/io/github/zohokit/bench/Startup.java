package io.github.zohokit.bench;

import java.lang.management.ManagementFactory;

/**
 * One whole process: from JVM start to the first successful call, then 2,000 calls and the heap retained after GC.
 * Arguments: {@code zohokit} or {@code okhttp}, and the URL of a running {@link LeadsPageServer}.
 */
public final class Startup {
  private Startup() {}

  public static void main(String[] args) throws Exception {
    String variant = args[0];
    Clients clients = new Clients(args[1]);
    boolean zohokit = variant.equals("zohokit");
    int first = zohokit ? clients.zohokit().data().size() : clients.handWritten().data().size();
    long startupMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    for (int i = 0; i < 2000; i++) {
      first += zohokit ? clients.zohokit().data().size() : clients.handWritten().data().size();
    }
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime runtime = Runtime.getRuntime();
    double retainedMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024);
    System.out.printf("variant=%s startup_ms=%d retained_heap_mb=%.2f records=%d%n", variant, startupMillis, retainedMb,
        first);
    clients.http.dispatcher().executorService().shutdown();
    clients.http.connectionPool().evictAll();
    System.exit(0);
  }
}

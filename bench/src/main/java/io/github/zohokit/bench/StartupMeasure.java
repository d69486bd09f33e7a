package io.github.zohokit.bench;

import java.lang.management.ManagementFactory;
import java.util.function.IntSupplier;

/**
 * The whole-process start-up measurement shared by both variants: JVM start to the first successful call, then
 * 2,000 more calls and the heap retained after GC, and how many classes the JVM loaded. Depends on nothing but the
 * JDK, so each variant runs it on its own class path.
 */
public final class StartupMeasure {
  private StartupMeasure() {}

  /**
   * Runs and prints one result line.
   *
   * @param variant the name printed with the result
   * @param call one call; returns the number of records it read
   */
  public static void run(String variant, IntSupplier call) throws InterruptedException {
    int records = call.getAsInt();
    long startupMillis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    for (int i = 0; i < 2000; i++) {
      records += call.getAsInt();
    }
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    Runtime runtime = Runtime.getRuntime();
    double retainedMb = (runtime.totalMemory() - runtime.freeMemory()) / (1024.0 * 1024);
    int classes = ManagementFactory.getClassLoadingMXBean().getLoadedClassCount();
    System.out.printf("variant=%s startup_ms=%d retained_heap_mb=%.2f loaded_classes=%d records=%d%n", variant,
        startupMillis, retainedMb, classes, records);
  }
}

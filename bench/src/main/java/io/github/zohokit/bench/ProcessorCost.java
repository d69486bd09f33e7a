package io.github.zohokit.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whole-process compile time of 200 annotated interfaces x 10 methods: plain {@code javac} (processors off) against
 * {@code javac} with zoho-processor. Alternating runs; medians and their ratio.
 *
 * <p>Arguments: the class path (runtime and its dependencies), the processor path, the number of runs.
 */
public final class ProcessorCost {
  private ProcessorCost() {}

  public static void main(String[] args) throws Exception {
    String classpath = args[0];
    String processorPath = args[1];
    int runs = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    Path sources = Files.createTempDirectory("zoho-bench-sources");
    List<String> files = generate(sources, 200, 10);
    List<Long> plain = new ArrayList<>();
    List<Long> processed = new ArrayList<>();
    for (int i = 0; i < runs + 1; i++) {
      long a = javac(sources, files, classpath, null);
      long b = javac(sources, files, classpath, processorPath);
      if (i > 0) {
        plain.add(a);
        processed.add(b);
      }
    }
    long p = median(plain);
    long z = median(processed);
    System.out.printf("interfaces=200 methods_per_interface=10 runs=%d%n", runs);
    System.out.printf("javac_plain_ms_median=%d runs=%s%n", p, plain);
    System.out.printf("javac_with_zoho_processor_ms_median=%d runs=%s%n", z, processed);
    System.out.printf("ratio=%.2f%n", (double) z / p);
  }

  static List<String> generate(Path dir, int interfaces, int methods) throws Exception {
    Path pkg = dir.resolve("com/example/gen");
    Files.createDirectories(pkg);
    List<String> files = new ArrayList<>();
    String[] modules = {"Leads", "Contacts", "Accounts", "Deals", "Tasks", "Calls", "Products", "Quotes"};
    Files.writeString(pkg.resolve("Item.java"), "package com.example.gen;\npublic record Item(String id, String name) {}\n");
    files.add(pkg.resolve("Item.java").toString());
    for (int i = 0; i < interfaces; i++) {
      String module = modules[i % modules.length];
      String scope = "ZohoCRM.modules." + module.toLowerCase();
      StringBuilder b = new StringBuilder("package com.example.gen;\n")
          .append("import io.github.zohokit.annotation.*;\nimport io.github.zohokit.crm.*;\nimport java.util.*;\n")
          .append("@ZohoScope(\"").append(scope).append(".READ\")\npublic interface Api").append(i).append(" {\n");
      for (int m = 0; m < methods; m++) {
        switch (m % 5) {
          case 0:
            b.append("  @Get(\"/crm/v8/").append(module).append("\") RecordPage<Item> list").append(m)
                .append("(@Query(\"fields\") List<String> fields, @Query(\"page_token\") String token);\n");
            break;
          case 1:
            b.append("  @Get(\"/crm/v8/").append(module).append("/{id}\") Optional<Item> get").append(m)
                .append("(@Path(\"id\") String id);\n");
            break;
          case 2:
            b.append("  @Post(\"/crm/v8/").append(module).append("\") @ZohoScope(\"").append(scope)
                .append(".CREATE\") List<ActionResult> create").append(m).append("(@Body List<Item> items);\n");
            break;
          case 3:
            b.append("  @Delete(\"/crm/v8/").append(module).append("/{id}\") @ZohoScope(\"").append(scope)
                .append(".DELETE\") void delete").append(m).append("(@Path(\"id\") String id);\n");
            break;
          default:
            b.append("  @Get(\"/crm/v8/").append(module).append("\") java.util.stream.Stream<Item> all").append(m)
                .append("(@Query(\"fields\") String fields);\n");
        }
      }
      Path file = pkg.resolve("Api" + i + ".java");
      Files.writeString(file, b.append("}\n").toString());
      files.add(file.toString());
    }
    return files;
  }

  private static long javac(Path sources, List<String> files, String classpath, String processorPath)
      throws Exception {
    Path out = Files.createTempDirectory("zoho-bench-classes");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
        "-d", out.toString(), "-cp", classpath, "--release", "17"));
    if (processorPath == null) {
      command.add("-proc:none");
    } else {
      command.addAll(List.of("-processorpath", processorPath, "-processor",
          "io.github.zohokit.processor.ZohoProcessor"));
    }
    command.addAll(files);
    long start = System.nanoTime();
    Process javac = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
        ProcessBuilder.Redirect.appendTo(new File(sources.toFile(), "javac.log"))).start();
    if (!javac.waitFor(10, TimeUnit.MINUTES) || javac.exitValue() != 0) {
      throw new IllegalStateException("javac failed; see " + sources.resolve("javac.log"));
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    try (var walk = Files.walk(out)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    return millis;
  }

  static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(Long::compare);
    return sorted.get(sorted.size() / 2);
  }
}

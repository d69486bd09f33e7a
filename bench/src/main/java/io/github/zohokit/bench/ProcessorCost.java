package io.github.zohokit.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Whole-process compile time of 200 annotated interfaces x 10 methods, three ways: plain {@code javac} (processors
 * off), {@code javac} with zoho-processor, and {@code javac} with avaje-http-client-generator on the same corpus
 * written with avaje's annotations (same packages, paths, parameters and return types; see {@link #generate}).
 * One warm-up round, then alternating rounds; medians and their ratios.
 *
 * <p>Arguments: the zohokit class path (runtime and its dependencies), the zoho-processor path, the avaje class path
 * (the zohokit one plus avaje-http-api and avaje-http-client), the avaje processor path, the number of rounds.
 */
public final class ProcessorCost {
  static final int INTERFACES = 200;
  static final int METHODS = 10;

  private ProcessorCost() {}

  public static void main(String[] args) throws Exception {
    String zohoClasspath = args[0];
    String zohoProcessorPath = args[1];
    String avajeClasspath = args[2];
    String avajeProcessorPath = args[3];
    int runs = args.length > 4 ? Integer.parseInt(args[4]) : 3;
    Path dir = Files.createTempDirectory("zoho-bench-sources");
    List<String> zohoSources = generate(dir.resolve("zoho"), Style.ZOHOKIT);
    List<String> avajeSources = generate(dir.resolve("avaje"), Style.AVAJE);
    Path log = dir.resolve("javac.log");
    List<Long> plain = new ArrayList<>();
    List<Long> zoho = new ArrayList<>();
    List<Long> plainAvaje = new ArrayList<>();
    List<Long> avaje = new ArrayList<>();
    long[] classes = new long[4];
    for (int i = 0; i < runs + 1; i++) {
      long a = javac(zohoSources, zohoClasspath, null, null, log, classes, 0);
      long b = javac(zohoSources, zohoClasspath, zohoProcessorPath, "io.github.zohokit.processor.ZohoProcessor", log,
          classes, 1);
      long c = javac(avajeSources, avajeClasspath, null, null, log, classes, 2);
      long d = javac(avajeSources, avajeClasspath, avajeProcessorPath, null, log, classes, 3);
      if (i > 0) {
        plain.add(a);
        zoho.add(b);
        plainAvaje.add(c);
        avaje.add(d);
      }
    }
    long p = median(plain);
    long z = median(zoho);
    long pa = median(plainAvaje);
    long v = median(avaje);
    System.out.printf("interfaces=%d methods_per_interface=%d rounds=%d (after 1 warm-up round)%n", INTERFACES,
        METHODS, runs);
    System.out.printf("javac_plain_zoho_corpus_ms_median=%d runs=%s class_files=%d%n", p, plain, classes[0]);
    System.out.printf("javac_with_zoho_processor_ms_median=%d runs=%s class_files=%d%n", z, zoho, classes[1]);
    System.out.printf("javac_plain_avaje_corpus_ms_median=%d runs=%s class_files=%d%n", pa, plainAvaje, classes[2]);
    System.out.printf("javac_with_avaje_generator_ms_median=%d runs=%s class_files=%d%n", v, avaje, classes[3]);
    System.out.printf("ratio_zoho_vs_plain=%.2f%n", (double) z / p);
    System.out.printf("ratio_avaje_vs_plain=%.2f%n", (double) v / pa);
    System.out.printf("ratio_zoho_vs_avaje=%.2f%n", (double) z / v);
  }

  /** The two annotation vocabularies of the one corpus. */
  enum Style {
    ZOHOKIT, AVAJE
  }

  /**
   * Writes the corpus: {@value #INTERFACES} interfaces of {@value #METHODS} methods cycling through list (query
   * parameters, {@code RecordPage<Item>}), get by id ({@code Optional<Item>}), create (list body,
   * {@code List<ActionResult>}), delete ({@code void}) and stream ({@code Stream<Item>}). Both styles use the same
   * types (zohokit's CRM envelope types, on both class paths); avaje binds path parameters by name and the one
   * unannotated parameter as the body, and has no per-method scope annotation.
   */
  static List<String> generate(Path dir, Style style) throws Exception {
    boolean zoho = style == Style.ZOHOKIT;
    Path pkg = dir.resolve("com/example/gen");
    Files.createDirectories(pkg);
    List<String> files = new ArrayList<>();
    String[] modules = {"Leads", "Contacts", "Accounts", "Deals", "Tasks", "Calls", "Products", "Quotes"};
    Files.writeString(pkg.resolve("Item.java"), "package com.example.gen;\npublic record Item(String id, String name) {}\n");
    files.add(pkg.resolve("Item.java").toString());
    String query = zoho ? "@Query" : "@QueryParam";
    for (int i = 0; i < INTERFACES; i++) {
      String module = modules[i % modules.length];
      String scope = "ZohoCRM.modules." + module.toLowerCase();
      StringBuilder b = new StringBuilder("package com.example.gen;\n")
          .append(zoho ? "import io.github.zohokit.annotation.*;\n" : "import io.avaje.http.api.*;\n")
          .append("import io.github.zohokit.crm.*;\nimport java.util.*;\n")
          .append(zoho ? "@ZohoScope(\"" + scope + ".READ\")\n" : "@Client\n")
          .append("public interface Api").append(i).append(" {\n");
      for (int m = 0; m < METHODS; m++) {
        switch (m % 5) {
          case 0:
            b.append("  @Get(\"/crm/v8/").append(module).append("\") RecordPage<Item> list").append(m)
                .append("(").append(query).append("(\"fields\") List<String> fields, ").append(query)
                .append("(\"page_token\") String token);\n");
            break;
          case 1:
            b.append("  @Get(\"/crm/v8/").append(module).append("/{id}\") Optional<Item> get").append(m)
                .append(zoho ? "(@Path(\"id\") String id);\n" : "(String id);\n");
            break;
          case 2:
            b.append("  @Post(\"/crm/v8/").append(module).append("\") ")
                .append(zoho ? "@ZohoScope(\"" + scope + ".CREATE\") " : "")
                .append("List<ActionResult> create").append(m)
                .append(zoho ? "(@Body List<Item> items);\n" : "(List<Item> items);\n");
            break;
          case 3:
            b.append("  @Delete(\"/crm/v8/").append(module).append("/{id}\") ")
                .append(zoho ? "@ZohoScope(\"" + scope + ".DELETE\") " : "").append("void delete").append(m)
                .append(zoho ? "(@Path(\"id\") String id);\n" : "(String id);\n");
            break;
          default:
            b.append("  @Get(\"/crm/v8/").append(module).append("\") java.util.stream.Stream<Item> all").append(m)
                .append("(").append(query).append("(\"fields\") String fields);\n");
        }
      }
      Path file = pkg.resolve("Api" + i + ".java");
      Files.writeString(file, b.append("}\n").toString());
      files.add(file.toString());
    }
    return files;
  }

  /**
   * One whole {@code javac} process; its wall time in milliseconds. {@code processorPath == null}: processors off;
   * {@code processor == null}: the processors found on the processor path. The number of class files written goes
   * to {@code classes[slot]}.
   */
  static long javac(List<String> files, String classpath, String processorPath, String processor, Path log,
      long[] classes, int slot) throws Exception {
    Path out = Files.createTempDirectory("zoho-bench-classes");
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac").toString(),
        "-d", out.toString(), "-cp", classpath, "--release", "17"));
    if (processorPath == null) {
      command.add("-proc:none");
    } else {
      command.addAll(List.of("-processorpath", processorPath));
      if (processor != null) {
        command.addAll(List.of("-processor", processor));
      }
    }
    command.addAll(files);
    long start = System.nanoTime();
    Process javac = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(log.toString()))).start();
    if (!javac.waitFor(10, TimeUnit.MINUTES) || javac.exitValue() != 0) {
      throw new IllegalStateException("javac failed (" + String.join(" ", command.subList(0, 8)) + " ...); see " + log);
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    try (var walk = Files.walk(out)) {
      classes[slot] = walk.filter(p -> p.toString().endsWith(".class")).count();
    }
    if (processorPath != null && classes[slot] <= files.size()) {
      throw new IllegalStateException("the processor generated nothing (" + classes[slot] + " class files for "
          + files.size() + " sources); see " + log);
    }
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

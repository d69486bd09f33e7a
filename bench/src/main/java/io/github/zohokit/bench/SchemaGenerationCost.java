package io.github.zohokit.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.schema.GeneratorConfig;
import io.github.zohokit.schema.Overrides;
import io.github.zohokit.schema.RecordGenerator;
import io.github.zohokit.schema.Snapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * What {@code zoho:generate-records} adds to a build (issue 22): a snapshot of {@value #MODULES} custom modules ×
 * {@value #FIELDS} fields (every data type the generator maps, picklists of 5 options, lookups to the next module),
 * generated in a fresh JVM (cold: the mojo's first run in a build), against whole-process {@code javac} of the same
 * generated sources, plain ({@code -proc:none}) and with zoho-processor (which implements the generated APIs, as the
 * build runs it). One warm-up round, then alternating rounds; medians.
 *
 * <p>Arguments: the class path to generate with (zoho-schema and its dependencies), the class path the sources
 * compile against (the runtime), the zoho-processor path, the number of rounds.
 */
public final class SchemaGenerationCost {
  static final int MODULES = 50;
  static final int FIELDS = 200;
  private static final String[][] TYPES = {
      {"text", "string"}, {"email", "string"}, {"phone", "string"}, {"integer", "integer"}, {"currency", "double"},
      {"double", "double"}, {"boolean", "boolean"}, {"date", "string"}, {"datetime", "string"},
      {"picklist", "string"}, {"multiselectpicklist", "jsonarray"}, {"lookup", "jsonobject"}, {"textarea", "string"},
      {"website", "string"}, {"bigint", "string"}, {"percent", "double"}};

  private SchemaGenerationCost() {}

  public static void main(String[] args) throws Exception {
    String generateClasspath = args[0];
    String compileClasspath = args[1];
    String processorPath = args[2];
    int runs = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    Path dir = Files.createTempDirectory("zoho-bench-schema");
    Path snapshot = dir.resolve("schema");
    writeSnapshot(snapshot);
    Path log = dir.resolve("javac.log");
    List<Long> generation = new ArrayList<>();
    List<Long> generationProcess = new ArrayList<>();
    List<Long> plain = new ArrayList<>();
    List<Long> withProcessor = new ArrayList<>();
    long[] classes = new long[2];
    List<String> sources = List.of();
    for (int i = 0; i < runs + 1; i++) {
      Path out = dir.resolve("generated-" + i);
      long start = System.nanoTime();
      Process generate = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-cp", generateClasspath, Generate.class.getName(), snapshot.toString(), out.toString())
          .redirectErrorStream(true).start();
      String printed = new String(generate.getInputStream().readAllBytes());
      if (!generate.waitFor(10, TimeUnit.MINUTES) || generate.exitValue() != 0) {
        throw new IllegalStateException("generation failed:\n" + printed);
      }
      long process = (System.nanoTime() - start) / 1_000_000;
      long inProcess = Long.parseLong(printed.lines().filter(l -> l.startsWith("generation_ms="))
          .findFirst().orElseThrow(() -> new IllegalStateException(printed)).substring("generation_ms=".length()));
      try (Stream<Path> walk = Files.walk(out)) {
        sources = walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
      }
      long a = ProcessorCost.javac(sources, compileClasspath, null, null, log, classes, 0);
      long b = ProcessorCost.javac(sources, compileClasspath, processorPath,
          "io.github.zohokit.processor.ZohoProcessor", log, classes, 1);
      if (i > 0) {
        generation.add(inProcess);
        generationProcess.add(process);
        plain.add(a);
        withProcessor.add(b);
      }
    }
    long g = ProcessorCost.median(generation);
    long gp = ProcessorCost.median(generationProcess);
    long p = ProcessorCost.median(plain);
    long z = ProcessorCost.median(withProcessor);
    System.out.printf("modules=%d fields_per_module=%d generated_sources=%d rounds=%d (after 1 warm-up round)%n",
        MODULES, FIELDS, sources.size(), runs);
    System.out.printf("generation_in_fresh_jvm_ms_median=%d runs=%s%n", g, generation);
    System.out.printf("generation_whole_process_ms_median=%d runs=%s%n", gp, generationProcess);
    System.out.printf("javac_plain_ms_median=%d runs=%s class_files=%d%n", p, plain, classes[0]);
    System.out.printf("javac_with_zoho_processor_ms_median=%d runs=%s class_files=%d%n", z, withProcessor, classes[1]);
    System.out.printf("generation_added_to_javac_plain=%.1f%%%n", 100.0 * g / p);
    System.out.printf("generation_added_to_javac_with_processor=%.1f%%%n", 100.0 * g / z);
  }

  /** The snapshot, in the shape {@code zoho:schema} writes (Zoho's keys, normalised). */
  public static void writeSnapshot(Path dir) throws Exception {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    Files.createDirectories(dir.resolve("modules"));
    ObjectNode org = json.createObjectNode().put("api_version", "v8").put("data_center", "us")
        .put("fetched_at", "2026-12-06T08:00:00Z").put("org_id", "4876876000000000001")
        .put("tool_version", "bench");
    ArrayNode names = org.putArray("modules");
    for (int m = 0; m < MODULES; m++) {
      String module = String.format("Mod%02d__c", m);
      names.add(module);
      ObjectNode mod = json.createObjectNode().put("api_name", module).put("api_supported", true)
          .put("generated_type", "custom").put("id", String.valueOf(5_000_000 + m))
          .put("module_name", module.replace("__c", "")).put("plural_label", module.replace("__c", "") + "s")
          .put("singular_label", String.format("Thing%02d", m)).put("status", "visible");
      ArrayNode fields = mod.putArray("fields");
      for (int f = 0; f < FIELDS; f++) {
        String[] type = TYPES[f % TYPES.length];
        String api = f == 0 ? "Name" : String.format("Field_%03d_%s", f, type[0]);
        ObjectNode field = fields.addObject().put("api_name", api).put("custom_field", f > 0)
            .put("data_type", f == 0 ? "text" : type[0]).put("field_label", api.replace('_', ' '))
            .put("field_read_only", false).put("id", String.valueOf(6_000_000_000L + m * 1000L + f))
            .put("json_type", f == 0 ? "string" : type[1]).put("system_mandatory", f == 0);
        if (type[0].equals("picklist") || type[0].equals("multiselectpicklist")) {
          ArrayNode options = field.putArray("pick_list_values");
          for (int o = 0; o < 5; o++) {
            options.addObject().put("actual_value", "Option " + o).put("display_value", "Option " + o)
                .put("id", String.valueOf(7_000_000 + o)).put("type", "used");
          }
        }
        if (type[0].equals("lookup")) {
          field.putObject("lookup").putObject("module").put("api_name", String.format("Mod%02d__c", (m + 1) % MODULES))
              .put("id", String.valueOf(5_000_000 + (m + 1) % MODULES));
        }
      }
      Files.writeString(dir.resolve("modules").resolve(module + ".json"), json.writeValueAsString(mod) + "\n");
    }
    Files.writeString(dir.resolve("org.json"), json.writeValueAsString(org) + "\n");
  }

  /** The child JVM: reads the snapshot and writes the sources, as the mojo does; prints its own time. */
  public static final class Generate {
    private Generate() {}

    public static void main(String[] args) {
      long start = System.nanoTime();
      Snapshot snapshot = Snapshot.read(Path.of(args[0]));
      List<String> written = new RecordGenerator(snapshot, new GeneratorConfig("com.example.gen", List.of(),
          Overrides.none(), true), warning -> { }).writeTo(Path.of(args[1]));
      System.out.println("generation_ms=" + (System.nanoTime() - start) / 1_000_000);
      System.out.println("files=" + written.size());
    }
  }
}

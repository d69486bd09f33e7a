package io.github.zohokit.schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * An organisation's modules and fields as committed: a directory with {@code org.json} and one
 * {@code modules/<api_name>.json} per module, in the canonical form ({@link #write}), so that fetching an unchanged
 * organisation again changes no byte.
 */
public final class Snapshot {
  /** The name of the file that describes the organisation and lists the modules. */
  public static final String ORG_FILE = "org.json";
  /** The directory of the module files. */
  public static final String MODULES_DIR = "modules";
  private static final Set<String> ORG_KEYS = Set.of("org_id", "data_center", "api_version", "fetched_at",
      "tool_version", "modules");

  private final OrgInfo org;
  private final List<ModuleSchema> modules;

  /**
   * A snapshot of these modules.
   *
   * @param org where it was fetched
   * @param modules the modules, in any order (kept sorted by API name)
   * @throws IllegalArgumentException when two modules share an API name
   */
  public Snapshot(OrgInfo org, List<ModuleSchema> modules) {
    this.org = Objects.requireNonNull(org, "org");
    List<ModuleSchema> sorted = new ArrayList<>(modules);
    sorted.sort(Comparator.comparing(ModuleSchema::apiName));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).apiName().equals(sorted.get(i - 1).apiName())) {
        throw new IllegalArgumentException("two modules named " + sorted.get(i).apiName());
      }
    }
    this.modules = Collections.unmodifiableList(sorted);
  }

  /**
   * Where the snapshot was fetched.
   *
   * @return the org information
   */
  public OrgInfo org() {
    return org;
  }

  /**
   * The modules, sorted by API name.
   *
   * @return the modules
   */
  public List<ModuleSchema> modules() {
    return modules;
  }

  /**
   * The module with this API name.
   *
   * @param apiName the exact API name
   * @return the module, or empty
   */
  public Optional<ModuleSchema> module(String apiName) {
    return modules.stream().filter(m -> m.apiName().equals(apiName)).findFirst();
  }

  /**
   * The same modules with another org description.
   *
   * @param org the new org information
   * @return a new snapshot
   */
  public Snapshot withOrg(OrgInfo org) {
    return new Snapshot(org, modules);
  }

  /**
   * Whether the modules are the same, byte for byte in the canonical form (the org information is not compared).
   *
   * @param other the other snapshot
   * @return true when no module file would differ
   */
  public boolean sameModulesAs(Snapshot other) {
    if (modules.size() != other.modules.size()) {
      return false;
    }
    for (int i = 0; i < modules.size(); i++) {
      if (!CanonicalJson.write(modules.get(i).json()).equals(CanonicalJson.write(other.modules.get(i).json()))) {
        return false;
      }
    }
    return true;
  }

  /**
   * The canonical text of {@code org.json}.
   *
   * @return the file's content
   */
  public String orgFileText() {
    ObjectNode json = CanonicalJson.MAPPER.createObjectNode();
    putIfNotNull(json, "org_id", org.orgId());
    putIfNotNull(json, "data_center", org.dataCenter());
    putIfNotNull(json, "api_version", org.apiVersion());
    putIfNotNull(json, "fetched_at", org.fetchedAt());
    putIfNotNull(json, "tool_version", org.toolVersion());
    modules.forEach(m -> json.withArray("modules").add(m.apiName()));
    if (modules.isEmpty()) {
      json.putArray("modules");
    }
    return CanonicalJson.write(json);
  }

  /**
   * The canonical text of a module's file.
   *
   * @param module a module of this snapshot
   * @return the file's content
   */
  public static String moduleFileText(ModuleSchema module) {
    return CanonicalJson.write(module.json());
  }

  /**
   * The path of a module's file, relative to the snapshot directory.
   *
   * @param apiName the module's API name
   * @return {@code modules/<api_name>.json}
   */
  public static String moduleFile(String apiName) {
    return MODULES_DIR + "/" + apiName + ".json";
  }

  private static void putIfNotNull(ObjectNode json, String key, String value) {
    if (value != null) {
      json.put(key, value);
    }
  }

  /**
   * Writes the snapshot to {@code dir}: only files whose bytes change are written, module files of modules no
   * longer in the snapshot are deleted.
   *
   * @param dir the snapshot directory, created when missing
   * @return the files written or deleted, relative to {@code dir}, sorted; empty when nothing changed
   * @throws UncheckedIOException when a file cannot be written
   */
  public List<String> write(Path dir) {
    List<String> changed = new ArrayList<>();
    try {
      Files.createDirectories(dir.resolve(MODULES_DIR));
      writeIfChanged(dir, ORG_FILE, orgFileText(), changed);
      Set<String> wanted = new TreeSet<>();
      for (ModuleSchema m : modules) {
        wanted.add(m.apiName() + ".json");
        writeIfChanged(dir, moduleFile(m.apiName()), moduleFileText(m), changed);
      }
      try (Stream<Path> files = Files.list(dir.resolve(MODULES_DIR))) {
        for (Path p : (Iterable<Path>) files.sorted()::iterator) {
          String name = p.getFileName().toString();
          if (name.endsWith(".json") && !wanted.contains(name)) {
            Files.delete(p);
            changed.add(MODULES_DIR + "/" + name);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the snapshot to " + dir + ": " + e.getMessage(), e);
    }
    Collections.sort(changed);
    return changed;
  }

  private static void writeIfChanged(Path dir, String relative, String text, List<String> changed) throws IOException {
    Path file = dir.resolve(relative);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (Files.exists(file) && java.util.Arrays.equals(Files.readAllBytes(file), bytes)) {
      return;
    }
    Files.write(file, bytes);
    changed.add(relative);
  }

  /**
   * Whether {@code dir} holds a snapshot ({@code org.json} exists).
   *
   * @param dir the directory
   * @return true when there is an {@code org.json}
   */
  public static boolean exists(Path dir) {
    return Files.isRegularFile(dir.resolve(ORG_FILE));
  }

  /**
   * The files {@link #read} reads, in order: {@code org.json}, then the file of each module it lists (a file may be
   * missing). Links are followed as {@link #read} follows them; when {@code org.json} is missing or not JSON, only it.
   *
   * @param dir the snapshot directory
   * @return the files, under {@code dir}
   */
  public static List<Path> files(Path dir) {
    List<Path> files = new ArrayList<>(List.of(dir.resolve(ORG_FILE)));
    try {
      for (JsonNode name : CanonicalJson.MAPPER.readTree(Files.readAllBytes(dir.resolve(ORG_FILE))).path("modules")) {
        if (name.isTextual() && name.asText().matches("[A-Za-z0-9_]+")) {
          files.add(dir.resolve(moduleFile(name.asText())));
        }
      }
    } catch (IOException e) {
      // read reports it
    }
    return files;
  }

  /**
   * Reads a snapshot strictly.
   *
   * @param dir the snapshot directory
   * @return the snapshot
   * @throws SchemaException when a file is missing, not JSON, or has a key that is unknown, missing or of the wrong
   *     type; the message names the file and the key
   */
  public static Snapshot read(Path dir) {
    String orgWhere = dir.resolve(ORG_FILE).toString();
    JsonNode orgJson = readJson(dir.resolve(ORG_FILE), orgWhere);
    if (!orgJson.isObject()) {
      throw Json.wrong(orgWhere, "an object", orgJson);
    }
    Json.onlyKeys(orgJson, orgWhere, ORG_KEYS);
    OrgInfo org = new OrgInfo(Json.text(orgJson, "org_id", orgWhere, false),
        Json.text(orgJson, "data_center", orgWhere, false), Json.text(orgJson, "api_version", orgWhere, true),
        Json.text(orgJson, "fetched_at", orgWhere, false), Json.text(orgJson, "tool_version", orgWhere, false));
    JsonNode names = Json.array(orgJson, "modules", orgWhere);
    if (names == null) {
      throw new SchemaException(orgWhere + ".modules: missing (the list of the snapshot's module API names)");
    }
    List<String> moduleNames = new ArrayList<>();
    int i = 0;
    for (JsonNode name : names) {
      if (!name.isTextual() || !name.asText().matches("[A-Za-z0-9_]+")) {
        // Zoho's API names are letters, digits and '_'; anything else would name a path (../, a NUL) off the snapshot
        throw Json.wrong(orgWhere + ".modules[" + i + "]", "a module API name (letters, digits, _)", name);
      }
      i++;
      moduleNames.add(name.asText());
    }
    // the module files in parallel (a large org's are megabytes of JSON); the first bad one in order is reported
    List<Object> parsed = (moduleNames.size() > 1 ? moduleNames.parallelStream() : moduleNames.stream())
        .map(name -> {
          try {
            return (Object) readModule(dir, name);
          } catch (SchemaException e) {
            return e;
          }
        }).toList();
    List<ModuleSchema> modules = new ArrayList<>();
    for (Object module : parsed) {
      if (module instanceof SchemaException e) {
        throw e;
      }
      modules.add((ModuleSchema) module);
    }
    try {
      return new Snapshot(org, modules);
    } catch (IllegalArgumentException e) {
      throw new SchemaException(orgWhere + ".modules: " + e.getMessage());
    }
  }

  private static ModuleSchema readModule(Path dir, String name) {
    Path file = dir.resolve(moduleFile(name));
    String where = file.toString();
    ModuleSchema module = ModuleSchema.parse(readJson(file, where), where);
    if (!module.apiName().equals(name)) {
      throw new SchemaException(where + ".api_name: is " + module.apiName() + " but the file (and org.json) name "
          + name);
    }
    return module;
  }

  private static JsonNode readJson(Path file, String where) {
    try {
      return CanonicalJson.MAPPER.readTree(Files.readAllBytes(file)); // Jackson refuses malformed UTF-8
    } catch (NoSuchFileException e) {
      throw new SchemaException(where + ": missing. Fetch the snapshot with mvn zoho:schema");
    } catch (JsonProcessingException e) {
      throw new SchemaException(where + ": not valid JSON at line " + e.getLocation().getLineNr() + ", column "
          + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new SchemaException(where + ": cannot be read: " + e.getMessage(), e);
    }
  }
}

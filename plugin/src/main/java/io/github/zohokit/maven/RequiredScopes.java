package io.github.zohokit.maven;

import io.github.zohokit.scope.Scope;
import io.github.zohokit.scope.ScopeCatalogue;
import io.github.zohokit.scope.ScopeManifest;
import io.github.zohokit.scope.ScopeRequirement;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The scopes a build needs: the scope manifests of its classes and of the dependency APIs it asks for, plus
 * scopes given by hand; reduced to the minimal set (no {@code leads.READ} next to {@code leads.ALL}), with who asked
 * for each scope.
 *
 * <p>A dependency's manifest (zoho-crm's ready clients, say) does not silently widen a project's scopes: by default
 * ({@link DependencyScopes#REFERENCED}) a dependency's client counts only when this project's compiled classes refer
 * to its interface; the others are listed as left out, with the switch that includes them.
 */
final class RequiredScopes {
  static final String THIS_PROJECT = "this project";

  /** Which dependency APIs' scopes a build requests ({@code zoho.dependencyScopes}). */
  enum DependencyScopes {
    /** Only dependency APIs this project's classes refer to (the default). */
    REFERENCED,
    /** Every dependency client on the runtime classpath. */
    ALL,
    /** None: only this project's own clients. */
    NONE;

    static final String PROPERTY = "zoho.dependencyScopes";

    static DependencyScopes parse(String value) {
      if (value == null || value.isBlank()) {
        return REFERENCED;
      }
      for (DependencyScopes mode : values()) {
        if (mode.name().equalsIgnoreCase(value.trim())) {
          return mode;
        }
      }
      throw new IllegalArgumentException(PROPERTY + "=" + value + " is not a choice; use referenced (the default: "
          + "dependency APIs this project's classes use), all or none");
    }
  }

  /** One client and where its manifest came from ({@link #THIS_PROJECT} or a jar's file name). */
  record Found(ScopeManifest.Api api, String origin) {}

  private final List<Found> included;
  private final List<Found> excluded;
  private final Set<Scope> extra;
  private final DependencyScopes policy;
  /** The metadata scopes of the schema goals this project configures; empty when it configures none. */
  private final Set<Scope> schema;
  /** Who asks for {@link #schema}: "zoho:schema, zoho:schema-check (this project runs generate-records)". */
  private final String schemaAsker;

  private RequiredScopes(List<Found> included, List<Found> excluded, Set<Scope> extra, DependencyScopes policy) {
    this(included, excluded, extra, policy, Set.of(), null);
  }

  private RequiredScopes(List<Found> included, List<Found> excluded, Set<Scope> extra, DependencyScopes policy,
      Set<Scope> schema, String schemaAsker) {
    this.included = List.copyOf(included);
    this.excluded = List.copyOf(excluded);
    this.extra = extra;
    this.policy = policy;
    this.schema = schema;
    this.schemaAsker = schemaAsker;
  }

  /**
   * These scopes plus the metadata scopes of the schema goals ({@link SchemaGoals#SCOPES}), when {@code goals} (the
   * schema goals the project's POM runs) is not empty.
   */
  RequiredScopes withSchemaGoals(Set<String> goals) {
    if (goals.isEmpty()) {
      return this;
    }
    return new RequiredScopes(included, excluded, extra, policy,
        new TreeSet<>(Scope.parseAll(SchemaGoals.SCOPES)), "zoho:schema and zoho:schema-check, to read the "
        + "organisation's modules, fields and id (this project runs " + String.join(", ", goals) + ")");
  }

  /**
   * Every manifest in {@code classpath} (class directories and jars), all included.
   *
   * @param extraScopes scopes given with {@code zoho.scopes} (comma-separated); may be null
   */
  static RequiredScopes read(Collection<File> classpath, String extraScopes) throws IOException {
    List<Found> found = new ArrayList<>();
    for (File element : classpath) {
      found.addAll(manifests(element, element.getName()));
    }
    return new RequiredScopes(found, List.of(), new TreeSet<>(Scope.parseList(extraScopes)), DependencyScopes.ALL);
  }

  /**
   * This project's manifest and its dependencies' manifests as {@code policy} says.
   *
   * @param projectClasses the project's class output directory; may be null (no project) or missing
   * @param dependencies jars and directories of the runtime classpath
   */
  static RequiredScopes read(File projectClasses, Collection<File> dependencies, String extraScopes,
      DependencyScopes policy) throws IOException {
    List<Found> included = new ArrayList<>();
    if (projectClasses != null) {
      included.addAll(manifests(projectClasses, THIS_PROJECT));
    }
    List<Found> excluded = new ArrayList<>();
    List<Found> fromDependencies = new ArrayList<>();
    for (File dependency : dependencies) {
      fromDependencies.addAll(manifests(dependency, dependency.getName()));
    }
    Set<String> referenced = policy == DependencyScopes.REFERENCED && !fromDependencies.isEmpty()
        ? referencedInterfaces(projectClasses, fromDependencies) : Set.of();
    for (Found f : fromDependencies) {
      boolean wanted = policy == DependencyScopes.ALL
          || policy == DependencyScopes.REFERENCED && referenced.contains(f.api().interfaceName());
      (wanted ? included : excluded).add(f);
    }
    return new RequiredScopes(included, excluded, new TreeSet<>(Scope.parseList(extraScopes)), policy);
  }

  private static List<Found> manifests(File element, String origin) throws IOException {
    List<Found> found = new ArrayList<>();
    ScopeManifest manifest = null;
    if (element.isDirectory()) {
      File file = new File(element, ScopeManifest.RESOURCE);
      if (file.isFile()) {
        try (InputStream in = Files.newInputStream(file.toPath())) {
          manifest = ScopeManifest.read(in, file.toString());
        }
      }
    } else if (element.isFile() && element.getName().endsWith(".jar")) {
      try (JarFile jar = new JarFile(element)) {
        ZipEntry entry = jar.getEntry(ScopeManifest.RESOURCE);
        if (entry != null) {
          try (InputStream in = jar.getInputStream(entry)) {
            manifest = ScopeManifest.read(in, element + "!/" + ScopeManifest.RESOURCE);
          }
        }
      }
    }
    if (manifest != null) {
      manifest.apis().forEach(c -> found.add(new Found(c, origin)));
    }
    return found;
  }

  /**
   * The dependency client interfaces that a class file under {@code classes} refers to. A reference to a type is a
   * constant-pool entry holding its internal name ({@code io/github/zohokit/crm/v8/RecordsApi}), on its own or in a
   * descriptor ({@code Lio/github/zohokit/crm/v8/RecordsApi;}).
   */
  static Set<String> referencedInterfaces(File classes, List<Found> candidates) throws IOException {
    Set<String> referenced = new LinkedHashSet<>();
    if (classes == null || !classes.isDirectory()) {
      return referenced;
    }
    Map<String, List<byte[]>> patterns = new LinkedHashMap<>();
    for (Found f : candidates) {
      patterns.computeIfAbsent(f.api().interfaceName(), RequiredScopes::patterns);
    }
    List<Path> classFiles;
    try (Stream<Path> walk = Files.walk(classes.toPath())) {
      classFiles = walk.filter(p -> p.toString().endsWith(".class")).toList();
    }
    for (Path classFile : classFiles) {
      byte[] bytes = Files.readAllBytes(classFile);
      for (Map.Entry<String, List<byte[]>> e : patterns.entrySet()) {
        if (!referenced.contains(e.getKey()) && e.getValue().stream().anyMatch(p -> indexOf(bytes, p) >= 0)) {
          referenced.add(e.getKey());
        }
      }
    }
    return referenced;
  }

  /** Byte patterns for every binary name a canonical name can stand for (a.b.C.D: a/b/C/D, a/b/C$D, ...). */
  private static List<byte[]> patterns(String canonicalName) {
    List<byte[]> patterns = new ArrayList<>();
    String[] parts = canonicalName.split("\\.");
    for (int nested = 0; nested < parts.length - 1; nested++) {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < parts.length; i++) {
        b.append(i == 0 ? "" : i >= parts.length - nested ? "$" : "/").append(parts[i]);
      }
      String name = b.toString();
      byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
      byte[] prefixed = new byte[utf8.length + 2];
      prefixed[0] = (byte) (utf8.length >> 8);
      prefixed[1] = (byte) utf8.length;
      System.arraycopy(utf8, 0, prefixed, 2, utf8.length);
      patterns.add(prefixed);
      patterns.add(("L" + name + ";").getBytes(StandardCharsets.UTF_8));
    }
    return patterns;
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** Every scope the included clients declare, plus {@code zoho.scopes}, before reducing. */
  private Set<Scope> declared() {
    Set<Scope> all = new TreeSet<>(extra);
    all.addAll(schema);
    included.forEach(f -> all.addAll(f.api().scopes()));
    return all;
  }

  /** The minimal set of scopes to request: every needed scope, without those another one covers. Sorted. */
  Set<Scope> all() {
    return new TreeSet<>(Scope.minimal(declared()));
  }

  private static Scope coveringOther(Collection<Scope> scopes, Scope scope) {
    for (Scope other : scopes) {
      if (!other.equals(scope) && other.covers(scope)) {
        return other;
      }
    }
    return null;
  }

  boolean isEmpty() {
    return declared().isEmpty();
  }

  /** The clients whose scopes are requested. */
  List<Found> included() {
    return included;
  }

  /** The scope string to paste into the API Console's "Generate Code" dialog. */
  String consoleString() {
    return Scope.join(all());
  }

  /**
   * For the build log: each scope of the minimal set with the clients and methods that asked for it, the scopes
   * left out because a broader one covers them, methods whose scopes zohokit's catalogue does not know or finds
   * insufficient (a manifest compiled before a catalogue fix), and the dependency APIs that were not included.
   */
  List<String> explanation() {
    List<String> lines = new ArrayList<>();
    Set<Scope> declared = declared();
    Set<Scope> minimal = all();
    lines.add("Scopes to request (" + minimal.size() + "), and who asked for each:");
    for (Scope scope : minimal) {
      lines.add("  " + scope);
      for (String asker : askers(scope)) {
        lines.add("      " + asker);
      }
    }
    for (Scope s : declared) {
      Scope by = coveringOther(declared, s);
      if (by != null) {
        lines.add("Not requested separately: " + s + " (covered by " + by + ")");
      }
    }
    for (Found f : included) {
      for (ScopeManifest.Method m : f.api().methods()) {
        String call = m.httpMethod() + " " + m.path();
        Optional<ScopeRequirement> requirement = ScopeCatalogue.requirementFor(m.httpMethod(), m.path());
        if (requirement.isEmpty()) {
          lines.add("Not in zohokit's scope catalogue, so unchecked: " + f.api().interfaceName() + "." + m.name()
              + "() " + call + " (" + f.origin() + ")");
        } else if (!requirement.get().isCoveredBy(m.scopes())) {
          lines.add("Warning: " + f.api().interfaceName() + "." + m.name() + "() (" + f.origin() + ") declares "
              + m.scopes() + " for " + call + ", but Zoho documents " + String.join(" or ",
              requirement.get().alternatives()) + "; the call will fail with OAUTH_SCOPE_MISMATCH");
        }
      }
    }
    if (!excluded.isEmpty()) {
      Map<String, List<String>> byOrigin = new LinkedHashMap<>();
      for (Found f : excluded) {
        byOrigin.computeIfAbsent(f.origin(), k -> new ArrayList<>()).add(f.api().interfaceName() + " ("
            + Scope.join(f.api().scopes()) + ")");
      }
      String why = policy == DependencyScopes.NONE ? DependencyScopes.PROPERTY + "=none"
          : "this project's classes do not use them (" + DependencyScopes.PROPERTY + "=referenced, the default)";
      for (Map.Entry<String, List<String>> e : byOrigin.entrySet()) {
        lines.add("Not requested: the APIs of " + e.getKey() + ", because " + why + ": "
            + String.join(", ", e.getValue()) + ". Pass -D" + DependencyScopes.PROPERTY + "=all to request them too");
      }
    }
    return lines;
  }

  /** "a.B.m(), n() (origin)" for every client with a method whose scopes {@code scope} covers; and zoho.scopes. */
  private List<String> askers(Scope scope) {
    List<String> askers = new ArrayList<>();
    for (Found f : included) {
      List<String> methods = new ArrayList<>();
      for (ScopeManifest.Method m : f.api().methods()) {
        if (m.scopes().stream().anyMatch(scope::covers)) {
          methods.add(m.name() + "()");
        }
      }
      if (!methods.isEmpty()) {
        askers.add(f.api().interfaceName() + ": " + String.join(", ", methods) + " (" + f.origin() + ")");
      }
    }
    if (extra.stream().anyMatch(scope::covers)) {
      askers.add("zoho.scopes");
    }
    if (schema.stream().anyMatch(scope::covers)) {
      askers.add(schemaAsker);
    }
    return askers;
  }
}

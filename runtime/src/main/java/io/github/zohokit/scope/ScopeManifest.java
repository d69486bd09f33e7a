package io.github.zohokit.scope;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scope manifest {@value #RESOURCE}: the scopes compiled Zoho APIs declare, as zohokit's annotation processor
 * records them next to the classes (one per compilation, so one per jar). Every API interface, its methods with
 * their HTTP method, path template and scopes, and the union. The Maven plugin requests exactly these scopes
 * ({@code mvn zoho:scopes}), the Spring starter's Login with Zoho asks for them, and your own tools can read them:
 *
 * <pre>{@code
 * ScopeManifest manifest = ScopeManifest.load(MyApp.class.getClassLoader()); // every jar's manifest, merged
 * String asked = Scope.join(manifest.api(LeadsApi.class).orElseThrow().scopes());
 * }</pre>
 *
 * <p>This class is the manifest's only reader and writer: the processor writes it with {@link #toJson()} and reads
 * an earlier build's back with {@link #parse(String, String)}. It uses the JDK alone (no Jackson), as the whole
 * {@code io.github.zohokit.scope} package does, because the processor loads it without zoho-runtime's
 * dependencies.
 *
 * <p>The format ({@value #FORMAT}, version 1): an object with {@code format}, {@code formatVersion},
 * {@code clients} (sorted by interface; each with {@code interface}, {@code methods} and the union {@code scopes})
 * and the union {@code scopes}; each method has {@code name}, {@code http}, {@code path}, {@code scopes},
 * {@code scopeFrom} and {@code catalogue}. Sorted throughout, so the same sources give the same bytes. Readers
 * ignore members they do not know.
 */
public final class ScopeManifest {
  /** Where the processor writes the manifest, relative to the class output. */
  public static final String RESOURCE = "META-INF/zoho/scopes.json";
  /** The value of the manifest's {@code format} member. */
  public static final String FORMAT = "zohokit-scopes";
  /** The value of the manifest's {@code formatVersion} member this class writes. */
  public static final int FORMAT_VERSION = 1;

  private final List<Api> clients;

  private ScopeManifest(List<Api> clients) {
    this.clients = List.copyOf(clients);
  }

  /**
   * One API interface and its methods.
   *
   * @param interfaceName the interface's qualified name
   * @param methods its methods, each one call
   * @param source where its manifest was read from (a class directory or a jar), for telling users who asked for a
   *     scope; empty for an API not read from a manifest
   */
  public record Api(String interfaceName, List<Method> methods, String source) {
    /**
     * Copies {@code methods}.
     *
     * @param interfaceName the interface's qualified name
     * @param methods its methods
     * @param source where it was read from; null is taken as empty
     */
    public Api {
      methods = List.copyOf(methods);
      source = source == null ? "" : source;
    }

    /**
     * The union of the methods' scopes.
     *
     * @return the scopes, sorted, without duplicates
     */
    public Set<Scope> scopes() {
      Set<Scope> union = new TreeSet<>();
      methods.forEach(m -> union.addAll(m.scopes()));
      return union;
    }
  }

  /**
   * One method: its name, HTTP method, path template and scopes.
   *
   * @param name the Java method's name
   * @param httpMethod the HTTP method, such as {@code GET}
   * @param path the declared path template
   * @param scopes the scopes in effect for the method
   * @param scopeFrom where the scopes were declared: {@code method}, {@code interface}, or {@code interface <name>}
   *     when inherited; empty in manifests written before zohokit recorded it
   * @param catalogue what zohokit's scope catalogue knew of the call when it was compiled: {@code documented},
   *     {@code documented, module known at run time} or {@code unknown}; empty in older manifests
   */
  public record Method(String name, String httpMethod, String path, List<Scope> scopes, String scopeFrom,
      String catalogue) {
    /**
     * Copies {@code scopes}.
     *
     * @param name the Java method's name
     * @param httpMethod the HTTP method
     * @param path the declared path template
     * @param scopes the scopes in effect for the method, in the order declared
     * @param scopeFrom where the scopes were declared; null is taken as empty
     * @param catalogue what the catalogue knew of the call; null is taken as empty
     */
    public Method {
      scopes = List.copyOf(scopes);
      scopeFrom = scopeFrom == null ? "" : scopeFrom;
      catalogue = catalogue == null ? "" : catalogue;
    }
  }

  /**
   * A manifest of no APIs.
   *
   * @return an empty manifest
   */
  public static ScopeManifest empty() {
    return new ScopeManifest(List.of());
  }

  /**
   * A manifest of {@code clients}, as the processor writes one.
   *
   * @param clients the APIs, in any order
   * @return the manifest
   */
  public static ScopeManifest of(Collection<Api> clients) {
    return new ScopeManifest(new ArrayList<>(clients));
  }

  /**
   * Every manifest {@code classLoader} sees ({@value #RESOURCE} in each jar or directory), merged.
   *
   * @param classLoader the loader whose resources are read
   * @return the merged manifest; empty when none is found
   * @throws IllegalStateException when a manifest cannot be read
   * @throws IllegalArgumentException when one is not a zohokit scope manifest or holds a malformed scope
   */
  public static ScopeManifest load(ClassLoader classLoader) {
    List<Api> clients = new ArrayList<>();
    try {
      Enumeration<URL> resources = classLoader.getResources(RESOURCE);
      for (URL url : Collections.list(resources)) {
        try (InputStream in = url.openStream()) {
          clients.addAll(read(in, url.toString()).clients);
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
    }
    return new ScopeManifest(clients);
  }

  /**
   * Reads one manifest.
   *
   * @param in the manifest's JSON, UTF-8; not closed here
   * @param source where it came from, for messages and {@link Api#source()}
   * @return the manifest's APIs
   * @throws IOException when {@code in} cannot be read
   * @throws IllegalArgumentException naming the source when it is not a zohokit scope manifest or holds a malformed
   *     scope
   */
  public static ScopeManifest read(InputStream in, String source) throws IOException {
    return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), source);
  }

  /**
   * Reads one manifest from its text.
   *
   * @param json the manifest's JSON
   * @param source where it came from, for messages and {@link Api#source()}
   * @return the manifest's APIs
   * @throws IllegalArgumentException naming the source when it is not a zohokit scope manifest or holds a malformed
   *     scope
   */
  public static ScopeManifest parse(String json, String source) {
    Object root;
    try {
      root = ManifestJson.parse(json);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the scope manifest " + source + " is not valid JSON: " + e.getMessage(), e);
    }
    if (!(root instanceof Map) || !FORMAT.equals(((Map<?, ?>) root).get("format"))) {
      throw new IllegalArgumentException("the scope manifest " + source + " is not a zohokit scope manifest");
    }
    List<Api> clients = new ArrayList<>();
    for (Map<?, ?> client : objects((Map<?, ?>) root, "clients", source)) {
      List<Method> methods = new ArrayList<>();
      for (Map<?, ?> method : objects(client, "methods", source)) {
        List<Scope> scopes = new ArrayList<>();
        for (Object scope : list(method, "scopes", source)) {
          if (!(scope instanceof String)) {
            throw new IllegalArgumentException("the scope manifest " + source + " has a scope that is not a string: "
                + scope);
          }
          try {
            scopes.add(Scope.parse((String) scope));
          } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the scope manifest " + source + " has a malformed scope: "
                + e.getMessage(), e);
          }
        }
        methods.add(new Method(text(method, "name", source), text(method, "http", source),
            text(method, "path", source), scopes, text(method, "scopeFrom", source), text(method, "catalogue", source)));
      }
      clients.add(new Api(text(client, "interface", source), methods, source));
    }
    return new ScopeManifest(clients);
  }

  private static List<?> list(Map<?, ?> object, String member, String source) {
    Object value = object.get(member);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List)) {
      throw new IllegalArgumentException("the scope manifest " + source + " has a \"" + member
          + "\" that is not an array");
    }
    return (List<?>) value;
  }

  private static List<Map<?, ?>> objects(Map<?, ?> object, String member, String source) {
    List<Map<?, ?>> objects = new ArrayList<>();
    for (Object value : list(object, member, source)) {
      if (!(value instanceof Map)) {
        throw new IllegalArgumentException("the scope manifest " + source + " has an element of \"" + member
            + "\" that is not an object");
      }
      objects.add((Map<?, ?>) value);
    }
    return objects;
  }

  private static String text(Map<?, ?> object, String member, String source) {
    Object value = object.get(member);
    if (value instanceof Map || value instanceof List) {
      throw new IllegalArgumentException("the scope manifest " + source + " has a \"" + member
          + "\" that is not a string");
    }
    return value == null ? "" : value.toString();
  }

  /**
   * The manifest as the processor writes it: APIs sorted by interface, methods by name, HTTP method and path,
   * scopes sorted without duplicates (each spelled as first declared), two-space indentation, one method per line,
   * a final newline. The same manifest always gives the same text.
   *
   * @return the JSON text
   */
  public String toJson() {
    List<Api> sorted = new ArrayList<>(clients);
    sorted.sort(Comparator.comparing(Api::interfaceName));
    Set<Scope> union = new TreeSet<>();
    StringBuilder json = new StringBuilder();
    json.append("{\n  \"format\": ").append(ManifestJson.quote(FORMAT))
        .append(",\n  \"formatVersion\": ").append(FORMAT_VERSION).append(",\n");
    json.append("  \"clients\": [");
    for (int c = 0; c < sorted.size(); c++) {
      Api client = sorted.get(c);
      List<Method> methods = new ArrayList<>(client.methods());
      methods.sort(Comparator.comparing(Method::name).thenComparing(Method::httpMethod)
          .thenComparing(Method::path));
      Set<Scope> clientScopes = new TreeSet<>();
      json.append(c == 0 ? "\n" : ",\n").append("    {\n      \"interface\": ")
          .append(ManifestJson.quote(client.interfaceName())).append(",\n      \"methods\": [");
      for (int m = 0; m < methods.size(); m++) {
        Method method = methods.get(m);
        Set<Scope> scopes = new TreeSet<>(method.scopes());
        clientScopes.addAll(scopes);
        json.append(m == 0 ? "\n" : ",\n").append("        {\"name\": ").append(ManifestJson.quote(method.name()))
            .append(", \"http\": ").append(ManifestJson.quote(method.httpMethod()))
            .append(", \"path\": ").append(ManifestJson.quote(method.path()))
            .append(", \"scopes\": ").append(array(scopes))
            .append(", \"scopeFrom\": ").append(ManifestJson.quote(method.scopeFrom()))
            .append(", \"catalogue\": ").append(ManifestJson.quote(method.catalogue())).append("}");
      }
      union.addAll(clientScopes);
      json.append(methods.isEmpty() ? "]" : "\n      ]").append(",\n      \"scopes\": ").append(array(clientScopes))
          .append("\n    }");
    }
    json.append(sorted.isEmpty() ? "]" : "\n  ]").append(",\n  \"scopes\": ").append(array(union)).append("\n}\n");
    return json.toString();
  }

  private static String array(Set<Scope> scopes) {
    StringBuilder b = new StringBuilder("[");
    for (Scope scope : scopes) {
      b.append(b.length() == 1 ? "" : ", ").append(ManifestJson.quote(scope.toString()));
    }
    return b.append("]").toString();
  }

  /**
   * The API interfaces, in the order read.
   *
   * @return the APIs, unmodifiable
   */
  public List<Api> apis() {
    return clients;
  }

  /**
   * The entry of one interface.
   *
   * @param interfaceName the interface's qualified (canonical) name, such as {@code com.example.LeadsApi}
   * @return the first entry of that name, or empty when no manifest lists it
   */
  public Optional<Api> api(String interfaceName) {
    for (Api client : clients) {
      if (client.interfaceName().equals(interfaceName)) {
        return Optional.of(client);
      }
    }
    return Optional.empty();
  }

  /**
   * The entry of one API interface.
   *
   * @param api the annotated interface, such as {@code LeadsApi.class}
   * @return its entry, or empty when no manifest lists it (it was compiled without zohokit's processor)
   */
  public Optional<Api> api(Class<?> api) {
    return api(api.getCanonicalName());
  }

  /**
   * Every scope any API declares, sorted, without duplicates.
   *
   * @return the union of every API's scopes
   */
  public Set<Scope> scopes() {
    Set<Scope> union = new TreeSet<>();
    clients.forEach(c -> union.addAll(c.scopes()));
    return union;
  }

  /**
   * This manifest and {@code other}'s APIs together.
   *
   * @param other another manifest
   * @return a new manifest with the APIs of both, this one's first
   */
  public ScopeManifest plus(ScopeManifest other) {
    List<Api> all = new ArrayList<>(clients);
    all.addAll(other.clients);
    return new ScopeManifest(all);
  }

  /**
   * Whether the manifest lists no API.
   *
   * @return true when there are no APIs
   */
  public boolean isEmpty() {
    return clients.isEmpty();
  }
}

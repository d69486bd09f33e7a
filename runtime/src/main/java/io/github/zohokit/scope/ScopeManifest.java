package io.github.zohokit.scope;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.scope.Scope;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The scopes compiled Zoho clients declare, as the annotation processor records them in
 * {@value #RESOURCE}: every client interface, its methods with their HTTP method, path and scopes, and the union.
 * The Maven plugin requests exactly {@link #scopes()}; the runtime can check at start-up that a stored token
 * covers them.
 */
public final class ScopeManifest {
  /** Where the processor writes the manifest, relative to the class output. */
  public static final String RESOURCE = "META-INF/zoho/scopes.json";
  /** The value of the manifest's {@code format} member. */
  public static final String FORMAT = "zohokit-scopes";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final List<Client> clients;

  private ScopeManifest(List<Client> clients) {
    this.clients = List.copyOf(clients);
  }

  /**
   * One client interface and its methods.
   *
   * @param interfaceName the interface's qualified name
   * @param methods its methods, each one call
   * @param source where its manifest was read from (a class directory or a jar), for telling users who asked for a
   *     scope
   */
  public record Client(String interfaceName, List<Method> methods, String source) {
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
      String catalogue) {}

  /**
   * A manifest of no clients.
   *
   * @return an empty manifest
   */
  public static ScopeManifest empty() {
    return new ScopeManifest(List.of());
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
    List<Client> clients = new ArrayList<>();
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
   * @param in the manifest's JSON; not closed here
   * @return the manifest's clients
   * @throws IOException when {@code in} cannot be read
   * @param source where it came from, for messages
   * @throws IllegalArgumentException naming the source when it is not a zohokit scope manifest
   */
  public static ScopeManifest read(InputStream in, String source) throws IOException {
    JsonNode root;
    try {
      root = MAPPER.readTree(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("the scope manifest " + source + " is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !FORMAT.equals(root.path("format").asText())) {
      throw new IllegalArgumentException("the scope manifest " + source + " is not a zohokit scope manifest");
    }
    List<Client> clients = new ArrayList<>();
    for (JsonNode client : root.path("clients")) {
      List<Method> methods = new ArrayList<>();
      for (JsonNode method : client.path("methods")) {
        List<Scope> scopes = new ArrayList<>();
        method.path("scopes").forEach(s -> scopes.add(Scope.parse(s.asText())));
        methods.add(new Method(method.path("name").asText(), method.path("http").asText(),
            method.path("path").asText(), List.copyOf(scopes), method.path("scopeFrom").asText(""),
            method.path("catalogue").asText("")));
      }
      clients.add(new Client(client.path("interface").asText(), List.copyOf(methods), source));
    }
    return new ScopeManifest(clients);
  }

  /**
   * The client interfaces, in the order read.
   *
   * @return the clients, unmodifiable
   */
  public List<Client> clients() {
    return clients;
  }

  /**
   * Every scope any client declares, sorted, without duplicates.
   *
   * @return the union of every client's scopes
   */
  public Set<Scope> scopes() {
    Set<Scope> union = new TreeSet<>();
    clients.forEach(c -> union.addAll(c.scopes()));
    return union;
  }

  /**
   * This manifest and {@code other}'s clients together.
   *
   * @param other another manifest
   * @return a new manifest with the clients of both, this one's first
   */
  public ScopeManifest plus(ScopeManifest other) {
    List<Client> all = new ArrayList<>(clients);
    all.addAll(other.clients);
    return new ScopeManifest(all);
  }

  /**
   * Whether the manifest lists no client.
   *
   * @return true when there are no clients
   */
  public boolean isEmpty() {
    return clients.isEmpty();
  }
}

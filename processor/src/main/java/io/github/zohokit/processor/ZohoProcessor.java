package io.github.zohokit.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.ClassName;
import io.github.zohokit.annotation.Body;
import io.github.zohokit.annotation.Coql;
import io.github.zohokit.annotation.Delete;
import io.github.zohokit.annotation.Fields;
import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Header;
import io.github.zohokit.annotation.Patch;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Post;
import io.github.zohokit.annotation.Put;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.scope.ScopeManifest;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Filer;
import javax.annotation.processing.Messager;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Generates the Zoho API {@code Zoho<Interface>} for every interface that uses zohokit's annotations, checks scopes
 * and signatures at compile time, writes one {@code ZohoApiRegistry} per compilation (listed in
 * {@code META-INF/services}) and
 * {@value ScopeManifest#RESOURCE}.
 *
 * <p>Finding, reading and writing are separate: {@link InterfaceReader} builds a model and reports errors,
 * {@link ClientWriter} emits the class, {@link ManifestWriter} the manifest.
 */
@AutoService(Processor.class)
public final class ZohoProcessor extends AbstractProcessor {
  private static final String GENERATED = "javax.annotation.processing.Generated";
  static final String SERVICES = "META-INF/services/io.github.zohokit.internal.call.ApiRegistry";
  /** {@code -Azoho.registry=com.example.MyClients}: the name of the registry class this compilation writes. */
  static final String REGISTRY_OPTION = "zoho.registry";
  private static final String REGISTRY_NAME = "ZohoApiRegistry";
  /** The annotations that mark a client interface or its methods. */
  private static final List<Class<? extends java.lang.annotation.Annotation>> ANNOTATIONS =
      List.of(ZohoScope.class, Get.class, Post.class, Put.class, Patch.class, Delete.class, Coql.class);
  /** Parameter annotations, read through their methods; claimed so that -Xlint:processing stays quiet. */
  private static final List<Class<? extends java.lang.annotation.Annotation>> PARAMETER_ANNOTATIONS =
      List.of(Path.class, Query.class, Header.class, Body.class, Fields.class,
          io.github.zohokit.annotation.Part.class);

  private final Map<String, ClientModel> clients = new LinkedHashMap<>();
  /** Clients of this compilation already in a written registry. */
  private final Set<String> registered = new java.util.HashSet<>();
  /** The registries this compilation wrote: normally one. */
  private final List<String> registries = new ArrayList<>();
  private final List<Element> originating = new ArrayList<>();
  /** Interfaces using a type that did not resolve yet, read again in the next round. */
  private final Set<String> deferred = new java.util.LinkedHashSet<>();
  /** See {@link #lostAnnotations()}; null until read. */
  private List<String> lostAnnotations;
  private InterfaceReader reader;
  private ProjectionWriter projections;
  /** Whether the schema snapshot was looked for (by option in init, else in the first round). */
  private boolean snapshotFound;
  private ClientWriter writer;
  private Filer filer;
  private Messager messager;

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    ScopeReader.UnknownScopes unknownScopes;
    try {
      unknownScopes = ScopeReader.UnknownScopes.parse(env.getOptions().get(ScopeReader.UnknownScopes.OPTION));
    } catch (IllegalArgumentException e) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, e.getMessage());
      unknownScopes = ScopeReader.UnknownScopes.ACCEPT;
    }
    reader = new InterfaceReader(env.getElementUtils(), env.getTypeUtils(), new ErrorReporter(env.getMessager()),
        unknownScopes);
    // @Generated lives in java.compiler; put it on the clients only when the compilation can see it
    writer = new ClientWriter(env.getElementUtils().getTypeElement(GENERATED) != null);
    filer = env.getFiler();
    messager = env.getMessager();
    projections = new ProjectionWriter(env.getElementUtils(), filer, messager,
        new SnapshotChecks(new ErrorReporter(messager)));
    snapshotFound = useSnapshot(SnapshotFinder.fromOption(env.getOptions().get(SnapshotFinder.OPTION)));
  }

  /** Turns the snapshot checks on when {@code found} has one; reports an unreadable one. True when found. */
  private boolean useSnapshot(SnapshotFinder.Found found) {
    if (found.error() != null) {
      messager.printMessage(Diagnostic.Kind.ERROR, found.error());
    }
    reader.useSnapshot(found.snapshot());
    projections.use(found.snapshot());
    return found != SnapshotFinder.Found.NONE;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new TreeSet<>();
    ANNOTATIONS.forEach(a -> names.add(a.getCanonicalName()));
    PARAMETER_ANNOTATIONS.forEach(a -> names.add(a.getCanonicalName()));
    // claimed so that -Xlint:processing does not report the @Generated on the clients this processor writes
    names.add(GENERATED);
    // Not Jackson's annotations on the @Coql projection records: claiming them would hide them from another
    // processor of the same compilation (Micronaut Serde, for one) in the user's own classes.
    return names;
  }

  /**
   * {@code -Azoho.unknownScopes=accept|warn|error}: what to do with a call zohokit's scope catalogue does not know
   * (a custom module, an API it does not list). Default {@code accept}. {@code -Azoho.registry=<class name>}: the
   * registry class of this compilation, default {@code ZohoApiRegistry} in the package the interfaces share
   * (set it when two libraries on one class path would get the same name). {@code -Azohokit.schema=<dir>}: the
   * organisation's schema snapshot to check field names and {@code @Coql} statements against (see
   * {@link SnapshotFinder}; {@code zoho:generate-records} needs no option).
   */
  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(ScopeReader.UnknownScopes.OPTION, REGISTRY_OPTION, SnapshotFinder.OPTION);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    if (!snapshotFound) {
      snapshotFound = useSnapshot(SnapshotFinder.fromRound(round));
    }
    projections.write(round);
    Map<String, TypeElement> types = new LinkedHashMap<>();
    for (Class<? extends java.lang.annotation.Annotation> annotation : ANNOTATIONS) {
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        Element type = element.getKind() == ElementKind.METHOD ? element.getEnclosingElement() : element;
        if (type instanceof TypeElement) {
          types.putIfAbsent(((TypeElement) type).getQualifiedName().toString(), (TypeElement) type);
        }
      }
    }
    // interfaces deferred by an earlier round, read again now that more types may exist
    for (String name : new ArrayList<>(deferred)) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
      if (type != null) {
        types.putIfAbsent(name, type);
      }
    }
    deferred.clear();
    int before = clients.size();
    for (TypeElement type : types.values()) {
      String name = type.getQualifiedName().toString();
      if (clients.containsKey(name)) {
        continue;
      }
      String unresolved = reader.unresolved(type);
      if (unresolved != null) {
        if (round.processingOver()) {
          reader.reportUnresolved(type, unresolved);
        } else {
          deferred.add(name); // perhaps generated by another processor in a later round
        }
        continue;
      }
      reader.read(type).ifPresent(client -> {
        try {
          writer.write(client).writeTo(filer);
          clients.put(type.getQualifiedName().toString(), client);
          originating.add(type);
        } catch (IOException e) {
          messager.printMessage(Diagnostic.Kind.ERROR, "zohokit could not write " + client.generatedName()
              + ": " + e.getMessage(), type);
        }
      });
    }
    // the registry is a source file: written in a round that is not the last (javac would not compile it after),
    // once no interface is waiting for a type and this round added no client
    if (!round.processingOver() && deferred.isEmpty() && clients.size() == before
        && (registered.size() < clients.size() || registries.isEmpty() && !lostAnnotations().isEmpty())) {
      writeRegistry();
    }
    if (round.processingOver() && (!clients.isEmpty() || !registries.isEmpty())) {
      writeResources();
    }
    return true;
  }

  /**
   * Writes a registry of the clients not registered yet, with (in the first registry) those an earlier build
   * generated that still exist and this compilation did not regenerate.
   */
  private void writeRegistry() {
    Map<ClassName, ClassName> entries = new java.util.TreeMap<>(java.util.Comparator.comparing(ClassName::canonicalName));
    List<Element> sources = new ArrayList<>();
    for (ClientModel client : clients.values()) {
      if (registered.add(client.interfaceName().canonicalName())) {
        entries.put(client.interfaceName(), client.generatedName());
        sources.add(client.element());
      }
    }
    if (registries.isEmpty()) {
      for (ScopeManifest.Api kept : previousManifest()) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(kept.interfaceName());
        if (type != null && !clients.containsKey(kept.interfaceName()) && annotated(type)) {
          ClassName api = ClassName.get(type);
          ClassName generated = InterfaceReader.generatedName(api);
          if (exists(generated.canonicalName())) {
            entries.put(api, generated);
          }
        }
      }
    }
    ClassName name = registryName();
    try {
      writer.writeRegistry(name, entries, sources).writeTo(filer);
      registries.add(name.reflectionName());
    } catch (IOException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, "zohokit could not write " + name + ": " + e.getMessage());
    }
  }

  /**
   * The interfaces an earlier build generated an API for that still exist but no longer carry any zohokit annotation
   * (a partial recompile of an interface whose annotations were all removed): their entries are dropped from the
   * registry and the manifest, which is written again for them even when this compilation has no API of its own.
   */
  private List<String> lostAnnotations() {
    if (lostAnnotations == null) {
      lostAnnotations = new ArrayList<>();
      for (ScopeManifest.Api earlier : previousManifest()) {
        TypeElement type = processingEnv.getElementUtils().getTypeElement(earlier.interfaceName());
        if (type != null && !clients.containsKey(earlier.interfaceName()) && !annotated(type)) {
          lostAnnotations.add(earlier.interfaceName());
        }
      }
    }
    return lostAnnotations;
  }

  /** Whether {@code type} or one of its methods carries one of zohokit's interface or method annotations. */
  private static boolean annotated(TypeElement type) {
    if (hasZohokitAnnotation(type)) {
      return true;
    }
    for (Element member : type.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && hasZohokitAnnotation(member)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasZohokitAnnotation(Element element) {
    for (javax.lang.model.element.AnnotationMirror mirror : element.getAnnotationMirrors()) {
      String name = ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
      for (Class<? extends java.lang.annotation.Annotation> annotation : ANNOTATIONS) {
        if (annotation.getCanonicalName().equals(name)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * The configured registry name, or {@code ZohoApiRegistry} in the interfaces' common package; with no API in this
   * compilation, the registry the earlier build listed.
   */
  private ClassName registryName() {
    String configured = processingEnv.getOptions().get(REGISTRY_OPTION);
    String earlier = previous(SERVICES).lines().map(String::strip).filter(line -> !line.isEmpty()).findFirst()
        .orElse(null);
    if ((configured == null || configured.isBlank()) && clients.isEmpty() && earlier != null) {
      configured = earlier;
    }
    ClassName base;
    if (configured != null && !configured.isBlank()) {
      int dot = configured.lastIndexOf('.');
      base = ClassName.get(dot < 0 ? "" : configured.substring(0, dot), configured.substring(dot + 1));
    } else {
      String common = null;
      for (ClientModel client : clients.values()) {
        String pkg = client.interfaceName().packageName();
        common = common == null ? pkg : commonPackage(common, pkg);
      }
      base = ClassName.get(common == null ? "" : common, REGISTRY_NAME);
    }
    return registries.isEmpty() ? base : base.peerClass(base.simpleName() + (registries.size() + 1));
  }

  /** The longest package both {@code a} and {@code b} are in (or equal to). */
  static String commonPackage(String a, String b) {
    String[] x = a.split("\\.");
    String[] y = b.split("\\.");
    StringBuilder common = new StringBuilder();
    for (int i = 0; i < Math.min(x.length, y.length) && x[i].equals(y[i]); i++) {
      common.append(i == 0 ? "" : ".").append(x[i]);
    }
    return common.toString();
  }

  /**
   * Writes the registration and the manifest for this compilation's clients merged with those an earlier build
   * wrote to the class output (a partial recompile by an IDE or an incremental build compiles only some
   * interfaces): an earlier entry is kept while its type still exists and this compilation did not regenerate it.
   */
  private void writeResources() {
    List<ClientModel> all = new ArrayList<>(clients.values());
    // only this compilation's registries: the first one carries the clients an earlier build kept
    write(SERVICES, String.join("\n", registries) + "\n");
    List<ScopeManifest.Api> kept = new ArrayList<>();
    for (ScopeManifest.Api client : previousManifest()) {
      TypeElement type = processingEnv.getElementUtils().getTypeElement(client.interfaceName());
      if (!clients.containsKey(client.interfaceName()) && type != null && annotated(type)) {
        kept.add(client);
      }
    }
    write(ScopeManifest.RESOURCE, ManifestWriter.write(all, kept));
  }

  /** The clients of the manifest an earlier build wrote to the class output; none when there is none. */
  private List<ScopeManifest.Api> previousManifest() {
    return ManifestWriter.read(previous(ScopeManifest.RESOURCE), ScopeManifest.RESOURCE);
  }

  private boolean exists(String canonicalName) {
    return processingEnv.getElementUtils().getTypeElement(canonicalName) != null;
  }

  /** What an earlier build wrote to {@code resource} in the class output; empty when there is none. */
  private String previous(String resource) {
    try {
      FileObject file = filer.getResource(StandardLocation.CLASS_OUTPUT, "", resource);
      try (java.io.InputStream in = file.openInputStream()) {
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
    } catch (IOException | IllegalArgumentException | UnsupportedOperationException e) {
      return ""; // none yet (the first build), or a file manager that cannot read its output
    }
  }

  private void write(String resource, String content) {
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", resource,
          originating.toArray(new Element[0]));
      try (Writer out = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        out.write(content);
      }
    } catch (IOException e) {
      messager.printMessage(Diagnostic.Kind.ERROR, "zohokit could not write " + resource + ": " + e.getMessage());
    }
  }
}

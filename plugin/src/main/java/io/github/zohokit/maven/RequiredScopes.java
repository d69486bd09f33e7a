package io.github.zohokit.maven;

import io.github.zohokit.auth.Scope;
import io.github.zohokit.auth.ScopeManifest;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

/** The scopes a build needs: the scope manifests of its classes and dependencies, plus scopes given by hand. */
final class RequiredScopes {
  private final ScopeManifest manifest;
  private final Set<Scope> extra;

  private RequiredScopes(ScopeManifest manifest, Set<Scope> extra) {
    this.manifest = manifest;
    this.extra = extra;
  }

  /**
   * Reads {@value ScopeManifest#RESOURCE} from each class directory or jar in {@code classpath}.
   *
   * @param extraScopes scopes given with {@code zoho.scopes} (comma-separated); may be null
   */
  static RequiredScopes read(Collection<File> classpath, String extraScopes) throws IOException {
    ScopeManifest manifest = ScopeManifest.empty();
    for (File element : classpath) {
      if (element.isDirectory()) {
        File file = new File(element, ScopeManifest.RESOURCE);
        if (file.isFile()) {
          try (InputStream in = Files.newInputStream(file.toPath())) {
            manifest = manifest.plus(ScopeManifest.read(in, file.toString()));
          }
        }
      } else if (element.isFile() && element.getName().endsWith(".jar")) {
        try (JarFile jar = new JarFile(element)) {
          ZipEntry entry = jar.getEntry(ScopeManifest.RESOURCE);
          if (entry != null) {
            try (InputStream in = jar.getInputStream(entry)) {
              manifest = manifest.plus(ScopeManifest.read(in, element + "!/" + ScopeManifest.RESOURCE));
            }
          }
        }
      }
    }
    Set<Scope> extra = new TreeSet<>(Scope.parseList(extraScopes));
    return new RequiredScopes(manifest, extra);
  }

  /** Every scope needed, sorted. */
  Set<Scope> all() {
    Set<Scope> all = new TreeSet<>(manifest.scopes());
    all.addAll(extra);
    return all;
  }

  boolean isEmpty() {
    return all().isEmpty();
  }

  ScopeManifest manifest() {
    return manifest;
  }

  /** The scope string to paste into the API Console's "Generate Code" dialog. */
  String consoleString() {
    return Scope.join(all());
  }
}

package io.github.zohokit.schema;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Generated sources written to a directory and compiled there with javac and zohokit's processor. */
final class Generated {
  final Path sources;
  final Path classes;
  final String diagnostics;
  final boolean compiled;

  private Generated(Path sources, Path classes, String diagnostics, boolean compiled) {
    this.sources = sources;
    this.classes = classes;
    this.diagnostics = diagnostics;
    this.compiled = compiled;
  }

  static Generated compile(Map<String, String> files, Path dir, String... options) {
    try {
      Path sources = dir.resolve("src");
      Path classes = dir.resolve("classes");
      Files.createDirectories(classes);
      List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "-classpath",
          System.getProperty("java.class.path"), "-Xlint:all", "-Xlint:-processing", "-implicit:class",
          "--release", "17"));
      args.addAll(List.of(options));
      for (Map.Entry<String, String> e : files.entrySet()) {
        Path file = sources.resolve(e.getKey());
        Files.createDirectories(file.getParent());
        Files.writeString(file, e.getValue());
        args.add(file.toString());
      }
      JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
      StringWriter out = new StringWriter();
      java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
      int rc = javac.run(null, null, err, args.toArray(new String[0]));
      return new Generated(sources, classes, err.toString() + out, rc == 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ClassLoader loader;

  /** One loader for every class of this compilation (nested types must come from the same one). */
  synchronized ClassLoader loader() {
    if (loader == null) {
      try {
        loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, Generated.class.getClassLoader());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return loader;
  }

  /** Whether a class other than {@code api} itself has {@code api} in its name and implements it. */
  boolean implementationOf(String api) {
    try (var files = Files.walk(classes)) {
      return files.map(p -> classes.relativize(p).toString()).filter(p -> p.endsWith(".class"))
          .map(p -> p.substring(0, p.length() - 6).replace(File.separatorChar, '.'))
          .filter(n -> n.contains(api) && !n.endsWith("." + api) && !n.contains("$"))
          .anyMatch(n -> {
            try {
              Class<?> c = loader().loadClass(n);
              return java.util.Arrays.stream(c.getInterfaces()).anyMatch(i -> i.getSimpleName().equals(api));
            } catch (ClassNotFoundException e) {
              return false;
            }
          });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean hasClass(String name) {
    return Files.exists(classes.resolve(name.replace('.', File.separatorChar) + ".class"));
  }
}

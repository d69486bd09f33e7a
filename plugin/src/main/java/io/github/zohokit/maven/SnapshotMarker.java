package io.github.zohokit.maven;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The source file {@code zoho:generate-records} writes beside the records so that zoho-processor finds the snapshot
 * with no configuration: a package-private class {@code ZohoSchemaSnapshot} with the constants {@code DIRECTORY}
 * (the snapshot's absolute path) and {@code SHOWN} (the path relative to the project, as compile errors name it).
 * The processor reads the constants from the class being compiled (its {@code SnapshotFinder}); nothing uses the
 * class at run time.
 */
final class SnapshotMarker {
  static final String CLASS_NAME = "ZohoSchemaSnapshot";

  private SnapshotMarker() {}

  /** The file's content. */
  static String source(String packageName, File snapshotDirectory, File projectDirectory) {
    Path directory = snapshotDirectory.toPath().toAbsolutePath().normalize();
    String shown = directory.toString();
    if (projectDirectory != null) {
      Path base = projectDirectory.toPath().toAbsolutePath().normalize();
      if (directory.startsWith(base)) {
        shown = base.relativize(directory).toString();
      }
    }
    return "package " + packageName + ";\n"
        + "\n"
        + "/**\n"
        + " * Where zoho-processor finds the organisation's schema snapshot, to check field names and @Coql statements\n"
        + " * against it at compile time. Written by zoho:generate-records (io.github.zohokit.maven); not used at run\n"
        + " * time.\n"
        + " */\n"
        + "final class " + CLASS_NAME + " {\n"
        + "  static final String DIRECTORY = " + literal(directory.toString()) + ";\n"
        + "  static final String SHOWN = " + literal(shown.replace(File.separatorChar, '/')) + ";\n"
        + "\n"
        + "  private " + CLASS_NAME + "() {}\n"
        + "}\n";
  }

  /**
   * Writes the file under {@code sourceRoot} unless it already has this content.
   *
   * @return true when the file was written
   */
  static boolean write(Path sourceRoot, String packageName, String content) throws IOException {
    Path file = sourceRoot.resolve(packageName.replace('.', '/')).resolve(CLASS_NAME + ".java");
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    if (Files.exists(file) && Arrays.equals(Files.readAllBytes(file), bytes)) {
      return false;
    }
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return true;
  }

  /** Deletes the file, when checks are turned off. */
  static boolean delete(Path sourceRoot, String packageName) throws IOException {
    return Files.deleteIfExists(sourceRoot.resolve(packageName.replace('.', '/')).resolve(CLASS_NAME + ".java"));
  }

  private static String literal(String text) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      if (c == '\\' || c == '"') {
        b.append('\\');
      }
      if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}

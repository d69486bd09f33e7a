package io.github.zohokit.maven;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code zoho:generate-records} last generated from what: a digest of its inputs (the snapshot's files, the
 * overrides file, the configuration and the generator's own code) and the size and time of every file it left. When
 * both are unchanged the goal skips reading the snapshot and generating, so an incremental build or an IDE's build
 * costs a digest of the snapshot instead of a generation. Any change, including an edited or deleted generated file,
 * makes the goal generate again.
 */
final class GenerationStamp {
  private static final String FORMAT = "zohokit generate-records stamp 1";

  private final Path file;
  private final String inputs;

  private GenerationStamp(Path file, String inputs) {
    this.file = file;
    this.inputs = inputs;
  }

  /**
   * The stamp of the generation into {@code outputDirectory}, kept beside it.
   *
   * @param outputDirectory the generated-sources root
   * @param configuration every setting that changes the output, one per element
   * @param inputFiles files and directories the output depends on (missing ones count as missing)
   * @param generator a class of the generator, whose code is part of the inputs
   */
  static GenerationStamp of(Path outputDirectory, List<String> configuration, List<Path> inputFiles,
      Class<?> generator) throws IOException {
    MessageDigest digest = sha256();
    update(digest, FORMAT);
    for (String setting : configuration) {
      update(digest, setting == null ? "\u0000" : setting);
    }
    update(digest, codeOf(generator));
    for (Path input : inputFiles) {
      update(digest, input.toAbsolutePath().normalize().toString());
      if (Files.isDirectory(input)) {
        for (Path f : regularFiles(input)) {
          update(digest, input.relativize(f).toString().replace('\\', '/'));
          digest.update(Files.readAllBytes(f));
        }
      } else if (Files.isRegularFile(input)) {
        digest.update(Files.readAllBytes(input));
      } else {
        update(digest, "missing");
      }
    }
    Path file = outputDirectory.resolveSibling(outputDirectory.getFileName() + ".stamp");
    return new GenerationStamp(file, HexFormat.of().formatHex(digest.digest()));
  }

  /** Whether the last generation had the same inputs and left {@code outputs} exactly as they are now. */
  boolean upToDate(Path outputs) throws IOException {
    try {
      List<String> stamped = Files.readAllLines(file, StandardCharsets.UTF_8);
      return stamped.size() >= 2 && stamped.get(0).equals(FORMAT) && stamped.get(1).equals(inputs)
          && stamped.subList(2, stamped.size()).equals(listing(outputs));
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** Records this generation: its inputs and the files it left under {@code outputs}. */
  void write(Path outputs) throws IOException {
    List<String> lines = new ArrayList<>(List.of(FORMAT, inputs));
    lines.addAll(listing(outputs));
    Files.createDirectories(file.getParent());
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    Files.write(temporary, lines, StandardCharsets.UTF_8);
    Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Deletes the stamp, so that the next run generates. */
  void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  private static List<String> listing(Path outputs) throws IOException {
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(outputs)) {
      return lines;
    }
    for (Path f : regularFiles(outputs)) {
      lines.add(outputs.relativize(f).toString().replace('\\', '/') + " " + Files.size(f) + " "
          + Files.getLastModifiedTime(f).toMillis());
    }
    return lines;
  }

  private static List<Path> regularFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /** Where the generator's code is, with its size and time: a new build of the plugin generates again. */
  private static String codeOf(Class<?> generator) {
    URL url = generator.getResource(generator.getSimpleName() + ".class");
    if (url == null) {
      return "unknown";
    }
    String location = url.toString();
    try {
      Path path = location.startsWith("jar:file:")
          ? Path.of(URI.create(location.substring(4, location.indexOf("!/"))))
          : location.startsWith("file:") ? Path.of(url.toURI()) : null;
      return path == null ? location : location + " " + Files.size(path) + " "
          + Files.getLastModifiedTime(path).toMillis();
    } catch (IOException | URISyntaxException | RuntimeException e) {
      return location;
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) 0);
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }
}

package io.github.zohokit.maven;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.channels.FileChannel;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What {@code zoho:generate-records} last generated from what: a digest of its inputs (the files the snapshot is read
 * from, the overrides file, the configuration and the code of the generator and of the goal), the size and time of
 * every file it left, and the warnings the generation gave. When inputs and files are unchanged the goal skips reading
 * the snapshot and generating, and repeats the warnings, so an incremental build or an IDE's build costs a digest of
 * the snapshot instead of a generation. Any change, including an edited or deleted generated file, makes the goal
 * generate again.
 */
final class GenerationStamp {
  private static final String FORMAT = "zohokit generate-records stamp 2";
  private static final String FILES = "files ";
  private static final String WARNINGS = "warnings ";

  private final Path file;
  private final String inputs;

  private GenerationStamp(Path file, String inputs) {
    this.file = file;
    this.inputs = inputs;
  }

  /**
   * The stamp of one generation into {@code outputDirectory}, kept beside it and named after {@code name}, so that
   * executions generating different packages into one directory keep a stamp each.
   *
   * @param outputDirectory the generated-sources root
   * @param name what tells this generation from others into the same directory (the package)
   * @param configuration every setting that changes the output, one per element
   * @param inputFiles the files the output is generated from, read through links (missing ones count as missing)
   * @param code classes whose code generates the output: the code in their jar, or every class of their package
   *     directory, is part of the inputs
   */
  static GenerationStamp of(Path outputDirectory, String name, List<String> configuration, List<Path> inputFiles,
      List<Class<?>> code) throws IOException {
    MessageDigest digest = sha256();
    update(digest, FORMAT);
    for (String setting : configuration) {
      update(digest, setting == null ? "\u0000" : setting);
    }
    for (Class<?> c : code) {
      update(digest, codeOf(c));
    }
    for (Path input : inputFiles) {
      update(digest, input.toAbsolutePath().normalize().toString());
      if (Files.isRegularFile(input)) {
        byte[] bytes = Files.readAllBytes(input);
        update(digest, String.valueOf(bytes.length));
        digest.update(bytes);
      } else {
        update(digest, Files.exists(input) ? "not a file" : "missing");
      }
    }
    return new GenerationStamp(beside(outputDirectory, name, ".stamp"), HexFormat.of().formatHex(digest.digest()));
  }

  /**
   * Takes the lock of the generations named {@code name} into {@code outputDirectory}, waiting while another build
   * (another process: an IDE's, a second command line) holds it, so that the check, the generation and the stamp of
   * two builds do not interleave. Hold it from before {@link #of} until the stamp is written.
   *
   * @param waiting runs once before waiting, when another build holds the lock
   * @return what releases the lock when closed
   * @throws IOException when it cannot be taken (a file system without locks, another execution of this JVM holding
   *     it): then generate without a stamp
   */
  static Closeable lock(Path outputDirectory, String name, Runnable waiting) throws IOException {
    Path lockFile = lockFile(outputDirectory, name);
    Files.createDirectories(lockFile.getParent());
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      if (channel.tryLock() == null) {
        waiting.run();
        channel.lock();
      }
      return channel; // closing it releases the lock
    } catch (IOException | OverlappingFileLockException e) {
      channel.close();
      throw e instanceof IOException io ? io : new IOException("held by another execution in this JVM", e);
    }
  }

  /** The file {@link #lock} locks. */
  static Path lockFile(Path outputDirectory, String name) {
    return beside(outputDirectory, name, ".lock");
  }

  private static Path beside(Path outputDirectory, String name, String suffix) {
    String safeName = String.valueOf(name).replaceAll("[^A-Za-z0-9._-]", "_");
    return outputDirectory.toAbsolutePath().resolveSibling(outputDirectory.getFileName() + "-" + safeName + suffix);
  }

  /** Whether {@code other} was computed from the same inputs. */
  boolean sameInputs(GenerationStamp other) {
    return inputs.equals(other.inputs);
  }

  /**
   * The warnings of the last generation, when it had the same inputs and left {@code outputs} exactly as they are
   * now; empty when the goal must generate.
   */
  Optional<List<String>> upToDate(Path outputs) throws IOException {
    List<String> stamped;
    try {
      stamped = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) { // none, or unreadable: generate, and write a new one
      return Optional.empty();
    }
    if (stamped.size() < 3 || !stamped.get(0).equals(FORMAT) || !stamped.get(1).equals(inputs)) {
      return Optional.empty();
    }
    int files = count(stamped, 2, FILES);
    int warningsAt = 3 + files;
    int warnings = files < 0 ? -1 : count(stamped, warningsAt, WARNINGS);
    if (warnings < 0 || stamped.size() != warningsAt + 1 + warnings
        || !stamped.subList(3, warningsAt).equals(listing(outputs))) {
      return Optional.empty();
    }
    List<String> replayed = new ArrayList<>();
    for (String w : stamped.subList(warningsAt + 1, stamped.size())) {
      replayed.add(unescape(w));
    }
    return Optional.of(replayed);
  }

  /**
   * Records this generation: its inputs, the files it left ({@link #listing}, taken as soon as it had written them)
   * and its warnings. Written to a temporary file of this process, then moved over the stamp.
   */
  void write(List<String> left, List<String> warnings) throws IOException {
    List<String> lines = new ArrayList<>(List.of(FORMAT, inputs, FILES + left.size()));
    lines.addAll(left);
    lines.add(WARNINGS + warnings.size());
    warnings.forEach(w -> lines.add(escape(w)));
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
    try {
      Files.write(temporary, lines, StandardCharsets.UTF_8);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }

  /** Deletes the stamp, so that the next run generates. */
  void delete() throws IOException {
    Files.deleteIfExists(file);
  }

  /** The files under {@code outputs}, each with its size and time, as a stamp records them. */
  static List<String> listing(Path outputs) throws IOException {
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

  private static int count(List<String> lines, int at, String prefix) {
    if (at >= lines.size() || !lines.get(at).startsWith(prefix)) {
      return -1;
    }
    try {
      int n = Integer.parseInt(lines.get(at).substring(prefix.length()));
      return n >= 0 && at + 1 + n <= lines.size() ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String escape(String warning) {
    return warning.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n");
  }

  private static String unescape(String line) {
    StringBuilder out = new StringBuilder(line.length());
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\\' && i + 1 < line.length()) {
        char next = line.charAt(++i);
        out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static List<Path> regularFiles(Path dir) throws IOException {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  /**
   * Where a class's code is, with its size and time: the jar's, or every class's of its package directory (and
   * below) when it runs from a class directory (an IDE, a reactor build). A new build of the plugin generates again.
   */
  private static String codeOf(Class<?> c) {
    URL url = c.getResource(c.getSimpleName() + ".class");
    if (url == null) {
      return "unknown";
    }
    String location = url.toString();
    try {
      if (location.startsWith("jar:file:")) {
        Path jar = Path.of(URI.create(location.substring(4, location.indexOf("!/"))));
        return location + " " + Files.size(jar) + " " + Files.getLastModifiedTime(jar).toMillis();
      }
      if (location.startsWith("file:")) {
        Path packageDir = Path.of(url.toURI()).getParent();
        StringBuilder classes = new StringBuilder(location);
        for (Path f : regularFiles(packageDir)) {
          if (f.toString().endsWith(".class")) {
            classes.append('\n').append(packageDir.relativize(f).toString().replace('\\', '/')).append(' ')
                .append(Files.size(f)).append(' ').append(Files.getLastModifiedTime(f).toMillis());
          }
        }
        return classes.toString();
      }
      return location;
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

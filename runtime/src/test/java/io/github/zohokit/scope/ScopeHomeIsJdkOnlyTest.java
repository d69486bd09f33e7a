package io.github.zohokit.scope;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The scope home uses the JDK alone: the processor loads {@code io.github.zohokit.scope} at compile time with
 * zoho-runtime's dependencies excluded, so one Jackson, OkHttp or SLF4J reference here would break every user's
 * compilation. Checked three ways: the sources' imports, the compiled classes' references, and the classes at work
 * in a class loader that has nothing but zoho-runtime's own classes.
 */
class ScopeHomeIsJdkOnlyTest {
  private static final String PACKAGE = "io/github/zohokit/scope/";
  private static final Pattern IMPORT = Pattern.compile("^import\\s+(static\\s+)?([\\w.]+)(\\.\\*)?\\s*;",
      Pattern.MULTILINE);
  private static final Pattern DESCRIBED_CLASS = Pattern.compile("L([A-Za-z_$][\\w$]*(?:/[\\w$]+)+);");

  @Test
  void theSourcesImportOnlyTheJdk() throws IOException {
    List<String> foreign = new ArrayList<>();
    int files = 0;
    try (Stream<Path> sources = Files.list(Path.of("src/main/java").resolve(PACKAGE))) {
      for (Path source : (Iterable<Path>) sources.filter(p -> p.toString().endsWith(".java"))::iterator) {
        files++;
        Matcher m = IMPORT.matcher(Files.readString(source));
        while (m.find()) {
          if (!m.group(2).startsWith("java.")) {
            foreign.add(source.getFileName() + " imports " + m.group(2));
          }
        }
      }
    }
    assertThat(files).as("the scope home's sources").isGreaterThanOrEqualTo(5);
    assertThat(foreign).as("imports outside java.* in io.github.zohokit.scope").isEmpty();
  }

  @Test
  void theCompiledClassesReferOnlyToTheJdkAndTheirOwnPackage() throws Exception {
    Set<String> foreign = new TreeSet<>();
    List<Path> classes = classFiles();
    assertThat(classes).as("the scope home's classes").hasSizeGreaterThanOrEqualTo(5);
    for (Path classFile : classes) {
      for (String referenced : referencedClasses(classFile)) {
        if (!referenced.startsWith("java/") && !referenced.startsWith(PACKAGE)) {
          foreign.add(classFile.getFileName() + " -> " + referenced.replace('/', '.'));
        }
      }
    }
    assertThat(foreign).as("classes io.github.zohokit.scope refers to outside java.* and itself").isEmpty();
  }

  @Test
  void theClassesWorkWithoutTheRuntimesDependencies() throws Exception {
    URL main = Scope.class.getProtectionDomain().getCodeSource().getLocation();
    URL test = ScopeHomeIsJdkOnlyTest.class.getProtectionDomain().getCodeSource().getLocation();
    try (URLClassLoader jdkOnly = new URLClassLoader(new URL[] {main, test}, ClassLoader.getPlatformClassLoader())) {
      for (String dependency : List.of("com.fasterxml.jackson.databind.ObjectMapper", "okhttp3.OkHttpClient",
          "org.slf4j.Logger")) {
        assertThat(resource(jdkOnly, dependency)).as(dependency + " is not on the loader's path").isNull();
      }
      for (Path classFile : classFiles()) {
        String name = PACKAGE.replace('/', '.') + classFile.getFileName().toString().replace(".class", "");
        Class.forName(name, true, jdkOnly);
      }
      Runnable exercise = (Runnable) Class.forName(JdkOnlyExercise.class.getName(), true, jdkOnly)
          .getDeclaredConstructor().newInstance();
      exercise.run();
    }
  }

  private static URL resource(ClassLoader loader, String className) {
    return loader.getResource(className.replace('.', '/') + ".class");
  }

  private static List<Path> classFiles() throws Exception {
    Path root = Path.of(Scope.class.getProtectionDomain().getCodeSource().getLocation().toURI()).resolve(PACKAGE);
    try (Stream<Path> files = Files.list(root)) {
      return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
  }

  /**
   * The classes a class file refers to: its constant pool's class entries and the types in its descriptors and
   * signatures (string literals left out).
   */
  static Set<String> referencedClasses(Path classFile) throws IOException {
    Set<String> classes = new TreeSet<>();
    try (InputStream file = Files.newInputStream(classFile); DataInputStream in = new DataInputStream(file)) {
      if (in.readInt() != 0xCAFEBABE) {
        throw new IOException(classFile + " is not a class file");
      }
      in.readUnsignedShort();
      in.readUnsignedShort();
      int count = in.readUnsignedShort();
      String[] utf8 = new String[count];
      Set<Integer> classNames = new HashSet<>();
      Set<Integer> literals = new HashSet<>();
      for (int i = 1; i < count; i++) {
        int tag = in.readUnsignedByte();
        switch (tag) {
          case 1: // Utf8
            utf8[i] = in.readUTF();
            break;
          case 7: // Class
            classNames.add(in.readUnsignedShort());
            break;
          case 8: // String
            literals.add(in.readUnsignedShort());
            break;
          case 16: // MethodType
          case 19: // Module
          case 20: // Package
            in.readUnsignedShort();
            break;
          case 3: // Integer
          case 4: // Float
          case 9: // Fieldref
          case 10: // Methodref
          case 11: // InterfaceMethodref
          case 12: // NameAndType
          case 17: // Dynamic
          case 18: // InvokeDynamic
            in.readInt();
            break;
          case 15: // MethodHandle
            in.readUnsignedByte();
            in.readUnsignedShort();
            break;
          case 5: // Long
          case 6: // Double
            in.readLong();
            i++;
            break;
          default:
            throw new IOException(classFile + ": unknown constant pool tag " + tag);
        }
      }
      for (int i = 1; i < count; i++) {
        if (utf8[i] == null || literals.contains(i)) {
          continue;
        }
        if (classNames.contains(i) && !utf8[i].startsWith("[")) {
          classes.add(utf8[i]);
        }
        Matcher m = DESCRIBED_CLASS.matcher(utf8[i]);
        while (m.find()) {
          classes.add(m.group(1));
        }
      }
    }
    return classes;
  }
}

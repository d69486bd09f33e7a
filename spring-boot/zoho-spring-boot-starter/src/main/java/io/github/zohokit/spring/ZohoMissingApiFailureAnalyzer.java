package io.github.zohokit.spring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;

/**
 * A bean of an API interface (one carrying zohokit's annotations) is missing because no implementation of it was
 * generated: zohokit's annotation processor did not run when the interface was compiled. Spring alone says only
 * "required a bean of type 'LeadsApi' that could not be found"; this says why, and shows the
 * {@code annotationProcessorPaths} entry that fixes it. It runs before Spring Boot's own analysis of the exception.
 */
final class ZohoMissingApiFailureAnalyzer extends AbstractFailureAnalyzer<NoSuchBeanDefinitionException>
    implements Ordered {
  /** zohokit's annotations are kept in the class file only ({@code CLASS} retention), so they are looked for there. */
  private static final String ANNOTATIONS = "Lio/github/zohokit/annotation/";
  private static final String SCOPE = ANNOTATIONS + "ZohoScope;";

  static final String PROCESSOR_PATH = """
      <plugin>
        <groupId>org.apache.maven.plugins</groupId>
        <artifactId>maven-compiler-plugin</artifactId>
        <configuration>
          <annotationProcessorPaths>
            <path>
              <groupId>io.github.zohokit</groupId>
              <artifactId>zoho-processor</artifactId>
              <version>${zohokit.version}</version>
            </path>
          </annotationProcessorPaths>
        </configuration>
      </plugin>""";

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, NoSuchBeanDefinitionException cause) {
    Class<?> type = cause.getBeanType();
    if (type == null || !type.isInterface()) {
      return null;
    }
    String classFile = classFile(type);
    if (classFile == null || !classFile.contains(ANNOTATIONS) || generated(type)) {
      return null;
    }
    String carries = classFile.contains(SCOPE) ? "@ZohoScope" : "zohokit's HTTP annotations";
    return new FailureAnalysis(type.getSimpleName() + " (" + type.getName() + ") carries " + carries
        + " but has no generated implementation, so there is no bean of it: zohokit's annotation processor did not "
        + "run when it was compiled.",
        "Add zoho-processor to the compiler's annotationProcessorPaths (Maven) and rebuild:\n\n" + PROCESSOR_PATH
        + "\n\nA project that lists <annotationProcessors> must name io.github.zohokit.processor.ZohoProcessor there "
        + "too; with Gradle, add io.github.zohokit:zoho-processor to the annotationProcessor configuration.",
        cause);
  }

  /**
   * Whether a generated implementation of {@code api} is on the class path (then the bean is missing for another
   * reason, such as an excluded auto-configuration), under the processor's names: {@code Zoho<Interface>} beside it,
   * or {@code <Interface>ZohoClient} of earlier versions.
   */
  private static boolean generated(Class<?> api) {
    String pkg = api.getPackageName().isEmpty() ? "" : api.getPackageName() + ".";
    for (String name : new String[] {pkg + "Zoho" + api.getSimpleName(), api.getName() + "ZohoClient"}) {
      try {
        Class.forName(name, false, api.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        // not this name
      }
    }
    return false;
  }

  /** The class file of {@code type} as ISO-8859-1 text (its constant pool holds the annotations' descriptors). */
  private static String classFile(Class<?> type) {
    ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
    try (InputStream in = loader.getResourceAsStream(type.getName().replace('.', '/') + ".class")) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }
}

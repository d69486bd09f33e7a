package io.github.zohokit.processor;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;

/**
 * Finds the organisation's schema snapshot for {@link SnapshotChecks}. How it decides, first match wins:
 *
 * <ol>
 *   <li>the processor option {@code -Azohokit.schema=<dir>} (a relative directory is resolved against the working
 *       directory, which Maven sets to the project's);
 *   <li>a class named {@value #MARKER} among the sources being compiled, with the constants {@code DIRECTORY} (the
 *       snapshot's absolute path) and {@code SHOWN} (how messages name it): {@code zoho:generate-records} writes one
 *       beside the generated records, so a project using that goal is checked with no configuration;
 *   <li>none: every snapshot check is off, as before snapshots existed.
 * </ol>
 *
 * A snapshot that is named but cannot be read is an error naming the file and what is wrong.
 */
final class SnapshotFinder {
  static final String OPTION = "zohokit.schema";
  static final String MARKER = "ZohoSchemaSnapshot";

  /** What was found: the snapshot, or the error to report; both null when there is none. */
  record Found(OrgSnapshot snapshot, String error) {
    static final Found NONE = new Found(null, null);
  }

  private SnapshotFinder() {}

  /** The snapshot the option names; {@link Found#NONE} without the option. */
  static Found fromOption(String option) {
    if (option == null || option.isBlank()) {
      return Found.NONE;
    }
    return read(Path.of(option.trim()), option.trim());
  }

  /** The snapshot a {@value #MARKER} class among {@code round}'s root elements names; NONE without one. */
  static Found fromRound(RoundEnvironment round) {
    for (Element element : round.getRootElements()) {
      if (element.getKind() == ElementKind.CLASS && element.getSimpleName().contentEquals(MARKER)) {
        String directory = constant((TypeElement) element, "DIRECTORY");
        String shown = constant((TypeElement) element, "SHOWN");
        if (directory != null) {
          return read(Path.of(directory), shown == null ? directory : shown);
        }
      }
    }
    return Found.NONE;
  }

  private static String constant(TypeElement type, String name) {
    for (VariableElement field : ElementFilter.fieldsIn(type.getEnclosedElements())) {
      if (field.getSimpleName().contentEquals(name) && field.getConstantValue() instanceof String value) {
        return value;
      }
    }
    return null;
  }

  private static Found read(Path directory, String shown) {
    if (!Files.isRegularFile(directory.resolve("org.json"))) {
      return new Found(null, "zohokit: no schema snapshot in " + directory.toAbsolutePath() + " (no org.json), "
          + "which -A" + OPTION + " or " + MARKER + " names; fetch one with mvn zoho:schema, or remove the option");
    }
    try {
      return new Found(OrgSnapshot.read(directory, shown), null);
    } catch (OrgSnapshot.Unreadable e) {
      return new Found(null, "zohokit cannot read the schema snapshot: " + e.getMessage());
    }
  }
}

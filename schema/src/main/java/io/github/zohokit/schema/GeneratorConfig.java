package io.github.zohokit.schema;

import java.util.List;
import java.util.Objects;

/**
 * What {@link RecordGenerator} generates.
 *
 * @param packageName the package of the generated types, such as {@code com.example.crm.zoho}
 * @param modules the API names of the modules to generate (and the subform and linking modules they use); empty
 *     for every module of the snapshot
 * @param overrides the user's corrections
 * @param apis whether to generate a typed API interface per module ({@code LeadsApi}) for zohokit's processor
 */
public record GeneratorConfig(String packageName, List<String> modules, Overrides overrides, boolean apis) {

  /**
   * Checks the package name and copies the module list.
   *
   * @param packageName the package, not null
   * @param modules the modules, not null
   * @param overrides the overrides, not null
   * @param apis whether to generate API interfaces
   */
  public GeneratorConfig {
    Objects.requireNonNull(packageName, "packageName");
    if (!javax.lang.model.SourceVersion.isName(packageName)) {
      throw new IllegalArgumentException("not a Java package name: " + packageName);
    }
    modules = List.copyOf(modules);
    Objects.requireNonNull(overrides, "overrides");
  }
}

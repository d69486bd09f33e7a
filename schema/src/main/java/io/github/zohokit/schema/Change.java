package io.github.zohokit.schema;

/**
 * One difference between the committed snapshot and the live organisation.
 *
 * @param severity how it affects code compiled against the snapshot
 * @param code what changed: {@code module-removed}, {@code field-renamed}, {@code type-changed}, ... (the
 *     {@code :code} part of an ignore pattern)
 * @param module the module's API name
 * @param field the field's API name (the snapshot's, for a rename), or null for a module-level change
 * @param fieldId the field's id, or null
 * @param before the value in the snapshot, or null
 * @param after the value in the live organisation, or null
 */
public record Change(Severity severity, String code, String module, String field, String fieldId, String before,
    String after) {

  /** How a difference affects code compiled against the snapshot. */
  public enum Severity {
    /** Code or data that worked against the snapshot can now fail. */
    BREAKING,
    /** Something new; nothing that worked stops working. */
    ADDITIVE,
    /** Labels, a longer length and the like: no effect on the generated code's behaviour. */
    COSMETIC
  }

  /**
   * What an ignore pattern is matched against: {@code Module.Field:code}, or {@code Module:code} for a module.
   *
   * @return the key
   */
  public String key() {
    return module + (field == null ? "" : "." + field) + ":" + code;
  }

  /**
   * One line for the build log.
   *
   * @return for example {@code BREAKING field-renamed Leads.Lead_Source (id 123): Lead_Source -> Source}
   */
  public String describe() {
    StringBuilder s = new StringBuilder().append(severity).append(' ').append(code).append(' ').append(module);
    if (field != null) {
      s.append('.').append(field);
    }
    if (fieldId != null) {
      s.append(" (id ").append(fieldId).append(')');
    }
    if (before != null || after != null) {
      s.append(": ").append(before == null ? "(none)" : before).append(" -> ").append(after == null ? "(none)" : after);
    }
    return s.toString();
  }
}

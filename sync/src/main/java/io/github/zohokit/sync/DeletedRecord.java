package io.github.zohokit.sync;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * A record Zoho reports deleted ({@code /{module}/deleted}).
 *
 * @param module the module's API name
 * @param id the deleted record's id
 * @param deletedTime when it was deleted
 * @param type {@code recycle} (in the recycle bin, listed 60 days) or {@code permanent} (listed 120 days)
 */
public record DeletedRecord(String module, String id, OffsetDateTime deletedTime, String type) {
  /**
   * Checks the fields.
   *
   * @param module not null
   * @param id not null
   * @param deletedTime not null
   * @param type not null
   */
  public DeletedRecord {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(deletedTime, "deletedTime");
    Objects.requireNonNull(type, "type");
  }
}

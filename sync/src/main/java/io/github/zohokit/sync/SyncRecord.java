package io.github.zohokit.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One version of a Zoho record, as a sync delivers it.
 *
 * @param module the module's API name, such as {@code Leads}
 * @param id the record's id
 * @param modifiedTime its {@code Modified_Time}, whole seconds
 * @param data the requested fields as Zoho sent them (lookups as objects with {@code id}); a copy the handler may
 *     keep
 */
public record SyncRecord(String module, String id, OffsetDateTime modifiedTime, ObjectNode data) {
  /**
   * Checks the fields.
   *
   * @param module not null
   * @param id not null
   * @param modifiedTime not null
   * @param data not null
   */
  public SyncRecord {
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(modifiedTime, "modifiedTime");
    Objects.requireNonNull(data, "data");
  }

  /**
   * A stable key of this version, {@code <id>@<Modified_Time epoch seconds>}: the same for the same version when a
   * crash makes the sync deliver it again, so a handler can be idempotent (for example an upsert that ignores a
   * version it already has).
   *
   * @return the key
   */
  public String versionKey() {
    return id + "@" + modifiedTime.toEpochSecond();
  }

  /**
   * A field as text.
   *
   * @param field the field's API name
   * @return its text; a lookup's id; null when absent or null
   */
  public String text(String field) {
    JsonNode value = data.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isObject()) {
      return value.path("id").asText(null);
    }
    return value.isValueNode() ? value.asText() : value.toString();
  }
}

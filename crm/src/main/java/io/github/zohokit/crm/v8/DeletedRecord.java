package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * An entry of {@code GET /crm/v8/{module}/deleted}: a record in the recycle bin or deleted for good.
 *
 * @param id the deleted record's id
 * @param displayName the record's name as Zoho shows it, or null
 * @param type {@code recycle} (in the recycle bin, restorable) or {@code permanent}
 * @param deletedBy the user who deleted it, or null
 * @param deletedTime when it was deleted, ISO 8601 with offset as Zoho sends it ({@code 2026-01-05T09:30:00+05:30})
 * @param createdBy the user who created the record, or null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeletedRecord(
    @JsonProperty("id") String id,
    @JsonProperty("display_name") String displayName,
    @JsonProperty("type") String type,
    @JsonProperty("deleted_by") NamedRef deletedBy,
    @JsonProperty("deleted_time") String deletedTime,
    @JsonProperty("created_by") NamedRef createdBy) {}

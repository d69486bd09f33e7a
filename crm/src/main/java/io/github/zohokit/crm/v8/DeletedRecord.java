package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** An entry of {@code GET /crm/v8/{module}/deleted}: a record in the recycle bin or deleted for good. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeletedRecord(
    @JsonProperty("id") String id,
    @JsonProperty("display_name") String displayName,
    @JsonProperty("type") String type,
    @JsonProperty("deleted_by") NamedRef deletedBy,
    @JsonProperty("deleted_time") String deletedTime,
    @JsonProperty("created_by") NamedRef createdBy) {}

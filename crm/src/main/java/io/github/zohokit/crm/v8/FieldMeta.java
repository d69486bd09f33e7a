package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A field's metadata, from {@code GET /crm/v8/settings/fields?module=...}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FieldMeta(
    @JsonProperty("id") String id,
    @JsonProperty("api_name") String apiName,
    @JsonProperty("field_label") String fieldLabel,
    @JsonProperty("data_type") String dataType,
    @JsonProperty("json_type") String jsonType,
    @JsonProperty("length") Integer length,
    @JsonProperty("read_only") boolean readOnly,
    @JsonProperty("custom_field") boolean customField,
    @JsonProperty("system_mandatory") boolean systemMandatory) {}

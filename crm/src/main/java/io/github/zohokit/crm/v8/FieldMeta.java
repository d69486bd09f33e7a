package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A field's metadata, from {@code GET /crm/v8/settings/fields?module=...}.
 *
 * @param id the field's id
 * @param apiName the name to use in calls and in {@link io.github.zohokit.crm.CrmRecord}, such as {@code Last_Name}
 * @param fieldLabel the label users see, which they may rename; do not use it in calls
 * @param dataType Zoho's type of the field, such as {@code text}, {@code email}, {@code picklist}, {@code lookup}
 * @param jsonType how the value is written in JSON, such as {@code string}, {@code double}, {@code jsonobject}
 * @param length the longest value accepted, in characters; null when Zoho gives none
 * @param readOnly whether the field is read-only
 * @param customField whether the organisation added the field (not a standard one)
 * @param systemMandatory whether Zoho requires the field on every record (such as {@code Last_Name} of Leads)
 */
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

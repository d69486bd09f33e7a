package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A module's metadata, from {@code GET /crm/v8/settings/modules}.
 *
 * @param id the module's id
 * @param apiName the name to use in calls, such as {@code Leads} (a custom module's differs from its label)
 * @param moduleName the module's name
 * @param singularLabel the label users see for one record, such as {@code Lead}
 * @param pluralLabel the label users see for the module, such as {@code Leads}
 * @param apiSupported whether the module can be used through the API at all
 * @param creatable whether the token's user may create records in it
 * @param editable whether the user may update its records
 * @param deletable whether the user may delete its records
 * @param viewable whether the user may read its records
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModuleMeta(
    @JsonProperty("id") String id,
    @JsonProperty("api_name") String apiName,
    @JsonProperty("module_name") String moduleName,
    @JsonProperty("singular_label") String singularLabel,
    @JsonProperty("plural_label") String pluralLabel,
    @JsonProperty("api_supported") boolean apiSupported,
    @JsonProperty("creatable") boolean creatable,
    @JsonProperty("editable") boolean editable,
    @JsonProperty("deletable") boolean deletable,
    @JsonProperty("viewable") boolean viewable) {}

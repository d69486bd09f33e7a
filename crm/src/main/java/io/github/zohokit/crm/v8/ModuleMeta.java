package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A module's metadata, from {@code GET /crm/v8/settings/modules}. */
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

package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.zohokit.crm.ZohoEnvelope;

/**
 * The answer of {@code GET /crm/v8/{module}/actions/count}: {@code {"count": 42}}.
 *
 * @param count how many records there are (matching the criteria when some were given); 0 for none
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordCount(@JsonProperty("count") long count) implements ZohoEnvelope {}

package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A reference Zoho embeds in records: {@code {"name": "...", "id": "..."}} (owners, roles, profiles).
 *
 * @param name the referenced user's, role's or profile's name, or null
 * @param id its id
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record NamedRef(@JsonProperty("name") String name, @JsonProperty("id") String id) {}

package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A CRM user, as {@code GET /crm/v8/users} returns it (the commonly used fields). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record User(
    @JsonProperty("id") String id,
    @JsonProperty("full_name") String fullName,
    @JsonProperty("first_name") String firstName,
    @JsonProperty("last_name") String lastName,
    @JsonProperty("email") String email,
    @JsonProperty("status") String status,
    @JsonProperty("time_zone") String timeZone,
    @JsonProperty("locale") String locale,
    @JsonProperty("role") NamedRef role,
    @JsonProperty("profile") NamedRef profile) {}

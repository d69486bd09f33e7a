package io.github.zohokit.demo;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The demo's view of a Zoho lead. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lead(@JsonProperty("id") String id, @JsonProperty("First_Name") String firstName,
    @JsonProperty("Last_Name") String lastName, @JsonProperty("Email") String email,
    @JsonProperty("Company") String company) {}

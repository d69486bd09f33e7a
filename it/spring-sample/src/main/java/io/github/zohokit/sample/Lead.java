package io.github.zohokit.sample;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The sample's view of a Zoho lead (Jackson 2 annotations: zohokit reads Zoho's JSON with Jackson 2). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lead(@JsonProperty("id") String id, @JsonProperty("First_Name") String firstName,
    @JsonProperty("Last_Name") String lastName, @JsonProperty("Email") String email,
    @JsonProperty("Company") String company) {}

package io.github.zohokit.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/** A lead as a sync job would map it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record BenchLead(
    @JsonProperty("id") String id,
    @JsonProperty("First_Name") String firstName,
    @JsonProperty("Last_Name") String lastName,
    @JsonProperty("Email") String email,
    @JsonProperty("Company") String company,
    @JsonProperty("Lead_Source") String leadSource,
    @JsonProperty("Phone") String phone,
    @JsonProperty("Owner") Map<String, Object> owner,
    @JsonProperty("Created_Time") String createdTime,
    @JsonProperty("Modified_Time") String modifiedTime) {}

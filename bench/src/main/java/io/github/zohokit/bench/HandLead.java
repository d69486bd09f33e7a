package io.github.zohokit.bench;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;

/**
 * The hand-written counterpart of the record {@code zoho:generate-records} writes for bench/src/main/zoho/schema's
 * Leads ({@code io.github.zohokit.bench.records.Lead}): the same fields with the same Java types where a hand-written
 * record would have them (the picklist as a String, the owner as a small record), unknown properties ignored.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record HandLead(
    @JsonProperty("id") String id,
    @JsonProperty("Company") String company,
    @JsonProperty("Created_Time") OffsetDateTime createdTime,
    @JsonProperty("Email") String email,
    @JsonProperty("First_Name") String firstName,
    @JsonProperty("Last_Name") String lastName,
    @JsonProperty("Lead_Source") String leadSource,
    @JsonProperty("Modified_Time") OffsetDateTime modifiedTime,
    @JsonProperty("Owner") Owner owner,
    @JsonProperty("Phone") String phone,
    @JsonProperty("Tag") JsonNode tag) {

  /** The lead's owner. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Owner(@JsonProperty("id") String id, @JsonProperty("name") String name,
      @JsonProperty("email") String email) {}
}

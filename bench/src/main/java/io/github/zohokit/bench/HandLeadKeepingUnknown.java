package io.github.zohokit.bench;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@link HandLead} with the generated record's guarantee written by hand: the properties it does not name are kept
 * (and written back), in an unmodifiable copy, so a read–modify–write loses nothing.
 */
public record HandLeadKeepingUnknown(
    @JsonProperty("id") String id,
    @JsonProperty("Company") String company,
    @JsonProperty("Created_Time") OffsetDateTime createdTime,
    @JsonProperty("Email") String email,
    @JsonProperty("First_Name") String firstName,
    @JsonProperty("Last_Name") String lastName,
    @JsonProperty("Lead_Source") String leadSource,
    @JsonProperty("Modified_Time") OffsetDateTime modifiedTime,
    @JsonProperty("Owner") HandLead.Owner owner,
    @JsonProperty("Phone") String phone,
    @JsonProperty("Tag") JsonNode tag,
    @JsonAnySetter @JsonAnyGetter Map<String, Object> otherFields) {

  /** Keeps an unmodifiable copy of the unknown properties. */
  public HandLeadKeepingUnknown {
    otherFields = otherFields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(otherFields));
  }
}

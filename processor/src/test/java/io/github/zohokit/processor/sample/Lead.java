package io.github.zohokit.processor.sample;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lead(@JsonProperty("id") String id, @JsonProperty("Last_Name") String lastName,
    @JsonProperty("Email") String email) {}

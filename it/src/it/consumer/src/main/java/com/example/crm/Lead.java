package com.example.crm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record Lead(@JsonProperty("id") String id, @JsonProperty("First_Name") String firstName,
    @JsonProperty("Last_Name") String lastName, @JsonProperty("Email") String email) {}

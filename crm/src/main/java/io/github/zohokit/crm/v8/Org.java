package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The CRM organisation, as {@code GET /crm/v8/org} returns it (the commonly used fields). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Org(
    @JsonProperty("id") String id,
    @JsonProperty("company_name") String companyName,
    @JsonProperty("primary_email") String primaryEmail,
    @JsonProperty("domain_name") String domainName,
    @JsonProperty("time_zone") String timeZone,
    @JsonProperty("country") String country,
    @JsonProperty("currency") String currency,
    @JsonProperty("zgid") String zgid) {}

package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The CRM organisation, as {@code GET /crm/v8/org} returns it (the commonly used fields). Any field may be null
 * when Zoho leaves it out.
 *
 * @param id the organisation's id
 * @param companyName the company name
 * @param primaryEmail the organisation's primary contact email
 * @param domainName the organisation's CRM domain name
 * @param timeZone the organisation's time zone, such as {@code Europe/London}
 * @param country the country
 * @param currency the home currency, such as {@code USD}
 * @param zgid the organisation's group id in Zoho (ZGID)
 */
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

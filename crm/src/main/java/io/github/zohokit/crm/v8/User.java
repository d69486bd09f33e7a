package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A CRM user, as {@code GET /crm/v8/users} returns it (the commonly used fields). Any field may be null when Zoho
 * leaves it out.
 *
 * @param id the user's CRM id, what {@link UsersApi#get(String)} takes
 * @param fullName first and last name
 * @param firstName the first name
 * @param lastName the last name
 * @param email the email address the user signs in with
 * @param status {@code active}, {@code disabled}, ... as Zoho names it
 * @param timeZone the user's time zone, such as {@code Europe/London}
 * @param locale the user's locale, such as {@code en_GB}
 * @param role the user's role
 * @param profile the user's profile (what decides their permissions)
 */
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

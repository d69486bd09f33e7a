package io.github.zohokit.crm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The {@code info} member of a Zoho list response. {@code moreRecords} ends a paging loop; past the first 2,000
 * records only {@code nextPageToken} reaches further pages.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record PageInfo(
    @JsonProperty("per_page") Integer perPage,
    @JsonProperty("count") Integer count,
    @JsonProperty("page") Integer page,
    @JsonProperty("more_records") boolean moreRecords,
    @JsonProperty("next_page_token") String nextPageToken,
    @JsonProperty("previous_page_token") String previousPageToken,
    @JsonProperty("page_token_expiry") String pageTokenExpiry,
    @JsonProperty("sort_by") String sortBy,
    @JsonProperty("sort_order") String sortOrder) {

  /** The info of an empty answer (HTTP 204): no more records. */
  public static final PageInfo NONE = new PageInfo(null, 0, null, false, null, null, null, null, null);
}

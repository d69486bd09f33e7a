package io.github.zohokit.crm;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a Zoho list response: {@code {"data": [...], "info": {...}}} (or {@code users}, {@code modules},
 * {@code fields}, {@code layouts} in place of {@code data}). An empty answer (HTTP 204) is a page
 * with no data and {@link Info#NONE}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordPage<T>(
    @JsonProperty("data") @JsonAlias({"users", "modules", "fields", "layouts"}) List<T> data,
    @JsonProperty("info") Info info)
    implements ZohoEnvelope {

  public RecordPage {
    data = data == null ? List.of() : data;
    info = info == null ? Info.NONE : info;
  }

  /** Whether Zoho has more records after this page. */
  public boolean hasMore() {
    return info.moreRecords();
  }

  /**
   * The {@code info} member of a Zoho list response. {@code moreRecords} ends a paging loop; past the first 2,000
   * records only {@code nextPageToken} reaches further pages.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Info(
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
    public static final Info NONE = new Info(null, 0, null, false, null, null, null, null, null);
  }
}

package io.github.zohokit.crm;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a Zoho list response: {@code {"data": [...], "info": {...}}} (or {@code users}, {@code modules},
 * {@code fields}, {@code layouts} in place of {@code data}). An empty answer (HTTP 204) is a page
 * with no data and {@link Info#NONE}.
 *
 * @param <T> the element type
 * @param data the page's elements, never null (empty for an empty page)
 * @param info the paging information, never null ({@link Info#NONE} when Zoho sent none)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordPage<T>(
    @JsonProperty("data") @JsonAlias({"users", "modules", "fields", "layouts"}) List<T> data,
    @JsonProperty("info") Info info)
    implements ZohoEnvelope {

  /**
   * Reads an absent member as empty: no data, {@link Info#NONE}.
   *
   * @param data the page's records (or users, modules, fields, layouts); null is read as an empty list
   * @param info the page's {@code info}; null is read as {@link Info#NONE}
   */
  public RecordPage {
    data = data == null ? List.of() : data;
    info = info == null ? Info.NONE : info;
  }

  /**
   * Whether Zoho has more records after this page.
   *
   * @return {@code info.more_records}
   */
  public boolean hasMore() {
    return info.moreRecords();
  }

  /**
   * The {@code info} member of a Zoho list response. {@code moreRecords} ends a paging loop; past the first 2,000
   * records only {@code nextPageToken} reaches further pages.
   *
   * @param perPage the page size Zoho used, or null
   * @param count the number of records on this page, or null
   * @param page the page number, from 1, or null
   * @param moreRecords whether another page follows
   * @param nextPageToken the token of the next page, or null; it expires at {@code pageTokenExpiry}
   * @param previousPageToken the token of the previous page, or null
   * @param pageTokenExpiry when the page tokens stop working, as Zoho writes it, or null
   * @param sortBy the field the records are sorted by, or null
   * @param sortOrder {@code asc} or {@code desc}, or null
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

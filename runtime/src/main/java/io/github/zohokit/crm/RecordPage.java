package io.github.zohokit.crm;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One page of a Zoho list response: {@code {"data": [...], "info": {...}}} (or {@code users}, {@code modules},
 * {@code fields}, {@code layouts} in place of {@code data}). An empty answer (HTTP 204) is a page
 * with no data and {@link PageInfo#NONE}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecordPage<T>(
    @JsonProperty("data") @JsonAlias({"users", "modules", "fields", "layouts"}) List<T> data,
    @JsonProperty("info") PageInfo info)
    implements ZohoEnvelope {

  public RecordPage {
    data = data == null ? List.of() : data;
    info = info == null ? PageInfo.NONE : info;
  }

  /** Whether Zoho has more records after this page. */
  public boolean hasMore() {
    return info.moreRecords();
  }
}

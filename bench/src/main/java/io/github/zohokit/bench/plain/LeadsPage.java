package io.github.zohokit.bench.plain;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.zohokit.bench.BenchLead;
import java.util.List;

/** A page of leads as hand-written code would map it: the same fields zohokit's {@code RecordPage} maps. */
@JsonIgnoreProperties(ignoreUnknown = true)
record LeadsPage(@JsonProperty("data") List<BenchLead> data, @JsonProperty("info") Info info) {
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Info(
      @JsonProperty("per_page") int perPage,
      @JsonProperty("count") int count,
      @JsonProperty("page") int page,
      @JsonProperty("more_records") boolean moreRecords,
      @JsonProperty("next_page_token") String nextPageToken,
      @JsonProperty("previous_page_token") String previousPageToken) {}
}

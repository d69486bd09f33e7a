package io.github.zohokit.crm.v8;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A COQL query: {@code select Last_Name, Email from Leads where Lead_Source = 'Web' limit 200}. Zoho returns at most
 * 2,000 rows per call ({@code limit}) and reaches 100,000 rows with {@code limit offset, count}.
 *
 * @param selectQuery the COQL text, sent as {@code select_query}; not null. zohokit does not parse it: Zoho reports
 *     a malformed query as an error of the call
 */
public record CoqlQuery(@JsonProperty("select_query") String selectQuery) {
  /**
   * Rejects a null query.
   *
   * @param selectQuery the COQL text; not null
   * @throws NullPointerException when {@code selectQuery} is null
   */
  public CoqlQuery {
    Objects.requireNonNull(selectQuery, "selectQuery");
  }
}

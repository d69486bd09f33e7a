package io.github.zohokit.crm.v8;

import io.github.zohokit.annotation.Body;
import io.github.zohokit.annotation.Post;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.CrmRecord;
import io.github.zohokit.crm.RecordPage;

/**
 * COQL, Zoho's SQL-like query language: {@code select Last_Name from Leads where Lead_Source = 'Web' limit 200}.
 * Besides {@code ZohoCRM.coql.READ}, Zoho checks read access to the queried modules.
 *
 * <p>A query Zoho refuses (a syntax error, an unknown field) throws {@link io.github.zohokit.ZohoApiException}
 * with Zoho's {@code code}, for example {@code SYNTAX_ERROR}.
 */
@ZohoScope({"ZohoCRM.coql.READ", "ZohoCRM.modules.READ"})
public interface CoqlApi {

  /**
   * Runs a query; an empty page (HTTP 204) when nothing matches.
   *
   * @param query the query; not null (a {@code NullPointerException} before anything is sent)
   * @return the matching rows, at most the query's {@code limit} (Zoho: 2,000 per call); each row holds only the
   *     selected fields and the {@code id}; {@link RecordPage#hasMore()} says whether a larger offset finds more
   */
  @Post("/crm/v8/coql")
  RecordPage<CrmRecord> query(@Body CoqlQuery query);

  /**
   * Runs {@code selectQuery}, as {@link #query(CoqlQuery)} does.
   *
   * @param selectQuery the COQL text, for example {@code select Email from Contacts where Last_Name = 'Lee'};
   *     not null (a {@code NullPointerException})
   * @return the matching rows; an empty page when nothing matches
   */
  default RecordPage<CrmRecord> query(String selectQuery) {
    return query(new CoqlQuery(selectQuery));
  }
}

package io.github.zohokit.crm.v8;

import io.github.zohokit.annotation.Body;
import io.github.zohokit.annotation.Post;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.CrmRecord;
import io.github.zohokit.crm.RecordPage;

/**
 * COQL, Zoho's SQL-like query language: {@code select Last_Name from Leads where Lead_Source = 'Web' limit 200}.
 * Besides {@code ZohoCRM.coql.READ}, Zoho checks read access to the queried modules.
 */
@ZohoScope({"ZohoCRM.coql.READ", "ZohoCRM.modules.READ"})
public interface CoqlApi {

  /** Runs a query; an empty page (HTTP 204) when nothing matches. */
  @Post("/crm/v8/coql")
  RecordPage<CrmRecord> query(@Body CoqlQuery query);

  /** Runs {@code selectQuery}. */
  default RecordPage<CrmRecord> query(String selectQuery) {
    return query(new CoqlQuery(selectQuery));
  }
}

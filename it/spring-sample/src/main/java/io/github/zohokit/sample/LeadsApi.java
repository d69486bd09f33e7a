package io.github.zohokit.sample;

import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.RecordPage;
import java.util.List;

/** What the sample calls. The processor generates the client; the starter makes it a bean (default user). */
@ZohoScope("ZohoCRM.modules.leads.READ")
public interface LeadsApi {
  @Get("/crm/v8/Leads")
  RecordPage<Lead> page(@Query("fields") List<String> fields, @Query("per_page") int perPage);
}

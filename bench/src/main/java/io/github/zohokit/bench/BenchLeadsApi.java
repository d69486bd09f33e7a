package io.github.zohokit.bench;

import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.RecordPage;

/** The zohokit API under test; the processor generates ZohoBenchLeadsApi. */
@ZohoScope("ZohoCRM.modules.leads.READ")
public interface BenchLeadsApi {
  @Get("/crm/v8/Leads")
  RecordPage<BenchLead> list(@Query("fields") String fields, @Query("per_page") int perPage);

  @Get("/crm/v8/Leads")
  java.util.stream.Stream<BenchLead> all(@Query("fields") String fields, @Query("per_page") int perPage);
}

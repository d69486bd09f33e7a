package io.github.zohokit.demo;

import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.demo.crm.Lead;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the demo calls, with the {@link Lead} record generated from the snapshot in src/main/zoho/schema; the processor
 * generates ZohoDemoLeadsApi and records the scope.
 */
@ZohoScope("ZohoCRM.modules.leads.READ")
public interface DemoLeadsApi {
  @Get("/crm/v8/Leads")
  RecordPage<Lead> page(@Query("fields") List<String> fields, @Query("per_page") int perPage);

  @Get("/crm/v8/Leads")
  Stream<Lead> all(@Query("fields") List<String> fields);
}

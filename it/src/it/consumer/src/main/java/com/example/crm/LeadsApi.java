package com.example.crm;

import io.github.zohokit.annotation.Body;
import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Post;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.ActionResult;
import io.github.zohokit.crm.RecordPage;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** This project's own view of Zoho's Leads module. */
@ZohoScope("ZohoCRM.modules.leads.READ")
public interface LeadsApi {
  @Get("/crm/v8/Leads")
  RecordPage<Lead> page(@Query("fields") List<String> fields, @Query("per_page") int perPage);

  @Get("/crm/v8/Leads")
  Stream<Lead> all(@Query("fields") List<String> fields, @Query("per_page") int perPage);

  @Get("/crm/v8/Leads/{id}")
  Optional<Lead> find(@Path("id") String id);

  @Post("/crm/v8/Leads")
  @ZohoScope("ZohoCRM.modules.leads.CREATE")
  List<ActionResult> create(@Body List<Lead> leads);
}

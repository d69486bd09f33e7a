package com.example;

import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;

public interface LeadsApi {
  @Get("/crm/v8/Leads")
  @ZohoScope("ZohoCRM.modules.contacts.READ")
  String list(@Query("fields") String fields);
}

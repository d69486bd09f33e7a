package it.zohokit;

import io.github.zohokit.annotation.Body;
import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Post;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.ActionResult;
import io.github.zohokit.crm.CrmRecord;
import io.github.zohokit.crm.RecordPage;
import java.util.List;

@ZohoScope("ZohoCRM.modules.leads.READ")
public interface LeadsApi {
  @Get("/crm/v8/Leads")
  RecordPage<CrmRecord> list(@Query("fields") List<String> fields);

  @Post("/crm/v8/Leads")
  @ZohoScope("ZohoCRM.modules.leads.CREATE")
  List<ActionResult> create(@Body List<CrmRecord> leads);

  @Get("/crm/v8/users?type=CurrentUser")
  @ZohoScope("ZohoCRM.users.READ")
  String me();
}

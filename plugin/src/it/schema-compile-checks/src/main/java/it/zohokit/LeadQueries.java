package it.zohokit;

import io.github.zohokit.annotation.Coql;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.RecordPage;
import it.zohokit.crm.Lead;

@ZohoScope({"ZohoCRM.coql.READ", "ZohoCRM.modules.leads.READ"})
public interface LeadQueries {
  @Coql("select Last_Name, Lead_Sourse from Leads where Lead_Status = :status")
  RecordPage<Lead> byStatus(String status);
}

package io.github.zohokit.crm.v8;

import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.ZohoScope;

/** The CRM organisation. */
@ZohoScope("ZohoCRM.org.READ")
public interface OrgApi {

  /** The organisation the token belongs to. */
  @Get("/crm/v8/org")
  Org get();
}

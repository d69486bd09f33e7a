package io.github.zohokit.crm.v8;

import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.ZohoScope;

/** The CRM organisation. An error answer from Zoho throws {@link io.github.zohokit.ZohoApiException}. */
@ZohoScope("ZohoCRM.org.READ")
public interface OrgApi {

  /**
   * The organisation the token belongs to.
   *
   * @return the organisation; never null (an answer without one throws {@link io.github.zohokit.ZohoApiException})
   */
  @Get("/crm/v8/org")
  Org get();
}

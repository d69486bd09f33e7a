package io.github.zohokit.processor.sample;

import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.ZohoScope;
import java.util.Map;

/** A second client, to check registration and the manifest with several interfaces. */
public interface OrgApi {
  @Get("/crm/v8/org")
  @ZohoScope("ZohoCRM.org.READ")
  Map<String, Object> org();
}

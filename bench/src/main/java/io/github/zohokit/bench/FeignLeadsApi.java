package io.github.zohokit.bench;

import feign.Param;
import feign.RequestLine;
import io.github.zohokit.crm.RecordPage;

/** The same call declared for OpenFeign. */
public interface FeignLeadsApi {
  @RequestLine("GET /crm/v8/Leads?fields={fields}&per_page={perPage}")
  RecordPage<BenchLead> list(@Param("fields") String fields, @Param("perPage") int perPage);
}

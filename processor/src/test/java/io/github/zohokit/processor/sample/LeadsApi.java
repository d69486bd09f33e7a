package io.github.zohokit.processor.sample;

import io.github.zohokit.annotation.Body;
import io.github.zohokit.annotation.Delete;
import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Header;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Post;
import io.github.zohokit.annotation.Put;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.ActionResult;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.ZohoResponse;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/** Compiled by the processor under test; the behaviour tests call the generated client. */
@ZohoScope("ZohoCRM.modules.leads.READ")
public interface LeadsApi {
  @Get("/crm/v8/Leads")
  RecordPage<Lead> list(@Query("fields") Collection<String> fields, @Query("page_token") String pageToken,
      @Query("per_page") Integer perPage);

  @Get("/crm/v8/Leads")
  Stream<Lead> all(@Query("fields") String[] fields);

  @Get("/crm/v8/Leads/{id}")
  Optional<Lead> find(@Path("id") String id);

  @Get("/crm/v8/Leads/{id}")
  Lead get(@Path("id") String id, @Header("If-Modified-Since") String ifModifiedSince);

  @Get("/crm/v8/Leads")
  CompletableFuture<RecordPage<Lead>> listAsync(@Query("fields") String fields);

  @Get("/crm/v8/Leads")
  ZohoResponse<RecordPage<Lead>> listWithHeaders(@Query("fields") String fields);

  @Post("/crm/v8/Leads")
  @ZohoScope("ZohoCRM.modules.leads.CREATE")
  List<ActionResult> create(@Body List<Lead> leads);

  @Put("/crm/v8/Leads/{id}")
  @ZohoScope("ZohoCRM.modules.leads.UPDATE")
  List<ActionResult> update(@Path("id") String id, @Body Lead lead);

  @Delete("/crm/v8/Leads/{id}")
  @ZohoScope("ZohoCRM.modules.leads.DELETE")
  void delete(@Path("id") String id);

  @Get("/crm/v8/{module}/actions/count")
  @ZohoScope("ZohoCRM.modules.READ")
  String countRaw(@Path("module") String module);

  /** The module is a variable; the interface's leads scope covers it only for Leads. */
  @Get("/crm/v8/{module}/{id}")
  Optional<Lead> findIn(@Path("module") String module, @Path("id") String id);

  /** Default methods are left alone by the processor. */
  default Optional<Lead> findFirst() {
    return list(List.of("Last_Name"), null, 1).data().stream().findFirst();
  }
}

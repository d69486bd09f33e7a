package io.github.zohokit.crm.v8;

import io.github.zohokit.annotation.Body;
import io.github.zohokit.annotation.Delete;
import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Post;
import io.github.zohokit.annotation.Put;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.ActionResult;
import io.github.zohokit.crm.CrmRecord;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.crm.Records;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Records of any module ({@code Leads}, {@code Contacts}, custom modules), as {@link CrmRecord}s. For one module with
 * your own types, declare your own interface the same way.
 *
 * <p>The module is a path variable, so the processor cannot narrow the scope to one module: these methods
 * declare the module-wide {@code ZohoCRM.modules.READ/CREATE/UPDATE/DELETE}.
 */
public interface RecordsApi {

  /** One page of records. Zoho requires {@code fields} (at most 50) since API v3. */
  @Get("/crm/v8/{module}")
  @ZohoScope("ZohoCRM.modules.READ")
  RecordPage<CrmRecord> list(@Path("module") String module, @Query("fields") Collection<String> fields,
      @Query("page") Integer page, @Query("per_page") Integer perPage, @Query("page_token") String pageToken,
      @Query("sort_by") String sortBy, @Query("sort_order") String sortOrder);

  /** The first page of records (up to 200). */
  default RecordPage<CrmRecord> list(String module, Collection<String> fields) {
    return list(module, fields, null, null, null, null, null);
  }

  /** Every record, fetched page by page as the stream is consumed (past 2,000 with page tokens). */
  @Get("/crm/v8/{module}")
  @ZohoScope("ZohoCRM.modules.READ")
  Stream<CrmRecord> stream(@Path("module") String module, @Query("fields") Collection<String> fields,
      @Query("per_page") Integer perPage);

  /** One record; empty when it does not exist. */
  @Get("/crm/v8/{module}/{id}")
  @ZohoScope("ZohoCRM.modules.READ")
  Optional<CrmRecord> get(@Path("module") String module, @Path("id") String id,
      @Query("fields") Collection<String> fields);

  /** Inserts up to 100 records; one result per record, in order (HTTP 207 when some failed). */
  @Post("/crm/v8/{module}")
  @ZohoScope("ZohoCRM.modules.CREATE")
  List<ActionResult> insert(@Path("module") String module, @Body Records<CrmRecord> records);

  /** Updates up to 100 records, each carrying its {@code id}. */
  @Put("/crm/v8/{module}")
  @ZohoScope("ZohoCRM.modules.UPDATE")
  List<ActionResult> update(@Path("module") String module, @Body Records<CrmRecord> records);

  /** Inserts or updates up to 100 records, matched on {@code duplicate_check_fields}. */
  @Post("/crm/v8/{module}/upsert")
  @ZohoScope({"ZohoCRM.modules.CREATE", "ZohoCRM.modules.UPDATE"})
  List<ActionResult> upsert(@Path("module") String module, @Body Records<CrmRecord> records);

  /** Deletes up to 100 records by id. */
  @Delete("/crm/v8/{module}")
  @ZohoScope("ZohoCRM.modules.DELETE")
  List<ActionResult> delete(@Path("module") String module, @Query("ids") Collection<String> ids,
      @Query("wf_trigger") Boolean workflowTrigger);

  /** Records matching {@code criteria}, for example {@code (Last_Name:equals:Sam)}. */
  @Get("/crm/v8/{module}/search")
  @ZohoScope("ZohoCRM.modules.READ")
  RecordPage<CrmRecord> search(@Path("module") String module, @Query("criteria") String criteria,
      @Query("fields") Collection<String> fields, @Query("page") Integer page, @Query("per_page") Integer perPage);

  /** Records matching an email address, phone number or word. */
  @Get("/crm/v8/{module}/search")
  @ZohoScope("ZohoCRM.modules.READ")
  RecordPage<CrmRecord> searchBy(@Path("module") String module, @Query("email") String email,
      @Query("phone") String phone, @Query("word") String word, @Query("fields") Collection<String> fields);

  /** Deleted records: {@code type} is {@code all}, {@code recycle} or {@code permanent}. */
  @Get("/crm/v8/{module}/deleted")
  @ZohoScope("ZohoCRM.modules.READ")
  RecordPage<DeletedRecord> deleted(@Path("module") String module, @Query("type") String type,
      @Query("page") Integer page, @Query("per_page") Integer perPage);

  /** How many records the module has (matching {@code criteria} when given). */
  @Get("/crm/v8/{module}/actions/count")
  @ZohoScope("ZohoCRM.modules.READ")
  RecordCount count(@Path("module") String module, @Query("criteria") String criteria);

  /** Inserts any number of records in calls of at most 100; the results in record order. */
  default List<ActionResult> insertAll(String module, List<CrmRecord> records) {
    List<ActionResult> results = new ArrayList<>(records.size());
    for (List<CrmRecord> batch : Batches.of(records)) {
      results.addAll(insert(module, Records.of(batch)));
    }
    return results;
  }

  /** Updates any number of records in calls of at most 100. */
  default List<ActionResult> updateAll(String module, List<CrmRecord> records) {
    List<ActionResult> results = new ArrayList<>(records.size());
    for (List<CrmRecord> batch : Batches.of(records)) {
      results.addAll(update(module, Records.of(batch)));
    }
    return results;
  }

  /** Upserts any number of records in calls of at most 100, matching on {@code duplicateCheckFields}. */
  default List<ActionResult> upsertAll(String module, List<CrmRecord> records, List<String> duplicateCheckFields) {
    List<ActionResult> results = new ArrayList<>(records.size());
    for (List<CrmRecord> batch : Batches.of(records)) {
      results.addAll(upsert(module, Records.of(batch).withDuplicateCheckFields(duplicateCheckFields)));
    }
    return results;
  }

  /** Deletes any number of records in calls of at most 100 ids. */
  default List<ActionResult> deleteAll(String module, List<String> ids) {
    List<ActionResult> results = new ArrayList<>(ids.size());
    for (List<String> batch : Batches.of(ids)) {
      results.addAll(delete(module, batch, null));
    }
    return results;
  }
}

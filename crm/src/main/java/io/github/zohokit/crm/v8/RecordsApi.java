package io.github.zohokit.crm.v8;

import io.github.zohokit.annotation.Body;
import io.github.zohokit.annotation.Delete;
import io.github.zohokit.ZohoResponse;
import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Header;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Post;
import io.github.zohokit.annotation.Put;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import io.github.zohokit.crm.ActionResult;
import io.github.zohokit.crm.CrmRecord;
import io.github.zohokit.crm.RecordPage;
import io.github.zohokit.crm.Records;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
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
 *
 * <p>In every method {@code module} is the module's API name ({@code Leads}, {@code Deals}, a custom module's
 * {@code api_name}); a null module or id throws {@code IllegalArgumentException} before anything is sent, and an
 * unknown module is Zoho's {@code INVALID_MODULE}. A null query parameter is left out of the request, so Zoho's
 * default applies. Fields are API names ({@code Last_Name}), not labels. An error answer from Zoho throws
 * {@link io.github.zohokit.ZohoApiException}, HTTP 429 {@link io.github.zohokit.RateLimitException}, HTTP 5xx or a
 * network failure {@link io.github.zohokit.ZohoUnavailableException} (README, "When Zoho fails"); a batch where only
 * some records failed does not throw: each record's {@link ActionResult} says how it went.
 */
public interface RecordsApi {

  /**
   * One page of records. Zoho requires {@code fields} (at most 50) since API v3.
   *
   * @param module the module's API name
   * @param fields the fields to return, 1 to 50 API names; Zoho answers {@code REQUIRED_PARAM_MISSING} when null
   * @param page the page number, from 1; {@code page} reaches only the first 2,000 records (past them Zoho answers
   *     {@code LIMIT_EXCEEDED}: use {@code pageToken}); null for the first page
   * @param perPage records per page, 1 to 200; null for Zoho's default of 200
   * @param pageToken the previous page's {@link io.github.zohokit.crm.RecordPage.Info#nextPageToken()}, to go past 2,000
   *     records; not together with {@code page}; null to page by number
   * @param sortBy the field to sort on ({@code id}, {@code Created_Time} or {@code Modified_Time}); null for Zoho's
   *     order
   * @param sortOrder {@code asc} or {@code desc}; null for Zoho's default
   * @return the page; an empty page with {@link io.github.zohokit.crm.RecordPage.Info#NONE} when there are no records there
   *     (HTTP 204)
   */
  @Get("/crm/v8/{module}")
  @ZohoScope("ZohoCRM.modules.READ")
  RecordPage<CrmRecord> list(@Path("module") String module, @Query("fields") Collection<String> fields,
      @Query("page") Integer page, @Query("per_page") Integer perPage, @Query("page_token") String pageToken,
      @Query("sort_by") String sortBy, @Query("sort_order") String sortOrder);

  /**
   * The first page of records (up to 200).
   *
   * @param module the module's API name
   * @param fields the fields to return, 1 to 50 API names; required by Zoho
   * @return the first page; empty when the module has no records
   */
  default RecordPage<CrmRecord> list(String module, Collection<String> fields) {
    return list(module, fields, null, null, null, null, null);
  }

  /**
   * One page of the records changed since a moment, as a sync reads them: Zoho's {@code If-Modified-Since} header,
   * sorted (for a sync: {@code sort_by=Modified_Time}, {@code sort_order=asc}) and with converted leads when asked.
   * A page token is bound to the other parameters and the header: keep them unchanged while following it.
   *
   * @param module the module's API name
   * @param fields the fields to return, 1 to 50 API names; required by Zoho
   * @param page the page number, from 1 (the first 2,000 records only); null for the first page or with a token
   * @param perPage records per page, 1 to 200; null for Zoho's default of 200
   * @param pageToken the previous page's {@link io.github.zohokit.crm.RecordPage.Info#nextPageToken()}; null for the
   *     first page
   * @param sortBy {@code id}, {@code Created_Time} or {@code Modified_Time}; null for Zoho's order
   * @param sortOrder {@code asc} or {@code desc}; null for Zoho's default
   * @param converted {@code false} (Zoho's default: converted leads are left out), {@code true} (only them) or
   *     {@code both}; null for Zoho's default
   * @param ifModifiedSince only records modified at or after this moment, as Zoho's ISO 8601 date-time with offset
   *     ({@link #modifiedSince(OffsetDateTime)} writes one); null for every record
   * @return the answer with its status and headers: status 304 with a null body when nothing changed since
   *     {@code ifModifiedSince}; an empty page (status 204) when no record matches; else status 200 and the page
   */
  @Get("/crm/v8/{module}")
  @ZohoScope("ZohoCRM.modules.READ")
  ZohoResponse<RecordPage<CrmRecord>> list(@Path("module") String module, @Query("fields") Collection<String> fields,
      @Query("page") Integer page, @Query("per_page") Integer perPage, @Query("page_token") String pageToken,
      @Query("sort_by") String sortBy, @Query("sort_order") String sortOrder, @Query("converted") String converted,
      @Header("If-Modified-Since") String ifModifiedSince);

  /**
   * Every record, fetched page by page as the stream is consumed (past 2,000 with page tokens). Nothing is sent
   * until the first element is asked for; a failed call throws from the stream's terminal operation, and a stream
   * that is not used up does not fetch the rest.
   *
   * @param module the module's API name
   * @param fields the fields to return, 1 to 50 API names; required by Zoho
   * @param perPage records per call, 1 to 200; null for Zoho's default of 200
   * @return the records in Zoho's order; an empty stream when the module has none
   */
  @Get("/crm/v8/{module}")
  @ZohoScope("ZohoCRM.modules.READ")
  Stream<CrmRecord> stream(@Path("module") String module, @Query("fields") Collection<String> fields,
      @Query("per_page") Integer perPage);

  /**
   * Every record changed since a moment, fetched page by page as the stream is consumed, following page tokens
   * (bound to these parameters and the header, which the stream keeps). Nothing is sent until the first element is
   * asked for.
   *
   * @param module the module's API name
   * @param fields the fields to return, 1 to 50 API names; required by Zoho
   * @param perPage records per call, 1 to 200; null for Zoho's default of 200
   * @param sortBy {@code id}, {@code Created_Time} or {@code Modified_Time}; null for Zoho's order
   * @param sortOrder {@code asc} or {@code desc}; null for Zoho's default
   * @param converted {@code false} (Zoho's default), {@code true} or {@code both} (converted leads too); null for
   *     Zoho's default
   * @param ifModifiedSince only records modified at or after this moment ({@link #modifiedSince(OffsetDateTime)});
   *     null for every record
   * @return the records in the order asked; an empty stream when nothing changed (HTTP 304) or none match (204)
   */
  @Get("/crm/v8/{module}")
  @ZohoScope("ZohoCRM.modules.READ")
  Stream<CrmRecord> stream(@Path("module") String module, @Query("fields") Collection<String> fields,
      @Query("per_page") Integer perPage, @Query("sort_by") String sortBy, @Query("sort_order") String sortOrder,
      @Query("converted") String converted, @Header("If-Modified-Since") String ifModifiedSince);

  /**
   * One record; empty when it does not exist.
   *
   * @param module the module's API name
   * @param id the record's id (a 19-digit string)
   * @param fields the fields to return; null for every field
   * @return the record, or empty when Zoho answers HTTP 204, or 404 without an error body
   */
  @Get("/crm/v8/{module}/{id}")
  @ZohoScope("ZohoCRM.modules.READ")
  Optional<CrmRecord> get(@Path("module") String module, @Path("id") String id,
      @Query("fields") Collection<String> fields);

  /**
   * Inserts up to 100 records; one result per record, in order (HTTP 207 when some failed). Zoho refuses a batch of
   * more than 100 as a whole ({@code LIMIT_EXCEEDED}); {@link #insertAll} splits any number.
   *
   * @param module the module's API name
   * @param records the records, without ids, and optionally the automation to run
   *     ({@link Records#withTrigger}); not null
   * @return one result per record, in the order sent; {@link ActionResult#id()} is the new record's id
   */
  @Post("/crm/v8/{module}")
  @ZohoScope("ZohoCRM.modules.CREATE")
  List<ActionResult> insert(@Path("module") String module, @Body Records<CrmRecord> records);

  /**
   * Updates up to 100 records, each carrying its {@code id}; only the fields a record carries are changed.
   *
   * @param module the module's API name
   * @param records the records, each with its {@code id}; not null
   * @return one result per record, in the order sent
   */
  @Put("/crm/v8/{module}")
  @ZohoScope("ZohoCRM.modules.UPDATE")
  List<ActionResult> update(@Path("module") String module, @Body Records<CrmRecord> records);

  /**
   * Inserts or updates up to 100 records, matched on {@code duplicate_check_fields}: a record matching an existing
   * one updates it, any other is inserted.
   *
   * @param module the module's API name
   * @param records the records; {@link Records#withDuplicateCheckFields} names the fields to match on (without
   *     them Zoho matches on the module's own duplicate-check fields); not null
   * @return one result per record, in the order sent; {@link ActionResult#action()} says {@code insert} or
   *     {@code update}
   */
  @Post("/crm/v8/{module}/upsert")
  @ZohoScope({"ZohoCRM.modules.CREATE", "ZohoCRM.modules.UPDATE"})
  List<ActionResult> upsert(@Path("module") String module, @Body Records<CrmRecord> records);

  /**
   * Deletes up to 100 records by id; deleted records go to the recycle bin ({@link #deleted}).
   *
   * @param module the module's API name
   * @param ids up to 100 record ids; {@link #deleteAll} splits any number
   * @param workflowTrigger whether Zoho runs the module's workflow rules on the deletion; null for Zoho's default
   * @return one result per id, in the order sent
   */
  @Delete("/crm/v8/{module}")
  @ZohoScope("ZohoCRM.modules.DELETE")
  List<ActionResult> delete(@Path("module") String module, @Query("ids") Collection<String> ids,
      @Query("wf_trigger") Boolean workflowTrigger);

  /**
   * Records matching {@code criteria}, for example {@code (Last_Name:equals:Sam)}.
   *
   * @param module the module's API name
   * @param criteria {@code (field:operator:value)}, combined with {@code and} / {@code or}, for example
   *     {@code ((Last_Name:equals:Sam)and(Lead_Source:equals:Web))}
   * @param fields the fields to return; null for every field
   * @param page the page number, from 1; null for the first page
   * @param perPage records per page, 1 to 200; null for Zoho's default of 200
   * @return the matching records; an empty page when none match (HTTP 204)
   */
  @Get("/crm/v8/{module}/search")
  @ZohoScope("ZohoCRM.modules.READ")
  RecordPage<CrmRecord> search(@Path("module") String module, @Query("criteria") String criteria,
      @Query("fields") Collection<String> fields, @Query("page") Integer page, @Query("per_page") Integer perPage);

  /**
   * Records matching an email address, phone number or word; give one of them, null for the others.
   *
   * @param module the module's API name
   * @param email an email address to match in the module's email fields, or null
   * @param phone a phone number to match in the module's phone fields, or null
   * @param word a word to match in the records' text, or null
   * @param fields the fields to return; null for every field
   * @return the matching records (the first page); an empty page when none match (HTTP 204)
   */
  @Get("/crm/v8/{module}/search")
  @ZohoScope("ZohoCRM.modules.READ")
  RecordPage<CrmRecord> searchBy(@Path("module") String module, @Query("email") String email,
      @Query("phone") String phone, @Query("word") String word, @Query("fields") Collection<String> fields);

  /**
   * Deleted records: {@code type} is {@code all}, {@code recycle} or {@code permanent}.
   *
   * @param module the module's API name
   * @param type {@code all}, {@code recycle} (still in the recycle bin) or {@code permanent}; null for Zoho's
   *     default, {@code all}
   * @param page the page number, from 1; null for the first page
   * @param perPage entries per page, 1 to 200; null for Zoho's default of 200
   * @return one page of deleted records; an empty page when there are none (HTTP 204)
   */
  @Get("/crm/v8/{module}/deleted")
  @ZohoScope("ZohoCRM.modules.READ")
  RecordPage<DeletedRecord> deleted(@Path("module") String module, @Query("type") String type,
      @Query("page") Integer page, @Query("per_page") Integer perPage);

  /**
   * Records deleted since a moment (Zoho's {@code If-Modified-Since} on the deletion time), as a sync reads them.
   *
   * @param module the module's API name
   * @param type {@code all}, {@code recycle} or {@code permanent}; null for Zoho's default, {@code all}
   * @param page the page number, from 1; null for the first page
   * @param perPage entries per page, 1 to 200; null for Zoho's default of 200
   * @param ifModifiedSince only entries deleted at or after this moment ({@link #modifiedSince(OffsetDateTime)});
   *     null for every entry Zoho still keeps
   * @return the answer with its status and headers: status 304 with a null body when nothing was deleted since
   *     {@code ifModifiedSince}; an empty page (status 204) when there are none; else status 200 and the page
   */
  @Get("/crm/v8/{module}/deleted")
  @ZohoScope("ZohoCRM.modules.READ")
  ZohoResponse<RecordPage<DeletedRecord>> deleted(@Path("module") String module, @Query("type") String type,
      @Query("page") Integer page, @Query("per_page") Integer perPage,
      @Header("If-Modified-Since") String ifModifiedSince);

  /**
   * The {@code If-Modified-Since} value Zoho reads: ISO 8601 with the offset, whole seconds
   * ({@code 2026-12-01T10:15:30+05:30}); a fraction of a second is dropped, which only widens the window.
   *
   * @param time the moment, in any offset
   * @return the header's value
   * @throws NullPointerException when {@code time} is null
   */
  static String modifiedSince(OffsetDateTime time) {
    return time.truncatedTo(ChronoUnit.SECONDS).format(DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssxxx"));
  }

  /**
   * How many records the module has (matching {@code criteria} when given).
   *
   * @param module the module's API name
   * @param criteria search criteria as in {@link #search}, or null to count every record
   * @return the count
   */
  @Get("/crm/v8/{module}/actions/count")
  @ZohoScope("ZohoCRM.modules.READ")
  RecordCount count(@Path("module") String module, @Query("criteria") String criteria);

  /**
   * Inserts any number of records in calls of at most 100; the results in record order. The calls are not one
   * transaction: when a call throws, the batches before it stay inserted.
   *
   * @param module the module's API name
   * @param records the records, without ids; not null; an empty list sends nothing
   * @return one result per record, in the order given
   */
  default List<ActionResult> insertAll(String module, List<CrmRecord> records) {
    List<ActionResult> results = new ArrayList<>(records.size());
    for (List<CrmRecord> batch : Batches.of(records)) {
      results.addAll(insert(module, Records.of(batch)));
    }
    return results;
  }

  /**
   * Updates any number of records in calls of at most 100; when a call throws, the batches before it stay updated.
   *
   * @param module the module's API name
   * @param records the records, each with its {@code id}; not null; an empty list sends nothing
   * @return one result per record, in the order given
   */
  default List<ActionResult> updateAll(String module, List<CrmRecord> records) {
    List<ActionResult> results = new ArrayList<>(records.size());
    for (List<CrmRecord> batch : Batches.of(records)) {
      results.addAll(update(module, Records.of(batch)));
    }
    return results;
  }

  /**
   * Upserts any number of records in calls of at most 100, matching on {@code duplicateCheckFields}; when a call
   * throws, the batches before it stay applied.
   *
   * @param module the module's API name
   * @param records the records; not null; an empty list sends nothing
   * @param duplicateCheckFields the API names of the fields to match existing records on; null for the module's own
   *     duplicate-check fields
   * @return one result per record, in the order given
   */
  default List<ActionResult> upsertAll(String module, List<CrmRecord> records, List<String> duplicateCheckFields) {
    List<ActionResult> results = new ArrayList<>(records.size());
    for (List<CrmRecord> batch : Batches.of(records)) {
      results.addAll(upsert(module, Records.of(batch).withDuplicateCheckFields(duplicateCheckFields)));
    }
    return results;
  }

  /**
   * Deletes any number of records in calls of at most 100 ids; when a call throws, the batches before it stay
   * deleted. Zoho's default applies to workflow rules.
   *
   * @param module the module's API name
   * @param ids the record ids; not null; an empty list sends nothing
   * @return one result per id, in the order given
   */
  default List<ActionResult> deleteAll(String module, List<String> ids) {
    List<ActionResult> results = new ArrayList<>(ids.size());
    for (List<String> batch : Batches.of(ids)) {
      results.addAll(delete(module, batch, null));
    }
    return results;
  }
}

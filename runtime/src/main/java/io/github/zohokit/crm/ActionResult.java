package io.github.zohokit.crm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The outcome for one record of an insert, update, upsert or delete. A batch answers with one per record, in
 * order; when some fail Zoho answers HTTP 207 and the failed ones have {@code status} {@code error}, a
 * {@code code} such as {@code INVALID_DATA} or {@code DUPLICATE_DATA}, and {@code details} naming the field.
 *
 * @param code Zoho's code for the record, such as {@code SUCCESS}, {@code INVALID_DATA} or {@code DUPLICATE_DATA}
 * @param details the record's details: {@code id} and timestamps on success, the failing {@code api_name} on error;
 *     never null
 * @param message Zoho's message for the record
 * @param status {@code success} or {@code error}
 * @param action for an upsert, {@code insert} or {@code update}; otherwise null
 * @param duplicateField for an upsert, the field a duplicate was found on; otherwise null
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionResult(
    @JsonProperty("code") String code,
    @JsonProperty("details") Map<String, Object> details,
    @JsonProperty("message") String message,
    @JsonProperty("status") String status,
    @JsonProperty("action") String action,
    @JsonProperty("duplicate_field") String duplicateField) {

  /**
   * Reads an absent {@code details} as empty.
   *
   * @param code Zoho's code for the record, such as {@code SUCCESS} or {@code INVALID_DATA}
   * @param details the record's details ({@code id}, or the failing {@code api_name}); null is read as empty
   * @param message Zoho's message for the record
   * @param status {@code success} or {@code error}
   * @param action for an upsert, {@code insert} or {@code update}; otherwise null
   * @param duplicateField for an upsert, the field a duplicate was found on; otherwise null
   */
  public ActionResult {
    details = details == null ? Map.of() : details;
  }

  /**
   * Whether Zoho applied this record ({@code status} {@code success}).
   *
   * @return true when {@code status} is {@code success}, ignoring case
   */
  public boolean isSuccess() {
    return "success".equalsIgnoreCase(status);
  }

  /**
   * The record id Zoho reported ({@code details.id}), or null.
   *
   * @return the id, or null when Zoho reported none (failed records)
   */
  public String id() {
    Object id = details.get("id");
    return id == null ? null : id.toString();
  }
}

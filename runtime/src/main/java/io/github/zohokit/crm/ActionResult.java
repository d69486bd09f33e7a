package io.github.zohokit.crm;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * The outcome for one record of an insert, update, upsert or delete. A batch answers with one per record, in
 * order; when some fail Zoho answers HTTP 207 and the failed ones have {@code status} {@code error}, a
 * {@code code} such as {@code INVALID_DATA} or {@code DUPLICATE_DATA}, and {@code details} naming the field.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ActionResult(
    @JsonProperty("code") String code,
    @JsonProperty("details") Map<String, Object> details,
    @JsonProperty("message") String message,
    @JsonProperty("status") String status,
    @JsonProperty("action") String action,
    @JsonProperty("duplicate_field") String duplicateField) {

  /** Reads an absent {@code details} as empty. */
  public ActionResult {
    details = details == null ? Map.of() : details;
  }

  /** Whether Zoho applied this record ({@code status} {@code success}). */
  public boolean isSuccess() {
    return "success".equalsIgnoreCase(status);
  }

  /** The record id Zoho reported ({@code details.id}), or null. */
  public String id() {
    Object id = details.get("id");
    return id == null ? null : id.toString();
  }
}

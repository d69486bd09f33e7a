package io.github.zohokit.crm;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The body of an insert, update or upsert: {@code {"data": [...], "trigger": [...], "duplicate_check_fields": [...]}}.
 * Zoho takes at most 100 records per call.
 *
 * @param <T> the record type: {@link CrmRecord}, or a POJO or record of your own
 * @param data the records, at most {@link #MAX_PER_CALL}
 * @param trigger the automation to run ({@code workflow}, {@code approval}, {@code blueprint}); null for Zoho's default
 *     (all), empty for none
 * @param duplicateCheckFields the fields an upsert matches existing records on; null for Zoho's default
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Records<T>(
    @JsonProperty("data") List<T> data,
    @JsonProperty("trigger") List<String> trigger,
    @JsonProperty("duplicate_check_fields") List<String> duplicateCheckFields) {

  /** Zoho's limit of records per insert, update or upsert call. */
  public static final int MAX_PER_CALL = 100;

  /**
   * Copies {@code data}, so the body stays as built.
   *
   * @param data the records, not null and without null elements; at most {@link #MAX_PER_CALL} per call
   * @param trigger the automation to run ({@code workflow}, {@code approval}, {@code blueprint}); null for Zoho's
   *     default (all), empty for none
   * @param duplicateCheckFields the fields an upsert matches existing records on; null for Zoho's default
   */
  public Records {
    data = List.copyOf(data);
  }

  /**
   * Records without triggers: Zoho runs workflows, approvals and blueprints unless told otherwise.
   *
   * @param <T> the record type
   * @param data the records, not null
   * @return the body
   */
  public static <T> Records<T> of(List<T> data) {
    return new Records<>(data, null, null);
  }

  /**
   * The same records with {@code trigger} set, for example {@code List.of()} to run no automation.
   *
   * @param trigger the automation to run, or null for Zoho's default
   * @return a new body; this one is unchanged
   */
  public Records<T> withTrigger(List<String> trigger) {
    return new Records<>(data, trigger, duplicateCheckFields);
  }

  /**
   * The same records with the fields an upsert matches existing records on.
   *
   * @param fields the field API names, such as {@code Email}; null for Zoho's default
   * @return a new body; this one is unchanged
   */
  public Records<T> withDuplicateCheckFields(List<String> fields) {
    return new Records<>(data, trigger, fields);
  }
}

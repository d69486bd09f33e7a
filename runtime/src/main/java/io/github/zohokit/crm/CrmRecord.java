package io.github.zohokit.crm;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A record of any module, custom fields included, as field API name → value. For modules with a stable shape,
 * a POJO or record of your own reads the same JSON.
 */
public final class CrmRecord {
  private final Map<String, Object> fields = new LinkedHashMap<>();

  /** An empty record, to fill with {@link #set}. */
  public CrmRecord() {}

  /**
   * A record with the given fields.
   *
   * @param fields field API names and values, copied in their iteration order
   * @return a new record
   * @throws NullPointerException when {@code fields} is null
   */
  public static CrmRecord of(Map<String, ?> fields) {
    CrmRecord record = new CrmRecord();
    record.fields.putAll(fields);
    return record;
  }

  /**
   * The record id (a 19-digit string), or null for a record not yet inserted.
   *
   * @return the id, or null
   */
  public String id() {
    Object id = fields.get("id");
    return id == null ? null : id.toString();
  }

  /**
   * A field's value: a String, Number, Boolean, null, a Map (lookups such as {@code Owner}) or a List.
   *
   * @param apiName the field's API name, such as {@code Last_Name}; case-sensitive
   * @return the value, or null when the field is absent or null
   */
  public Object get(String apiName) {
    return fields.get(apiName);
  }

  /**
   * A field's value as text, or null.
   *
   * @param apiName the field's API name; case-sensitive
   * @return the value's {@code toString()}, or null when the field is absent or null
   */
  public String getString(String apiName) {
    Object value = fields.get(apiName);
    return value == null ? null : value.toString();
  }

  /**
   * Sets a field; returns this record.
   *
   * @param apiName the field's API name, not null
   * @param value the value, as Jackson would write it; null sends JSON {@code null} (clears the field)
   * @return this record
   * @throws NullPointerException when {@code apiName} is null
   */
  @JsonAnySetter
  public CrmRecord set(String apiName, Object value) {
    fields.put(Objects.requireNonNull(apiName, "apiName"), value);
    return this;
  }

  /**
   * Every field, in Zoho's order.
   *
   * @return the live, modifiable map of fields
   */
  @JsonAnyGetter
  public Map<String, Object> fields() {
    return fields;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CrmRecord && fields.equals(((CrmRecord) o).fields);
  }

  @Override
  public int hashCode() {
    return fields.hashCode();
  }

  @Override
  public String toString() {
    return "CrmRecord" + fields;
  }
}

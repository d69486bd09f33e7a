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

  public CrmRecord() {}

  /** A record with the given fields. */
  public static CrmRecord of(Map<String, ?> fields) {
    CrmRecord record = new CrmRecord();
    record.fields.putAll(fields);
    return record;
  }

  /** The record id (a 19-digit string), or null for a record not yet inserted. */
  public String id() {
    Object id = fields.get("id");
    return id == null ? null : id.toString();
  }

  /** A field's value: a String, Number, Boolean, null, a Map (lookups such as {@code Owner}) or a List. */
  public Object get(String apiName) {
    return fields.get(apiName);
  }

  /** A field's value as text, or null. */
  public String getString(String apiName) {
    Object value = fields.get(apiName);
    return value == null ? null : value.toString();
  }

  /** Sets a field; returns this record. */
  @JsonAnySetter
  public CrmRecord set(String apiName, Object value) {
    fields.put(Objects.requireNonNull(apiName, "apiName"), value);
    return this;
  }

  /** Every field, in Zoho's order. */
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

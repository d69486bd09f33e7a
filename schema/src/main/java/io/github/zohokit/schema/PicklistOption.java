package io.github.zohokit.schema;

/**
 * One option of a picklist field.
 *
 * @param displayValue what records carry and what writes send ({@code Advertisement})
 * @param actualValue Zoho's reference value, which may differ from the display value, or null
 * @param type {@code used} or {@code unused} (the option exists but is in no layout), or null
 * @param id the option's id, or null
 */
public record PicklistOption(String displayValue, String actualValue, String type, String id) {}

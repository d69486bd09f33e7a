/**
 * An organisation's Zoho CRM modules and fields as a committed snapshot: {@link io.github.zohokit.schema.Snapshot}
 * (normalised reading of the metadata APIs with {@link io.github.zohokit.schema.SchemaFetcher}), drift against the
 * live organisation ({@link io.github.zohokit.schema.SchemaDiff}), and typed records and APIs generated from it
 * ({@link io.github.zohokit.schema.RecordGenerator}). The Maven goals {@code zoho:schema}, {@code zoho:schema-check}
 * and {@code zoho:generate-records} drive it.
 */
package io.github.zohokit.schema;

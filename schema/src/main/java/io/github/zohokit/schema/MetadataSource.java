package io.github.zohokit.schema;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where {@link SchemaFetcher} reads an organisation's metadata: Zoho's answers as they come, unparsed. The Maven
 * goals implement it over HTTP with the build's token; tests implement it with canned answers.
 */
public interface MetadataSource {

  /**
   * The answer of {@code GET /crm/v8/settings/modules}.
   *
   * @return {@code {"modules":[...]}}
   */
  JsonNode modules();

  /**
   * The answer of {@code GET /crm/v8/settings/fields?module=}.
   *
   * @param module the module's API name
   * @return {@code {"fields":[...]}}
   */
  JsonNode fields(String module);

  /**
   * Where the metadata comes from.
   *
   * @return the organisation's id (or null when it cannot be read) and data centre; the other components are
   *     filled in by the fetcher
   */
  OrgInfo org();
}

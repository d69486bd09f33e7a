package io.github.zohokit.crm.v8;

import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import java.util.List;
import java.util.Optional;

/**
 * Modules and fields metadata: what exists in this organisation, custom modules and fields included. An error
 * answer from Zoho throws {@link io.github.zohokit.ZohoApiException}.
 */
public interface MetadataApi {

  /**
   * Every module.
   *
   * @return the organisation's modules, standard and custom, in Zoho's order; empty when Zoho answers HTTP 204
   */
  @Get("/crm/v8/settings/modules")
  @ZohoScope("ZohoCRM.settings.modules.READ")
  List<ModuleMeta> modules();

  /**
   * One module by API name. A name the organisation does not have is an error, not an empty answer: Zoho answers
   * HTTP 400 {@code INVALID_MODULE}, thrown as {@link io.github.zohokit.ZohoApiException}.
   *
   * @param module the module's API name, for example {@code Leads}; not null (an {@code IllegalArgumentException}
   *     before anything is sent)
   * @return the module; empty only when Zoho answers HTTP 204, or 404 without an error body
   */
  @Get("/crm/v8/settings/modules/{module}")
  @ZohoScope("ZohoCRM.settings.modules.READ")
  Optional<ModuleMeta> module(@Path("module") String module);

  /**
   * The fields of a module.
   *
   * @param module the module's API name, for example {@code Leads}; Zoho requires it (null leaves it out and Zoho
   *     answers {@code REQUIRED_PARAM_MISSING})
   * @return the module's fields, custom fields included; empty when Zoho answers HTTP 204
   */
  @Get("/crm/v8/settings/fields")
  @ZohoScope("ZohoCRM.settings.fields.READ")
  List<FieldMeta> fields(@Query("module") String module);
}

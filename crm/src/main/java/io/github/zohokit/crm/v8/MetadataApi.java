package io.github.zohokit.crm.v8;

import io.github.zohokit.annotation.Get;
import io.github.zohokit.annotation.Path;
import io.github.zohokit.annotation.Query;
import io.github.zohokit.annotation.ZohoScope;
import java.util.List;
import java.util.Optional;

/** Modules and fields metadata: what exists in this organisation, custom modules and fields included. */
public interface MetadataApi {

  /** Every module. */
  @Get("/crm/v8/settings/modules")
  @ZohoScope("ZohoCRM.settings.modules.READ")
  List<ModuleMeta> modules();

  /** One module by API name; empty when unknown. */
  @Get("/crm/v8/settings/modules/{module}")
  @ZohoScope("ZohoCRM.settings.modules.READ")
  Optional<ModuleMeta> module(@Path("module") String module);

  /** The fields of a module. */
  @Get("/crm/v8/settings/fields")
  @ZohoScope("ZohoCRM.settings.fields.READ")
  List<FieldMeta> fields(@Query("module") String module);
}

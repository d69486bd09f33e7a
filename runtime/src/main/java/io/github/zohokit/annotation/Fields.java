package io.github.zohokit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names, at compile time, the fields a {@code @Query("fields")} parameter may carry, so that the processor can
 * check them against the organisation's committed schema snapshot: each must be a field of the module the method's
 * path names (keys starting with {@code $} are allowed), at most 50 (Zoho's limit per request), and the module must
 * exist and be API-supported. Without a snapshot nothing is checked.
 *
 * <pre>{@code
 * @Get("/crm/v8/Leads")
 * RecordPage<Lead> list(@Query("fields") @Fields({"Last_Name", "Email"}) List<String> fields);
 * }</pre>
 *
 * <p>The same checks apply to a constant {@code fields=} in the path ({@code @Get("/crm/v8/Leads?fields=Last_Name")}).
 * The annotation documents and checks; the value sent is still the parameter's.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Fields {
  /**
   * The field API names the parameter may carry.
   *
   * @return the names, for example {@code {"Last_Name", "Email"}}
   */
  String[] value();
}

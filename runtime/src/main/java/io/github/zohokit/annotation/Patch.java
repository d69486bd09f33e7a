package io.github.zohokit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An HTTP PATCH request. The value is the path template, for example {@code /crm/v8/Leads/{id}}; every
 * {@code {name}} needs a parameter annotated {@code @Path("name")}. The host is the user's API domain.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Patch {
  /**
   * The path template, starting with {@code /}.
   *
   * @return the path template, relative to the user's API domain, such as {@code /crm/v8/Leads/{id}}
   */
  String value();
}

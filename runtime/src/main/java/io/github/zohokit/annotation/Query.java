package io.github.zohokit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Adds this parameter as a query parameter. A {@link java.util.Collection}, {@link Iterable} or array becomes
 * Zoho's comma-joined form ({@code fields=Last_Name,Email}); a null value leaves the parameter out.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Query {
  /**
   * The query parameter's name.
   *
   * @return the name, sent as given (URL-encoded)
   */
  String value();
}

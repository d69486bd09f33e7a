package io.github.zohokit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Sends this parameter as a request header; a null value leaves the header out. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Header {
  /**
   * The header's name, for example {@code If-Modified-Since}.
   *
   * @return the header name, case-insensitive as HTTP headers are
   */
  String value();
}

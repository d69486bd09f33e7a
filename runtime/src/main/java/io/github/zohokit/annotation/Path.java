package io.github.zohokit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Fills the {@code {name}} segment of the path template with this parameter's value ({@code String.valueOf},
 * URL-encoded as one segment). Must not be null.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Path {
  /**
   * The name in the path template.
   *
   * @return the variable's name, without braces: {@code id} for {@code {id}}
   */
  String value();
}

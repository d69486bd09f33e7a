package io.github.zohokit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends this parameter as the JSON request body. A {@link java.util.List} is wrapped the way Zoho expects record
 * lists: {@code {"data": [...]}}. At most one per method; not on GET or DELETE.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Body {}

package io.github.zohokit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends this parameter as one part of a {@code multipart/form-data} body, as Zoho's uploads expect (Bulk Write's
 * {@code file}, an attachment's {@code file}, a record photo). A method with {@code @Part} parameters sends a
 * multipart body (OkHttp's {@code MultipartBody} sets the {@code Content-Type} and its boundary), so it needs
 * {@code @Post}, {@code @Put} or {@code @Patch} and has no {@code @Body}.
 *
 * <p>The parameter's type decides the part:
 *
 * <ul>
 *   <li>a file: {@link java.nio.file.Path} (file name and content type from the file), {@code byte[]},
 *       {@link java.io.InputStream} (file name: the part's name; content type {@code application/octet-stream}), or
 *       {@link io.github.zohokit.FilePart} to give the file name and content type; a null file throws
 *       {@code NullPointerException} before anything is sent. An {@code InputStream} can be sent only once: a call
 *       with one is not sent again, neither after a rejected token nor after a transient failure;
 *   <li>a text field: a {@code String}, a number, a boolean or an enum (its {@code toString()}); a null value leaves
 *       the part out.
 * </ul>
 *
 * Headers such as Bulk Write's {@code feature: bulk-write} and {@code X-CRM-ORG} are {@link Header} parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.PARAMETER)
public @interface Part {
  /**
   * The part's name, the form field Zoho reads, for example {@code file}.
   *
   * @return the part's name
   */
  String value();
}

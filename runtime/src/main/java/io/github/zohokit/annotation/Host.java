package io.github.zohokit.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Sends a method's call to another Zoho host than the user's API base, with the same token. Without it, a call
 * goes to the API base ({@link ZohoHost#API}). The path stays a path: the host follows the user's data centre, as
 * {@link ZohoHost#baseFor(String)} computes it.
 *
 * <pre>{@code
 * @Post("/crm/v8/upload")
 * @Host(ZohoHost.FILE_UPLOAD)
 * @ZohoScope({"ZohoFiles.files.ALL", "ZohoCRM.bulk.CREATE"})
 * UploadAnswer upload(@Header("feature") String feature, @Header("X-CRM-ORG") String zgid, @Part("file") Path zip);
 * }</pre>
 *
 * {@link ZohoHost#FILE_UPLOAD} is for uploads: it is refused at compile time on a {@code @Get} or {@code @Delete}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Host {
  /**
   * The host the call goes to.
   *
   * @return the host
   */
  ZohoHost value();
}

package io.github.zohokit.annotation;

/**
 * The Zoho host a call goes to, chosen per method with {@link Host}. Both follow the user's data centre: they are
 * computed from the API base the user's token is used with (the token's {@code api_domain}, or the base configured
 * in {@code ZohoEndpoints}).
 */
public enum ZohoHost {
  /** The user's API base, such as {@code https://www.zohoapis.eu}: every call that has no {@link Host}. */
  API,
  /**
   * The data centre's file-upload host, {@code content.zohoapis.<dc>} (such as {@code https://content.zohoapis.eu}),
   * where Zoho's Bulk Write upload ({@code POST /crm/v8/upload}) goes. Zoho's Java SDK 8.0 derives it from the API
   * domain in the same way. Zoho's "Upload File" page (Bulk Write,
   * {@code zoho.com/crm/developer/docs/api/v2.1/bulk-write/upload-file.html}) names {@code https://upload.zoho.com} as
   * common to every data centre and {@code upload-accl.zoho.<com|eu|in>} as faster hosts; zohokit follows the SDK's
   * per-data-centre host. An API base that is not {@code www.zohoapis.<dc>} (a loopback test double such
   * as zohokit's fake, a proxy, a custom data centre on another host) is used as it is: the fake serves uploads on
   * its API address.
   */
  FILE_UPLOAD;

  private static final String API_HOST = "://www.zohoapis.";
  private static final String UPLOAD_HOST = "://content.zohoapis.";

  /**
   * This host's base URL for the user whose API base is {@code apiBase}: {@code apiBase} itself for {@link #API};
   * for {@link #FILE_UPLOAD}, {@code https://www.zohoapis.<dc>...} becomes {@code https://content.zohoapis.<dc>...}
   * (port and path kept) and any other base is returned unchanged.
   *
   * @param apiBase the user's API base URL, such as {@code https://www.zohoapis.com} or {@code https://www.zohoapis.com/}
   * @return the base URL of this host for that user
   */
  public String baseFor(String apiBase) {
    if (apiBase == null) {
      throw new NullPointerException("apiBase: the user's API base URL, such as https://www.zohoapis.com");
    }
    if (this == API) {
      return apiBase;
    }
    int scheme = apiBase.indexOf(API_HOST);
    boolean zohoApis = scheme > 0 && apiBase.substring(0, scheme).chars().allMatch(Character::isLetter);
    return zohoApis ? apiBase.substring(0, scheme) + UPLOAD_HOST + apiBase.substring(scheme + API_HOST.length())
        : apiBase;
  }
}

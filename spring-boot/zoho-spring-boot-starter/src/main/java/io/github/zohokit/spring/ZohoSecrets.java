package io.github.zohokit.spring;

import java.util.Locale;

/**
 * Which property keys hold zohokit secrets, however Spring spells them: the client secret
 * ({@code zoho.client-secret}, {@code ZOHO_CLIENT_SECRET}), the token store key ({@code zoho.encryption-key} and the
 * environment variable {@code ZOHO_TOKEN_KEY} the plugin's store uses), grant codes ({@code ZOHO_GRANT_TOKEN}) and
 * access or refresh tokens.
 */
final class ZohoSecrets {
  private ZohoSecrets() {}

  /**
   * Whether {@code key} — a property name ({@code zoho.client-secret}, {@code ZOHO_CLIENT_SECRET}) or the member of
   * a {@code zoho} properties bean ({@code clientSecret}) — names one of these secrets.
   */
  static boolean isSecret(String key) {
    if (key == null) {
      return false;
    }
    String flat = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    return flat.endsWith("clientsecret") || flat.endsWith("encryptionkey") || flat.endsWith("tokenkey")
        || flat.endsWith("granttoken") || flat.endsWith("grantcode") || flat.endsWith("refreshtoken")
        || flat.endsWith("accesstoken");
  }
}

package io.github.zohokit.spring;

import java.util.Locale;

/** Which property keys hold zohokit secrets, however Spring spells them (zoho.client-secret, ZOHO_CLIENT_SECRET). */
final class ZohoSecrets {
  private ZohoSecrets() {}

  /**
   * Whether {@code key} — a property name ({@code zoho.client-secret}, {@code ZOHO_CLIENT_SECRET}) or the member of
   * a {@code zoho} properties bean ({@code clientSecret}) — names the client secret or the token encryption key.
   */
  static boolean isSecret(String key) {
    if (key == null) {
      return false;
    }
    String flat = key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "").replace(".", "");
    return flat.endsWith("clientsecret") || flat.endsWith("encryptionkey");
  }
}

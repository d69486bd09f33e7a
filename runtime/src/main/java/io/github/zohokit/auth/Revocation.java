package io.github.zohokit.auth;

/** What {@link ZohoOAuth#revoke(String)} did. */
public enum Revocation {
  /** Zoho revoked the token, and it was removed from the store. */
  REVOKED,
  /**
   * Zoho did not know the token any more (HTTP 400: already revoked, evicted as the 21st refresh token, or never
   * issued); it was removed from the store.
   */
  UNKNOWN_TO_ZOHO,
  /** Nothing was stored for the user: nothing was sent to Zoho. */
  NOTHING_STORED
}

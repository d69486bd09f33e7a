package io.github.zohokit.auth;

/** Zoho's {@code access_type}: whether the authorization also yields a refresh token. */
public enum AccessType {
  /** Access token only; the user authorizes again when it expires. */
  ONLINE,
  /** Access token and refresh token (Zoho issues the refresh token on the first consent, or with {@code prompt=consent}). */
  OFFLINE;

  String param() {
    return this == ONLINE ? "online" : "offline";
  }
}

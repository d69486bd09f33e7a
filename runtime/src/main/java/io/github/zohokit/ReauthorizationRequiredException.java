package io.github.zohokit;

import java.util.Optional;

/**
 * No usable token exists and none can be obtained without the user: nothing is stored for the user key, the
 * client type has no refresh token (client-based apps), or Zoho declared the refresh token dead. When zohokit
 * knows where to send the user, {@link #authorizationUrl()} carries that URL.
 */
public class ReauthorizationRequiredException extends ZohoAuthException {
  private static final long serialVersionUID = 1L;

  private final String authorizationUrl;

  public ReauthorizationRequiredException(String message, String authorizationUrl) {
    super(null, message);
    this.authorizationUrl = authorizationUrl;
  }

  public ReauthorizationRequiredException(String error, String message, Throwable cause) {
    super(error, message, cause);
    this.authorizationUrl = null;
  }

  /** Where to send the user to authorize again, when known. */
  public Optional<String> authorizationUrl() {
    return Optional.ofNullable(authorizationUrl);
  }
}

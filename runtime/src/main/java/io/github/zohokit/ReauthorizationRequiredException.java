package io.github.zohokit;

import io.github.zohokit.auth.AuthorizationRequest;
import java.util.Optional;

/**
 * No usable token exists and none can be obtained without the user: nothing is stored for the user key, the
 * client type has no refresh token (client-based apps), or Zoho declared the refresh token dead. When zohokit
 * knows where to send the user (client-based apps, whose token holds its scopes), {@link #authorizationRequest()}
 * carries the request: send the user to its URL, keep it (it holds the {@code state}), and complete it with the
 * redirect ({@code ImplicitFlow.complete}).
 */
public class ReauthorizationRequiredException extends ZohoAuthException {
  private static final long serialVersionUID = 1L;

  private final transient AuthorizationRequest authorizationRequest;

  /**
   * No token and no way to get one; {@code authorizationRequest}, if not null, is where to send the user.
   *
   * @param message what is missing and what the user must do
   * @param authorizationRequest the request to send the user through, or null when zohokit cannot build one
   */
  public ReauthorizationRequiredException(String message, AuthorizationRequest authorizationRequest) {
    super(null, message);
    this.authorizationRequest = authorizationRequest;
  }

  /**
   * Zoho declared the refresh token dead ({@code error}), or zohokit already knows it is: the user must authorize
   * again.
   *
   * @param error Zoho's OAuth error code, such as {@code invalid_code}, or null
   * @param message what happened and how to recover
   * @param cause the refusal, or null
   */
  public ReauthorizationRequiredException(String error, String message, Throwable cause) {
    super(error, message, cause);
    this.authorizationRequest = null;
  }

  /**
   * The authorization to send the user through again, when known.
   *
   * @return the request, or empty
   */
  public Optional<AuthorizationRequest> authorizationRequest() {
    return Optional.ofNullable(authorizationRequest);
  }

  /**
   * Where to send the user to authorize again, when known: the URL of {@link #authorizationRequest()}.
   *
   * @return the URL, or empty
   */
  public Optional<String> authorizationUrl() {
    return authorizationRequest().map(AuthorizationRequest::url);
  }
}

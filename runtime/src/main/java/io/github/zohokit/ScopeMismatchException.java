package io.github.zohokit;

import java.util.List;
import java.util.Map;

/**
 * Zoho answered {@code OAUTH_SCOPE_MISMATCH}: the access token was granted without a scope the call needs.
 * Refreshing cannot help; the user (or the self-client bootstrap) must grant the missing scope.
 * {@link #requiredScopes()} names the scopes the call declared, {@link #grantedScopes()} those the token has.
 *
 * <p>Also thrown, with {@link #status()} 0, before a call is sent, when its path names the module with a variable
 * and the method's scopes do not cover the module it was called with.
 */
public class ScopeMismatchException extends ZohoApiException {
  private static final long serialVersionUID = 1L;

  /** The scopes the call declared. */
  private final List<String> requiredScopes;
  /** The scopes the token was granted. */
  private final List<String> grantedScopes;

  /**
   * A scope mismatch of a call.
   *
   * @param message the exception's message: the missing scopes and how to grant them
   * @param status the HTTP status, or 0 when the call was stopped before it was sent
   * @param details Zoho's {@code details}, or null
   * @param zohoMessage Zoho's {@code message}, or null
   * @param requiredScopes the scopes the call declared, not null, copied
   * @param grantedScopes the scopes the token was granted, not null, copied
   */
  public ScopeMismatchException(String message, int status, Map<String, Object> details, String zohoMessage,
      List<String> requiredScopes, List<String> grantedScopes) {
    super(message, status, "OAUTH_SCOPE_MISMATCH", details, zohoMessage);
    this.requiredScopes = List.copyOf(requiredScopes);
    this.grantedScopes = List.copyOf(grantedScopes);
  }

  /**
   * Scopes the failed call declared (from its {@code @ZohoScope}); empty when unknown.
   *
   * @return the scopes, unmodifiable
   */
  public List<String> requiredScopes() {
    return requiredScopes;
  }

  /**
   * Scopes the access token was granted with; empty when Zoho did not report them.
   *
   * @return the scopes, unmodifiable
   */
  public List<String> grantedScopes() {
    return grantedScopes;
  }
}

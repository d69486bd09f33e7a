package io.github.zohokit.spring;

import io.github.zohokit.ZohoAuthException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Answers a Login with Zoho that failed. {@link ZohoAuthException#error()} says why: {@code access_denied} (the user
 * declined), {@code state_mismatch} (a forged or stale callback), {@code no_login_in_progress} (no login started in
 * this session, or the callback was opened twice), {@code no_user} (no user key for the request, see
 * {@link ZohoUserKeyResolver}), {@code invalid_code} (the code expired or was used), {@code zoho_unavailable} (Zoho is down for now: try again),
 * {@code token_store_error} (the token store failed), {@code login_unavailable} (the client cannot log users in),
 * or another Zoho error; the cause, if any, is the runtime's exception. The
 * default renders a short HTML page that says what happened and links to a new login; define a bean of this type to
 * redirect to a page of the application instead.
 */
@FunctionalInterface
public interface ZohoLoginFailureHandler {
  /**
   * Writes the answer to a failed login, after the login endpoints have logged a warning with the error code and
   * message.
   *
   * @param request the request to the login or callback endpoint
   * @param response the response to write: a page, or a redirect
   * @param failure why the login failed; {@link ZohoAuthException#error()} is the code
   * @throws IOException when writing the response fails
   */
  void onFailure(HttpServletRequest request, HttpServletResponse response, ZohoAuthException failure)
      throws IOException;
}

package io.github.zohokit.spring;

import io.github.zohokit.ZohoAuthException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.springframework.web.util.HtmlUtils;

/** The default {@link ZohoLoginFailureHandler}: a short HTML page that says what happened and what to do. */
final class ZohoLoginErrorPage implements ZohoLoginFailureHandler {
  private final String loginPath;

  ZohoLoginErrorPage(String loginPath) {
    this.loginPath = loginPath;
  }

  @Override
  public void onFailure(HttpServletRequest request, HttpServletResponse response, ZohoAuthException failure)
      throws IOException {
    String code = failure.error() == null ? "error" : failure.error();
    response.setStatus(status(code));
    response.setContentType("text/html;charset=UTF-8");
    response.setHeader("Cache-Control", "no-store");
    String page = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Login with Zoho failed"
        + "</title></head>\n<body>\n<h1>Login with Zoho failed</h1>\n<p id=\"zoho-error-message\">" + escape(explain(code))
        + "</p>\n<p>Error: <code id=\"zoho-error\">" + escape(code) + "</code></p>\n<p><a id=\"zoho-login-again\" href=\""
        + escape(request.getContextPath() + loginPath) + "\">Log in with Zoho again</a></p>\n</body></html>\n";
    response.getOutputStream().write(page.getBytes(StandardCharsets.UTF_8));
  }

  static int status(String code) {
    switch (code) {
      case "access_denied":
        return 403;
      case "state_mismatch":
      case "no_login_in_progress":
      case "missing_code":
      case "invalid_code":
      case "untrusted_accounts_server":
        return 400;
      case "no_user":
        return 401;
      case "zoho_unavailable":
        return 503;
      case "token_store_error":
      case "login_unavailable":
        return 500;
      default:
        return 502;
    }
  }

  static String explain(String code) {
    switch (code) {
      case "access_denied":
        return "You declined to give this application access to your Zoho account. Nothing was stored.";
      case "state_mismatch":
        return "The answer from Zoho does not belong to the login started in this browser (a forged or stale link). "
            + "Nothing was stored.";
      case "no_login_in_progress":
        return "No login was started in this browser session: it expired, or the link from Zoho was opened twice.";
      case "invalid_code":
        return "Zoho's one-time code expired or was already used. Log in again.";
      case "no_user":
        return "Sign in to this application first; Zoho tokens are kept per signed-in user.";
      case "zoho_unavailable":
        return "Zoho is unavailable right now. Nothing was stored; try again in a few minutes.";
      case "token_store_error":
        return "This application could not read or write its store of Zoho tokens (the token store failed). "
            + "Nothing was stored; the application's log names the problem.";
      case "login_unavailable":
        return "This application cannot log in with Zoho as configured; the application's log says why.";
      case "untrusted_accounts_server":
        return "The answer names a Zoho accounts server this application does not trust. Nothing was stored.";
      default:
        return "Zoho did not complete the login. Try again; if it keeps failing, the application's log says why.";
    }
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}

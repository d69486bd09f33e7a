package io.github.zohokit.testkit;

/** An OAuth error the fake answers with: {@code {"error": code}}, as Zoho does. */
final class OAuthError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String code;
  final String description;

  OAuthError(String code) {
    this(code, null);
  }

  OAuthError(String code, String description) {
    super(code, null, false, false);
    this.code = code;
    this.description = description;
  }

  /** Zoho's throttle: {@code "Access Denied"} with a description, answered with HTTP 400. */
  static OAuthError throttled() {
    return new OAuthError("Access Denied",
        "You have made too many requests continuously. Please try again after some time.");
  }

  boolean isThrottle() {
    return code.equals("Access Denied");
  }
}

package io.github.zohokit.internal.http;

import io.github.zohokit.ZohoException;
import java.io.IOException;

/**
 * OkHttp lets interceptors throw only {@link IOException}s, so a call that could not get a token fails with this
 * one; {@link #zohoCause()} is the real reason ({@code ReauthorizationRequiredException}, {@code
 * RateLimitException}, ...), which zohokit's clients rethrow as is.
 */
final class TokenUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  TokenUnavailableException(ZohoException cause) {
    super(cause.getMessage(), cause);
  }

  /**
   * Why no token could be obtained.
   *
   * @return the {@code ZohoException} the call fails with
   */
  ZohoException zohoCause() {
    return (ZohoException) getCause();
  }
}

package io.github.zohokit.internal.http;

import io.github.zohokit.ZohoException;
import java.io.IOException;

/**
 * The governor did not send a call (the stop rule on credits, no permit or the end of a cool-down within the wait):
 * OkHttp lets interceptors throw only {@link IOException}s, so the {@link ZohoException} travels inside this one,
 * and {@link ZohoErrorDecoder#failure} hands it to the caller as it is. Never retried.
 */
final class LimitRefusedException extends IOException {
  private static final long serialVersionUID = 1L;

  LimitRefusedException(ZohoException cause) {
    super(cause.getMessage(), cause);
  }

  /**
   * Why the call was not sent.
   *
   * @return the exception the call fails with
   */
  ZohoException zohoCause() {
    return (ZohoException) getCause();
  }
}

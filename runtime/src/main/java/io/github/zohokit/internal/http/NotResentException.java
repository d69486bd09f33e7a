package io.github.zohokit.internal.http;

import java.io.IOException;

/**
 * The connection failed during a request zohokit does not resend on its own (POST, PATCH, PUT, DELETE): Zoho may
 * have applied it already, and sending it again could, for example, create a record twice.
 */
public final class NotResentException extends IOException {
  private static final long serialVersionUID = 1L;

  NotResentException(String message, IOException cause) {
    super(message, cause);
  }
}

package io.github.zohokit.store;

import io.github.zohokit.ZohoException;

/** A token store could not be read or written. The message names the store (its path, for files) and what to do. */
public class TokenStoreException extends ZohoException {
  private static final long serialVersionUID = 1L;

  public TokenStoreException(String message) {
    super(message);
  }

  public TokenStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

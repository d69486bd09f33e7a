package io.github.zohokit.spi;

import io.github.zohokit.ZohoException;

/** A token store could not be read or written. The message names the store (its path, for files) and what to do. */
public class TokenStoreException extends ZohoException {
  private static final long serialVersionUID = 1L;

  /**
   * A store failure without an underlying exception (a corrupt or tampered entry).
   *
   * @param message what failed, naming the store, and what to do
   */
  public TokenStoreException(String message) {
    super(message);
  }

  /**
   * A store failure caused by {@code cause} (an I/O or SQL error).
   *
   * @param message what failed, naming the store, and what to do
   * @param cause the underlying failure
   */
  public TokenStoreException(String message, Throwable cause) {
    super(message, cause);
  }
}

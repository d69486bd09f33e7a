package io.github.zohokit.spi;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;
import java.util.Objects;

/**
 * A token as a {@link TokenStore} holds it: with the version the store assigned on its last write. Versions start
 * at 1 and grow with every write of the key; {@link TokenStore#compareAndSet} uses them so that concurrent writers
 * (threads or processes) never silently overwrite each other.
 *
 * @param key the client and user the token is stored under
 * @param token the stored token
 * @param version the store's version of this key after the write that stored {@code token}, at least 1
 */
public record StoredToken(TokenKey key, ZohoToken token, long version) {
  /**
   * Checks every part.
   *
   * @param key the key the token is stored under, not null
   * @param token the token, not null
   * @param version the version of this write, at least 1
   * @throws NullPointerException when {@code key} or {@code token} is null
   * @throws IllegalArgumentException when {@code version} is less than 1
   */
  public StoredToken {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(token, "token");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, was " + version);
    }
  }
}

package io.github.zohokit.spi;

import io.github.zohokit.auth.ZohoToken;
import io.github.zohokit.store.TokenKey;
import java.util.Objects;

/**
 * A token as a {@link TokenStore} holds it: with the version the store assigned on its last write. Versions start
 * at 1 and grow with every write of the key; {@link TokenStore#compareAndSet} uses them so that concurrent writers
 * (threads or processes) never silently overwrite each other.
 */
public record StoredToken(TokenKey key, ZohoToken token, long version) {
  public StoredToken {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(token, "token");
    if (version < 1) {
      throw new IllegalArgumentException("version must be at least 1, was " + version);
    }
  }
}

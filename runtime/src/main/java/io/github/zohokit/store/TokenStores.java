package io.github.zohokit.store;

import java.nio.file.Path;
import java.util.Objects;

/** The token stores zohokit ships. */
public final class TokenStores {
  private TokenStores() {}

  /** Tokens in memory only; lost when the process ends. */
  public static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }

  /**
   * Tokens in a JSON file that several processes may share: atomic replacement, OS file locks, owner-only
   * permissions, and a corrupt file is reported, never overwritten.
   */
  public static TokenStore file(Path path) {
    return new FileTokenStore(Objects.requireNonNull(path, "path"));
  }

  /**
   * The file the Maven plugin and the runtime share by default: {@code ~/.zoho/tokens.json}, or the file named by
   * the environment variable {@code ZOHO_TOKEN_STORE}.
   */
  public static Path defaultFile() {
    String fromEnv = System.getenv("ZOHO_TOKEN_STORE");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    return Path.of(System.getProperty("user.home"), ".zoho", "tokens.json");
  }
}

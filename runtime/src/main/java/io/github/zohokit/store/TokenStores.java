package io.github.zohokit.store;

import io.github.zohokit.spi.TokenStore;
import java.nio.file.Path;
import java.util.Objects;

/** The token stores zohokit ships. */
public final class TokenStores {
  private TokenStores() {}

  /**
   * Tokens in memory only; lost when the process ends.
   *
   * @return a new, empty store; each call gives a separate one
   */
  public static TokenStore inMemory() {
    return new InMemoryTokenStore();
  }

  /**
   * Tokens in a JSON file that several processes may share: atomic replacement, OS file locks, owner-only
   * permissions, and a corrupt file is reported, never overwritten.
   *
   * @param path the file, not null; created with its directories on the first write
   * @return a store on {@code path}
   * @throws NullPointerException when {@code path} is null
   */
  public static TokenStore file(Path path) {
    return new FileTokenStore(Objects.requireNonNull(path, "path"));
  }

  /**
   * A file store whose tokens are encrypted at rest with {@code cipher} (AES-GCM under a key the application
   * supplies).
   *
   * @param path the file, not null; created with its directories on the first write
   * @param cipher the cipher, not null
   * @return a store on {@code path}
   * @throws NullPointerException when {@code path} or {@code cipher} is null
   */
  public static TokenStore file(Path path, TokenCipher cipher) {
    return new FileTokenStore(Objects.requireNonNull(path, "path"), () -> { }, Objects.requireNonNull(cipher, "cipher"));
  }

  /**
   * Tokens in a database shared by a fleet (PostgreSQL, MySQL/MariaDB, H2), with refresh leases so that one process
   * refreshes for all. Tables created on first use; see {@link JdbcTokenStore#builder} for the options.
   *
   * @param dataSource the database, not null; connections are taken per operation and closed after it
   * @return a store on the default table {@code zohokit_tokens}
   * @throws NullPointerException when {@code dataSource} is null
   */
  public static TokenStore jdbc(javax.sql.DataSource dataSource) {
    return JdbcTokenStore.builder(dataSource).build();
  }

  /**
   * The file the Maven plugin and the runtime share by default: {@code ~/.zoho/tokens.json}, or the file named by
   * the environment variable {@code ZOHO_TOKEN_STORE}.
   *
   * @return the path; the file need not exist yet
   */
  public static Path defaultFile() {
    String fromEnv = System.getenv("ZOHO_TOKEN_STORE");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return Path.of(fromEnv);
    }
    return Path.of(System.getProperty("user.home"), ".zoho", "tokens.json");
  }
}

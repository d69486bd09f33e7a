package io.github.zohokit.maven;

import io.github.zohokit.store.TokenCipher;
import java.util.function.Function;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The key the token store is encrypted with, so that the goals read and write the same sealed store as the
 * application: the password of a {@code settings.xml} {@code <server>} (by default {@code zoho-token-key}; Maven's
 * encrypted passwords work), else the environment variable {@code ZOHO_TOKEN_KEY}; either holds the base64 AES key
 * the application passes to {@link TokenCipher#aesGcm(String)}. Neither set: the store is not encrypted. Never a
 * {@code -D} property, which would show in the process list and in {@code mvn -X}.
 */
final class StoreEncryption {
  static final String ENVIRONMENT_VARIABLE = "ZOHO_TOKEN_KEY";

  private StoreEncryption() {}

  /**
   * The cipher, or null when no key is configured.
   *
   * @param server the key's {@code <server>}, or null when settings.xml has none
   * @throws MojoFailureException when the key is not base64 of 16, 24 or 32 bytes (the key is not printed)
   */
  static TokenCipher cipher(Credentials.Server server, Function<String, String> environment)
      throws MojoFailureException {
    String key;
    String source;
    if (server != null && server.password() != null && !server.password().isBlank()) {
      key = server.password();
      source = "the password of <server> '" + server.id() + "' in settings.xml";
    } else {
      key = environment.apply(ENVIRONMENT_VARIABLE);
      source = "the environment variable " + ENVIRONMENT_VARIABLE;
    }
    if (key == null || key.isBlank()) {
      return null;
    }
    try {
      return TokenCipher.aesGcm(key);
    } catch (IllegalArgumentException e) {
      throw new MojoFailureException("The token store key in " + source + " is not valid: it must be the base64 "
          + "of a 16-, 24- or 32-byte AES key, the same the application uses (generate one with: openssl rand "
          + "-base64 32)");
    }
  }
}

package io.github.zohokit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.testing.Untrusted;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A token file is input once anyone but this process can write it (a store writer without the key, a hand edit, a
 * cut write of another tool): whatever its bytes, {@code FileTokenStore} reads tokens or throws the
 * {@link TokenStoreException} it documents, never another exception; no message shows a token or the key; and a
 * file it cannot read is never overwritten.
 *
 * <p>Inputs are {@link StoredTokenInput}s (a whole file). Seeds:
 * {@code src/test/resources/io/github/zohokit/store/TokenFileFuzzTestInputs/tokenFile/}, files as zohokit writes them
 * (plain, sealed, format 1) and as a writer without the key could change them.
 */
class TokenFileFuzzTest {
  private static final Path DIR;
  private static final Path FILE;

  static {
    try {
      DIR = Files.createTempDirectory("zohokit-token-file-fuzz");
      FILE = DIR.resolve("tokens.json");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  @FuzzTest
  void tokenFile(byte[] input) throws IOException {
    StoredTokenInput stored = StoredTokenInput.of(input);
    byte[] bytes = stored.text().getBytes(StandardCharsets.UTF_8);
    Files.write(FILE, bytes);
    TokenStore store = stored.encrypted() ? TokenStores.file(FILE, stored.cipher()) : TokenStores.file(FILE);
    try {
      Optional<StoredToken> token = store.load(StoredTokenInput.KEY);
      store.keys();
      token.ifPresent(t -> stored.assertRedacted(t.token()));
    } catch (TokenStoreException e) {
      Untrusted.assertNoSecretIn(e, stored.secrets());
      // what cannot be read is not overwritten: a write fails the same way and leaves the bytes as they were
      assertThatThrownBy(() -> store.compareAndSet(StoredTokenInput.KEY, 0, StoredTokenInput.token()))
          .isInstanceOf(TokenStoreException.class);
      assertThat(Arrays.equals(Files.readAllBytes(FILE), bytes)).as("the unreadable file is unchanged").isTrue();
    }
  }
}

package io.github.zohokit.store;

import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.testing.JavaProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


class FileTokenStoreTest {
  private static final TokenKey KEY = new TokenKey("1000.CLIENT", "alice");

  @TempDir
  Path dir;

  private static ZohoToken fullToken() {
    return ZohoToken.builder()
        .accessToken(Secret.of("1000.aa11bb22cc33dd44ee55ff6677889900.99887766554433221100ffeeddccbbaa"))
        .refreshToken(Secret.of("1000.5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b.1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f"))
        .expiresAt(Instant.parse("2026-11-29T11:00:00Z"))
        .scopes(Scope.parseList("ZohoCRM.modules.ALL ZohoCRM.users.READ"))
        .apiDomain("https://www.zohoapis.eu").accountsServer("https://accounts.zoho.eu").dataCenter(DataCenter.EU)
        .idToken(Secret.of("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXZhbHVl"))
        .build();
  }

  @Test
  void tokensSurviveAFreshStoreOnTheSameFile() {
    Path file = dir.resolve("tokens.json");
    StoredToken saved = new FileTokenStore(file).save(KEY, fullToken());

    Optional<StoredToken> loaded = new FileTokenStore(file).load(KEY);

    assertThat(saved.version()).isEqualTo(1);
    assertThat(loaded).contains(saved);
    assertThat(loaded.get().token()).isEqualTo(fullToken());
    assertThat(new FileTokenStore(file).keys()).containsExactly(KEY);
  }

  @Test
  void fileAndNewDirectoryAreOwnerOnly() throws Exception {
    Path file = dir.resolve("nested/.zoho/tokens.json");
    new FileTokenStore(file).save(KEY, fullToken());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
  }

  @Test
  void theClientSecretIsNeverWritten() throws Exception {
    Path file = dir.resolve("tokens.json");
    new FileTokenStore(file).save(KEY, fullToken());
    assertThat(Files.readString(file)).doesNotContain("client_secret").contains("\"format\" : \"zohokit-tokens\"");
  }

  @Test
  void compareAndSetRefusesAStaleVersion() {
    FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));
    store.save(KEY, fullToken());
    ZohoToken other = fullToken().toBuilder().expiresAt(Instant.parse("2026-11-29T12:00:00Z")).build();

    assertThat(store.compareAndSet(KEY, 0, other)).isEmpty();
    assertThat(store.compareAndSet(KEY, 1, other)).get().extracting(StoredToken::version).isEqualTo(2L);
    assertThat(store.compareAndSet(KEY, 1, fullToken())).isEmpty();
    assertThat(store.load(KEY).get().token()).isEqualTo(other);
  }

  @Test
  void deleteRemovesOnlyThatKey() {
    FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));
    TokenKey bob = new TokenKey("1000.CLIENT", "bob");
    store.save(KEY, fullToken());
    store.save(bob, fullToken());
    assertThat(store.delete(KEY)).isTrue();
    assertThat(store.delete(KEY)).isFalse();
    assertThat(store.keys()).containsExactly(bob);
  }

  @Test
  void aCorruptFileIsReportedWithItsPathAndNeverOverwritten() throws Exception {
    Path file = dir.resolve("tokens.json");
    Files.writeString(file, "{\"format\": \"zohokit-tokens\", \"tokens\": [");
    byte[] before = Files.readAllBytes(file);
    FileTokenStore store = new FileTokenStore(file);

    assertThatThrownBy(() -> store.load(KEY))
        .isInstanceOf(TokenStoreException.class)
        .hasMessageContaining(file.toString())
        .hasMessageContaining("not valid JSON")
        .hasMessageContaining("will not overwrite it");
    assertThatThrownBy(() -> store.save(KEY, fullToken())).isInstanceOf(TokenStoreException.class);
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void aForeignFileIsReportedAndNeverOverwritten() throws Exception {
    Path file = dir.resolve("tokens.json");
    Files.writeString(file, "{\"some\": \"other tool's config\"}");
    byte[] before = Files.readAllBytes(file);
    assertThatThrownBy(() -> new FileTokenStore(file).save(KEY, fullToken()))
        .hasMessageContaining("not a zohokit token file");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void aFailureBeforeTheReplaceLeavesTheOldFileIntactAndNoTemporaryFiles() throws Exception {
    Path file = dir.resolve("tokens.json");
    new FileTokenStore(file).save(KEY, fullToken());
    byte[] before = Files.readAllBytes(file);
    FileTokenStore failing = new FileTokenStore(file, () -> {
      throw new IllegalStateException("disk unplugged");
    });

    assertThatThrownBy(() -> failing.save(new TokenKey("1000.CLIENT", "bob"), fullToken()))
        .hasMessageContaining("disk unplugged");

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    assertThat(new FileTokenStore(file).keys()).containsExactly(KEY);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("tokens.json",
          "tokens.json.lock");
    }
  }

  @Test
  void aProcessKilledBetweenTemporaryWriteAndReplaceLeavesTheOldFileReadable() throws Exception {
    Path file = dir.resolve("tokens.json");
    new FileTokenStore(file).save(KEY, fullToken());
    byte[] before = Files.readAllBytes(file);

    Process crasher = JavaProcess.start(FileStoreWorker.class, "crash-before-replace", file.toString());
    assertThat(crasher.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(crasher.exitValue()).isEqualTo(3);

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    FileTokenStore store = new FileTokenStore(file);
    assertThat(store.keys()).containsExactly(KEY);
    store.save(new TokenKey("1000.CLIENT", "after"), fullToken());
    assertThat(store.keys()).hasSize(2);
  }

  @Test
  void twoProcessesWritingTheSameFileLoseNothing() throws Exception {
    Path file = dir.resolve("tokens.json");
    Process a = JavaProcess.start(FileStoreWorker.class, "write", file.toString(), "a", "60");
    Process b = JavaProcess.start(FileStoreWorker.class, "write", file.toString(), "b", "60");
    FileTokenStore store = new FileTokenStore(file);
    for (int i = 0; i < 30; i++) {
      store.save(new TokenKey("client", "parent-" + i), FileStoreWorker.token("p" + i));
    }
    assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(output(a)).contains("WROTE 60");
    assertThat(output(b)).contains("WROTE 60");

    List<TokenKey> keys = store.keys();
    assertThat(keys).hasSize(150);
    assertThat(store.load(new TokenKey("client", "a-59")).get().token()).isEqualTo(FileStoreWorker.token("a59"));
    assertThat(store.load(new TokenKey("client", "b-0")).get().token()).isEqualTo(FileStoreWorker.token("b0"));
  }

  @Test
  void aRefreshLeaseIsExclusiveAcrossProcessesAndReleasedWhenItsHolderDies() throws Exception {
    Path file = dir.resolve("tokens.json");
    Process holder = JavaProcess.start(FileStoreWorker.class, "hold-lease", file.toString(), "alice");
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("LEASED");
      FileTokenStore store = new FileTokenStore(file);
      TokenKey alice = new TokenKey("client", "alice");

      assertThat(store.tryAcquireRefreshLease(alice, Duration.ofSeconds(30))).isEmpty();
      Optional<RefreshLease> other = store.tryAcquireRefreshLease(new TokenKey("client", "bob"), Duration.ofSeconds(30));
      assertThat(other).isPresent();
      other.get().close();

      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      Optional<RefreshLease> mine = store.tryAcquireRefreshLease(alice, Duration.ofSeconds(30));
      assertThat(mine).isPresent();
      mine.get().close();
    } finally {
      holder.destroyForcibly();
    }
  }

  @Test
  void aRefreshLeaseIsExclusiveWithinOneProcessUntilClosed() {
    FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));
    Optional<RefreshLease> first = store.tryAcquireRefreshLease(KEY, Duration.ofSeconds(30));
    assertThat(first).isPresent();
    assertThat(new FileTokenStore(dir.resolve("tokens.json")).tryAcquireRefreshLease(KEY, Duration.ofSeconds(30)))
        .isEmpty();
    first.get().close();
    Optional<RefreshLease> again = store.tryAcquireRefreshLease(KEY, Duration.ofSeconds(30));
    assertThat(again).isPresent();
    again.get().close();
  }

  @Test
  void anEncryptedFileHoldsNoTokenInClear() throws Exception {
    Path file = dir.resolve("tokens.json");
    TokenCipher cipher = TokenCipher.aesGcm("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
    TokenStores.file(file, cipher).save(KEY, fullToken());
    assertThat(Files.readString(file)).doesNotContain(fullToken().refreshToken().reveal())
        .doesNotContain(fullToken().accessToken().reveal()).doesNotContain("accounts.zoho.eu")
        .doesNotContain("zohoapis").doesNotContain("2026-11-29").contains("enc:v2:");
    assertThat(TokenStores.file(file, cipher).load(KEY).get().token()).isEqualTo(fullToken());
    assertThatThrownBy(() -> new FileTokenStore(file).load(KEY)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("stored encrypted");
  }

  private static String output(Process process) throws Exception {
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}

package io.github.zohokit.store;

import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.TokenKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.spi.StoredToken;
import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The file store off its main path: other threads after a write, a first lease, a file system without atomic moves. */
@Timeout(30)
class FileTokenStoreEdgesTest {
  private static final TokenKey ALICE = new TokenKey("1000.CLIENT", "alice");
  private static final TokenKey BOB = new TokenKey("1000.CLIENT", "bob");

  @TempDir
  Path dir;

  private static ZohoToken token(String access) {
    return ZohoToken.builder().accessToken(Secret.of(access))
        .refreshToken(Secret.of("1000.5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b.1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f"))
        .expiresAt(Instant.parse("2026-11-29T11:00:00Z")).scopes(Scope.parseList("ZohoCRM.modules.ALL"))
        .apiDomain("https://www.zohoapis.com").build();
  }

  @Test
  void anotherThreadCanWriteAfterThisOneWrote() throws Exception {
    FileTokenStore store = new FileTokenStore(dir.resolve("tokens.json"));
    store.save(ALICE, token("1000.aa11bb22cc33dd44ee55ff6677889900.x"));
    CompletableFuture<StoredToken> other = CompletableFuture.supplyAsync(
        () -> store.save(BOB, token("1000.bb11bb22cc33dd44ee55ff6677889900.y")));
    assertThat(other.get(10, TimeUnit.SECONDS).version()).isEqualTo(1);
    assertThat(new FileTokenStore(dir.resolve("tokens.json")).keys()).containsExactly(ALICE, BOB);
  }

  @Test
  void aLeaseCanBeTakenBeforeAnythingWasWrittenInADirectoryNotYetCreated() {
    FileTokenStore store = new FileTokenStore(dir.resolve("new/.zoho/tokens.json"));
    Optional<RefreshLease> lease = store.tryAcquireRefreshLease(ALICE, java.time.Duration.ofSeconds(30));
    assertThat(lease).isPresent();
    assertThat(dir.resolve("new/.zoho/tokens.json.lock")).exists();
    lease.get().close();
  }

  @Test
  void anInvalidEntryIsNamedByItsPositionInTheFile() throws Exception {
    Path file = dir.resolve("tokens.json");
    FileTokenStore store = new FileTokenStore(file);
    store.save(ALICE, token("1000.aa11bb22cc33dd44ee55ff6677889900.x"));
    store.save(BOB, token("1000.bb11bb22cc33dd44ee55ff6677889900.y"));
    ObjectNode root = (ObjectNode) TokenJson.MAPPER.readTree(file.toFile());
    ((ObjectNode) ((ArrayNode) root.get("tokens")).get(1)).put("token", "not a token");
    Files.write(file, TokenJson.MAPPER.writeValueAsBytes(root));

    assertThatThrownBy(() -> store.load(ALICE)).isInstanceOf(TokenStoreException.class)
        .hasMessageContaining("entry 1 ").hasMessageNotContaining("entry 0").hasMessageNotContaining("entry -1");
  }

  @Test
  void whereTheFileSystemCannotMoveAtomicallyTheFileIsStillReplacedWhole() throws Exception {
    Path file = dir.resolve("tokens.json");
    List<List<CopyOption>> moves = new ArrayList<>();
    ReplaceSteps noAtomicMove = new ReplaceSteps() {
      @Override
      public void move(Path source, Path target, CopyOption... options) throws IOException {
        moves.add(Arrays.asList(options));
        if (Arrays.asList(options).contains(StandardCopyOption.ATOMIC_MOVE)) {
          throw new AtomicMoveNotSupportedException(source.toString(), target.toString(), "not on this file system");
        }
        Files.move(source, target, options);
      }
    };
    FileTokenStore store = new FileTokenStore(file, () -> { }, null, noAtomicMove);
    store.save(ALICE, token("1000.aa11bb22cc33dd44ee55ff6677889900.x"));
    store.save(ALICE, token("1000.cc11bb22cc33dd44ee55ff6677889900.z"));

    assertThat(new FileTokenStore(file).load(ALICE).get().token().accessToken().reveal())
        .isEqualTo("1000.cc11bb22cc33dd44ee55ff6677889900.z");
    assertThat(moves).containsExactly(
        List.of(StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING),
        List.of(StandardCopyOption.REPLACE_EXISTING),
        List.of(StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING),
        List.of(StandardCopyOption.REPLACE_EXISTING));
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("tokens.json",
          "tokens.json.lock");
    }
  }

  @Test
  void itDescribesItselfByItsAbsoluteFile() {
    FileTokenStore store = new FileTokenStore(dir.resolve("a/../tokens.json"));
    assertThat(store).hasToString("token file " + dir.toAbsolutePath().normalize().resolve("tokens.json"));
  }
}

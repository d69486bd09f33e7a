package io.github.zohokit.store;

import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.testing.JavaProcess;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;


/**
 * A refresh lease of the file store stays exclusive against other processes while its own process goes on using the
 * store. POSIX record locks belong to the process and the file: closing any channel on the lock file drops every lock
 * the process holds on it, so the store must never close a channel on the lock file while a lease is held.
 */
@Timeout(60)
class FileLeaseAcrossWritesTest {
  private static final TokenKey ALICE = new TokenKey("client", "alice");
  private static final TokenKey BOB = new TokenKey("client", "bob");

  @TempDir
  Path dir;

  /** What another process gets when it asks for {@code user}'s lease now: LEASED or BUSY. */
  private static String otherProcessAsks(Path file, String user) throws IOException, InterruptedException {
    Process probe = JavaProcess.start(LeaseProbe.class, file.toString(), user);
    assertThat(probe.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String out = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
    assertThat(probe.exitValue()).as(out).isZero();
    return out;
  }

  @Test
  void aLeaseStaysExclusiveWhileItsProcessWritesOtherTokens() throws Exception {
    Path file = dir.resolve("tokens.json");
    FileTokenStore store = new FileTokenStore(file);
    Optional<RefreshLease> lease = store.tryAcquireRefreshLease(ALICE, Duration.ofSeconds(30));
    assertThat(lease).isPresent();
    assertThat(otherProcessAsks(file, "alice")).isEqualTo("BUSY");

    store.save(BOB, FileStoreWorker.token("bob"));
    assertThat(otherProcessAsks(file, "alice")).as("after a write by the lease's process").isEqualTo("BUSY");

    lease.get().close();
    assertThat(otherProcessAsks(file, "alice")).isEqualTo("LEASED");
  }

  @Test
  void releasingOneLeaseKeepsTheOthersOfItsProcess() throws Exception {
    Path file = dir.resolve("tokens.json");
    FileTokenStore store = new FileTokenStore(file);
    RefreshLease alice = store.tryAcquireRefreshLease(ALICE, Duration.ofSeconds(30)).orElseThrow();
    RefreshLease bob = store.tryAcquireRefreshLease(BOB, Duration.ofSeconds(30)).orElseThrow();

    bob.close();
    assertThat(otherProcessAsks(file, "alice")).isEqualTo("BUSY");
    assertThat(otherProcessAsks(file, "bob")).isEqualTo("LEASED");
    alice.close();
    assertThat(otherProcessAsks(file, "alice")).isEqualTo("LEASED");
  }

  /** How many file descriptors of this JVM are open on {@code file} (Linux: the links in /proc/self/fd). */
  private static long descriptorsOn(Path file) throws IOException {
    Path real = file.toRealPath();
    try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
      return fds.filter(fd -> {
        try {
          return Files.readSymbolicLink(fd).equals(real);
        } catch (IOException gone) {
          return false; // closed while listing (the listing's own descriptor, another thread's file)
        }
      }).count();
    }
  }

  @Test
  void theLockFileIsOpenOnlyWhileAWriteOrALeaseUsesIt() throws Exception {
    Path file = dir.resolve("tokens.json");
    Path lockFile = dir.resolve("tokens.json.lock");
    FileTokenStore store = new FileTokenStore(file);
    store.save(ALICE, FileStoreWorker.token("alice"));
    assertThat(descriptorsOn(lockFile)).as("after a write").isZero();

    RefreshLease lease = store.tryAcquireRefreshLease(ALICE, Duration.ofSeconds(30)).orElseThrow();
    store.save(BOB, FileStoreWorker.token("bob"));
    assertThat(descriptorsOn(lockFile)).as("one channel while the lease is held, shared by the write").isEqualTo(1);
    lease.close();
    assertThat(descriptorsOn(lockFile)).as("after the lease").isZero();

    Process holder = JavaProcess.start(FileStoreWorker.class, "hold-lease", file.toString(), "bob");
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("LEASED");
      assertThat(store.tryAcquireRefreshLease(BOB, Duration.ofSeconds(30))).isEmpty();
      assertThat(descriptorsOn(lockFile)).as("after a lease refused").isZero();
    } finally {
      holder.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}

package io.github.zohokit.store;

import io.github.zohokit.token.TokenKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.ZohoToken;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.CopyOption;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The file store's replace, observed through its file-system seam: the new content is written to a temporary
 * file, forced to disk, closed, then moved over the file with {@code ATOMIC_MOVE}; and at every step the file on
 * disk is the old content or the new one — which is what a crash at that step leaves behind.
 */
@Timeout(30)
class FileReplaceStepsTest {
  private static final TokenKey KEY = new TokenKey("1000.CLIENT", "alice");

  @TempDir
  Path dir;

  private static ZohoToken token(String access) {
    return ZohoToken.builder().accessToken(Secret.of(access))
        .refreshToken(Secret.of("1000.5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b.1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f"))
        .expiresAt(Instant.parse("2026-11-29T11:00:00Z")).scopes(Scope.parseList("ZohoCRM.modules.ALL"))
        .apiDomain("https://www.zohoapis.com").build();
  }

  private static final ZohoToken OLD = token("1000.aa11bb22cc33dd44ee55ff6677889900.99887766554433221100ffeeddccbbaa");
  private static final ZohoToken NEW = token("1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210");

  /** Records every step; before and after each one, snapshots the file; throws at step {@code crashAt}. */
  private static final class Recorder implements ReplaceSteps {
    final Path file;
    final int crashAt;
    final List<String> calls = new ArrayList<>();
    final List<byte[]> snapshots = new ArrayList<>();
    Path temp;
    Path forced;

    Recorder(Path file, int crashAt) {
      this.file = file;
      this.crashAt = crashAt;
    }

    private void step(String call) throws IOException {
      snapshot();
      calls.add(call);
      if (calls.size() == crashAt) {
        throw new Crash(call);
      }
    }

    void snapshot() throws IOException {
      snapshots.add(Files.exists(file) ? Files.readAllBytes(file) : null);
    }

    @Override
    public Path createTemp(Path dir, String prefix, String suffix, FileAttribute<?>... attributes)
        throws IOException {
      step("createTemp");
      temp = ReplaceSteps.super.createTemp(dir, prefix, suffix, attributes);
      snapshot();
      return temp;
    }

    @Override
    public FileChannel open(Path path, OpenOption... options) throws IOException {
      step("open " + (path.equals(temp) ? "temp" : path));
      FileChannel channel = ReplaceSteps.super.open(path, options);
      snapshot();
      return channel;
    }

    @Override
    public int write(FileChannel channel, ByteBuffer buffer) throws IOException {
      step("write");
      // a few bytes at a time, so that there are half-written states to observe
      ByteBuffer part = buffer.duplicate();
      part.limit(Math.min(buffer.limit(), buffer.position() + 64));
      int written = channel.write(part);
      buffer.position(buffer.position() + written);
      snapshot();
      return written;
    }

    @Override
    public void force(FileChannel channel) throws IOException {
      step("force");
      ReplaceSteps.super.force(channel);
      forced = temp;
      snapshot();
    }

    @Override
    public void close(FileChannel channel) throws IOException {
      step("close");
      ReplaceSteps.super.close(channel);
      snapshot();
    }

    @Override
    public void move(Path source, Path target, CopyOption... options) throws IOException {
      step("move " + (source.equals(temp) ? "temp" : source) + " -> " + (target.equals(file) ? "file" : target)
          + " " + Arrays.toString(options));
      ReplaceSteps.super.move(source, target, options);
      snapshot();
    }
  }

  private static final class Crash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Crash(String step) {
      super("crash at " + step);
    }
  }

  private Path fileWithOld() {
    Path file = dir.resolve("tokens.json");
    new FileTokenStore(file).save(KEY, OLD);
    return file;
  }

  @Test
  void theNewContentIsForcedToDiskBeforeItAtomicallyReplacesTheFile() throws Exception {
    Path file = fileWithOld();
    Recorder recorder = new Recorder(file.toAbsolutePath().normalize(), -1);

    new FileTokenStore(file, () -> { }, null, recorder).save(KEY, NEW);

    List<String> calls = recorder.calls;
    assertThat(calls.get(0)).isEqualTo("createTemp");
    assertThat(calls.get(1)).isEqualTo("open temp");
    assertThat(calls.subList(2, calls.size() - 3)).isNotEmpty().containsOnly("write");
    assertThat(calls.subList(calls.size() - 3, calls.size())).containsExactly("force", "close",
        "move temp -> file " + Arrays.toString(new CopyOption[] {
            StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING}));
    assertThat(recorder.forced).as("the file that was forced is the one moved").isEqualTo(recorder.temp);
    assertThat(new FileTokenStore(file).load(KEY).orElseThrow().token()).isEqualTo(NEW);
    assertThat(Files.exists(recorder.temp)).as("no temporary file is left").isFalse();
  }

  @Test
  void aCrashAtAnyStepLeavesTheOldFileOrTheNewOneNeverAHalfWrittenOne() throws Exception {
    byte[] oldBytes = Files.readAllBytes(fileWithOld());
    Files.delete(dir.resolve("tokens.json"));
    // a run without a crash, to count the steps and learn the new content
    Path reference = dir.resolve("reference/tokens.json");
    new FileTokenStore(reference).save(KEY, OLD);
    Recorder full = new Recorder(reference.toAbsolutePath().normalize(), -1);
    new FileTokenStore(reference, () -> { }, null, full).save(KEY, NEW);
    byte[] newBytes = Files.readAllBytes(reference);
    int steps = full.calls.size();
    assertThat(steps).isGreaterThan(5);
    for (byte[] seen : full.snapshots) {
      assertThat(seen).as("the file between two steps of a replace")
          .satisfiesAnyOf(b -> assertThat(b).isEqualTo(oldBytes), b -> assertThat(b).isEqualTo(newBytes));
    }
    assertThat(full.snapshots.get(full.snapshots.size() - 1)).isEqualTo(newBytes);

    for (int crashAt = 1; crashAt <= steps; crashAt++) {
      Path file = dir.resolve("crash-" + crashAt + "/tokens.json");
      new FileTokenStore(file).save(KEY, OLD);
      assertThat(Files.readAllBytes(file)).isEqualTo(oldBytes);
      Recorder recorder = new Recorder(file.toAbsolutePath().normalize(), crashAt);
      String step = full.calls.get(crashAt - 1);

      assertThatThrownBy(() -> new FileTokenStore(file, () -> { }, null, recorder).save(KEY, NEW))
          .as("crash at step %d (%s)", crashAt, step).isInstanceOf(Crash.class);

      for (byte[] seen : recorder.snapshots) {
        assertThat(seen).as("the file as a crash at step %d (%s) or before it finds it", crashAt, step)
            .satisfiesAnyOf(b -> assertThat(b).isEqualTo(oldBytes), b -> assertThat(b).isEqualTo(newBytes));
      }
      ZohoToken after = new FileTokenStore(file).load(KEY).orElseThrow().token();
      assertThat(after).as("crash at step %d (%s): the store reads a whole token", crashAt, step).isEqualTo(OLD);
    }
  }
}

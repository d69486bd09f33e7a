package io.github.zohokit.store;

import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.RefreshLease;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** What {@link FileTokenStoreTest} runs in other processes. */
public final class FileStoreWorker {
  private FileStoreWorker() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[1]);
    switch (args[0]) {
      case "write": {
        FileTokenStore store = new FileTokenStore(file);
        int count = Integer.parseInt(args[3]);
        for (int i = 0; i < count; i++) {
          store.save(new TokenKey("client", args[2] + "-" + i), token(args[2] + i));
        }
        System.out.println("WROTE " + count);
        break;
      }
      case "crash-before-replace": {
        FileTokenStore store = new FileTokenStore(file, () -> Runtime.getRuntime().halt(3));
        store.save(new TokenKey("client", "crasher"), token("crash"));
        break;
      }
      case "hold-lease": {
        FileTokenStore store = new FileTokenStore(file);
        Optional<RefreshLease> lease = store.tryAcquireRefreshLease(new TokenKey("client", args[2]),
            Duration.ofSeconds(30));
        System.out.println(lease.isPresent() ? "LEASED" : "BUSY");
        System.out.flush();
        Thread.sleep(60_000);
        break;
      }
      default:
        throw new IllegalArgumentException(args[0]);
    }
  }

  static ZohoToken token(String seed) {
    String hex = String.format("%032x", Math.abs((long) seed.hashCode()));
    return ZohoToken.builder().accessToken(Secret.of("1000." + hex + "." + hex))
        .refreshToken(Secret.of("1000." + hex + ".ff" + hex.substring(2)))
        .expiresAt(Instant.parse("2026-11-29T11:00:00Z")).build();
  }
}

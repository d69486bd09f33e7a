package io.github.zohokit.store;

import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.RefreshLease;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Run in another process by {@link FileLeaseAcrossWritesTest}: tries the lease of one key once, prints the answer. */
public final class LeaseProbe {
  private LeaseProbe() {}

  public static void main(String[] args) {
    Optional<RefreshLease> lease = new FileTokenStore(Path.of(args[0]))
        .tryAcquireRefreshLease(new TokenKey("client", args[1]), Duration.ofSeconds(30));
    System.out.println(lease.isPresent() ? "LEASED" : "BUSY");
    lease.ifPresent(RefreshLease::close);
  }
}

package io.github.zohokit.maven;

import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.store.TokenStores;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/**
 * The {@code bootstrap-token} mojo's own time when the store already holds a covering token: the no-op every
 * build after the first one pays. Runs the mojo in this JVM, 1 cold + 50 warm executions.
 */
public final class BootstrapNoOp {
  private BootstrapNoOp() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("zoho-bench-bootstrap");
    File tokens = dir.resolve("tokens.json").toFile();
    String clientId = "1000.BENCHCLIENT0000000000000000000";
    TokenStores.file(tokens.toPath()).save(new TokenKey(clientId, "default"), ZohoToken.builder()
        .accessToken(Secret.of("1000.aa11bb22cc33dd44ee55ff6677889900.99887766554433221100ffeeddccbbaa"))
        .refreshToken(Secret.of("1000.5e6f7a8b9c0d1e2f3a4b5c6d7e8f9a0b.1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f"))
        .expiresAt(Instant.now().plusSeconds(3600)).scopes(Scope.parseList("ZohoCRM.modules.ALL,ZohoCRM.users.READ"))
        .build());
    System.setProperty("zoho.clientId", clientId);
    List<Long> micros = new ArrayList<>();
    for (int i = 0; i < 51; i++) {
      BootstrapTokenMojo mojo = new BootstrapTokenMojo();
      mojo.setLog(new SystemStreamLog() {
        @Override
        public void info(CharSequence content) {
          // quiet: 51 identical "nothing to do" lines
        }
      });
      mojo.serverId = "zoho";
      mojo.dataCenter = "us";
      mojo.userKey = "default";
      mojo.scopes = "ZohoCRM.modules.leads.READ,ZohoCRM.users.READ";
      mojo.tokenStore = tokens;
      mojo.includeDependencies = false;
      long start = System.nanoTime();
      mojo.execute();
      micros.add((System.nanoTime() - start) / 1000);
    }
    long cold = micros.remove(0);
    List<Long> sorted = new ArrayList<>(micros);
    sorted.sort(Long::compare);
    System.out.printf("bootstrap_noop_cold_ms=%.2f warm_median_ms=%.3f warm_p90_ms=%.3f (50 runs)%n", cold / 1000.0,
        sorted.get(25) / 1000.0, sorted.get(45) / 1000.0);
  }
}

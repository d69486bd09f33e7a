package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.token.TokenKey;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.JavaProcess;
import io.github.zohokit.testing.LeaseWatchingStore;
import java.io.BufferedReader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrossProcessRefreshTest {
  private static final String REFRESHED = "1000.0000000000000000000000000000000a.0000000000000000000000000000000b";

  @TempDir
  Path dir;

  @Test
  void fourProcessesSharingAFileStoreRefreshAnExpiredTokenOnce() throws Exception {
    AtomicInteger refreshes = new AtomicInteger();
    try (MockWebServer accounts = new MockWebServer()) {
      accounts.setDispatcher(new Dispatcher() {
        @Override
        public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
          refreshes.incrementAndGet();
          Thread.sleep(1500);
          return json("{\"access_token\":\"" + REFRESHED + "\",\"expires_in\":3600}");
        }
      });
      accounts.start();
      Path file = dir.resolve("tokens.json");
      TokenStores.file(file).save(new TokenKey(CLIENT_ID, "default"), ZohoToken.builder()
          .accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
          .expiresAt(Instant.now().minusSeconds(60)).accountsServer(accounts.url("/").toString()).build());

      List<Process> processes = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        processes.add(JavaProcess.start(RefreshWorker.class, file.toString(), accounts.url("/").toString(),
            CLIENT_ID, CLIENT_SECRET));
      }
      List<BufferedReader> outputs = LeaseWatchingStore.release(processes);
      int waited = 0;
      for (int i = 0; i < processes.size(); i++) {
        assertThat(processes.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
        String output = outputs.get(i).lines().collect(Collectors.joining("\n"));
        assertThat(output).contains("TOKEN " + REFRESHED);
        if (output.contains("WAITED true")) {
          waited++;
        }
      }
      assertThat(refreshes).hasValue(1);
      assertThat(waited).as("workers that were refused the lease and waited for another's renewal")
          .isGreaterThanOrEqualTo(1);
    }
  }
}

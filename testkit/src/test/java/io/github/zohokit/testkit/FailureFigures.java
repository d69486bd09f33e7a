package io.github.zohokit.testkit;

import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.ZohoException;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.TokenStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The figures of issue 13, measured against the fake Zoho with zohokit's default settings (not a test: it takes
 * about 35 s). Run after {@code test-compile} with the testkit's test class path:
 * {@code java -cp <classpath> io.github.zohokit.testkit.FailureFigures}.
 */
public final class FailureFigures {
  private FailureFigures() {}

  public static void main(String[] args) throws Exception {
    try (FakeZoho fake = FakeZoho.start()) {
      revokedRefreshToken(fake);
      tricklingAccounts(fake);
    }
  }

  private static ZohoOAuth expired(FakeZoho fake, FakeClient client) {
    ZohoOAuth oauth = ZohoOAuth.selfClient(client.clientId(), client.clientSecret()).endpoints(fake.endpoints())
        .tokenStore(TokenStores.inMemory()).clock(fake.clock()).build();
    oauth.selfClientFlow().exchangeGrantToken(fake.generateGrantCode(client, List.of("ZohoCRM.org.READ")));
    fake.advanceClock(Duration.ofHours(2));
    fake.resetObservations();
    return oauth;
  }

  private static void revokedRefreshToken(FakeZoho fake) {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = expired(fake, client);
    fake.revokeToken(oauth.storedToken("default").orElseThrow().refreshToken().reveal());
    int reauthorize = 0;
    for (int i = 0; i < 20; i++) {
      try {
        oauth.token("default");
      } catch (ReauthorizationRequiredException e) {
        reauthorize++;
      }
    }
    System.out.println("revoked refresh token: 20 token() calls -> " + fake.count("token:refresh_token")
        + " token request(s), " + reauthorize + " ReauthorizationRequiredException");
  }

  private static void tricklingAccounts(FakeZoho fake) throws Exception {
    FakeClient client = fake.registerSelfClient();
    ZohoOAuth oauth = expired(fake, client);
    // one byte every 2 s, as in the issue: each byte well within OkHttp's 10 s read timeout
    fake.failNext(Fault.Target.TOKEN, 1, Fault.trickle(Duration.ofSeconds(2)));
    ExecutorService callers = Executors.newFixedThreadPool(4);
    List<Future<String>> outcomes = new ArrayList<>();
    long start = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      outcomes.add(callers.submit(() -> {
        long began = System.nanoTime();
        String what;
        try {
          oauth.token("default");
          what = "token";
        } catch (ZohoException e) {
          what = e.getClass().getSimpleName();
        }
        return what + " after " + Duration.ofNanos(System.nanoTime() - began).toMillis() + " ms";
      }));
    }
    for (Future<String> outcome : outcomes) {
      System.out.println("trickling accounts server (1 byte / 2 s), default settings: token() -> " + outcome.get());
    }
    System.out.println("worst case over 4 concurrent callers: "
        + Duration.ofNanos(System.nanoTime() - start).toMillis() + " ms");
    callers.shutdown();
  }
}

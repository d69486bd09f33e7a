package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.form;
import static io.github.zohokit.testing.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.RateLimitException;
import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.spi.RefreshLease;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Accounts failing as it does in real life, against a real HTTP server: dead refresh tokens, outages, HTML, slow
 * answers, huge bodies, client credentials under 401s. Each test is one line of issue 13's "Why".
 */
class FailurePathsTest {
  private final MockWebServer accounts = new MockWebServer();
  private final MutableClock clock = new MutableClock();
  private final TokenStore store = TokenStores.inMemory();
  private final AtomicInteger tokenRequests = new AtomicInteger();
  private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
  private volatile Function<Integer, MockResponse> answer = n -> ok(n);

  @BeforeEach
  void start() throws Exception {
    accounts.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        if (request.getUrl().encodedPath().equals("/oauth/v2/token")) {
          forms.add(form(request));
          return answer.apply(tokenRequests.incrementAndGet());
        }
        if (request.getUrl().encodedPath().equals("/oauth/v2/token/revoke")) {
          return json(400, "{\"status\":\"failure\",\"error\":\"invalid_token\"}");
        }
        return json(404, "{\"error\":\"unexpected request\"}");
      }
    });
    accounts.start();
  }

  @AfterEach
  void stop() {
    accounts.close();
  }

  private static String newToken(int n) {
    return String.format("1000.%032d.%032d", n, n);
  }

  private static MockResponse ok(int n) {
    return json("{\"access_token\":\"" + newToken(n) + "\",\"api_domain\":\"https://www.zohoapis.com\","
        + "\"token_type\":\"Bearer\",\"expires_in\":3600}");
  }

  private ZohoOAuth.Builder selfClient() {
    return configure(ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET));
  }

  private ZohoOAuth.Builder configure(ZohoOAuth.Builder builder) {
    return builder.endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .tokenStore(store).clock(clock);
  }

  /** Stores a token that expired a minute ago, with a refresh token. */
  private void storedExpired() {
    store.save(new TokenKey(CLIENT_ID, TokenKey.DEFAULT_USER), ZohoToken.builder()
        .accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(clock.instant().minus(Duration.ofMinutes(1))).scopes(Scope.parseList("ZohoCRM.modules.ALL"))
        .accountsServer(accounts.url("/").toString()).dataCenter(DataCenter.US).build());
  }

  // ---- 1. a dead refresh token costs one request ----

  @Test
  void aRevokedRefreshTokenCostsOneRequestOverTwentyCallsAndSaysHowToRecover() {
    storedExpired();
    answer = n -> json("{\"error\":\"invalid_code\"}");
    ZohoOAuth oauth = selfClient().build();

    for (int i = 0; i < 20; i++) {
      assertThatThrownBy(() -> oauth.token("default"))
          .isInstanceOf(ReauthorizationRequiredException.class)
          .hasMessageContaining("mvn zoho:bootstrap-token -Dzoho.grantToken=");
      clock.advance(Duration.ofMinutes(1));
    }

    assertThat(tokenRequests).hasValue(1);
    assertThat(store.load(new TokenKey(oauth.clientId(), "default")).get().token().refreshTokenRejectedAt()).isNotNull();
  }

  @Test
  void aDeadRefreshTokenIsRefusedBeforeTheRefreshLeaseIsTaken() {
    storedExpired();
    answer = n -> json("{\"error\":\"invalid_code\"}");
    ZohoOAuth oauth = selfClient().accountsTimeout(Duration.ofSeconds(2)).build();
    assertThatThrownBy(() -> oauth.token("default")).isInstanceOf(ReauthorizationRequiredException.class);

    // another holder of the lease would make a caller that wants it wait; a dead token needs no lease at all
    try (RefreshLease held = store.tryAcquireRefreshLease(new TokenKey(oauth.clientId(), "default"), Duration.ofMinutes(1)).get()) {
      // (a caller that asked for the lease would wait for it and then give up with ZohoUnavailableException)
      assertThatThrownBy(() -> oauth.token("default")).isInstanceOf(ReauthorizationRequiredException.class)
          .hasMessageContaining("No request was sent");
    }
    assertThat(tokenRequests).hasValue(1);
  }

  @Test
  void anotherProcessReadsTheDeadMarkFromTheStoreAndSendsNothingUntilANewTokenIsStored() {
    storedExpired();
    answer = n -> json("{\"error\":\"invalid_code\"}");
    assertThatThrownBy(() -> selfClient().build().token("default"))
        .isInstanceOf(ReauthorizationRequiredException.class);

    ZohoOAuth other = selfClient().build();
    assertThatThrownBy(() -> other.token("default"))
        .isInstanceOf(ReauthorizationRequiredException.class)
        .hasMessageContaining("No request was sent");
    assertThat(tokenRequests).hasValue(1);

    // a bootstrap stores a new token: it is used, and the dead mark does not stick to it
    answer = n -> ok(n);
    store.save(new TokenKey(other.clientId(), "default"), ZohoToken.builder().accessToken(Secret.of(newToken(50)))
        .refreshToken(Secret.of("1000.new.refresh")).expiresAt(clock.instant().minus(Duration.ofSeconds(1)))
        .accountsServer(accounts.url("/").toString()).build());
    assertThat(other.accessToken("default").reveal()).isEqualTo(newToken(2));
  }

  @Test
  void theRecoveryMessageFitsTheClientType() {
    storedExpired();
    answer = n -> json("{\"error\":\"invalid_code\"}");
    assertThatThrownBy(() -> configure(ZohoOAuth.nonBrowser(CLIENT_ID, CLIENT_SECRET)).build().token("default"))
        .hasMessageContaining("mvn zoho:device-login");
    storedExpired();
    assertThatThrownBy(() -> configure(ZohoOAuth.serverBased(CLIENT_ID, CLIENT_SECRET, "https://app.example.com/cb"))
        .build().token("default"))
        .hasMessageContaining("AuthorizationCodeFlow.authorize");
  }

  // ---- 1. transient is not refusal, and failures do not spend the budget ----

  @Test
  void aServerErrorFromTheTokenEndpointIsTransientWithItsStatusNotARefusal() {
    storedExpired();
    answer = n -> json(500, "{\"error\":\"internal_error\"}");

    assertThatThrownBy(() -> selfClient().build().token("default"))
        .isInstanceOf(ZohoUnavailableException.class)
        .isNotInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("HTTP 500")
        .hasMessageNotContaining("refused")
        .satisfies(e -> assertThat(((ZohoUnavailableException) e).status()).hasValue(500));
  }

  @Test
  void anHtmlPageIsTransientWithItsStatus() {
    storedExpired();
    answer = n -> new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body("<html><h1>502 Bad Gateway</h1></html>").build();

    assertThatThrownBy(() -> selfClient().build().token("default"))
        .isInstanceOf(ZohoUnavailableException.class).hasMessageContaining("HTTP 502");
  }

  @Test
  void anOutageBacksOffInsteadOfSpendingTheBudgetAndZohoIsUsedAgainOnceItRecovers() {
    storedExpired();
    answer = n -> json(503, "{\"error\":\"internal_error\"}");
    ZohoOAuth oauth = selfClient().build();

    for (int i = 0; i < 15; i++) {
      assertThatThrownBy(() -> oauth.token("default")).isInstanceOf(ZohoUnavailableException.class);
      // callers within the back-off are answered without a request
      assertThatThrownBy(() -> oauth.token("default")).isInstanceOf(ZohoUnavailableException.class)
          .hasMessageContaining("backing off");
      clock.advance(RefreshBudget.MAX_BACKOFF);
    }
    assertThat(tokenRequests).hasValue(15);

    answer = n -> ok(n);
    assertThat(oauth.accessToken("default").reveal()).isEqualTo(newToken(16));
  }

  @Test
  void backOffDoublesFromOneSecondAndIsCapped() {
    assertThat(RefreshBudget.backoff(1)).isEqualTo(Duration.ofSeconds(1));
    assertThat(RefreshBudget.backoff(2)).isEqualTo(Duration.ofSeconds(2));
    assertThat(RefreshBudget.backoff(4)).isEqualTo(Duration.ofSeconds(8));
    assertThat(RefreshBudget.backoff(7)).isEqualTo(Duration.ofMinutes(1));
    assertThat(RefreshBudget.backoff(1000)).isEqualTo(Duration.ofMinutes(1));
  }

  // ---- 2. bounded time and size ----

  @Test
  void aTricklingAccountsServerIsCutOffAtTheCallTimeout() {
    storedExpired();
    // a byte every 200 ms: each arrives well within OkHttp's 10 s read timeout; the whole answer would take 20 s
    answer = n -> new MockResponse.Builder().setHeader("Content-Type", "application/json")
        .body("{\"error\":\"" + "x".repeat(90) + "\"}").throttleBody(1, 200, TimeUnit.MILLISECONDS).build();
    ZohoOAuth oauth = selfClient().accountsTimeout(Duration.ofSeconds(1)).build();

    assertThatThrownBy(() -> oauth.token("default"))
        .isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("did not answer within 1s");
  }

  @Test
  void anAnswerOverOneMebibyteIsRefusedWithAClearError() {
    storedExpired();
    answer = n -> json("{\"error\":\"" + "x".repeat(1024 * 1024) + "\"}");

    assertThatThrownBy(() -> selfClient().build().token("default"))
        .isInstanceOf(ZohoUnavailableException.class)
        .hasMessageContaining("larger than 1024 KiB");
  }

  @Test
  void theRefreshLeaseMustOutliveTheCallTimeout() {
    assertThatThrownBy(() -> selfClient().accountsTimeout(Duration.ofSeconds(30)).leaseTimeout(Duration.ofSeconds(20))
        .build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must last longer than the accounts call timeout");
  }

  // ---- 6. client credentials through the budget and the throttle memory ----

  @Test
  void clientCredentialsUnderRejectionsStayWithinTheBudget() {
    ZohoOAuth oauth = selfClient().clientCredentials("ZohoCRM.600123", List.of("ZohoCRM.modules.ALL"))
        .refreshBudget(3, Duration.ofMinutes(10)).build();
    ZohoToken token = oauth.token("default");
    for (int i = 0; i < 2; i++) {
      token = oauth.tokenRejected("default", token.accessToken());
    }
    ZohoToken last = token;

    assertThatThrownBy(() -> oauth.tokenRejected("default", last.accessToken()))
        .isInstanceOf(RateLimitException.class).hasMessageContaining("already issued 3 access tokens");
    assertThat(tokenRequests).hasValue(3);
  }

  @Test
  void clientCredentialsRememberZohosThrottle() {
    answer = n -> json(400, "{\"error_description\":\"You have made too many requests continuously.\","
        + "\"error\":\"Access Denied\",\"status\":\"failure\"}");
    ZohoOAuth oauth = selfClient().clientCredentials("600123", List.of("ZohoCRM.modules.ALL")).build();

    assertThatThrownBy(() -> oauth.token("default")).isInstanceOf(RateLimitException.class);
    assertThatThrownBy(() -> oauth.token("default")).isInstanceOf(RateLimitException.class)
        .hasMessageContaining("waits until then");
    assertThat(tokenRequests).hasValue(1);
  }

  @Test
  void budgetEntriesOfTokensNoLongerUsedExpire() {
    RefreshBudget budget = new RefreshBudget(10, Duration.ofMinutes(10));
    ZohoToken issued = ZohoToken.builder().accessToken(Secret.of(ACCESS_TOKEN)).expiresAt(clock.instant()).build();
    for (int i = 0; i < 50; i++) {
      budget.request(Secret.of("1000.refresh." + i), clock::instant, "refreshing", () -> issued);
    }
    assertThat(budget.size()).isEqualTo(50);

    clock.advance(Duration.ofHours(1));
    budget.request(Secret.of("1000.refresh.new"), clock::instant, "refreshing", () -> issued);
    assertThat(budget.size()).isEqualTo(1);
  }

  @Test
  void deadRefreshTokensAreForgottenAfterAWindowAsTheStoredRecordKeepsTheMark() {
    RefreshBudget budget = new RefreshBudget(10, Duration.ofMinutes(10));
    ZohoToken issued = ZohoToken.builder().accessToken(Secret.of(ACCESS_TOKEN)).expiresAt(clock.instant()).build();
    Secret dead = Secret.of("1000.refresh.dead");
    budget.dead(dead, clock.instant());
    clock.advance(Duration.ofMinutes(11));
    budget.request(Secret.of("1000.refresh.other"), clock::instant, "refreshing", () -> issued);
    assertThat(budget.isDead(dead)).as("still remembered within the windows").isTrue();

    clock.advance(Duration.ofHours(1));
    budget.request(Secret.of("1000.refresh.new"), clock::instant, "refreshing", () -> issued);
    assertThat(budget.isDead(dead)).isFalse();
    assertThat(budget.size()).isEqualTo(1);
  }

  // ---- 8. protocol corrections ----

  @Test
  void aRefreshAnswerCarryingARefreshTokenReplacesTheOldOne() {
    storedExpired();
    answer = n -> json("{\"access_token\":\"" + newToken(n) + "\",\"refresh_token\":\"1000.rotated.refresh\","
        + "\"expires_in\":3600}");
    ZohoOAuth oauth = selfClient().build();

    assertThat(oauth.token("default").refreshToken().reveal()).isEqualTo("1000.rotated.refresh");
    assertThat(store.load(new TokenKey(oauth.clientId(), "default")).get().token().refreshToken().reveal())
        .isEqualTo("1000.rotated.refresh");
  }

  @Test
  void revokeAnsweredWith400ForATokenZohoNoLongerKnowsClearsTheLocalCopy() {
    storedExpired();
    ZohoOAuth oauth = selfClient().build();

    assertThat(oauth.revoke("default")).isEqualTo(Revocation.UNKNOWN_TO_ZOHO);
    assertThat(store.keys()).isEmpty();
  }

  @Test
  void clientCredentialsWithoutSoidSendNone() {
    answer = n -> json("{\"access_token\":\"" + newToken(n) + "\",\"expires_in\":3600}");
    ZohoOAuth oauth = selfClient().clientCredentials(List.of("ZohoCRM.modules.ALL")).build();

    oauth.token("default");
    assertThat(forms).hasSize(1);
    assertThat(forms.get(0)).containsEntry("grant_type", "client_credentials").doesNotContainKey("soid");
  }
}

package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.DataCenter;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.form;
import static io.github.zohokit.testing.Fixtures.json;
import static io.github.zohokit.testing.Fixtures.tokenAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeviceFlowTest {
  private static final String DEVICE_CODE = "1004.device.0123456789abcdef0123456789abcdef";
  private static final String CODE_ANSWER = "{\"device_code\":\"" + DEVICE_CODE + "\",\"user_code\":\"ABCD-1234\","
      + "\"verification_url\":\"https://accounts.zoho.com/oauth/v3/device\",\"interval\":5000,\"expires_in\":300000}";

  private final MockWebServer us = new MockWebServer();
  private final MockWebServer eu = new MockWebServer();
  private final MutableClock clock = new MutableClock();
  private final List<Duration> sleeps = new ArrayList<>();
  private final List<String> events = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    us.start();
    eu.start();
  }

  @AfterEach
  void stop() {
    us.close();
    eu.close();
  }

  private ZohoOAuth oauth() {
    return ZohoOAuth.nonBrowser(CLIENT_ID, CLIENT_SECRET)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, us.url("/").toString())
            .withAccountsUrl(DataCenter.EU, eu.url("/").toString()))
        .tokenStore(TokenStores.inMemory()).clock(clock)
        .sleeper(d -> {
          sleeps.add(d);
          clock.advance(d);
        })
        .build();
  }

  private final DeviceFlow.Listener listener = new DeviceFlow.Listener() {
    @Override
    public void onUserCode(DeviceFlow.UserCode authorization) {
      events.add("code " + authorization.userCode() + " at " + authorization.verificationUrl());
    }

    @Override
    public void onSlowDown(Duration interval) {
      events.add("slow down to " + interval.toSeconds() + "s");
    }

    @Override
    public void onDataCenterChanged(DataCenter dataCenter) {
      events.add("moved to " + dataCenter);
    }
  };

  @Test
  void startAsksZohoV3ForAUserCodeWithoutTheSecret() throws Exception {
    us.enqueue(json(CODE_ANSWER));
    DeviceFlow.UserCode authorization = oauth().deviceFlow().start(List.of("ZohoCRM.modules.ALL"));

    RecordedRequest request = us.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/oauth/v3/device/code");
    assertThat(form(request)).containsExactlyInAnyOrderEntriesOf(Map.of("client_id", CLIENT_ID,
        "grant_type", "device_request", "scope", "ZohoCRM.modules.ALL", "access_type", "offline",
        "prompt", "consent"));
    assertThat(authorization.userCode()).isEqualTo("ABCD-1234");
    assertThat(authorization.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(authorization.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(5)));
    assertThat(authorization.toString()).doesNotContain(DEVICE_CODE);
  }

  @Test
  void aUserWithAStoredRefreshTokenIsNotAskedForConsentAgain() throws Exception {
    ZohoOAuth oauth = oauth();
    us.enqueue(json(CODE_ANSWER));
    us.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.com", "ZohoCRM.modules.ALL")));
    oauth.deviceFlow().login(List.of("ZohoCRM.modules.ALL"), listener, "alice");
    assertThat(form(us.takeRequest())).containsEntry("prompt", "consent");
    us.takeRequest();

    us.enqueue(json(CODE_ANSWER));
    oauth.deviceFlow().start(List.of("ZohoCRM.modules.ALL"), AccessType.OFFLINE, "alice");
    assertThat(form(us.takeRequest())).doesNotContainKey("prompt");
    us.enqueue(json(CODE_ANSWER));
    oauth.deviceFlow().start(List.of("ZohoCRM.modules.ALL"), AccessType.OFFLINE, "bob");
    assertThat(form(us.takeRequest())).containsEntry("prompt", "consent");
  }

  @Test
  void aDeviceTokenNamingAnUntrustedApiDomainIsRefusedAndNotStored() {
    ZohoOAuth oauth = oauth();
    us.enqueue(json(CODE_ANSWER));
    us.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://api.evil.example", null)));

    assertThatThrownBy(() -> oauth.deviceFlow().login(List.of("ZohoCRM.modules.ALL"), listener, "alice"))
        .isInstanceOfSatisfying(ZohoAuthException.class,
            e -> assertThat(e.error()).isEqualTo("untrusted_api_domain"));
    assertThat(oauth.storedToken("alice")).isEmpty();
  }

  @Test
  void intervalsInSecondsAreAcceptedToo() throws Exception {
    us.enqueue(json("{\"device_code\":\"d\",\"user_code\":\"U\",\"verification_url\":\"https://v\","
        + "\"interval\":5,\"expires_in\":600}"));
    DeviceFlow.UserCode authorization = oauth().deviceFlow().start(List.of("ZohoCRM.modules.ALL"));
    assertThat(authorization.interval()).isEqualTo(Duration.ofSeconds(5));
    assertThat(authorization.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(10)));
  }

  @Test
  void pollsThroughPendingSlowDownAndOtherDcToATokenInTheUsersDataCentre() throws Exception {
    us.enqueue(json(CODE_ANSWER));
    us.enqueue(json(400, "{\"error\":\"authorization_pending\"}"));
    us.enqueue(json("{\"error\":\"slow_down\"}"));
    us.enqueue(json("{\"user_location\":\"eu\",\"error\":\"other_dc\"}"));
    eu.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.eu", "ZohoCRM.modules.ALL")));
    ZohoOAuth oauth = oauth();

    ZohoToken token = oauth.deviceFlow().login(List.of("ZohoCRM.modules.ALL"), listener, "cli");

    us.takeRequest();
    RecordedRequest poll = us.takeRequest();
    assertThat(poll.getUrl().encodedPath()).isEqualTo("/oauth/v3/device/token");
    assertThat(form(poll)).containsExactlyInAnyOrderEntriesOf(Map.of("client_id", CLIENT_ID,
        "client_secret", CLIENT_SECRET, "grant_type", "device_token", "code", DEVICE_CODE));
    assertThat(form(eu.takeRequest())).containsEntry("grant_type", "device_token").containsEntry("code", DEVICE_CODE);
    // never closer than 30 s, although the server says 5000 ms; slow_down adds 5 s
    assertThat(sleeps).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(35),
        Duration.ofSeconds(35));
    assertThat(events).containsExactly("code ABCD-1234 at https://accounts.zoho.com/oauth/v3/device",
        "slow down to 35s", "moved to EU");
    assertThat(token.dataCenter()).isEqualTo(DataCenter.EU);
    assertThat(token.accountsServer()).isEqualTo(eu.url("/").toString());
    assertThat(oauth.storedToken("cli")).contains(token);
  }

  @Test
  void otherDcNamingADataCentreWithoutAnAccountsServerIsAnAuthError() throws Exception {
    us.enqueue(json(CODE_ANSWER));
    us.enqueue(json("{\"user_location\":\"custom\",\"error\":\"other_dc\"}"));
    assertThatThrownBy(() -> oauth().deviceFlow().login(List.of("ZohoCRM.modules.ALL"), listener, "cli"))
        .isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("data centre 'custom'")
        .hasMessageContaining("has no accounts server configured for")
        .satisfies(e -> assertThat(((ZohoAuthException) e).error()).isEqualTo("other_dc"));
  }

  @Test
  void deniedLoginIsReported() {
    us.enqueue(json(CODE_ANSWER));
    us.enqueue(json("{\"error\":\"access_denied\"}"));
    assertThatThrownBy(() -> oauth().deviceFlow().login(List.of("ZohoCRM.modules.ALL"), listener, "cli"))
        .isInstanceOf(ZohoAuthException.class)
        .hasMessageContaining("access_denied to the device login (code ABCD-1234)")
        .hasMessageContaining("the user denied access")
        .hasMessageContaining("more than 10 grant codes in 10 minutes");
  }

  @Test
  void expiredCodeIsReportedByZoho() {
    us.enqueue(json(CODE_ANSWER));
    us.enqueue(json("{\"error\":\"expired\"}"));
    assertThatThrownBy(() -> oauth().deviceFlow().login(List.of("ZohoCRM.modules.ALL"), listener, "cli"))
        .isInstanceOf(ZohoAuthException.class)
        .satisfies(e -> assertThat(((ZohoAuthException) e).error()).isEqualTo("expired"));
  }

  @Test
  void pollingStopsWhenTheCodeExpiresLocally() {
    us.enqueue(json("{\"device_code\":\"d\",\"user_code\":\"U\",\"verification_url\":\"https://v\","
        + "\"interval\":60000,\"expires_in\":120000}"));
    for (int i = 0; i < 5; i++) {
      us.enqueue(json("{\"error\":\"authorization_pending\"}"));
    }
    assertThatThrownBy(() -> oauth().deviceFlow().login(List.of("ZohoCRM.modules.ALL"), listener, "cli"))
        .hasMessageContaining("expired before the user approved");
    assertThat(us.getRequestCount()).isEqualTo(3);
  }

  @Test
  void invalidScopeOnStartIsExplained() {
    us.enqueue(json("{\"error\":\"invalid_scope\"}"));
    assertThatThrownBy(() -> oauth().deviceFlow().start(List.of("ZohoCRM.nothing.READ")))
        .hasMessageContaining("scope is unknown to Zoho");
  }

  @Test
  void valuesFrom31To999AreSecondsNotMilliseconds() throws Exception {
    us.enqueue(json("{\"device_code\":\"d\",\"user_code\":\"U\",\"verification_url\":\"https://v\","
        + "\"interval\":45,\"expires_in\":900}"));
    DeviceFlow.UserCode authorization = oauth().deviceFlow().start(List.of("ZohoCRM.modules.ALL"));
    assertThat(authorization.interval()).isEqualTo(Duration.ofSeconds(45));
    assertThat(authorization.expiresAt()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
  }

  @Test
  void theFirstPollComesAfterTheServersIntervalWhenThatIsLongerThan30Seconds() throws Exception {
    us.enqueue(json("{\"device_code\":\"d\",\"user_code\":\"U\",\"verification_url\":\"https://v\","
        + "\"interval\":60000,\"expires_in\":300000}"));
    us.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.com", "ZohoCRM.modules.ALL")));

    oauth().deviceFlow().login(List.of("ZohoCRM.modules.ALL"), listener, "cli");

    assertThat(sleeps).containsExactly(Duration.ofSeconds(60));
  }

  @Test
  void transientPollFailuresAreRetriedUntilTheUserApproves() throws Exception {
    us.enqueue(json(CODE_ANSWER));
    us.enqueue(json(500, "{\"error\":\"internal_error\"}"));
    us.enqueue(new MockResponse.Builder().code(502).setHeader("Content-Type", "text/html")
        .body("<html>Bad gateway</html>").build());
    us.enqueue(json(400, "{\"error\":\"authorization_pending\"}"));
    us.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.com", "ZohoCRM.modules.ALL")));

    ZohoToken token = oauth().deviceFlow().login(List.of("ZohoCRM.modules.ALL"), listener, "cli");

    assertThat(token.accessToken().reveal()).isEqualTo(ACCESS_TOKEN);
    assertThat(us.getRequestCount()).isEqualTo(5);
  }

  @Test
  void aCancelledLoginStopsPolling() throws Exception {
    us.enqueue(json(CODE_ANSWER));
    for (int i = 0; i < 10; i++) {
      us.enqueue(json(400, "{\"error\":\"authorization_pending\"}"));
    }
    ZohoOAuth oauth = oauth();
    DeviceFlow flow = oauth.deviceFlow();
    DeviceFlow.UserCode authorization = flow.start(List.of("ZohoCRM.modules.ALL"));
    List<Duration> pending = new ArrayList<>();
    DeviceFlow.Listener cancelling = new DeviceFlow.Listener() {
      @Override
      public void onUserCode(DeviceFlow.UserCode a) {}

      @Override
      public void onPending(Duration nextPoll, Duration remaining) {
        pending.add(nextPoll);
        if (pending.size() == 3) {
          authorization.cancel();
        }
      }
    };

    assertThatThrownBy(() -> flow.awaitToken(authorization, cancelling, "cli"))
        .isInstanceOf(CancellationException.class).hasMessageContaining("cancelled");
    assertThat(us.getRequestCount()).isEqualTo(3);
    assertThat(authorization.isCancelled()).isTrue();
  }

  @Test
  void aCancelWakesARealSleepAtOnce() throws Exception {
    us.enqueue(json(CODE_ANSWER));
    ZohoOAuth real = ZohoOAuth.nonBrowser(CLIENT_ID, CLIENT_SECRET)
        .endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, us.url("/").toString()))
        .tokenStore(TokenStores.inMemory()).build();
    DeviceFlow flow = real.deviceFlow();
    DeviceFlow.UserCode authorization = flow.start(List.of("ZohoCRM.modules.ALL"));
    java.util.concurrent.CompletableFuture<Throwable> outcome = java.util.concurrent.CompletableFuture.supplyAsync(
        () -> {
          try {
            flow.awaitToken(authorization, a -> { }, "cli");
            return null;
          } catch (RuntimeException e) {
            return e;
          }
        });
    authorization.cancel();

    // the first poll would come after 30 s; the cancel ends the wait long before the 10 s given here
    assertThat(outcome.get(10, java.util.concurrent.TimeUnit.SECONDS)).isInstanceOf(CancellationException.class);
    assertThat(us.getRequestCount()).isEqualTo(1);
  }
}

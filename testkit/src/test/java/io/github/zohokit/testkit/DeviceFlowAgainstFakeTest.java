package io.github.zohokit.testkit;

import io.github.zohokit.auth.DeviceFlow;
import static io.github.zohokit.testkit.AccountsTokenEndpointTest.oauth;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Zoho's v3 device flow, the runtime polling the fake at real (short) intervals. */
class DeviceFlowAgainstFakeTest {
  @RegisterExtension
  final FakeZohoExtension zoho = FakeZohoExtension.perTest(b -> b.deviceInterval(Duration.ofMillis(50))
      .deviceSlowDownWindow(Duration.ofMillis(40)));

  private final List<String> events = new CopyOnWriteArrayList<>();

  private DeviceFlow.Listener listener(Consumer<DeviceFlow.UserCode> onCode) {
    return new DeviceFlow.Listener() {
      @Override
      public void onUserCode(DeviceFlow.UserCode authorization) {
        events.add("code");
        onCode.accept(authorization);
      }

      @Override
      public void onSlowDown(Duration interval) {
        events.add("slow down");
      }

      @Override
      public void onDataCenterChanged(DataCenter dataCenter) {
        events.add("moved to " + dataCenter);
      }
    };
  }

  private ZohoOAuth oauth(FakeZoho fake, FakeClient client) {
    return AccountsTokenEndpointTest.oauth(fake, client).deviceSlowDownInterval(Duration.ofMillis(100)).build();
  }

  @Test
  void anApprovedLoginGivesAnOfflineToken(FakeZoho fake) {
    FakeClient client = fake.registerNonBrowserClient();
    ZohoToken token = oauth(fake, client).deviceFlow().login(List.of("ZohoCRM.modules.ALL"),
        listener(auth -> approveLater(fake, auth.userCode(), fake.defaultUser(), 1500)), "cli");
    assertThat(token.hasRefreshToken()).isTrue();
    assertThat(fake.count("device:code")).isEqualTo(1);
    assertThat(fake.count("device:token")).isGreaterThanOrEqualTo(2);
  }

  @Test
  void pollingTooFastGetsSlowDownAndTheClientBacksOff(FakeZoho fake) {
    // Zoho announces intervals in milliseconds and the client reads values under 1000 as seconds, so the fake
    // announces at least 1 s; its slow-down window is longer, so the first poll is too fast
    FakeZoho slow = FakeZoho.builder().deviceInterval(Duration.ofSeconds(1))
        .deviceSlowDownWindow(Duration.ofMillis(1500)).start();
    try {
      FakeClient client = slow.registerNonBrowserClient();
      ZohoToken token = AccountsTokenEndpointTest.oauth(slow, client).deviceSlowDownInterval(Duration.ofMillis(250))
          .build().deviceFlow().login(List.of("ZohoCRM.modules.ALL"),
              listener(auth -> approveLater(slow, auth.userCode(), slow.defaultUser(), 1500)), "cli");
      assertThat(token).isNotNull();
      assertThat(events).containsOnlyOnce("slow down");
    } finally {
      slow.close();
    }
  }

  @Test
  void aUserInAnotherDataCentreMovesPollingThere(FakeZoho fake) {
    FakeUser eve = fake.addUser("eve@example.eu", "Eve Muller", DataCenter.EU);
    FakeClient client = fake.registerNonBrowserClient();
    ZohoToken token = oauth(fake, client).deviceFlow().login(List.of("ZohoCRM.modules.ALL"),
        listener(auth -> approveLater(fake, auth.userCode(), eve, 100)), "eve");
    assertThat(events).contains("moved to EU");
    assertThat(token.dataCenter()).isEqualTo(DataCenter.EU);
    assertThat(fake.isValidAccessToken(token.accessToken().reveal(), DataCenter.EU)).isTrue();
  }

  @Test
  void aDeniedLoginIsReported(FakeZoho fake) {
    FakeClient client = fake.registerNonBrowserClient();
    assertThatThrownBy(() -> oauth(fake, client).deviceFlow().login(List.of("ZohoCRM.modules.ALL"),
        listener(auth -> new Thread(() -> {
          sleep(100);
          fake.denyDevice(auth.userCode());
        }).start()), "cli"))
        .isInstanceOf(ZohoAuthException.class).hasMessageContaining("access_denied to the device login");
  }

  @Test
  void anUnapprovedCodeExpires(FakeZoho fake) {
    FakeClient client = fake.registerNonBrowserClient();
    assertThatThrownBy(() -> oauth(fake, client).deviceFlow().login(List.of("ZohoCRM.modules.ALL"),
        listener(auth -> new Thread(() -> {
          sleep(100);
          fake.advanceClock(Duration.ofMinutes(6));
        }).start()), "cli"))
        .isInstanceOf(ZohoAuthException.class)
        .satisfies(e -> assertThat(((ZohoAuthException) e).error()).isEqualTo("expired"));
  }

  private static void approveLater(FakeZoho fake, String userCode, FakeUser user, long millis) {
    new Thread(() -> {
      sleep(millis);
      fake.approveDevice(userCode, user);
    }).start();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package io.github.zohokit.it;

import io.github.zohokit.auth.DeviceFlow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.zohokit.Zoho;
import io.github.zohokit.auth.AuthorizationRequest;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.crm.v8.UsersApi;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeUser;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.testkit.FakeZohoExtension;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.FormBody;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The non-browser (device flow) and mobile (PKCE) client types end to end, through to a CRM call. */
class NativeClientsIT {
  @RegisterExtension
  // the fake announces intervals of at least 1000 ms (clients read smaller values as seconds); the first poll, 1 s
  // after the code, falls into the 1.5 s slow-down window
  final FakeZohoExtension zoho = FakeZohoExtension.perTest(b -> b.deviceInterval(Duration.ofSeconds(1))
      .deviceSlowDownWindow(Duration.ofMillis(1500)));

  @Test
  void aDeviceLoginBacksOffOnSlowDownFollowsTheUserToTheirDataCentreAndCallsTheApiThere(FakeZoho fake) {
    FakeUser eve = fake.addUser("eve@example.eu", "Eve Muller", DataCenter.EU);
    FakeClient cli = fake.registerNonBrowserClient();
    ZohoOAuth oauth = ZohoOAuth.nonBrowser(cli.clientId(), cli.clientSecret()).endpoints(fake.endpoints())
        .tokenStore(TokenStores.inMemory()).deviceSlowDownInterval(Duration.ofMillis(200)).build();
    List<String> seen = new CopyOnWriteArrayList<>();

    ZohoToken token = oauth.deviceFlow().login(List.of("ZohoCRM.users.READ"), new DeviceFlow.Listener() {
      @Override
      public void onUserCode(DeviceFlow.UserCode authorization) {
        seen.add("code");
        new Thread(() -> {
          sleep(1500); // after the first poll (1 s), before the second (2 s), which gets slow_down
          fake.approveDevice(authorization.userCode(), eve);
        }).start();
      }

      @Override
      public void onSlowDown(Duration interval) {
        seen.add("slow_down");
      }

      @Override
      public void onDataCenterChanged(DataCenter dataCenter) {
        seen.add("other_dc " + dataCenter);
      }
    }, "eve");

    assertThat(seen).containsExactly("code", "slow_down", "other_dc EU");
    assertThat(token.dataCenter()).isEqualTo(DataCenter.EU);
    assertThat(Zoho.connect(oauth).forUser("eve").api(UsersApi.class).currentUser().email())
        .isEqualTo("eve@example.eu");
  }

  @Test
  void aMobileLoginUsesPkceWithACustomSchemeAndRejectsAWrongVerifier(FakeZoho fake) throws Exception {
    String redirect = "com.example.app://callback";
    FakeClient app = fake.registerMobileClient(redirect);
    ZohoOAuth oauth = ZohoOAuth.mobile(app.clientId(), app.clientSecret(), redirect).endpoints(fake.endpoints())
        .tokenStore(TokenStores.inMemory()).build();
    AuthorizationRequest request = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.users.READ"));

    String captured = consentAndCaptureRedirect(request.url());
    assertThat(captured).startsWith("com.example.app://callback?code=");

    AuthorizationRequest wrong = AuthorizationRequest.resume(request.state(),
        "a-verifier-that-is-not-the-one-sent-with-the-challenge-xx");
    assertThatThrownBy(() -> oauth.authorizationCodeFlow().complete(wrong, captured, "phone"))
        .hasMessageContaining("invalid_code_verifier");

    AuthorizationRequest second = oauth.authorizationCodeFlow().authorize(List.of("ZohoCRM.users.READ"));
    oauth.authorizationCodeFlow().complete(second, consentAndCaptureRedirect(second.url()), "phone");
    assertThat(Zoho.connect(oauth).forUser("phone").api(UsersApi.class).currentUser().email())
        .isEqualTo(fake.defaultUser().email());
  }

  /** What the app's in-app browser does: shows consent, the user accepts, the custom-scheme redirect is caught. */
  private static String consentAndCaptureRedirect(String authorizationUrl) throws Exception {
    OkHttpClient browser = new OkHttpClient.Builder().followRedirects(false).build();
    HttpUrl url = HttpUrl.get(authorizationUrl);
    try (Response page = browser.newCall(new Request.Builder().url(url).build()).execute()) {
      assertThat(page.body().string()).contains("id=\"accept\"");
    }
    FormBody.Builder form = new FormBody.Builder().add("decision", "accept");
    url.queryParameterNames().forEach(name -> form.add(name, url.queryParameter(name)));
    try (Response redirect = browser.newCall(new Request.Builder()
        .url(url.newBuilder().encodedPath("/oauth/v2/auth/consent").query(null).build()).post(form.build()).build())
        .execute()) {
      return redirect.header("Location");
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

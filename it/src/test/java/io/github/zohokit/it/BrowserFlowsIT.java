package io.github.zohokit.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import io.github.zohokit.testkit.FakeZohoExtension;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The two browser client types end to end in a real headless Chromium: a user clicks "Login with Zoho", accepts
 * (or denies) on the fake Zoho's consent page, and sees their leads.
 */
class BrowserFlowsIT {
  @RegisterExtension
  final FakeZohoExtension zoho = FakeZohoExtension.perTest();

  @TempDir
  Path profile;

  private WebDriver browser;
  private LeadsWebApp app;

  @BeforeEach
  void startBrowser() {
    browser = Chromium.start(profile);
  }

  @AfterEach
  void stop() {
    if (browser != null) {
      browser.quit();
    }
    if (app != null) {
      app.close();
    }
  }

  private LeadsWebApp startApp(FakeZoho fake, boolean clientBased) throws Exception {
    int port = freePort();
    String base = "http://127.0.0.1:" + port;
    FakeClient web = fake.registerServerBasedClient(base + "/callback");
    ZohoOAuth oauth = ZohoOAuth.serverBased(web.clientId(), web.clientSecret(), base + "/callback")
        .endpoints(fake.endpoints()).tokenStore(TokenStores.inMemory()).build();
    String jsClient = clientBased
        ? fake.registerClientBasedClient(base + "/app.html", base).clientId() : null;
    app = new LeadsWebApp(oauth, jsClient, fake.baseUrl(DataCenter.US), port);
    return app;
  }

  private WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(by));
  }

  private List<String> leads() {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector("li.lead"), 0));
    return browser.findElements(By.cssSelector("li.lead")).stream().map(WebElement::getText)
        .collect(Collectors.toList());
  }

  @Test
  void serverBasedLoginShowsTheUsersLeads(FakeZoho fake) throws Exception {
    startApp(fake, false);
    browser.get(app.url() + "/");
    waitFor(By.id("login")).click();

    waitFor(By.id("scopes"));
    assertThat(browser.findElement(By.id("scopes")).getText()).contains("ZohoCRM.modules.leads.READ");
    browser.findElement(By.id("accept")).click();

    assertThat(leads()).hasSize(25).contains("Ann Sam");
    assertThat(browser.getCurrentUrl()).isEqualTo(app.url() + "/leads");
    assertThat(fake.count("token:authorization_code")).isEqualTo(1);
  }

  @Test
  void denyingConsentShowsTheAppsErrorPage(FakeZoho fake) throws Exception {
    startApp(fake, false);
    browser.get(app.url() + "/");
    waitFor(By.id("login")).click();
    waitFor(By.id("deny")).click();

    assertThat(waitFor(By.id("error")).getText()).contains("the user denied access");
    assertThat(fake.count("token:authorization_code")).isZero();
  }

  @Test
  void clientBasedPageGetsATokenAndCallsTheApiFromTheBrowser(FakeZoho fake) throws Exception {
    startApp(fake, true);
    browser.get(app.url() + "/app.html");
    waitFor(By.id("login")).click();
    waitFor(By.id("accept")).click();

    assertThat(leads()).hasSize(25).contains("Ann Sam");
    assertThat(browser.getCurrentUrl()).startsWith(app.url() + "/app.html#access_token=");
    assertThat(fake.requests()).anyMatch(c -> c.path().equals("/crm/v8/Leads") && c.method().equals("GET"));
  }

  @Test
  void clientBasedDenyIsShownByThePage(FakeZoho fake) throws Exception {
    startApp(fake, true);
    browser.get(app.url() + "/app.html");
    waitFor(By.id("login")).click();
    waitFor(By.id("deny")).click();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("error"), "access_denied"));
  }

  static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}

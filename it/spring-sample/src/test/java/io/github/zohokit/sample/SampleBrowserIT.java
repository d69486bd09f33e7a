package io.github.zohokit.sample;

import io.github.zohokit.token.TokenKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.zohokit.auth.ClientType;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.testkit.FakeZoho;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.env.Environment;
import io.github.zohokit.spring.test.WithFakeZoho;

/**
 * The sample end to end in a real headless Chromium against the fake Zoho: the user clicks Login with Zoho, accepts
 * on the fake's consent page, comes back through the starter's callback, and sees their leads, read by the sample's
 * generated client with the token the callback stored in H2.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT,
    properties = "zoho.token-store=jdbc")
@WithFakeZoho(clientType = ClientType.SERVER_BASED, seedLeads = 12)
class SampleBrowserIT {
  private static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  private static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

  @Autowired Environment environment;
  @Autowired FakeZoho fake;
  @Autowired ZohoOAuth oauth;
  @Autowired TokenStore store;

  private WebDriver browser;

  @BeforeEach
  void startBrowser(@TempDir Path profile) {
    // the rule of the other modules' CiPrerequisite (this module cannot see their test classes): skip locally,
    // saying why; under CI=true go on, so that a missing Chromium fails the build
    assumeTrue(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER) || "true".equals(System.getenv("CI")),
        "skipped: no Chromium at " + BROWSER + " / " + DRIVER + " (apt-get install chromium chromium-driver)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
  }

  @AfterEach
  void stopBrowser() {
    if (browser != null) {
      browser.quit();
    }
  }

  private String app() {
    return "http://localhost:" + environment.getProperty("local.server.port");
  }

  private WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(20)).until(ExpectedConditions.elementToBeClickable(by));
  }

  @Test
  void aUserLogsInWithZohoAndSeesTheirLeads() {
    store.delete(new TokenKey(oauth.clientId(), "default"));
    browser.get(app() + "/");
    waitFor(By.id("login")).click();
    assertThat(waitFor(By.id("scopes")).getText()).contains("ZohoCRM.modules.leads.READ");
    browser.findElement(By.id("accept")).click();

    waitFor(By.id("leads"));
    assertThat(browser.getCurrentUrl()).isEqualTo(app() + "/leads");
    List<String> leads = browser.findElements(By.cssSelector("li.lead")).stream().map(WebElement::getText)
        .collect(Collectors.toList());
    assertThat(leads).hasSize(12).allSatisfy(lead -> assertThat(lead).matches(".+ .+ \\(.+\\)"));
    assertThat(store.getClass().getSimpleName()).isEqualTo("JdbcTokenStore");
    assertThat(store.load(new TokenKey(oauth.clientId(), "default"))).isPresent();
    assertThat(fake.count("token:authorization_code")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aUserWhoDeniesAccessSeesTheErrorPage() {
    store.delete(new TokenKey(oauth.clientId(), "default"));
    browser.get(app() + "/");
    waitFor(By.id("login")).click();
    waitFor(By.id("deny")).click();
    assertThat(waitFor(By.id("zoho-error")).getText()).isEqualTo("access_denied");
    assertThat(browser.findElement(By.id("zoho-error-message")).getText()).contains("declined");
    assertThat(browser.findElement(By.id("zoho-login-again")).getAttribute("href")).endsWith("/zoho/login");
    assertThat(store.load(new TokenKey(oauth.clientId(), "default"))).isEmpty();
  }
}

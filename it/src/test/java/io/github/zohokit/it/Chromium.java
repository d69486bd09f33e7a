package io.github.zohokit.it;

import io.github.zohokit.testing.CiPrerequisite;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Debian Chromium driven by WebDriver. Tests that need it are skipped, saying why, where the packages
 * {@code chromium} and {@code chromium-driver} are not installed; under {@code CI=true} they fail instead
 * ({@code .ci/run} installs both).
 */
final class Chromium {
  private static final Path BROWSER = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
  private static final Path DRIVER = Path.of(System.getProperty("chromium.driver", "/usr/bin/chromedriver"));

  private Chromium() {}

  static WebDriver start(Path profile) {
    CiPrerequisite.require(Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER),
        "no Chromium at " + BROWSER + " / " + DRIVER + ": apt-get install chromium chromium-driver"
            + " (or point -Dchromium.binary and -Dchromium.driver at them)");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(BROWSER.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--disable-quic", "--user-data-dir=" + profile.toAbsolutePath());
    ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
        .usingAnyFreePort().build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }
}

package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.DataCenter;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN_2;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.json;
import static io.github.zohokit.testing.Fixtures.tokenAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.zohokit.store.TokenCipher;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import io.github.zohokit.testing.TraceLogs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No secret in a log line (every level on), an exception's message or stack trace, or a {@code toString()}, for the
 * flows and failure paths {@code SecretsNeverLeakTest} does not run: device, implicit, mobile, client credentials,
 * revoke, JDBC store errors, the cipher key. Every failure path must fail: a path that stops failing fails the test
 * instead of silently checking nothing.
 */
@Timeout(60)
class SecretsInEveryFlowTest {
  private static final String DEVICE_CODE = "1004.0a1b2c3d4e5f60718293a4b5c6d7e8f9.a1b2c3d4e5f60718293a4b5c6d7e8f90";
  private static final String CIPHER_KEY = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=";
  private static final String OTHER_KEY = "ZmVkY2JhOTg3NjU0MzIxMGZlZGNiYTk4NzY1NDMyMTA=";
  private static final String REDIRECT = "https://app.example.com/cb";
  private static final List<String> SECRETS = List.of(CLIENT_SECRET, ACCESS_TOKEN, ACCESS_TOKEN_2, REFRESH_TOKEN,
      DEVICE_CODE, CIPHER_KEY, OTHER_KEY);

  private final MockWebServer accounts = new MockWebServer();
  @RegisterExtension
  final TraceLogs logs = new TraceLogs();
  private final List<String> seen = new ArrayList<>();
  private final MutableClock clock = new MutableClock();

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    accounts.start();
  }

  @AfterEach
  void stop() {
    accounts.close();
  }

  private ZohoOAuth.Builder configure(ZohoOAuth.Builder builder, TokenStore store) {
    return builder.endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString()))
        .tokenStore(store).clock(clock).sleeper(clock::advance);
  }

  /** Runs a failure path: it must throw; its stack trace is checked. */
  private void failure(String what, Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      seen.add(what + ": " + trace);
      return;
    }
    fail("expected " + what + " to fail");
  }

  @Test
  void deviceImplicitMobileClientCredentialsRevokeJdbcAndCipherLeakNoSecret() throws Exception {
    // device flow: the code is issued, then the user denies; then a flow that succeeds
    ZohoOAuth device = configure(ZohoOAuth.nonBrowser(CLIENT_ID, CLIENT_SECRET), TokenStores.inMemory()).build();
    String codeAnswer = "{\"device_code\":\"" + DEVICE_CODE + "\",\"user_code\":\"ABCD-1234\","
        + "\"verification_url\":\"https://accounts.zoho.com/oauth/v3/device\",\"interval\":5000,"
        + "\"expires_in\":300000}";
    DeviceFlow.Listener listener = authorization -> seen.add(authorization.toString());
    accounts.enqueue(json(codeAnswer));
    accounts.enqueue(json(400, "{\"error\":\"authorization_pending\"}"));
    accounts.enqueue(json("{\"error\":\"access_denied\"}"));
    failure("a denied device login",
        () -> device.deviceFlow().login(List.of("ZohoCRM.modules.ALL"), listener, "cli"));
    accounts.enqueue(json(codeAnswer));
    accounts.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.com", "ZohoCRM.modules.ALL")));
    seen.add(device.deviceFlow().login(List.of("ZohoCRM.modules.ALL"), listener, "cli").toString());
    accounts.enqueue(json(codeAnswer));
    accounts.enqueue(json("{\"error\":\"expired\"}"));
    failure("an expired device code", () -> device.deviceFlow().login(List.of("ZohoCRM.modules.ALL"), listener, "x"));

    // revoke: Zoho fails (500), then does not confirm, then confirms
    accounts.enqueue(json(500, "{\"error\":\"internal_error\"}"));
    failure("a revoke Zoho fails", () -> device.revoke("cli"));
    accounts.enqueue(json("{\"status\":\"pending\"}"));
    failure("a revoke Zoho does not confirm", () -> device.revoke("cli"));
    accounts.enqueue(json("{\"status\":\"success\"}"));
    assertThat(device.revoke("cli")).isEqualTo(Revocation.REVOKED);

    // implicit (client-based): forged state, no state, an error redirect, then a good one
    ZohoOAuth browser = configure(ZohoOAuth.clientBased(CLIENT_ID, REDIRECT), TokenStores.inMemory()).build();
    AuthorizationRequest request = browser.implicitFlow().authorize(List.of("ZohoCRM.modules.ALL"));
    seen.add(request.toString());
    failure("an implicit redirect with a forged state", () -> browser.implicitFlow().complete(request,
        REDIRECT + "#state=forged&access_token=" + ACCESS_TOKEN + "&expires_in=3600", "u"));
    failure("an implicit redirect without state", () -> browser.implicitFlow().complete(request,
        REDIRECT + "#access_token=" + ACCESS_TOKEN + "&expires_in=3600", "u"));
    failure("an implicit redirect with Zoho's error", () -> browser.implicitFlow().complete(request,
        REDIRECT + "#state=" + request.state() + "&error=access_denied", "u"));
    seen.add(browser.toString());

    // mobile: a refused code exchange
    ZohoOAuth mobile = configure(ZohoOAuth.mobile(CLIENT_ID, CLIENT_SECRET, "com.example.app://cb"),
        TokenStores.inMemory()).build();
    AuthorizationRequest mobileRequest = mobile.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));
    seen.add(mobileRequest.toString());
    accounts.enqueue(json("{\"error\":\"invalid_code\"}"));
    failure("a refused mobile code exchange", () -> mobile.authorizationCodeFlow().complete(mobileRequest,
        "com.example.app://cb?code=" + ACCESS_TOKEN_2 + "&state=" + mobileRequest.state(), "m"));
    seen.add(mobile.toString());

    // client credentials: refused, then issued and renewed
    ZohoOAuth machine = configure(ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET), TokenStores.inMemory())
        .clientCredentials("600123456", List.of("ZohoCRM.modules.ALL")).build();
    accounts.enqueue(json("{\"error\":\"invalid_client_secret\"}"));
    failure("refused client credentials", () -> machine.accessToken("default"));
    clock.advance(Duration.ofMinutes(1)); // past the back-off after a failed attempt
    accounts.enqueue(json("{\"access_token\":\"" + ACCESS_TOKEN + "\",\"expires_in\":3600}"));
    seen.add(machine.token("default").toString());
    clock.advance(Duration.ofMinutes(58));
    accounts.enqueue(json(400, "{\"error_description\":\"You have made too many requests continuously.\","
        + "\"error\":\"Access Denied\",\"status\":\"failure\"}"));
    clock.advance(Duration.ofMinutes(3));
    failure("throttled client credentials", () -> machine.accessToken("default"));

    // JDBC: a table that cannot be read, a token encrypted under another key
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:secrets" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
    TokenStore plain = TokenStores.jdbc(h2);
    TokenKey key = new TokenKey(CLIENT_ID, "db");
    ZohoToken token = ZohoToken.builder().accessToken(Secret.of(ACCESS_TOKEN)).refreshToken(Secret.of(REFRESH_TOKEN))
        .expiresAt(clock.instant().plusSeconds(3600)).build();
    TokenStore encrypted = io.github.zohokit.store.JdbcTokenStore.builder(h2).table("sealed")
        .encryption(TokenCipher.aesGcm(CIPHER_KEY)).build();
    encrypted.save(key, token);
    failure("a JDBC token under another cipher key", () -> io.github.zohokit.store.JdbcTokenStore.builder(h2)
        .table("sealed").encryption(TokenCipher.aesGcm(OTHER_KEY)).build().load(key));
    seen.add(encrypted.toString());
    seen.add(plain.toString());
    try (var connection = h2.getConnection(); var statement = connection.createStatement()) {
      statement.execute("DROP TABLE sealed");
      statement.execute("CREATE TABLE sealed (x INT)");
    }
    failure("a JDBC table of the wrong shape", () -> encrypted.load(key));
    failure("a JDBC save into the wrong shape", () -> encrypted.save(key, token));

    // the cipher key: a bad key, a file under another key, the cipher itself
    failure("a cipher key that is too short", () -> TokenCipher.aesGcm(CIPHER_KEY.substring(0, 20)));
    seen.add(TokenCipher.aesGcm(CIPHER_KEY).toString());
    Path file = dir.resolve("tokens.json");
    TokenStores.file(file, TokenCipher.aesGcm(CIPHER_KEY)).save(key, token);
    failure("a token file under another cipher key",
        () -> TokenStores.file(file, TokenCipher.aesGcm(OTHER_KEY)).load(key));
    seen.add(Files.readString(file));

    List<String> everything = new ArrayList<>(seen);
    everything.addAll(logs.texts());
    assertThat(logs.texts()).isNotEmpty();
    for (String text : everything) {
      for (String secret : SECRETS) {
        assertThat(text).as("a log line, message or toString").doesNotContain(secret);
      }
    }
  }
}

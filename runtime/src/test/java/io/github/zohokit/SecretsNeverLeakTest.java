package io.github.zohokit;

import io.github.zohokit.token.TokenKey;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN;
import static io.github.zohokit.testing.Fixtures.ACCESS_TOKEN_2;
import static io.github.zohokit.testing.Fixtures.CLIENT_ID;
import static io.github.zohokit.testing.Fixtures.CLIENT_SECRET;
import static io.github.zohokit.testing.Fixtures.GRANT_TOKEN;
import static io.github.zohokit.testing.Fixtures.REFRESH_TOKEN;
import static io.github.zohokit.testing.Fixtures.json;
import static io.github.zohokit.testing.Fixtures.tokenAnswer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.zohokit.auth.AuthorizationRequest;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.auth.ZohoEndpoints;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import io.github.zohokit.testing.MutableClock;
import io.github.zohokit.testing.TraceLogs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockWebServer;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the flows with every log level on, through successes and failures, and checks that no secret reaches a
 * log line, an exception message or stack trace, or a {@code toString()}.
 */
class SecretsNeverLeakTest {
  private static final String CODE = "1000.0123456789abcdef0123456789abcdef.fedcba9876543210fedcba9876543210";
  private static final List<String> SECRETS = List.of(CLIENT_SECRET, GRANT_TOKEN, ACCESS_TOKEN, ACCESS_TOKEN_2,
      REFRESH_TOKEN, CODE);

  private final MockWebServer accounts = new MockWebServer();
  private final MockWebServer api = new MockWebServer();
  @RegisterExtension
  final TraceLogs logs = new TraceLogs();
  private final List<String> seen = new ArrayList<>();

  @TempDir
  Path dir;

  @BeforeEach
  void start() throws Exception {
    accounts.start();
    api.start();
  }

  @AfterEach
  void stop() {
    accounts.close();
    api.close();
  }

  private ZohoOAuth.Builder configure(ZohoOAuth.Builder builder, TokenStore store, MutableClock clock) {
    return builder.endpoints(ZohoEndpoints.zoho().withAccountsUrl(DataCenter.US, accounts.url("/").toString())
        .withApiBase(DataCenter.US, api.url("/").toString())).tokenStore(store).clock(clock);
  }

  /** Runs a failure path: it must throw (a path that stops failing fails the test); its stack trace is checked. */
  private void attempt(Runnable action) {
    try {
      action.run();
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      seen.add(trace.toString());
      return;
    }
    fail("expected this failure path to throw");
  }

  @Test
  void noSecretInLogsExceptionsOrToString() throws Exception {
    MutableClock clock = new MutableClock();
    TokenStore store = TokenStores.file(dir.resolve("tokens.json"));
    ZohoOAuth self = configure(ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET), store, clock).build();

    // grant exchange: refused, then accepted; refresh: throttled, then dead; API call with a 401 and a retry
    accounts.enqueue(json("{\"error\":\"invalid_code\"}"));
    attempt(() -> self.selfClientFlow().exchangeGrantToken(GRANT_TOKEN));
    accounts.enqueue(json(tokenAnswer(ACCESS_TOKEN, REFRESH_TOKEN, "https://www.zohoapis.com", "ZohoCRM.modules.ALL")));
    ZohoToken token = self.selfClientFlow().exchangeGrantToken(GRANT_TOKEN);
    seen.add(token.toString());
    seen.add(store.load(new TokenKey(self.clientId(), "default")).get().toString());
    seen.add(self.toString());
    api.enqueue(json(401, "{\"code\":\"INVALID_TOKEN\",\"details\":{},\"message\":\"invalid oauth token\"}"));
    accounts.enqueue(json("{\"access_token\":\"" + ACCESS_TOKEN_2 + "\",\"expires_in\":3600}"));
    api.enqueue(json("{\"data\":[]}"));
    Zoho zoho = Zoho.connect(self);
    try (Response response = zoho.httpClient().newCall(new Request.Builder()
        .url("https://www.zohoapis.com/crm/v8/Leads?fields=Email").build()).execute()) {
      assertThat(response.code()).isEqualTo(200);
    }
    seen.add(zoho.toString());
    clock.advance(Duration.ofHours(2));
    accounts.enqueue(json(400, "{\"error_description\":\"You have made too many requests continuously.\","
        + "\"error\":\"Access Denied\",\"status\":\"failure\"}"));
    attempt(() -> self.token("default"));
    clock.advance(Duration.ofMinutes(11));
    accounts.enqueue(json("{\"error\":\"invalid_code\"}"));
    attempt(() -> self.token("default"));
    attempt(() -> self.token("default")); // the refresh token is marked dead: answered without a request
    seen.add(store.load(new TokenKey(self.clientId(), "default")).get().toString());
    accounts.enqueue(json(500, "{\"error\":\"internal_error\"}"));
    attempt(() -> self.selfClientFlow().exchangeGrantToken(GRANT_TOKEN));
    accounts.enqueue(json("{\"error\":\"invalid_client_secret\"}"));
    attempt(() -> self.selfClientFlow().exchangeGrantToken(GRANT_TOKEN));
    attempt(() -> ZohoOAuth.selfClient(CLIENT_ID, CLIENT_SECRET + " ").build());

    // server-based: a callback with a forged state, then a real one
    ZohoOAuth web = configure(ZohoOAuth.serverBased(CLIENT_ID, CLIENT_SECRET, "https://app.example.com/cb"),
        TokenStores.inMemory(), clock).pkce(true).build();
    AuthorizationRequest request = web.authorizationCodeFlow().authorize(List.of("ZohoCRM.modules.ALL"));
    seen.add(request.toString());
    attempt(() -> web.authorizationCodeFlow().complete(request, "code=" + CODE + "&state=forged", "u"));
    accounts.enqueue(json(400, "{\"error\":\"invalid_redirect_uri\"}"));
    attempt(() -> web.authorizationCodeFlow().complete(request, "code=" + CODE + "&state=" + request.state(), "u"));

    List<String> everything = new ArrayList<>(seen);
    everything.addAll(logs.texts());
    assertThat(logs.texts()).isNotEmpty();
    for (String text : everything) {
      for (String secret : SECRETS) {
        assertThat(text).as("a log line, message or toString").doesNotContain(secret);
      }
      assertThat(text).doesNotContain(request.codeVerifier().reveal());
    }
  }
}

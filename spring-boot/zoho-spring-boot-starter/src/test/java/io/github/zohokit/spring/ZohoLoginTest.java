package io.github.zohokit.spring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.testkit.FakeClient;
import io.github.zohokit.testkit.FakeZoho;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.assertj.AssertableWebApplicationContext;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.servlet.config.annotation.EnableWebMvc;

/**
 * Login with Zoho through the Spring MVC endpoints, against the fake Zoho, without Spring Security: the session keeps
 * the authorization, the callback checks it once, stores the tokens under the user key and redirects; every failure
 * renders the error page with its code.
 */
@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
class ZohoLoginTest {
  private static final String REDIRECT_URI = "http://localhost/auth/zoho/back";
  private FakeZoho fake;
  private FakeClient client;

  @BeforeEach
  void startFake() {
    fake = FakeZoho.builder().dataCenters(DataCenter.US).start();
    client = fake.registerServerBasedClient(REDIRECT_URI);
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Configuration(proxyBeanMethods = false)
  @EnableWebMvc
  static class Mvc {}

  private WebApplicationContextRunner app(String... more) {
    return new WebApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(ZohoAutoConfiguration.class))
        .withUserConfiguration(Mvc.class)
        .withPropertyValues("zoho.client-type=server-based", "zoho.client-id=" + client.clientId(),
            "zoho.client-secret=" + client.clientSecret(), "zoho.redirect-uri=" + REDIRECT_URI,
            "zoho.accounts-url=" + fake.baseUrl(DataCenter.US), "zoho.api-url=" + fake.baseUrl(DataCenter.US),
            "zoho.token-store=memory", "zoho.scopes=ZohoCRM.modules.leads.READ",
            "zoho.login.path=/auth/zoho", "zoho.login.callback-path=/auth/zoho/back", "zoho.login.success-url=/leads")
        .withPropertyValues(more);
  }

  private void run(WebApplicationContextRunner runner, Consumer<Flow> test) {
    runner.run((AssertableWebApplicationContext context) -> {
      assertThat(context).hasNotFailed();
      test.accept(new Flow(MockMvcBuilders.webAppContextSetup(context).build(), context.getBean(ZohoOAuth.class)));
    });
  }

  /** One browser: its session, the app and the fake. */
  static final class Flow {
    final MockMvc mvc;
    final ZohoOAuth oauth;
    final MockHttpSession session = new MockHttpSession();

    Flow(MockMvc mvc, ZohoOAuth oauth) {
      this.mvc = mvc;
      this.oauth = oauth;
    }

    String startLogin() {
      MvcResult login = perform(get("/auth/zoho").session(session));
      assertThat(login.getResponse().getStatus()).isEqualTo(302);
      return login.getResponse().getRedirectedUrl();
    }

    MvcResult callback(URI redirect, java.security.Principal user) {
      assertThat(redirect.toString()).startsWith(REDIRECT_URI);
      var request = get(URI.create("http://localhost/auth/zoho/back?" + redirect.getRawQuery())).session(session);
      return perform(user == null ? request : request.principal(user));
    }

    MvcResult perform(org.springframework.test.web.servlet.RequestBuilder request) {
      try {
        return mvc.perform(request).andReturn();
      } catch (Exception e) {
        throw new AssertionError(e);
      }
    }

    Optional<ZohoToken> stored(String userKey) {
      return oauth.storedToken(userKey);
    }
  }

  private URI consent(String authorizeUrl, boolean accept) {
    try {
      return FakeConsent.answer(authorizeUrl, accept);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void loginRedirectsToZohoWithTheStateKeptInTheSession() {
    run(app("zoho.login.anonymous-user-key=default"), flow -> {
      String authorize = flow.startLogin();
      assertThat(authorize).startsWith(fake.baseUrl(DataCenter.US) + "/oauth/v2/auth?")
          .contains("client_id=" + client.clientId()).contains("scope=ZohoCRM.modules.leads.READ")
          .contains("access_type=offline");
      String state = URI.create(authorize).getQuery().replaceAll(".*state=([^&]*).*", "$1");
      assertThat(flow.session.getAttribute(ZohoLoginController.STATE)).isEqualTo(state);
    });
  }

  @Test
  void theCallbackStoresTheTokensUnderTheAnonymousKeyAndRedirectsToTheSuccessUrl() {
    run(app("zoho.login.anonymous-user-key=default"), flow -> {
      MvcResult done = flow.callback(consent(flow.startLogin(), true), null);
      assertThat(done.getResponse().getStatus()).isEqualTo(302);
      assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/leads");
      ZohoToken token = flow.stored("default").orElseThrow();
      assertThat(token.hasRefreshToken()).isTrue();
      assertThat(token.scopes()).extracting(Object::toString).contains("ZohoCRM.modules.leads.READ");
      assertThat(flow.session.getAttribute(ZohoLoginController.STATE)).isNull();
    });
  }

  @Test
  void theAuthenticatedPrincipalIsTheUserKey() {
    run(app("zoho.login.anonymous-user-key=default"), flow -> {
      MvcResult done = flow.callback(consent(flow.startLogin(), true), () -> "alice@example.com");
      assertThat(done.getResponse().getStatus()).isEqualTo(302);
      assertThat(flow.stored("alice@example.com")).isPresent();
      assertThat(flow.stored("default")).isEmpty();
    });
  }

  @Test
  void aDeniedConsentRendersTheErrorPage() throws Exception {
    run(app("zoho.login.anonymous-user-key=default"), flow -> {
      MvcResult denied = flow.callback(consent(flow.startLogin(), false), null);
      assertError(denied, 403, "access_denied", "declined");
      assertThat(flow.stored("default")).isEmpty();
    });
  }

  @Test
  void aForgedStateIsRefusedAndNothingIsStored() {
    run(app("zoho.login.anonymous-user-key=default"), flow -> {
      URI redirect = consent(flow.startLogin(), true);
      URI forged = URI.create(redirect.toString().replaceAll("state=[^&]*", "state=forged"));
      assertError(flow.callback(forged, null), 400, "state_mismatch", "does not belong");
      assertThat(flow.stored("default")).isEmpty();
    });
  }

  @Test
  void aCallbackWithoutALoginInThisSessionOrOpenedTwiceIsRefused() {
    run(app("zoho.login.anonymous-user-key=default"), flow -> {
      URI redirect = consent(flow.startLogin(), true);
      Flow otherBrowser = new Flow(flow.mvc, flow.oauth);
      assertError(otherBrowser.callback(redirect, null), 400, "no_login_in_progress", "No login was started");
      assertThat(flow.callback(redirect, null).getResponse().getStatus()).isEqualTo(302);
      assertError(flow.callback(redirect, null), 400, "no_login_in_progress", "opened twice");
    });
  }

  @Test
  void anExpiredCodeRendersTheErrorPage() {
    run(app("zoho.login.anonymous-user-key=default"), flow -> {
      URI redirect = consent(flow.startLogin(), true);
      fake.advanceClock(Duration.ofMinutes(5));
      assertError(flow.callback(redirect, null), 400, "invalid_code", "expired");
      assertThat(flow.stored("default")).isEmpty();
    });
  }

  @Test
  void withoutAUserAndWithoutAnAnonymousKeyNothingIsStored() {
    run(app(), flow -> {
      assertError(flow.perform(get("/auth/zoho").session(flow.session)), 401, "no_user", "Sign in");
      assertThat(flow.session.getAttribute(ZohoLoginController.STATE)).isNull();
      assertThat(flow.oauth.tokenStore().keys()).isEmpty();
    });
  }

  @Test
  void withoutZohoScopesLoginAsksForTheManifestsScopesAndSaysWhichJarAddsThem(
      org.springframework.boot.test.system.CapturedOutput output) {
    run(app("zoho.login.anonymous-user-key=default", "zoho.scopes="), flow -> {
      String authorize = flow.startLogin();
      String scope = okhttp3.HttpUrl.get(authorize).queryParameter("scope");
      java.util.List<Scope> asked = Scope.parseList(scope);
      assertThat(asked).contains(Scope.parse("ZohoCRM.modules.READ"));
      assertThat(Scope.minimal(asked)).containsExactlyInAnyOrderElementsOf(asked);
      assertThat(output.getAll()).containsOnlyOnce("Login with Zoho asks for")
          .contains("set zoho.scopes to ask for fewer").contains("META-INF/zoho/scopes.json adds [");
    });
  }

  @Test
  void aCallbackWhoseIdTokenCarriesAnotherNonceIsRefused() {
    run(app("zoho.login.anonymous-user-key=default", "zoho.scopes=ZohoCRM.modules.leads.READ,email"), flow -> {
      String authorize = flow.startLogin();
      String nonce = (String) flow.session.getAttribute(ZohoLoginController.NONCE);
      assertThat(nonce).isNotBlank();
      assertThat(authorize).contains("nonce=" + nonce);
      URI redirect = consent(authorize, true);
      flow.session.setAttribute(ZohoLoginController.NONCE, "another-login-s-nonce");
      assertError(flow.callback(redirect, null), 502, "invalid_id_token", "Zoho did not complete");
      assertThat(flow.stored("default")).isEmpty();
    });
  }

  @Test
  void theIdTokenOfTheLoginsOwnNonceIsAccepted() {
    run(app("zoho.login.anonymous-user-key=default", "zoho.scopes=ZohoCRM.modules.leads.READ,email"), flow -> {
      MvcResult done = flow.callback(consent(flow.startLogin(), true), null);
      assertThat(done.getResponse().getRedirectedUrl()).isEqualTo("/leads");
      assertThat(flow.stored("default")).isPresent();
    });
  }

  @Test
  void consentIsAskedOnlyOfAPrincipalWithoutARefreshToken() {
    run(app(), flow -> {
      java.security.Principal alice = () -> "alice";
      java.security.Principal bob = () -> "bob";
      MvcResult first = flow.perform(get("/auth/zoho").session(flow.session).principal(alice));
      assertThat(first.getResponse().getRedirectedUrl()).contains("prompt=consent");
      URI redirect = consent(first.getResponse().getRedirectedUrl(), true);
      assertThat(flow.callback(redirect, alice).getResponse().getRedirectedUrl()).isEqualTo("/leads");
      assertThat(flow.stored("alice")).isPresent();

      MvcResult again = flow.perform(get("/auth/zoho").session(flow.session).principal(alice));
      assertThat(again.getResponse().getRedirectedUrl()).doesNotContain("prompt=consent");
      MvcResult other = flow.perform(get("/auth/zoho").session(flow.session).principal(bob));
      assertThat(other.getResponse().getRedirectedUrl()).contains("prompt=consent");
    });
  }

  @Test
  void zohoUnavailableDuringTheCallbackRendersATryAgainPage() {
    run(app("zoho.login.anonymous-user-key=default"), flow -> {
      URI redirect = consent(flow.startLogin(), true);
      fake.failNext(io.github.zohokit.testkit.Fault.Target.TOKEN, 1, io.github.zohokit.testkit.Fault.serverError());
      assertError(flow.callback(redirect, null), 503, "zoho_unavailable", "try again");
      assertThat(flow.stored("default")).isEmpty();
    });
  }

  @Test
  void aFailingTokenStoreRendersAStorePageWithoutSecrets() {
    io.github.zohokit.spi.TokenStore memory = io.github.zohokit.store.TokenStores.inMemory();
    io.github.zohokit.spi.TokenStore broken = new io.github.zohokit.spi.TokenStore() {
      @Override
      public Optional<io.github.zohokit.spi.StoredToken> load(io.github.zohokit.token.TokenKey key) {
        return memory.load(key);
      }

      @Override
      public Optional<io.github.zohokit.spi.StoredToken> compareAndSet(io.github.zohokit.token.TokenKey key,
          long expectedVersion, ZohoToken token) {
        throw new io.github.zohokit.spi.TokenStoreException("disk full while writing the token file");
      }

      @Override
      public boolean delete(io.github.zohokit.token.TokenKey key) {
        return memory.delete(key);
      }

      @Override
      public java.util.List<io.github.zohokit.token.TokenKey> keys() {
        return memory.keys();
      }

      @Override
      public Optional<io.github.zohokit.spi.RefreshLease> tryAcquireRefreshLease(
          io.github.zohokit.token.TokenKey key, Duration ttl) {
        return memory.tryAcquireRefreshLease(key, ttl);
      }
    };
    run(app("zoho.login.anonymous-user-key=default").withBean(io.github.zohokit.spi.TokenStore.class,
        () -> broken), flow -> {
      URI redirect = consent(flow.startLogin(), true);
      MvcResult result = flow.callback(redirect, null);
      assertError(result, 500, "token_store_error", "token store failed");
      try {
        assertThat(result.getResponse().getContentAsString()).doesNotContain(client.clientSecret())
            .doesNotContain("disk full");
      } catch (java.io.UnsupportedEncodingException e) {
        throw new AssertionError(e);
      }
    });
  }

  @Test
  void aFailureHandlerOfTheApplicationReplacesThePage() {
    ZohoLoginFailureHandler handler = (request, response, failure) ->
        response.sendRedirect("/problem?code=" + failure.error());
    run(app("zoho.login.anonymous-user-key=default").withBean(ZohoLoginFailureHandler.class, () -> handler), flow -> {
      MvcResult denied = flow.callback(consent(flow.startLogin(), false), null);
      assertThat(denied.getResponse().getRedirectedUrl()).isEqualTo("/problem?code=access_denied");
    });
  }

  private static void assertError(MvcResult result, int status, String code, String explanation) {
    try {
      assertThat(result.getResponse().getStatus()).isEqualTo(status);
      assertThat(result.getResponse().getContentType()).startsWith("text/html");
      String page = result.getResponse().getContentAsString();
      assertThat(page).contains("<code id=\"zoho-error\">" + code + "</code>").contains(explanation)
          .contains("href=\"/auth/zoho\"");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }
}

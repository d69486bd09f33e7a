package io.github.zohokit.spring;

import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.auth.AuthorizationRequest;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.scope.ScopeManifest;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.TokenStoreException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Login with Zoho for a server-based client. The login endpoint starts an authorization and keeps its
 * {@code state}, {@code nonce} and PKCE verifier (if any) in the HTTP session — as strings, so a replicated session
 * store can serialize them; the verifier is kept in clear, so trust the session store as the token store — then
 * redirects to Zoho. Consent is asked only when the signed-in user has no usable refresh token. The callback takes them out again (a callback is good once), lets the
 * runtime check the state and exchange the code at the user's data centre, stores the tokens under the request's
 * user key ({@link ZohoUserKeyResolver}) and redirects to {@code zoho.login.success-url}.
 */
@Controller
final class ZohoLoginController {
  private static final Logger log = LoggerFactory.getLogger(ZohoLoginController.class);
  static final String STATE = ZohoLoginController.class.getName() + ".state";
  static final String VERIFIER = ZohoLoginController.class.getName() + ".verifier";
  static final String NONCE = ZohoLoginController.class.getName() + ".nonce";

  private final ZohoOAuth oauth;
  private final List<String> scopes;
  private final String successUrl;
  private final ZohoUserKeyResolver userKeys;
  private final ZohoLoginFailureHandler failures;

  ZohoLoginController(ZohoOAuth oauth, ZohoProperties properties, ZohoUserKeyResolver userKeys,
      ZohoLoginFailureHandler failures) {
    this.oauth = oauth;
    this.scopes = scopes(properties);
    this.successUrl = properties.getLogin().getSuccessUrl();
    this.userKeys = userKeys;
    this.failures = failures;
  }

  private static List<String> scopes(ZohoProperties properties) {
    if (properties.getScopes() != null && !properties.getScopes().isEmpty()) {
      return List.copyOf(properties.getScopes());
    }
    ScopeManifest manifest = ScopeManifest.load(ZohoLoginController.class.getClassLoader());
    List<String> declared = Scope.minimal(manifest.scopes()).stream().map(Object::toString).collect(Collectors.toList());
    if (declared.isEmpty()) {
      throw new ZohoPropertyException("zoho.scopes", "is not set and no generated client on the class path "
          + "declares a scope", "Set zoho.scopes to the scopes Login with Zoho asks for, for example "
          + "ZohoCRM.modules.leads.READ");
    }
    Map<String, Set<Scope>> bySource = new TreeMap<>();
    manifest.apis().forEach(c -> bySource.computeIfAbsent(c.source(), k -> new TreeSet<>()).addAll(c.scopes()));
    log.info("Login with Zoho asks for {}: the scopes the generated clients on the class path declare ({}); "
        + "set zoho.scopes to ask for fewer", declared, bySource.entrySet().stream()
        .map(e -> e.getKey() + " adds " + Scope.minimal(e.getValue())).collect(Collectors.joining("; ")));
    return declared;
  }

  @GetMapping("${zoho.login.path:/zoho/login}")
  void login(HttpServletRequest request, HttpServletResponse response) throws IOException {
    String userKey = userKeys.userKey(request);
    if (userKey == null || userKey.isBlank()) {
      fail(request, response, noUser());
      return;
    }
    AuthorizationRequest authorization;
    try {
      authorization = oauth.authorizationCodeFlow().authorize(scopes, userKey);
    } catch (RuntimeException e) {
      fail(request, response, failure(e));
      return;
    }
    HttpSession session = request.getSession(true);
    session.setAttribute(STATE, authorization.state());
    session.setAttribute(NONCE, authorization.nonce());
    if (authorization.codeVerifier() != null) {
      session.setAttribute(VERIFIER, authorization.codeVerifier().reveal());
    } else {
      session.removeAttribute(VERIFIER);
    }
    response.sendRedirect(authorization.url());
  }

  @GetMapping("${zoho.login.callback-path:/zoho/callback}")
  void callback(HttpServletRequest request, HttpServletResponse response) throws IOException {
    HttpSession session = request.getSession(false);
    String state = session == null ? null : (String) session.getAttribute(STATE);
    String verifier = session == null ? null : (String) session.getAttribute(VERIFIER);
    String nonce = session == null ? null : (String) session.getAttribute(NONCE);
    if (session != null) {
      session.removeAttribute(STATE);
      session.removeAttribute(VERIFIER);
      session.removeAttribute(NONCE);
    }
    if (state == null) {
      fail(request, response, new ZohoAuthException("no_login_in_progress", "No Login with Zoho was started in this "
          + "browser session (it expired, or this callback was opened twice); start the login again"));
      return;
    }
    String userKey = userKeys.userKey(request);
    if (userKey == null || userKey.isBlank()) {
      fail(request, response, noUser());
      return;
    }
    String query = request.getQueryString() == null ? "" : request.getQueryString();
    ZohoToken token;
    try {
      token = oauth.authorizationCodeFlow().complete(AuthorizationRequest.resume(state, verifier, nonce), query,
          userKey);
    } catch (RuntimeException e) {
      fail(request, response, failure(e));
      return;
    }
    log.info("Login with Zoho: stored the tokens of user {} (data centre {}, scopes {})", userKey, token.dataCenter(),
        token.scopes());
    response.sendRedirect(successUrl.startsWith("/") ? request.getContextPath() + successUrl : successUrl);
  }

  private static ZohoAuthException noUser() {
    return new ZohoAuthException("no_user", "The request has no signed-in user to keep the Zoho tokens for: sign the "
        + "user in first, define a ZohoUserKeyResolver bean, or set zoho.login.anonymous-user-key for an "
        + "application with one Zoho user");
  }

  /**
   * The failure handler's view of {@code e}: Zoho's refusals as they are; Zoho unavailable ({@code zoho_unavailable},
   * try again), the token store failing ({@code token_store_error}) and a client that cannot log users in
   * ({@code login_unavailable}) as errors of their own; anything else propagates.
   */
  static ZohoAuthException failure(RuntimeException e) {
    if (e instanceof ZohoAuthException) {
      return (ZohoAuthException) e;
    }
    if (e instanceof ZohoUnavailableException) {
      return new ZohoAuthException("zoho_unavailable", "Zoho is unavailable: " + e.getMessage(), e);
    }
    if (e instanceof TokenStoreException) {
      return new ZohoAuthException("token_store_error", "The token store failed: " + e.getMessage(), e);
    }
    if (e instanceof IllegalStateException) {
      return new ZohoAuthException("login_unavailable", "Login with Zoho cannot run: " + e.getMessage(), e);
    }
    throw e;
  }

  private void fail(HttpServletRequest request, HttpServletResponse response, ZohoAuthException failure)
      throws IOException {
    log.warn("Login with Zoho failed: {} ({})", failure.error(), failure.getMessage());
    failures.onFailure(request, response, failure);
  }
}

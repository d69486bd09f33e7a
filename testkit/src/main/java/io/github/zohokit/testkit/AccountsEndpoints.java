package io.github.zohokit.testkit;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.auth.ClientType;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zoho Accounts over HTTP with Zoho's real paths, parameters and answers: {@code /oauth/v2/auth} (a consent page),
 * {@code /oauth/v2/token}, {@code /oauth/v2/token/revoke}, the v3 device flow, OpenID discovery and keys.
 *
 * <p>Where Zoho departs from RFC 6749/8628 the fake follows Zoho, and the comments below say where Zoho documents
 * it (the pages are collected, with their conflicts, in the project's notes {@code zoho-protocol.md}): Accounts'
 * protocol pages under {@code https://www.zoho.com/accounts/protocol/oauth/}, CRM's under
 * {@code https://www.zoho.com/crm/developer/docs/api/v8/}.
 */
final class AccountsEndpoints {
  private final FakeZoho fake;
  private final Accounts accounts;
  private final int errorStatus;
  /** The {@code nonce} of each authorization request, by the grant code it produced, for the code's id_token. */
  private final Map<String, String> nonces = new ConcurrentHashMap<>();

  AccountsEndpoints(FakeZoho fake, Accounts accounts, int errorStatus) {
    this.fake = fake;
    this.accounts = accounts;
    this.errorStatus = errorStatus;
  }

  void handle(DataCenter dc, Http http) throws IOException {
    String path = http.path;
    switch (path) {
      case "/oauth/v2/auth":
      case "/oauth/v2/auth/refresh":
        // the implicit grant's silent renewal: a client-based app renews without a consent page when the user
        // allowed it for the session (js-apps/access-expiry.html)
        authorizePage(dc, http, path.endsWith("/refresh"));
        return;
      case "/oauth/v2/auth/consent":
        consent(dc, http);
        return;
      case "/oauth/v2/token":
        token(dc, http);
        return;
      case "/oauth/v2/token/revoke":
        revoke(http);
        return;
      // the device flow is Zoho's v3, not v2 (limited-input-devices.html)
      case "/oauth/v3/device/code":
        deviceCode(dc, http);
        return;
      case "/oauth/v3/device/token":
        deviceToken(dc, http);
        return;
      case "/oauth/v3/device":
        devicePage(http);
        return;
      case "/oauth/v3/device/approve":
        deviceDecision(http);
        return;
      case "/.well-known/openid-configuration":
        discovery(dc, http);
        return;
      case "/oauth/v2/keys":
        http.json(200, fake.idTokens().jwks());
        return;
      default:
        http.html(404, Html.page("Not found", "<p>No such page on Zoho Accounts (fake): " + Html.escape(path)
            + "</p>"));
    }
  }

  // ---- browser authorization ----

  private void authorizePage(DataCenter dc, Http http, boolean silentRenewal) throws IOException {
    FakeClient client = accounts.client(http.param("client_id"));
    String redirectUri = http.param("redirect_uri");
    if (client == null) {
      http.html(400, Html.page("Error", "<h1>invalid_client</h1><p>No client with this client_id.</p>"));
      return;
    }
    if (redirectUri == null || !client.redirectUris().contains(redirectUri)) {
      http.html(400, Html.page("Error", "<h1>invalid_redirect_uri</h1><p>The redirect URI "
          + Html.escape(redirectUri) + " is not registered for " + Html.escape(client.name()) + ".</p>"));
      return;
    }
    String responseType = http.param("response_type");
    boolean token = "token".equals(responseType);
    if (!("code".equals(responseType) && Accounts.isClientType(client, ClientType.SERVER_BASED, ClientType.MOBILE)
        || token && client.type() == ClientType.CLIENT_BASED)) {
      http.redirect(redirectWith(redirectUri, token, Map.of("error", "unsupported_response_type"), http.param("state")));
      return;
    }
    List<Scope> scopes = scopes(http.param("scope"));
    if (scopes == null) {
      http.redirect(redirectWith(redirectUri, token, Map.of("error", "invalid_scope"), http.param("state")));
      return;
    }
    if (silentRenewal && token) {
      FakeUser user = accounts.user(fake.browserUser());
      if (user != null && accounts.hasSession(client, user)) {
        tokenRedirect(http, client, user, scopes, redirectUri, true, http.param("nonce"));
        return;
      }
    }
    StringBuilder form = new StringBuilder();
    form.append("<h1>Authorize ").append(Html.escape(client.name())).append("</h1>\n")
        .append("<p id=\"app\">").append(Html.escape(client.name())).append(" would like to access your Zoho ")
        .append("account:</p>\n<ul id=\"scopes\">\n");
    for (Scope scope : scopes) {
      form.append("<li>").append(Html.escape(scope.toString())).append("</li>\n");
    }
    form.append("</ul>\n<form method=\"post\" action=\"/oauth/v2/auth/consent\">\n");
    for (String name : List.of("client_id", "response_type", "redirect_uri", "scope", "state", "nonce", "access_type",
        "prompt", "code_challenge", "code_challenge_method")) {
      form.append(Html.hidden(name, http.param(name)));
    }
    form.append("<label>Sign in as <select name=\"user\" id=\"user\">\n");
    for (FakeUser user : accounts.users()) {
      form.append("<option value=\"").append(Html.escape(user.email())).append('"')
          .append(user.email().equalsIgnoreCase(fake.browserUser()) ? " selected" : "").append('>')
          .append(Html.escape(user.fullName() + " <" + user.email() + ">")).append("</option>\n");
    }
    form.append("</select></label>\n");
    if (token) {
      form.append("<label><input type=\"checkbox\" name=\"granted_for_session\" value=\"true\" id=\"session\"> "
          + "Allow silent renewal</label>\n");
    }
    form.append("<button type=\"submit\" name=\"decision\" value=\"accept\" id=\"accept\">Accept</button>\n")
        .append("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button>\n</form>");
    http.html(200, Html.page("Zoho Accounts (fake) - Authorize " + client.name(), form.toString()));
  }

  private void consent(DataCenter dc, Http http) throws IOException {
    FakeClient client = accounts.client(http.param("client_id"));
    String redirectUri = http.param("redirect_uri");
    if (client == null || redirectUri == null || !client.redirectUris().contains(redirectUri)) {
      http.html(400, Html.page("Error", "<h1>invalid_request</h1>"));
      return;
    }
    boolean token = "token".equals(http.param("response_type"));
    String state = http.param("state");
    if (!"accept".equals(http.param("decision"))) {
      http.redirect(redirectWith(redirectUri, token, Map.of("error", "access_denied"), state));
      return;
    }
    FakeUser user = accounts.user(http.param("user") != null ? http.param("user") : fake.browserUser());
    List<Scope> scopes = scopes(http.param("scope"));
    if (user == null || scopes == null) {
      http.redirect(redirectWith(redirectUri, token, Map.of("error", user == null ? "access_denied" : "invalid_scope"),
          state));
      return;
    }
    if (token) {
      if ("true".equals(http.param("granted_for_session"))) {
        accounts.grantSession(client, user);
      }
      tokenRedirect(http, client, user, scopes, redirectUri, accounts.hasSession(client, user), http.param("nonce"));
      return;
    }
    Accounts.GrantCode code;
    try {
      code = accounts.issueCode(client, user, scopes, redirectUri, http.param("code_challenge"),
          http.param("code_challenge_method"), "offline".equals(http.param("access_type")),
          "consent".equals(http.param("prompt")), false, accounts.settings().browserCodeLifetime());
    } catch (OAuthError e) {
      http.redirect(redirectWith(redirectUri, false, Map.of("error", e.code), state));
      return;
    }
    if (http.param("nonce") != null) {
      nonces.put(code.code, http.param("nonce"));
    }
    // Zoho sends every user to the accounts server the app is registered on and answers with the user's own data
    // centre: location (lower-case, "eu") and accounts-server, where the code must then be exchanged; a client
    // that exchanges it at the first server gets invalid_code (multi-dc/client-authorization.html,
    // web-apps/authorization.html)
    DataCenter home = user.homeDataCenter();
    Map<String, String> params = new LinkedHashMap<>();
    params.put("code", code.code);
    params.put("location", home.location());
    params.put("accounts-server", fake.baseUrl(home));
    http.redirect(redirectWith(redirectUri, false, params, state));
  }

  private void tokenRedirect(Http http, FakeClient client, FakeUser user, List<Scope> scopes, String redirectUri,
      boolean session, String nonce) throws IOException {
    DataCenter home = user.homeDataCenter();
    Accounts.Issued issued = accounts.issue(client, user, scopes, home, false);
    Map<String, String> params = new LinkedHashMap<>();
    params.put("access_token", issued.access().value);
    params.put("token_type", "Bearer");
    params.put("expires_in", String.valueOf(accounts.settings().accessTokenLifetime().toSeconds()));
    params.put("api_domain", fake.baseUrl(home));
    params.put("location", home.location());
    if (session) {
      params.put("granted_for_session", "true");
    }
    if (issued.openId()) {
      params.put("id_token", fake.idTokens().sign(fake.baseUrl(home), user, client.clientId(), fake.clock().instant(),
          nonce));
    }
    http.redirect(redirectWith(redirectUri, true, params, http.param("state")));
  }

  /** {@code redirectUri} with {@code params} (and {@code state}) in the query, or in the fragment for tokens. */
  static String redirectWith(String redirectUri, boolean fragment, Map<String, String> params, String state) {
    StringBuilder b = new StringBuilder(redirectUri);
    char first = fragment ? '#' : redirectUri.contains("?") ? '&' : '?';
    Map<String, String> all = new LinkedHashMap<>(params);
    if (state != null) {
      all.put("state", state);
    }
    boolean start = true;
    for (Map.Entry<String, String> e : all.entrySet()) {
      b.append(start ? first : '&').append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      start = false;
    }
    return b.toString();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  // ---- token endpoint ----

  private void token(DataCenter dc, Http http) throws IOException {
    // a GET to the token endpoint gets a generic server-error page, not an OAuth error
    // (web-apps/access-token.html shows only POST; observed behaviour, see zoho-protocol.md section 3.1)
    if (!http.method.equals("POST")) {
      http.html(500, Html.page("Error", "<h1>An error occurred</h1>"));
      return;
    }
    String grantType = http.param("grant_type");
    fake.increment("token:" + (grantType == null ? "none" : grantType));
    try {
      // parameters go in the query string or a form body; a JSON body is not read at all, and the symptom Zoho
      // lists for it is invalid_client (Zoho Books' OAuth page, "possible errors")
      if (http.hasJsonBody()) {
        throw new OAuthError("invalid_client");
      }
      if (grantType == null) {
        throw new OAuthError("invalid_request");
      }
      Accounts.Issued issued;
      FakeClient client;
      String nonce = null;
      switch (grantType) {
        case "authorization_code":
          client = accounts.authenticate(http.param("client_id"), http.param("client_secret"),
              accounts.client(http.param("client_id")) != null
                  && accounts.client(http.param("client_id")).clientSecret() != null);
          issued = accounts.exchange(client, required(http, "code", "invalid_code"), http.param("redirect_uri"),
              http.param("code_verifier"), dc);
          nonce = nonces.remove(http.param("code"));
          break;
        case "refresh_token":
          // a missing, revoked or replaced refresh token is invalid_code, like a used grant code: Zoho has no
          // invalid_grant (web-apps/access-token-expiry.html; Kaizen #4 "Troubleshooting OAuth2.0")
          client = accounts.authenticate(http.param("client_id"), http.param("client_secret"), true);
          issued = accounts.refresh(client, required(http, "refresh_token", "invalid_code"), dc);
          break;
        case "client_credentials":
          // only self clients have it, and Zoho needs the non-standard soid, "ZohoCRM.<org id>", to pick the
          // organisation: missing_org_info without it (crm/developer/docs/api/v7/client-credentials.html,
          // accounts/protocol/oauth/self-client/overview.html)
          client = accounts.authenticate(http.param("client_id"), http.param("client_secret"), true);
          if (client.type() != ClientType.SELF_CLIENT) {
            throw new OAuthError("unauthorized_client");
          }
          List<Scope> scopes = scopes(http.param("scope"));
          if (scopes == null) {
            throw new OAuthError("invalid_scope");
          }
          String soid = http.param("soid");
          if (soid == null) {
            throw new OAuthError("missing_org_info");
          }
          if (!soid.equalsIgnoreCase("ZohoCRM." + fake.orgId(dc))) {
            throw new OAuthError("invalid_org", "no organisation " + soid + " in this data centre");
          }
          issued = accounts.issue(client, fake.orgAdmin(dc), scopes, dc, false);
          break;
        default:
          throw new OAuthError("unsupported_grant_type");
      }
      http.json(200, tokenAnswer(dc, client, issued, !"refresh_token".equals(grantType), nonce),
          ZohoShapes.TOKEN_ANSWER);
    } catch (OAuthError e) {
      oauthError(http, e);
    }
  }

  private ObjectNode tokenAnswer(DataCenter dc, FakeClient client, Accounts.Issued issued, boolean withScope,
      String nonce) {
    // refresh answers carry no scope and no new refresh token (Zoho does not rotate them: keep the first one);
    // a refresh token comes only with access_type=offline on a consent (web-apps/access-token.html,
    // web-apps/access-token-expiry.html). scope is space-separated although requests separate with commas.
    // expires_in is in seconds today (older answers had milliseconds plus expires_in_sec); api_domain is the
    // user's data centre, where API calls must go (api/v8/multi-dc.html)
    ObjectNode answer = Http.JSON.createObjectNode();
    answer.put("access_token", issued.access().value);
    if (issued.refresh() != null) {
      answer.put("refresh_token", issued.refresh().value);
    }
    if (withScope) {
      List<String> scopes = new ArrayList<>();
      issued.access().scopes.forEach(s -> scopes.add(s.toString()));
      answer.put("scope", String.join(" ", scopes));
    }
    answer.put("api_domain", fake.baseUrl(dc));
    answer.put("token_type", "Bearer");
    answer.put("expires_in", accounts.settings().accessTokenLifetime().toSeconds());
    if (issued.openId()) {
      answer.put("id_token", fake.idTokens().sign(fake.baseUrl(dc), issued.access().user, client.clientId(),
          fake.clock().instant(), nonce));
    }
    return answer;
  }

  private static String required(Http http, String name, String error) {
    String value = http.param(name);
    if (value == null) {
      throw new OAuthError(error);
    }
    return value;
  }

  /**
   * Zoho's OAuth errors are {@code {"error": "..."}}, usually with HTTP 200 (so a client must look for the
   * {@code error} member, never at the status; Kaizen #43 "Tokens and limitations"), which is the fake's default
   * {@code errorStatus}. The throttle is the odd one: {@code "error": "Access Denied"} (capitalised, with a space)
   * with {@code "status": "failure"} and HTTP 400, as observed (zoho-protocol.md section 3.3).
   */
  private void oauthError(Http http, OAuthError e) throws IOException {
    ObjectNode body = Http.JSON.createObjectNode();
    if (e.description != null) {
      body.put("error_description", e.description);
    }
    body.put("error", e.code);
    if (e.isThrottle()) {
      body.put("status", "failure");
      http.json(400, body, ZohoShapes.OAUTH_ERROR);
    } else {
      http.json(errorStatus, body, ZohoShapes.OAUTH_ERROR);
    }
  }

  // ---- revoke ----

  /**
   * {@code POST /oauth/v2/token/revoke?token=...}: {@code {"status": "success"}}, or HTTP 400 for a token Zoho does
   * not know; revoking a refresh token also ends every access token minted from it (revoke-refresh-token.html,
   * api/v8/revoke-tokens.html).
   */
  private void revoke(Http http) throws IOException {
    fake.increment("revoke");
    String token = http.param("token");
    if (token != null && accounts.revoke(token)) {
      http.json(200, Http.JSON.createObjectNode().put("status", "success"), ZohoShapes.REVOKE_ANSWER);
    } else {
      http.json(400, Http.JSON.createObjectNode().put("status", "failure").put("error", "invalid_token"),
          ZohoShapes.REVOKE_ANSWER);
    }
  }

  // ---- device flow ----

  private void deviceCode(DataCenter dc, Http http) throws IOException {
    fake.increment("device:code");
    try {
      FakeClient client = accounts.client(http.param("client_id"));
      if (client == null || client.type() != ClientType.NON_BROWSER) {
        throw new OAuthError("invalid_client");
      }
      if (!"device_request".equals(http.param("grant_type"))) {
        throw new OAuthError("unsupported_grant_type");
      }
      List<Scope> scopes = scopes(http.param("scope"));
      if (scopes == null) {
        throw new OAuthError("invalid_scope");
      }
      // no client secret on this call, grant_type device_request (not RFC 8628's), and Zoho's field names:
      // verification_url (not verification_uri); verification_uri_complete is undocumented but present in real
      // answers, which third-party clients read (devices/initiation-request.html)
      Accounts.DeviceLogin login = accounts.startDevice(client, scopes, "offline".equals(http.param("access_type")));
      String verification = fake.baseUrl(dc) + "/oauth/v3/device";
      ObjectNode answer = Http.JSON.createObjectNode()
          .put("device_code", login.deviceCode)
          .put("user_code", login.userCode)
          .put("verification_url", verification)
          .put("verification_uri_complete", verification + "?user_code=" + login.userCode)
          // milliseconds, as Zoho documents (interval and expires_in); at least 1000, since clients read smaller
          // values as seconds
          .put("interval", Math.max(1000, accounts.settings().deviceInterval().toMillis()))
          .put("expires_in", accounts.settings().deviceCodeLifetime().toMillis());
      http.json(200, answer, ZohoShapes.DEVICE_CODE_ANSWER);
    } catch (OAuthError e) {
      oauthError(http, e);
    }
  }

  private void deviceToken(DataCenter dc, Http http) throws IOException {
    fake.increment("device:token");
    try {
      // polling: grant_type device_token and the device code in "code" (RFC 8628: device_code); answers
      // authorization_pending, slow_down (two polls within 30 s, whatever the interval said), access_denied,
      // expired (not expired_token), and other_dc with user_location when the user lives in another data centre:
      // the client then polls that data centre's accounts server (devices/polling-request.html,
      // multi-dc/client-authorization/limited-input-devices.html)
      FakeClient client = accounts.authenticate(http.param("client_id"), http.param("client_secret"), true);
      if (!"device_token".equals(http.param("grant_type"))) {
        throw new OAuthError("unsupported_grant_type");
      }
      DevicePoll result = accounts.pollDevice(client, required(http, "code", "invalid_code"), dc);
      if (result instanceof DevicePoll.OtherDataCenter other) {
        http.json(errorStatus, Http.JSON.createObjectNode().put("user_location", other.home().location())
            .put("error", "other_dc"), ZohoShapes.OAUTH_ERROR);
      } else if (result instanceof DevicePoll.Granted granted) {
        http.json(200, tokenAnswer(dc, client, granted.issued(), true, null), ZohoShapes.TOKEN_ANSWER);
      }
    } catch (OAuthError e) {
      oauthError(http, e);
    }
  }

  private void devicePage(Http http) throws IOException {
    String code = http.param("user_code");
    StringBuilder form = new StringBuilder("<h1>Connect a device</h1>\n<form method=\"post\" "
        + "action=\"/oauth/v3/device/approve\">\n<label>Code <input name=\"user_code\" id=\"user_code\" value=\"")
        .append(Html.escape(code)).append("\"></label>\n<label>Sign in as <select name=\"user\" id=\"user\">\n");
    for (FakeUser user : accounts.users()) {
      form.append("<option value=\"").append(Html.escape(user.email())).append("\">")
          .append(Html.escape(user.email())).append("</option>\n");
    }
    form.append("</select></label>\n<button name=\"decision\" value=\"accept\" id=\"accept\">Accept</button>\n")
        .append("<button name=\"decision\" value=\"deny\" id=\"deny\">Deny</button>\n</form>");
    http.html(200, Html.page("Zoho Accounts (fake) - Device", form.toString()));
  }

  private void deviceDecision(Http http) throws IOException {
    FakeUser user = accounts.user(http.param("user") != null ? http.param("user") : fake.browserUser());
    try {
      accounts.decideDevice(http.param("user_code"), user, "accept".equals(http.param("decision")));
      http.html(200, Html.page("Done", "<p id=\"result\">"
          + ("accept".equals(http.param("decision")) ? "Device connected" : "Device denied") + "</p>"));
    } catch (IllegalArgumentException e) {
      http.html(400, Html.page("Error", "<p id=\"result\">" + Html.escape(e.getMessage()) + "</p>"));
    }
  }

  // ---- discovery ----

  /**
   * OpenID discovery per data centre ({@code accounts.zoho.{dc}/.well-known/openid-configuration}); the issuer is
   * that data centre's accounts server. Zoho's id_tokens name their key in a non-standard {@code key_id} header,
   * which is why {@link IdTokens} writes one (sign-in-using-zoho.html; zoho-protocol.md section 6).
   */
  private void discovery(DataCenter dc, Http http) throws IOException {
    String base = fake.baseUrl(dc);
    ObjectNode doc = Http.JSON.createObjectNode()
        .put("issuer", base)
        .put("authorization_endpoint", base + "/oauth/v2/auth")
        .put("token_endpoint", base + "/oauth/v2/token")
        .put("revocation_endpoint", base + "/oauth/v2/token/revoke")
        .put("device_authorization_endpoint", base + "/oauth/v3/device/code")
        .put("jwks_uri", base + "/oauth/v2/keys");
    doc.putArray("response_types_supported").add("code").add("token");
    doc.putArray("code_challenge_methods_supported").add("plain").add("S256");
    doc.putArray("id_token_signing_alg_values_supported").add("RS256");
    doc.putArray("scopes_supported").add("openid").add("email").add("profile");
    http.json(200, doc);
  }

  /** Parses a comma- or space-separated scope list; null when absent or malformed. */
  static List<Scope> scopes(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      List<Scope> scopes = Scope.parseList(text);
      return scopes.isEmpty() ? null : scopes;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}

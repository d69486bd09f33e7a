package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.token.TokenKey;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The authorization code flow of server-based and mobile clients.
 *
 * <pre>{@code
 * AuthorizationCodeFlow flow = oauth.authorizationCodeFlow();
 * AuthorizationRequest request = flow.authorize(List.of("ZohoCRM.modules.leads.READ"));
 * session.put("zoho", request);                       // then redirect the browser to request.url()
 * ...
 * // on the redirect URI:
 * ZohoToken token = flow.complete(session.get("zoho"), fullCallbackUrl, userId);
 * }</pre>
 *
 * Mobile clients (and server-based clients built with {@code pkce(true)}) send a PKCE S256 challenge and the
 * verifier with the code. The callback's {@code state} is checked in constant time; its {@code accounts-server}
 * is used only if it is a trusted accounts server ({@link ZohoEndpoints}), because the client secret is sent there.
 * An id_token in the answer is verified (signature, issuer, audience, expiry and the request's {@code nonce})
 * before anything is stored.
 */
public final class AuthorizationCodeFlow {
  private final Accounts accounts;
  private final TokenKeeper keeper;
  private final boolean pkce;

  AuthorizationCodeFlow(Accounts accounts, TokenKeeper keeper, boolean pkce) {
    this.accounts = accounts;
    this.keeper = keeper;
    this.pkce = pkce;
  }

  /**
   * Starts an offline authorization (a refresh token is requested) for {@link TokenKey#DEFAULT_USER}: the same as
   * {@link #authorize(Collection, String) authorize(scopes, TokenKey.DEFAULT_USER)}.
   *
   * @param scopes the scopes to ask for, each element one scope or several separated by commas or spaces; at least one
   * @return the request: redirect the user to its URL and keep it for {@link #complete}
   * @throws IllegalArgumentException when no scope is given or one is malformed
   */
  public AuthorizationRequest authorize(Collection<String> scopes) {
    return authorize(scopes, TokenKey.DEFAULT_USER);
  }

  /**
   * Starts an offline authorization for the user the application will store the tokens under ({@code userKey}).
   * The consent screen ({@code prompt=consent}) is forced only when no refresh token is stored for that user, Zoho
   * refused the stored one as revoked, or the stored token's scopes do not cover {@code scopes}:
   * Zoho mints a new refresh token on every consent and keeps at most 20 per user, evicting the oldest (which
   * breaks whatever uses it), while a login without consent returns no refresh token and zohokit keeps the stored
   * one.
   *
   * @param scopes the scopes to ask for, at least one
   * @param userKey the user the tokens will be stored for
   * @return the request: redirect the user to its URL and keep it for {@link #complete}
   * @throws IllegalArgumentException when no scope is given or one is malformed
   */
  public AuthorizationRequest authorize(Collection<String> scopes, String userKey) {
    return authorize(scopes, AccessType.OFFLINE, !keeper.hasUsableRefreshToken(userKey, Scope.parseAll(scopes)));
  }

  /**
   * Starts an authorization.
   *
   * @param scopes the scopes to ask for, at least one
   * @return the request, with a new random state and nonce (and PKCE verifier, when used)
   * @throws IllegalArgumentException when no scope is given or one is malformed
   * @param accessType {@link AccessType#OFFLINE} to get a refresh token
   * @param promptConsent send {@code prompt=consent}; Zoho issues a refresh token only on the first consent
   *     unless this is set (each new refresh token counts against Zoho's 20 per user, and replacing a stored one
   *     revokes it)
   */
  public AuthorizationRequest authorize(Collection<String> scopes, AccessType accessType, boolean promptConsent) {
    List<Scope> parsed = Scope.parseAll(scopes);
    String state = Pkce.newState();
    String nonce = Pkce.newState();
    String verifier = pkce ? Pkce.newVerifier() : null;
    HttpUrl.Builder url = accounts.accountsUrl().newBuilder().addPathSegments("oauth/v2/auth")
        .addQueryParameter("response_type", "code")
        .addQueryParameter("client_id", accounts.client().clientId())
        .addQueryParameter("scope", Scope.join(parsed))
        .addQueryParameter("redirect_uri", accounts.client().redirectUri())
        .addQueryParameter("access_type", accessType.param())
        .addQueryParameter("state", state)
        .addQueryParameter("nonce", nonce);
    if (promptConsent) {
      url.addQueryParameter("prompt", "consent");
    }
    if (verifier != null) {
      url.addQueryParameter("code_challenge", Pkce.challenge(verifier))
          .addQueryParameter("code_challenge_method", "S256");
    }
    return new AuthorizationRequest(url.build().toString(), state, Secret.ofNullable(verifier), nonce, parsed);
  }

  /**
   * Completes an authorization from the URL Zoho redirected to: checks {@code state}, exchanges the code at the
   * user's accounts server, and stores the tokens under {@code userKey}.
   *
   * @param request the request {@link #authorize} returned, or one {@linkplain AuthorizationRequest#resume resumed}
   * @param userKey the user the tokens are stored for
   * @return the token, already stored
   * @param callback the full redirect URL, or its query string
   * @throws ZohoAuthException when the callback cannot be read ({@code invalid_callback}: malformed escapes, a
   *     parameter given twice), the user denied access ({@code access_denied}), the state is missing or does not
   *     match ({@code state_mismatch}), the accounts server is unknown ({@code untrusted_accounts_server}), Zoho
   *     refuses the code, the answer names an API domain zohokit does not trust ({@code untrusted_api_domain}),
   *     or its id_token fails verification ({@code invalid_id_token}: signature, issuer, audience, expiry,
   *     nonce)
   */
  public ZohoToken complete(AuthorizationRequest request, String callback, String userKey) {
    RedirectParameters params = RedirectParameters.parse(callback).verify(request);
    String code = params.get("code");
    if (code == null) {
      throw new ZohoAuthException("missing_code", "The authorization callback has neither a code nor an error; "
          + "is this the redirect URI Zoho called?");
    }
    Located server = locate(accounts, params.get("accounts-server"), params.get("location"));
    Map<String, String> form = accounts.clientAuthentication();
    form.put("grant_type", "authorization_code");
    form.put("code", code);
    form.put("redirect_uri", accounts.client().redirectUri());
    if (request.codeVerifier() != null) {
      form.put("code_verifier", request.codeVerifier().reveal());
    }
    ZohoToken token = accounts.requestToken(server.url, form, OAuthErrors.Request.AUTHORIZATION_CODE, server.dataCenter);
    accounts.verifyIdToken(token, server.url, server.dataCenter, request.nonce());
    return keeper.keep(userKey, token);
  }

  /** An accounts server and its data centre. */
  static final class Located {
    final HttpUrl url;
    final DataCenter dataCenter;

    Located(HttpUrl url, DataCenter dataCenter) {
      this.url = url;
      this.dataCenter = dataCenter;
    }
  }

  /**
   * The accounts server named by a callback: {@code accounts-server} if it is a known one, else the server of
   * {@code location}'s data centre, else the client's own.
   */
  static Located locate(Accounts accounts, String accountsServer, String location) {
    if (accountsServer != null) {
      Optional<DataCenter> dc = accounts.endpoints().dataCenterOfAccountsServer(accountsServer);
      if (dc.isEmpty()) {
        throw new ZohoAuthException("untrusted_accounts_server", "The callback names accounts server '"
            + accountsServer + "', which is not a Zoho accounts server this client knows. zohokit does not send "
            + "the client secret there. If it is legitimate, add it with ZohoEndpoints.withAccountsUrl");
      }
      return new Located(accounts.endpoints().accountsUrl(dc.get()), dc.get());
    }
    Optional<DataCenter> dc = DataCenter.fromLocation(location).filter(accounts.endpoints()::hasAccountsServer);
    if (dc.isPresent()) {
      return new Located(accounts.endpoints().accountsUrl(dc.get()), dc.get());
    }
    return new Located(accounts.accountsUrl(), accounts.client().dataCenter());
  }
}

package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.zohokit.ZohoAuthException;
import java.util.Collection;
import java.util.List;
import okhttp3.HttpUrl;

/**
 * The implicit flow of client-based (JavaScript) clients: Zoho sends the access token straight to the redirect
 * URI, with no refresh token. When it expires the user authorizes again; zohokit then throws a
 * {@link io.github.zohokit.ReauthorizationRequiredException} carrying the URL to send the user to (Zoho's silent
 * renewal URL when the user allowed it).
 *
 * <p>Usually the browser handles this flow itself; this class serves a backend that receives the redirect's
 * fragment from its page, and tests.
 */
public final class ImplicitFlow {
  private final Accounts accounts;
  private final TokenKeeper keeper;
  private final ObjectMapper objectMapper;

  ImplicitFlow(Accounts accounts, TokenKeeper keeper, ObjectMapper objectMapper) {
    this.accounts = accounts;
    this.keeper = keeper;
    this.objectMapper = objectMapper;
  }

  /**
   * Starts an authorization with {@code response_type=token}.
   *
   * @param scopes the scopes to ask for, each element one scope or several separated by commas or spaces; at least one
   * @return the request: redirect the user to its URL and keep it for {@link #complete}
   * @throws IllegalArgumentException when no scope is given or one is malformed
   */
  public AuthorizationRequest authorize(Collection<String> scopes) {
    return request(accounts, "oauth/v2/auth", Scope.parseAll(scopes));
  }

  private static AuthorizationRequest request(Accounts accounts, String path, List<Scope> scopes) {
    String state = Pkce.newState();
    String nonce = Pkce.newState();
    String url = url(accounts, path, scopes).addQueryParameter("state", state).addQueryParameter("nonce", nonce).build()
        .toString();
    return new AuthorizationRequest(url, state, null, nonce, scopes);
  }

  private static HttpUrl.Builder url(Accounts accounts, String path, List<Scope> scopes) {
    return accounts.accountsUrl().newBuilder().addPathSegments(path)
        .addQueryParameter("response_type", "token")
        .addQueryParameter("client_id", accounts.client().clientId())
        .addQueryParameter("scope", Scope.join(scopes))
        .addQueryParameter("redirect_uri", accounts.client().redirectUri());
  }

  /**
   * Reads the token from the URL Zoho redirected to (parameters in the fragment or the query), checks
   * {@code state}, the API domain and the id_token, and then stores the token under {@code userKey}. The redirect
   * passed through the user's browser, so nothing in it is trusted unchecked.
   *
   * @param request the request {@link #authorize} returned, or one {@linkplain AuthorizationRequest#resume resumed}
   * @param redirect the full redirect URL, or its fragment or query string
   * @param userKey the user the token is stored for
   * @return the token, without a refresh token, already stored
   * @throws ZohoAuthException {@code invalid_callback}, {@code state_mismatch}, Zoho's error (such as
   *     {@code access_denied}), {@code missing_token}, {@code untrusted_api_domain} (an API domain that is not a
   *     trusted host), or {@code invalid_id_token} (signature, issuer, audience, expiry or nonce)
   */
  public ZohoToken complete(AuthorizationRequest request, String redirect, String userKey) {
    RedirectParameters params = RedirectParameters.parse(redirect).verify(request);
    String accessToken = params.get("access_token");
    if (accessToken == null) {
      throw new ZohoAuthException("missing_token", "The redirect carries no access_token; is this the redirect "
          + "URI of a client-based app, with the fragment (#...) included?");
    }
    ObjectNode expiry = objectMapper.createObjectNode();
    if (params.get("expires_in") != null) {
      expiry.put("expires_in", params.get("expires_in"));
    }
    String apiDomain = params.get("api_domain");
    DataCenter dc = DataCenter.fromLocation(params.get("location")).filter(accounts.endpoints()::hasAccountsServer)
        .orElseGet(() -> apiDomain == null ? accounts.client().dataCenter()
            : DataCenter.fromApiDomain(apiDomain).orElse(accounts.client().dataCenter()));
    ZohoToken token;
    try {
      token = ZohoToken.builder()
          .accessToken(Secret.of(accessToken))
          .expiresAt(accounts.now().plus(TokenResponses.lifetime(expiry)))
          .scopes(request.scopes())
          .apiDomain(apiDomain)
          .accountsServer(accounts.endpoints().accountsUrl(dc).toString())
          .dataCenter(dc)
          .idToken(Secret.ofNullable(params.get("id_token")))
          .grantedForSession("true".equalsIgnoreCase(params.get("granted_for_session")))
          .build();
    } catch (IllegalArgumentException e) {
      // a token with whitespace or a control character in it: Zoho did not send this (the message redacts)
      throw new ZohoAuthException("invalid_callback", "The redirect's token cannot be used: " + e.getMessage()
          + ". Zoho did not send this; nothing was stored. Start the login again");
    }
    accounts.requireTrustedApiDomain(token, "The redirect");
    accounts.verifyIdToken(token, accounts.endpoints().accountsUrl(dc), dc, request.nonce());
    return keeper.keep(userKey, token);
  }

  /**
   * Where to send the user when {@code expired} can no longer be used, for the same scopes: Zoho's silent renewal
   * ({@code /oauth/v2/auth/refresh}) if the user allowed it, otherwise a new authorization. With a fresh
   * {@code state}, like {@link #authorize}: keep the request and pass it to {@link #complete} with the redirect.
   * Static: the token engine builds it for its reauthorization message without a flow.
   */
  static AuthorizationRequest reauthorization(Accounts accounts, ZohoToken expired) {
    List<Scope> scopes = expired == null ? List.of() : expired.scopes();
    if (scopes.isEmpty()) {
      return null;
    }
    return request(accounts, expired.grantedForSession() ? "oauth/v2/auth/refresh" : "oauth/v2/auth", scopes);
  }
}

package io.github.zohokit.auth;

import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.spi.TokenStoreException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.token.ZohoToken;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Zoho Accounts as one client sees it, and the only class that talks to it (over {@link AccountsHttp}): token
 * requests (code, grant token, refresh, client credentials, device code), revocation, id_token keys; reading the
 * answers, mapping Zoho's errors, and deciding which accounts servers are trusted with the client secret and refresh
 * tokens ({@link ZohoEndpoints}). Where API calls go is not decided here: {@link ZohoEndpoints#apiBaseOf} does.
 */
final class Accounts {
  private static final Logger log = LoggerFactory.getLogger(Accounts.class);
  static final String TOKEN_PATH = "/oauth/v2/token";
  private static final String REVOKE_PATH = "/oauth/v2/token/revoke";

  private final ClientConfig client;
  private final ZohoEndpoints endpoints;
  private final AccountsHttp accountsHttp;
  private final OkHttpClient http;
  private final Clock clock;
  private final IdTokenVerifier configuredVerifier;
  private final Map<HttpUrl, IdTokenVerifier> verifiers = new ConcurrentHashMap<>();

  Accounts(ClientConfig client, ZohoEndpoints endpoints, AccountsHttp accountsHttp, OkHttpClient http,
      Clock clock, IdTokenVerifier configuredVerifier) {
    this.client = client;
    this.endpoints = endpoints;
    this.accountsHttp = accountsHttp;
    this.http = http;
    this.clock = clock;
    this.configuredVerifier = configuredVerifier;
  }

  ClientConfig client() {
    return client;
  }

  ZohoEndpoints endpoints() {
    return endpoints;
  }

  Instant now() {
    return clock.instant();
  }

  /** The accounts server this client starts with (its data centre's, or the configured override). */
  HttpUrl accountsUrl() {
    return endpoints.accountsUrl(client.dataCenter());
  }

  /** The client's id, and its secret when it has one, as a token request's first form fields. */
  Map<String, String> clientAuthentication() {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("client_id", client.clientId());
    if (client.clientSecret() != null) {
      form.put("client_secret", client.clientSecret().reveal());
    }
    return form;
  }

  /** Posts {@code form} to {@code path} of {@code server} and reads the answer, whatever its status. */
  AccountsHttp.Answer post(HttpUrl server, String path, Map<String, String> form) {
    return accountsHttp.post(server, path, form);
  }

  /**
   * Posts a token request to {@code accountsServer} and reads the token it answers with.
   *
   * @throws ZohoAuthException {@code untrusted_api_domain} when the answer names an API domain zohokit does not
   *     trust
   */
  ZohoToken requestToken(HttpUrl accountsServer, Map<String, String> form, OAuthErrors.Request request,
      DataCenter dataCenter) {
    return tokenFrom(accountsHttp.post(accountsServer, TOKEN_PATH, form), request, accountsServer, dataCenter);
  }

  /**
   * Reads the token in an answer of {@code accountsServer} (token or device-token endpoint).
   *
   * @throws ZohoAuthException {@code untrusted_api_domain} when the answer names an API domain zohokit does not
   *     trust
   */
  ZohoToken tokenFrom(AccountsHttp.Answer answer, OAuthErrors.Request request, HttpUrl accountsServer,
      DataCenter dataCenter) {
    ZohoToken token = TokenResponses.parse(answer, request, client, now(), accountsServer.toString(), dataCenter);
    requireTrustedApiDomain(token, "Zoho Accounts at " + accountsServer);
    return token;
  }

  /** A new access token for {@code old}'s refresh token, from the accounts server that issued it. */
  ZohoToken refresh(TokenKey key, ZohoToken old) {
    HttpUrl server = accountsServerFor(old);
    Map<String, String> form = clientAuthentication();
    form.put("grant_type", "refresh_token");
    form.put("refresh_token", old.refreshToken().reveal());
    log.debug("Refreshing the access token of {} at {}", key, server);
    return requestToken(server, form, OAuthErrors.Request.REFRESH, old.dataCenter());
  }

  /**
   * A client-credentials token for organisation {@code soid} (null for none) and {@code scopes}: Zoho's
   * {@code client_credentials} grant, for self clients. Not stored: the caller keeps it.
   */
  ZohoToken clientCredentials(List<Scope> scopes, String soid) {
    Map<String, String> form = clientAuthentication();
    form.put("grant_type", "client_credentials");
    form.put("scope", Scope.join(scopes));
    if (soid != null) {
      form.put("soid", soid);
    }
    return requestToken(accountsUrl(), form, OAuthErrors.Request.CLIENT_CREDENTIALS, client.dataCenter());
  }

  /** Refuses a token, just received from {@code source}, whose {@code api_domain} is not a trusted API host. */
  void requireTrustedApiDomain(ZohoToken token, String source) {
    if (endpoints.trustedApiBase(token.apiDomain(), dataCenterOf(token)).isEmpty()) {
      throw new ZohoAuthException("untrusted_api_domain", source + " named api_domain '" + token.apiDomain()
          + "', which is neither a Zoho data centre's API host (over https) nor one configured in ZohoEndpoints. "
          + "zohokit does not send access tokens there, so the token was not stored. If the host is legitimate, "
          + "configure it with ZohoEndpoints.withApiBase");
    }
  }

  /**
   * The accounts server that issued {@code token} (or its configured override); refresh and revoke go there.
   *
   * @throws TokenStoreException when the token names an accounts server zohokit does not trust
   */
  HttpUrl accountsServerFor(ZohoToken token) {
    if (token.accountsServer() != null) {
      return endpoints.trustedAccountsServer(token.accountsServer()).orElseThrow(() -> untrusted("accounts_server",
          token.accountsServer(), "the client secret or the refresh token", "ZohoEndpoints.withAccountsUrl"));
    }
    return endpoints.accountsUrl(dataCenterOf(token));
  }

  private DataCenter dataCenterOf(ZohoToken token) {
    return token.dataCenter() != null ? token.dataCenter() : client.dataCenter();
  }

  private static TokenStoreException untrusted(String field, String value, String secret, String configure) {
    return new TokenStoreException("The stored token names " + field + " '" + value + "', which is neither a Zoho "
        + "data centre's server (over https) nor one configured in ZohoEndpoints. zohokit does not send " + secret
        + " there, so the token was not used. If the token store was edited or written by another program, delete "
        + "this token and authorize again; if the server is legitimate, configure it with " + configure);
  }

  /**
   * Revokes {@code token}'s refresh token (or, without one, its access token) at Zoho, which also revokes every
   * access token minted from it. {@code kept} names where the token stays when revoking fails, for the message.
   *
   * @throws ZohoUnavailableException when Zoho could not be asked; {@link ZohoAuthException} when it refused
   */
  Revocation revoke(TokenKey key, ZohoToken token, String kept) {
    AccountsHttp.Answer answer;
    try {
      answer = accountsHttp.post(accountsServerFor(token), REVOKE_PATH, revokeForm(token));
    } catch (ZohoUnavailableException e) {
      throw new ZohoUnavailableException(e.getMessage() + ". Revoking " + key + " failed; the token was kept in "
          + kept + ". Try revoking again", e.status().orElse(0), null, e);
    }
    if ("success".equalsIgnoreCase(answer.text("status"))) {
      return Revocation.REVOKED;
    }
    if (answer.status() == 400) {
      // Zoho answers 400 for a token it does not know (already revoked, or never issued): nothing left to revoke
      log.warn("Zoho did not know the token of {} any more (HTTP 400{})", key,
          answer.error() == null ? "" : ", '" + answer.error() + "'");
      return Revocation.UNKNOWN_TO_ZOHO;
    }
    if (answer.error() != null) {
      TokenResponses.throwIfError(answer, OAuthErrors.Request.REVOKE, client);
    }
    throw new ZohoAuthException(null, "Zoho did not confirm revoking the token of " + key + " (HTTP "
        + answer.status() + ", status " + answer.text("status") + "); the token was kept in " + kept + ". Try again");
  }

  /**
   * Revokes {@code replaced}'s refresh token, which a new one replaced in the store (Zoho keeps at most 20 per user
   * and evicts the oldest). Best effort: a failure is logged, never thrown.
   */
  void revokeReplaced(TokenKey key, ZohoToken replaced) {
    try {
      AccountsHttp.Answer answer = accountsHttp.post(accountsServerFor(replaced), REVOKE_PATH, revokeForm(replaced));
      if ("success".equalsIgnoreCase(answer.text("status"))) {
        log.info("Revoked the previous refresh token of {}, replaced by a new one", key);
      } else {
        log.warn("Zoho did not confirm revoking the previous refresh token of {} (HTTP {}, error {}); it may stay "
            + "active until it is revoked in Zoho's Connected Apps page", key, answer.status(), answer.error());
      }
    } catch (RuntimeException e) {
      log.warn("Could not revoke the previous refresh token of {}: {}. It may stay active until it is revoked in "
          + "Zoho's Connected Apps page", key, e.getMessage());
    }
  }

  private static Map<String, String> revokeForm(ZohoToken token) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", (token.hasRefreshToken() ? token.refreshToken() : token.accessToken()).reveal());
    return form;
  }

  /**
   * Verifies the id_token of a token just obtained, if it has one: signature by a key of {@code issuer}'s key set
   * (or the configured verifier), issuer ({@code issuer}, or Zoho's accounts server of {@code dc}), audience
   * (this client), expiry, and {@code nonce} when the request sent one.
   *
   * @throws ZohoAuthException {@code invalid_id_token}
   */
  void verifyIdToken(ZohoToken token, HttpUrl issuer, DataCenter dc, String nonce) {
    if (token.idToken() == null) {
      return;
    }
    IdTokenVerifier verifier = configuredVerifier != null ? configuredVerifier : verifiers.computeIfAbsent(issuer,
        server -> IdTokenVerifier.fromJwksUrl(http, server.newBuilder().encodedPath("/oauth/v2/keys")
            .query(null).build().toString(), clock));
    List<String> issuers = new ArrayList<>();
    issuers.add(issuer.toString());
    if (dc != null) {
      issuers.add(dc.accountsUrl());
    }
    verifier.verify(token.idToken().reveal(), client.clientId(), issuers, nonce);
  }
}

package io.github.zohokit.maven;

import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.ZohoException;
import io.github.zohokit.ZohoUnavailableException;
import io.github.zohokit.token.DataCenter;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.auth.ZohoOAuth;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.spi.StoredToken;
import io.github.zohokit.token.TokenKey;
import io.github.zohokit.spi.TokenStore;
import io.github.zohokit.store.TokenStores;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.maven.plugin.MojoFailureException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What {@code zoho:bootstrap-token} does, apart from Maven: nothing when the store already holds a live token for
 * the client and user that covers the required scopes; otherwise (the stored token is missing, dead, expired beyond
 * refresh or lacks a scope) exchange the grant token, check the granted scopes, and only then store the tokens.
 */
final class Bootstrap {
  /** How a run ended. */
  enum Outcome { ALREADY_COVERED, EXCHANGED }

  private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

  private final ZohoOAuth.Builder oauth;
  private final TokenStore store;
  private final TokenKey key;

  /**
   * @param oauth a self-client configuration (credentials, data centre, endpoints); its token store is replaced
   *     by one in memory for the exchange, so nothing reaches {@code store} unless the scopes check out
   */
  Bootstrap(ZohoOAuth.Builder oauth, TokenStore store, TokenKey key) {
    this.oauth = oauth;
    this.store = store;
    this.key = key;
  }

  /**
   * The stored token, if it exists, can still be used or renewed (it is unexpired, or has a refresh token Zoho has
   * not declared dead) and covers {@code required}. No network.
   */
  static Optional<ZohoToken> coveringToken(TokenStore store, TokenKey key, Set<Scope> required, Clock clock) {
    Optional<StoredToken> stored = store.load(key);
    if (stored.isEmpty()) {
      return Optional.empty();
    }
    ZohoToken token = stored.get().token();
    boolean usable = token.hasLiveRefreshToken() || !token.hasRefreshToken() && !token.isExpiredAt(clock.instant());
    return usable && Scope.missing(token.scopes(), required).isEmpty() ? Optional.of(token) : Optional.empty();
  }

  /**
   * Checks that the stored token still works with one refresh (the renewed access token is stored). Empty when it
   * does; otherwise why not (Zoho declared the refresh token dead, which is then recorded in the store).
   *
   * @throws MojoFailureException when Zoho could not be asked (transient: nothing is known either way)
   */
  Optional<String> verify() throws MojoFailureException {
    Optional<StoredToken> stored = store.load(key);
    if (stored.isEmpty()) {
      return Optional.of("no token is stored for " + key);
    }
    if (!stored.get().token().hasRefreshToken()) {
      return Optional.empty();
    }
    ZohoOAuth live = oauth.tokenStore(store).build();
    try {
      live.refresh(key.userKey());
      return Optional.empty();
    } catch (ReauthorizationRequiredException e) {
      return Optional.of(e.getMessage());
    } catch (ZohoUnavailableException e) {
      throw new MojoFailureException("Could not check the stored token with Zoho: " + e.getMessage());
    } catch (ZohoException e) {
      throw new MojoFailureException("Checking the stored token with one refresh failed. " + e.getMessage());
    }
  }

  /**
   * Exchanges {@code grantToken} and stores the result if Zoho granted every required scope.
   *
   * @throws MojoFailureException naming the missing scopes (the new tokens are revoked and nothing is stored), or
   *     carrying Zoho's refusal with what to do
   */
  ZohoToken exchange(String grantToken, Set<Scope> required) throws MojoFailureException {
    ZohoOAuth exchanging = oauth.tokenStore(TokenStores.inMemory()).build();
    ZohoToken token;
    try {
      token = exchanging.selfClientFlow().exchangeGrantToken(grantToken, key.userKey());
    } catch (ZohoException e) {
      throw new MojoFailureException("Exchanging the grant token failed. " + e.getMessage());
    }
    if (token.scopes().isEmpty()) {
      // Zoho did not say what it granted: record what this build asked for, so later builds can compare.
      token = token.toBuilder().scopes(List.copyOf(required)).build();
    }
    List<Scope> missing = Scope.missing(token.scopes(), required);
    if (!missing.isEmpty()) {
      try {
        exchanging.revoke(key.userKey());
      } catch (ZohoException e) {
        // best effort: the token is unusable for this build either way
      }
      throw new MojoFailureException("The grant token lacks scopes this build's APIs need: " + Scope.join(missing)
          + ". It granted " + Scope.join(token.scopes()) + ". Nothing was stored: the tokens Zoho had just issued "
          + "for this grant token were revoked again, and the token store, with any token already in it, was left as "
          + "it was. Generate a new grant token with exactly these scopes:\n  " + Scope.join(required));
    }
    ZohoToken previous = store.load(key).map(StoredToken::token).orElse(null);
    store.save(key, token);
    if (previous != null && previous.hasRefreshToken() && !previous.refreshToken().equals(token.refreshToken())) {
      revokeReplaced(previous);
    }
    return token;
  }

  /**
   * Revokes the refresh token a new exchange replaced ({@code -Dzoho.force}): Zoho keeps at most 20 per user and
   * evicts the oldest, so an abandoned one would later cost a live one. Best effort: a failure is logged.
   */
  private void revokeReplaced(ZohoToken previous) {
    TokenStore old = TokenStores.inMemory();
    old.save(key, previous);
    try {
      oauth.tokenStore(old).build().revoke(key.userKey());
    } catch (ZohoException e) {
      log.warn("Could not revoke the replaced refresh token of {}: {}. Revoke it in Zoho's Connected Apps page",
          key, e.getMessage());
    }
  }

  /** The message for a build that needs a grant token and has none. */
  static String noGrantToken(Set<Scope> required, DataCenter dc) {
    String console = consoleUrl(dc);
    return "No stored Zoho token covers this build's scopes, and no grant token was given.\n"
        + "  1. Open " + console + ", choose your Self Client, tab \"Generate Code\".\n"
        + "  2. Paste these scopes: " + Scope.join(required) + "\n"
        + "  3. Pick a time duration, a description, create, and copy the code.\n"
        + "  4. Within its lifetime (3 minutes by default) run:\n"
        + "       mvn zoho:bootstrap-token -Dzoho.grantToken=<code>\n"
        + "     or set the environment variable ZOHO_GRANT_TOKEN.";
  }

  /** The API Console of {@code dc}: like its accounts server, {@code zohocloud.ca} for Canada. */
  static String consoleUrl(DataCenter dc) {
    switch (dc) {
      case EU:
        return "https://api-console.zoho.eu";
      case IN:
        return "https://api-console.zoho.in";
      case AU:
        return "https://api-console.zoho.com.au";
      case CN:
        return "https://api-console.zoho.com.cn";
      case JP:
        return "https://api-console.zoho.jp";
      case CA:
        return "https://api-console.zohocloud.ca";
      case SA:
        return "https://api-console.zoho.sa";
      case UK:
        return "https://api-console.zoho.uk";
      case AE:
        return "https://api-console.zoho.ae";
      case CUSTOM:
        return "the API Console of your data centre (api-console.<its Zoho domain>)";
      default:
        return "https://api-console.zoho.com";
    }
  }
}

package io.github.zohokit.auth;

import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.token.Secret;
import io.github.zohokit.scope.Scope;
import io.github.zohokit.token.TokenKey;
import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The two ways a self client gets tokens:
 *
 * <ul>
 *   <li>{@link #exchangeGrantToken}: the grant token generated in the API Console ("Generate Code" tab) becomes
 *       an access token and a refresh token. This is what {@code mvn zoho:bootstrap-token} does.
 *   <li>{@link #clientCredentials}: Zoho's client-credentials grant for one organisation ({@code soid}); the
 *       token has no refresh token and is simply requested again when it expires.
 * </ul>
 */
public final class SelfClientFlow {
  private static final Pattern SOID = Pattern.compile("[A-Za-z][A-Za-z0-9]*\\.[A-Za-z0-9_\\-]+");

  private final Accounts accounts;
  private final TokenKeeper keeper;

  SelfClientFlow(Accounts accounts, TokenKeeper keeper) {
    this.accounts = accounts;
    this.keeper = keeper;
  }

  /**
   * Exchanges a console-generated grant token and stores the tokens under {@code userKey}.
   *
   * @param grantToken the code from the API Console; it is single-use and lives only the minutes chosen there
   * @param userKey the user the tokens are stored for
   * @return the token, with its refresh token, already stored
   * @throws io.github.zohokit.ZohoAuthException when Zoho refuses the grant token (expired, already used, another
   *     client's)
   */
  public ZohoToken exchangeGrantToken(String grantToken, String userKey) {
    Secret code = Secret.of(grantToken);
    Map<String, String> form = accounts.clientAuthentication();
    form.put("grant_type", "authorization_code");
    form.put("code", code.reveal());
    ZohoToken token = accounts.requestToken(accounts.accountsUrl(), form, OAuthErrors.Request.GRANT_TOKEN,
        accounts.client().dataCenter());
    return keeper.keep(userKey, token);
  }

  /**
   * {@link #exchangeGrantToken(String, String)} for {@link TokenKey#DEFAULT_USER}.
   *
   * @param grantToken the code from the API Console; single-use
   * @return the token, with its refresh token, already stored
   * @throws io.github.zohokit.ZohoAuthException when Zoho refuses the grant token (expired, already used, another
   *     client's)
   */
  public ZohoToken exchangeGrantToken(String grantToken) {
    return exchangeGrantToken(grantToken, TokenKey.DEFAULT_USER);
  }

  /**
   * Requests a client-credentials token for organisation {@code soid} ({@code ZohoCRM.<orgId>}, or just the org
   * id; null for a service with a single organisation) and stores it under {@code userKey}. To have zohokit request new ones on expiry, configure
   * {@link ZohoOAuth.Builder#clientCredentials} instead.
   *
   * @param scopes the scopes to request, at least one
   * @param soid the organisation, or null
   * @param userKey the user the token is stored for
   * @return the token, without a refresh token, already stored
   * @throws IllegalArgumentException when no scope is given, a scope is malformed, or {@code soid} has neither form
   * @throws io.github.zohokit.ZohoAuthException when Zoho refuses the request
   */
  public ZohoToken clientCredentials(Collection<String> scopes, String soid, String userKey) {
    return keeper.keep(userKey, accounts.clientCredentials(Scope.parseAll(scopes), normalizeSoid(soid)));
  }

  /**
   * {@code 600123} becomes {@code ZohoCRM.600123}; {@code ZohoCRM.600123} stays; null or blank is null (no
   * {@code soid}: Zoho needs it only for services with several organisations, and says {@code missing_org_info}).
   */
  static String normalizeSoid(String soid) {
    if (soid == null || soid.isBlank()) {
      return null;
    }
    String s = soid.trim();
    if (s.chars().allMatch(Character::isDigit)) {
      return "ZohoCRM." + s;
    }
    if (!SOID.matcher(s).matches()) {
      throw new IllegalArgumentException("soid '" + s + "' is not of the form Service.orgId, for example "
          + "ZohoCRM.600123456");
    }
    return s;
  }
}

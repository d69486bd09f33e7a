package io.github.zohokit.auth;

import io.github.zohokit.token.Secret;
import io.github.zohokit.RateLimitException;
import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.ZohoException;
import java.time.Duration;

/**
 * Turns Zoho Accounts' error answers into exceptions that say what happened and what to do. Zoho's vocabulary is
 * its own ({@code invalid_code}, not RFC 6749's {@code invalid_grant}; a literal {@code "Access Denied"} for
 * throttling), so the mapping lives in one place.
 */
final class OAuthErrors {
  /** Zoho's throttle lasts until its 10-minute window ends. */
  static final Duration THROTTLE_WINDOW = Duration.ofMinutes(10);

  /** Why Zoho declares a refresh token dead. */
  static final String DEAD_REFRESH_TOKEN = "Zoho no longer accepts the refresh token: it was revoked, replaced by "
      + "a newer one (Zoho keeps at most 20 per user), or the user removed the app.";

  /** Zoho's {@code access_denied} has two causes, and the fix differs. */
  static final String ACCESS_DENIED = "Either the user denied access, or the client asked Zoho for more than 10 "
      + "grant codes in 10 minutes (Zoho's limit per client): then wait until the 10-minute window ends and try "
      + "once more";

  /**
   * Where a CRM org id is found, for the client-credentials errors. The {@code soid} is {@code ZohoCRM.<org id>}
   * (Zoho Accounts' self-client client-credentials page: {@code {servicename}.{zsoid}}); the org id is the number
   * after {@code org} in the CRM's web address (Zoho's CRM FAQ "Org IDs in Zoho CRM": Setup > Company Details, or the
   * profile menu), the {@code zgid} of {@code GET /crm/v8/org} (not its {@code id}, a record id).
   */
  static final String ORG_ID = "the org id is the number after 'org' in your CRM's web address "
      + "(crm.zoho.<domain>/crm/org<org id>/), shown in Zoho CRM under Setup > Company Details and in the profile "
      + "menu, and as zgid in GET /crm/v8/org";

  private OAuthErrors() {}

  /** What was being asked of Zoho, for messages. */
  enum Request {
    AUTHORIZATION_CODE("exchanging the authorization code"),
    GRANT_TOKEN("exchanging the self-client grant token"),
    REFRESH("refreshing the access token"),
    CLIENT_CREDENTIALS("requesting a client-credentials token"),
    DEVICE_CODE("starting the device flow"),
    DEVICE_TOKEN("polling the device flow"),
    REVOKE("revoking the token"),
    AUTHORIZATION("authorizing");

    final String doing;

    Request(String doing) {
      this.doing = doing;
    }
  }

  static ZohoException toException(String error, String description, Request request, ClientConfig client,
      String accountsServer) {
    String where = " (client " + client.clientId() + ", accounts server " + accountsServer + ")";
    String zohoSays = description == null || description.isBlank() ? "" : " Zoho says: \"" + description + "\".";
    String what = "Zoho refused " + request.doing + where + " with '" + error + "'." + zohoSays + " ";
    switch (error) {
      case "Access Denied":
        return new RateLimitException(what + "This is Zoho's throttle: too many token requests in a short time "
            + "(Zoho allows about 10 access tokens per refresh token per 10 minutes). Wait until the 10-minute "
            + "window ends; zohokit will not retry before then", THROTTLE_WINDOW);
      case "invalid_code":
        if (request == Request.REFRESH) {
          return new ReauthorizationRequiredException(error, what + DEAD_REFRESH_TOKEN + " zohokit marked it dead "
              + "and will not send it again. " + client.type().howToRecover(), null);
        }
        return new ZohoAuthException(error, what + "The code was already used or has expired: Zoho's grant "
            + "codes work once and live only a few minutes (2-3 minutes for browser flows, as chosen in the API "
            + "Console for self clients). Generate a new one and exchange it right away");
      case "invalid_client":
        return new ZohoAuthException(error, what + "Zoho does not know this client id here: check the client id, "
            + "and that the client is enabled for this data centre in the API Console (Settings > Multi DC). "
            + "Whitespace in a parameter causes this too");
      case "invalid_client_secret":
        return new ZohoAuthException(error, what + "The client secret is wrong: copy it again from the API "
            + "Console (Client Secret tab) for this data centre");
      case "invalid_redirect_uri":
        return new ZohoAuthException(error, what + "The redirect URI " + client.redirectUriOrNone()
            + " is not registered for this client, or differs from the one used to authorize: register it in "
            + "the API Console exactly as written");
      case "missing_org_info":
        return new ZohoAuthException(error, what + "The client-credentials grant needs the organisation: pass "
            + "soid as ZohoCRM.<orgId>; " + ORG_ID);
      case "invalid_org_info":
      case "invalid_org":
        return new ZohoAuthException(error, what + "Zoho does not know the organisation named by soid for this "
            + "client in this data centre: pass soid as ZohoCRM.<orgId> (or just the org id), where " + ORG_ID
            + ". The org must live in the data centre the client uses");
      case "access_denied":
        return new ZohoAuthException(error, what + ACCESS_DENIED);
      case "invalid_scope":
        return new ZohoAuthException(error, what + "A requested scope is unknown to Zoho or not allowed for this "
            + "client; check the scope names (Service.scope_name.OPERATION)");
      case "invalid_token":
        if (request == Request.REFRESH) {
          return new ReauthorizationRequiredException(error, what + DEAD_REFRESH_TOKEN + " zohokit marked it dead "
              + "and will not send it again. " + client.type().howToRecover(), null);
        }
        return new ZohoAuthException(error, what + "The token is invalid or has expired; for a grant code, "
            + "generate a new one");
      default:
        return new ZohoAuthException(error, what + "See Zoho's OAuth documentation for this error");
    }
  }
}

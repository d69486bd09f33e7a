package io.github.zohokit.testkit;

import io.github.zohokit.scope.ScopeCatalogue;
import io.github.zohokit.token.DataCenter;
import java.io.IOException;

/**
 * Zoho CRM v8 over HTTP: the gate every call passes (URL shape, {@code Authorization: Zoho-oauthtoken} with a token
 * of this data centre whose scopes cover the call, API credits) and the routing to the resources: records
 * ({@link RecordsEndpoints}), COQL ({@link CoqlEndpoint}), users, org and settings metadata
 * ({@link MetadataEndpoints}). Errors are thrown as {@link ZohoError} and written here, once.
 */
final class CrmEndpoints {
  private final FakeZoho fake;
  private final Accounts accounts;
  private final Crm crm;
  private final ApiAllowance allowance;
  private final RecordsEndpoints records;
  private final CoqlEndpoint coql;
  private final MetadataEndpoints metadata;
  private final AttachmentsEndpoints files;

  CrmEndpoints(FakeZoho fake, Accounts accounts, Crm crm, ApiAllowance allowance) {
    this.fake = fake;
    this.accounts = accounts;
    this.crm = crm;
    this.allowance = allowance;
    this.records = new RecordsEndpoints(fake, crm);
    this.coql = new CoqlEndpoint(crm);
    this.metadata = new MetadataEndpoints(accounts, crm);
    this.files = new AttachmentsEndpoints(crm);
  }

  void handle(DataCenter dc, Http http) throws IOException {
    try {
      serve(dc, http);
    } catch (ZohoError e) {
      e.answer(http);
    }
  }

  private void serve(DataCenter dc, Http http) throws IOException {
    cors(http);
    if (http.method.equals("OPTIONS")) {
      http.empty(204);
      return;
    }
    // /crm/{version}/{resource}...; anything else is INVALID_URL_PATTERN with HTTP 404 (status-codes.html)
    String[] segments = http.path.substring(1).split("/");
    if (segments.length < 3 || !segments[1].matches("v\\d+")) {
      throw ZohoError.invalidUrl();
    }
    fake.increment("crm:" + http.method + " " + http.path);
    // the header scheme is Zoho-oauthtoken, not the Bearer the token answer names as token_type; an access token
    // is valid only at the data centre that issued it (use-access-token.html, multi-dc.html)
    Accounts.AccessToken token = authorize(dc, http);
    // the organisation's allowance (requests per minute, credits per day, both off by default): past it, HTTP 429
    // TOO_MANY_REQUESTS, which is Zoho's answer past its rate and concurrency limits, with no Retry-After header
    // (api-limits.html, Kaizen #203 "API limits and errors")
    if (!allowance.take(dc, http)) {
      throw new ZohoError(429, "TOO_MANY_REQUESTS", "too many requests");
    }
    route(dc, http, token, segments);
  }

  /** The access token of the call, valid at {@code dc} and covering the call's documented scopes. */
  private Accounts.AccessToken authorize(DataCenter dc, Http http) {
    String authorization = http.header("Authorization");
    if (authorization == null || !authorization.startsWith("Zoho-oauthtoken ")) {
      throw new ZohoError(401, "AUTHENTICATION_FAILURE", "Authentication failed");
    }
    Accounts.AccessToken token = accounts.validAccess(authorization.substring("Zoho-oauthtoken ".length()).trim(), dc);
    if (token == null) {
      throw new ZohoError(401, "INVALID_TOKEN", "invalid oauth token");
    }
    // Zoho's documented scopes for the call (zohokit's catalogue, the scope home every part of zohokit asks); calls
    // it does not know are not judged
    if (!ScopeCatalogue.requirementFor(http.method, http.path).map(r -> r.isCoveredBy(token.scopes)).orElse(true)) {
      throw new ZohoError(401, "OAUTH_SCOPE_MISMATCH", "The access token you have used to make this API call does "
          + "not have the required scope.");
    }
    return token;
  }

  /**
   * The first path segments of Zoho CRM v8 that are not modules (the paths of crm-oas v8.0: {@code actions},
   * {@code coql}, {@code files}, {@code org}, {@code settings}, {@code upload}, {@code users}, and the
   * {@code __}-prefixed APIs such as {@code __composite_requests}). What the fake does not implement under them is
   * {@code 404 INVALID_URL_PATTERN}, Zoho's answer for a URL it does not serve (status-codes.html), never another
   * endpoint's answer or {@code INVALID_MODULE}.
   */
  private static final java.util.Set<String> NOT_MODULES =
      java.util.Set.of("actions", "coql", "files", "org", "settings", "upload", "users");

  private void route(DataCenter dc, Http http, Accounts.AccessToken token, String[] s) throws IOException {
    String first = s[2];
    String method = http.method;
    if (first.startsWith("__") || NOT_MODULES.contains(first)) {
      boolean get = method.equals("GET");
      if (first.equals("coql") && s.length == 3 && method.equals("POST")) {
        coql.query(dc, http);
      } else if (first.equals("users") && get && (s.length == 3 || s.length == 4 && !s[3].equals("actions"))) {
        metadata.users(dc, http, token, s.length > 3 ? s[3] : null);
      } else if (first.equals("org") && get && s.length == 3) {
        metadata.org(dc, http);
      } else if (first.equals("settings") && get && s.length >= 4) {
        metadata.settings(dc, http, s);
      } else if (NotificationEndpoints.handles(s)) { // actions/watch: helper notify's hook
        fake.notifications().handle(dc, http);
      } else {
        throw ZohoError.invalidUrl();
      }
      return;
    }
    if (AttachmentsEndpoints.handles(s)) {
      files.handle(dc, http, token, s);
      return;
    }
    // any other first segment is a module API name, matched ignoring case; an unknown one is INVALID_MODULE
    // naming the index of the offending path segment (status-codes.html)
    Crm.Module module = crm.module(dc, first);
    if (module == null) {
      throw ZohoError.invalidModule(0);
    }
    records.handle(dc, http, module, s);
  }

  /**
   * CORS for the JavaScript domains registered by client-based apps: Zoho answers a browser's API calls only from
   * the domains registered with the client in the API Console (accounts/protocol/oauth/javascript-applications.html).
   */
  private void cors(Http http) {
    String origin = http.header("Origin");
    if (origin == null) {
      return;
    }
    for (FakeClient client : accounts.clients()) {
      if (client.javascriptDomains().contains(origin)) {
        http.header("Access-Control-Allow-Origin", origin);
        http.header("Vary", "Origin");
        http.header("Access-Control-Allow-Methods", "GET, POST, PUT, PATCH, DELETE, OPTIONS");
        http.header("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Modified-Since");
        http.header("Access-Control-Max-Age", "600");
        return;
      }
    }
  }
}

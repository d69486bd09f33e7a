package io.github.zohokit.auth;

/**
 * The five kinds of client the Zoho API Console registers. Each obtains its first token differently, and only
 * some get a refresh token:
 *
 * <table>
 *   <caption>Client types</caption>
 *   <tr><th>type</th><th>first token</th><th>redirect URI</th><th>client secret</th><th>refresh token</th></tr>
 *   <tr><td>{@link #SERVER_BASED}</td><td>authorization code ({@link AuthorizationCodeFlow})</td><td>required</td>
 *       <td>yes</td><td>with {@code access_type=offline}</td></tr>
 *   <tr><td>{@link #CLIENT_BASED}</td><td>implicit grant ({@link ImplicitFlow})</td><td>required</td><td>none</td>
 *       <td>never: the user re-authorizes</td></tr>
 *   <tr><td>{@link #SELF_CLIENT}</td><td>console grant token or client credentials ({@link SelfClientFlow})</td>
 *       <td>none</td><td>yes</td><td>from a grant token; never from client credentials</td></tr>
 *   <tr><td>{@link #NON_BROWSER}</td><td>device flow ({@link DeviceFlow})</td><td>none</td><td>yes</td>
 *       <td>with {@code access_type=offline}</td></tr>
 *   <tr><td>{@link #MOBILE}</td><td>authorization code with PKCE ({@link AuthorizationCodeFlow})</td>
 *       <td>required, custom schemes allowed</td><td>yes</td><td>with {@code access_type=offline}</td></tr>
 * </table>
 */
public enum ClientType {
  /** A web application with a server: authorization code flow, client secret, redirect URI. */
  SERVER_BASED("server-based", true, true,
      "Send the user through the authorization code flow (AuthorizationCodeFlow.authorize) with AccessType.OFFLINE "
          + "to get a refresh token",
      "To recover, send the user through the authorization code flow again (AuthorizationCodeFlow.authorize with "
          + "AccessType.OFFLINE, which asks for consent)"),
  /** A JavaScript application in the browser: implicit flow, no client secret, no refresh token. */
  CLIENT_BASED("client-based", true, false,
      "Client-based apps get no refresh token: send the user to Zoho to authorize again",
      "To recover, send the user to Zoho to authorize again (ImplicitFlow)"),
  /** A self client of the API Console: grant tokens generated there, or the client-credentials grant. */
  SELF_CLIENT("self client", false, true,
      "Exchange a grant token first (mvn zoho:bootstrap-token -Dzoho.grantToken=..., or "
          + "SelfClientFlow.exchangeGrantToken), or configure clientCredentials(soid, scopes) for tokens without a "
          + "refresh token",
      "To recover, generate a new grant token in the API Console (Self Client > Generate Code) with the same scopes "
          + "and run mvn zoho:bootstrap-token -Dzoho.grantToken=<code> (or call SelfClientFlow.exchangeGrantToken)"),
  /** A client on a device without a browser, or a command-line tool: device flow. */
  NON_BROWSER("non-browser", false, true,
      "Log in with the device flow first (mvn zoho:device-login, or DeviceFlow.login) with AccessType.OFFLINE",
      "To recover, log in again with the device flow (mvn zoho:device-login, or DeviceFlow.login with "
          + "AccessType.OFFLINE)"),
  /** A mobile app: authorization code with PKCE; the redirect URI may use a custom scheme. */
  MOBILE("mobile", true, true,
      SERVER_BASED.firstToken, SERVER_BASED.recover);

  private final String displayName;
  private final boolean redirectUri;
  private final boolean clientSecret;
  /** How a user of this type gets a first token (with a refresh token where the type has one). */
  private final String firstToken;
  /** How to recover once Zoho declared the refresh token dead. */
  private final String recover;

  ClientType(String displayName, boolean redirectUri, boolean clientSecret, String firstToken, String recover) {
    this.displayName = displayName;
    this.redirectUri = redirectUri;
    this.clientSecret = clientSecret;
    this.firstToken = firstToken;
    this.recover = recover;
  }

  /** How a user of this type gets a first token, for messages. */
  String howToGetFirstToken() {
    return firstToken;
  }

  /** How to recover once Zoho declared the refresh token dead, for messages. */
  String howToRecover() {
    return recover;
  }

  /**
   * Whether clients of this type are registered with a redirect URI and send it when authorizing.
   *
   * @return true for server-based, client-based and mobile clients
   */
  public boolean usesRedirectUri() {
    return redirectUri;
  }

  /**
   * Whether clients of this type have a client secret.
   *
   * @return false only for client-based clients
   */
  public boolean hasClientSecret() {
    return clientSecret;
  }

  /**
   * The name Zoho's API Console shows, for example {@code server-based}.
   *
   * @return the display name, lower case
   */
  public String displayName() {
    return displayName;
  }
}

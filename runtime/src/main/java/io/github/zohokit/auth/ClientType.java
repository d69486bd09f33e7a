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
  SERVER_BASED("server-based", true, true),
  CLIENT_BASED("client-based", true, false),
  SELF_CLIENT("self client", false, true),
  NON_BROWSER("non-browser", false, true),
  MOBILE("mobile", true, true);

  private final String displayName;
  private final boolean redirectUri;
  private final boolean clientSecret;

  ClientType(String displayName, boolean redirectUri, boolean clientSecret) {
    this.displayName = displayName;
    this.redirectUri = redirectUri;
    this.clientSecret = clientSecret;
  }

  /** Whether clients of this type are registered with a redirect URI and send it when authorizing. */
  public boolean usesRedirectUri() {
    return redirectUri;
  }

  /** Whether clients of this type have a client secret. */
  public boolean hasClientSecret() {
    return clientSecret;
  }

  /** The name Zoho's API Console shows, for example {@code server-based}. */
  public String displayName() {
    return displayName;
  }
}

package io.github.zohokit;

import java.util.Objects;

/**
 * A setting of a {@link io.github.zohokit.auth.ZohoOAuth} is missing, refused for the client type, or malformed,
 * found when the builder is given it or in {@link io.github.zohokit.auth.ZohoOAuth.Builder#build()}. The runtime is
 * the one place these rules are checked; the exception says which {@link #setting() setting} is wrong, what is wrong
 * with it ({@link #problem()}) and what to do ({@link #fix()}), so that the Spring Boot starter and the Maven plugin
 * report it under their own name for the setting ({@code zoho.redirect-uri}, {@code -Dzoho.clientId}) from a table,
 * never by reading the message. No message carries a secret.
 *
 * <p>It is an {@link IllegalArgumentException}, which the builder threw before it existed: existing {@code catch}
 * blocks keep working.
 */
public final class ZohoConfigurationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The settings of {@link io.github.zohokit.auth.ZohoOAuth.Builder} a configuration error can name. */
  public enum Setting {
    /** The client type registered in the API Console: {@code ZohoOAuth.builder(type)}. */
    CLIENT_TYPE,
    /** The client id from the API Console: {@code clientId(...)}. */
    CLIENT_ID,
    /** The client secret from the API Console: {@code clientSecret(...)}. */
    CLIENT_SECRET,
    /** The redirect URI registered in the API Console: {@code redirectUri(...)}. */
    REDIRECT_URI,
    /** The data centre the client is registered in: {@code dataCenter(...)}. */
    DATA_CENTER,
    /** Where OAuth calls go instead of the data centre's accounts server: {@code ZohoEndpoints.withAccountsUrl}. */
    ACCOUNTS_URL,
    /** Where API calls go instead of the data centre's: {@code ZohoEndpoints.withApiBase}. */
    API_BASE,
    /** How long before expiry a token is renewed ahead: {@code refreshMargin(...)}. */
    REFRESH_MARGIN,
    /** How long before expiry a token counts as expired: {@code expiryMargin(...)}. */
    EXPIRY_MARGIN,
    /** The most one call to Zoho Accounts may take: {@code accountsTimeout(...)}. */
    ACCOUNTS_TIMEOUT,
    /** How long one process may hold a shared store's refresh lease: {@code leaseTimeout(...)}. */
    LEASE_TIMEOUT,
    /** The scopes of the client-credentials grant: {@code clientCredentials(soid, scopes)}. */
    CLIENT_CREDENTIALS_SCOPES,
    /** The organisation of the client-credentials grant: the {@code soid} of {@code clientCredentials(soid, scopes)}. */
    CLIENT_CREDENTIALS_SOID,
    /** How many idle users' sessions are kept, and for how long: {@code sessionCache(maxUsers, idleTime)}. */
    SESSION_CACHE
  }

  /** The setting that is wrong. */
  private final Setting setting;
  /** What is wrong with it. */
  private final String problem;
  /** What to do about it. */
  private final String fix;

  /**
   * A configuration error.
   *
   * @param setting the setting that is wrong, not null
   * @param problem what is wrong with it, in words that hold whatever the setting is called where it was set (for
   *     example "the client id is missing"); no secret
   * @param fix what to do about it (for example "copy it from the API Console"); no secret
   */
  public ZohoConfigurationException(Setting setting, String problem, String fix) {
    super("Invalid Zoho client configuration: " + problem + "; " + fix);
    this.setting = Objects.requireNonNull(setting, "setting");
    this.problem = Objects.requireNonNull(problem, "problem");
    this.fix = Objects.requireNonNull(fix, "fix");
  }

  /**
   * The setting that is wrong.
   *
   * @return the setting, never null
   */
  public Setting setting() {
    return setting;
  }

  /**
   * What is wrong with the setting.
   *
   * @return the problem, without the "Invalid Zoho client configuration" prefix and without the fix
   */
  public String problem() {
    return problem;
  }

  /**
   * What to do about it.
   *
   * @return the fix, a sentence fragment starting in lower case
   */
  public String fix() {
    return fix;
  }
}

package io.github.zohokit.token;

import io.github.zohokit.scope.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Tokens Zoho issued for one user of one client, with everything needed to use and renew them: the access token
 * and its expiry, the refresh token when there is one, the granted scopes, the accounts server that issued them
 * (refresh and revoke go there) and the API domain calls go to.
 *
 * <p>Immutable. {@link #toString()} is redacted.
 */
public final class ZohoToken {
  private final Secret accessToken;
  private final Secret refreshToken;
  private final Instant expiresAt;
  private final List<Scope> scopes;
  private final String apiDomain;
  private final String accountsServer;
  private final DataCenter dataCenter;
  private final Secret idToken;
  private final boolean grantedForSession;
  private final Instant refreshTokenRejectedAt;

  private ZohoToken(Builder b) {
    this.accessToken = Objects.requireNonNull(b.accessToken, "accessToken");
    this.refreshToken = b.refreshToken;
    this.expiresAt = Objects.requireNonNull(b.expiresAt, "expiresAt");
    this.scopes = List.copyOf(b.scopes);
    this.apiDomain = b.apiDomain;
    this.accountsServer = b.accountsServer;
    this.dataCenter = b.dataCenter;
    this.idToken = b.idToken;
    this.grantedForSession = b.grantedForSession;
    this.refreshTokenRejectedAt = b.refreshTokenRejectedAt;
  }

  /**
   * A builder with nothing set; the access token and its expiry must be set before {@link Builder#build()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A builder holding this token's values.
   *
   * @return a new builder; changing it does not change this token
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.accessToken = accessToken;
    b.refreshToken = refreshToken;
    b.expiresAt = expiresAt;
    b.scopes = scopes;
    b.apiDomain = apiDomain;
    b.accountsServer = accountsServer;
    b.dataCenter = dataCenter;
    b.idToken = idToken;
    b.grantedForSession = grantedForSession;
    b.refreshTokenRejectedAt = refreshTokenRejectedAt;
    return b;
  }

  /**
   * The access token, sent as {@code Authorization: Zoho-oauthtoken ...}; it lives about an hour.
   *
   * @return the access token, never null
   */
  public Secret accessToken() {
    return accessToken;
  }

  /**
   * The refresh token; {@code null} for client-based apps, client-credentials tokens and online access.
   *
   * @return the refresh token, or null
   */
  public Secret refreshToken() {
    return refreshToken;
  }

  /**
   * Whether there is a refresh token, dead or alive (see {@link #hasLiveRefreshToken()}).
   *
   * @return true when {@link #refreshToken()} is not null
   */
  public boolean hasRefreshToken() {
    return refreshToken != null;
  }

  /**
   * When the access token expires, as Zoho's {@code expires_in} counted from when the answer arrived.
   *
   * @return the expiry instant, never null
   */
  public Instant expiresAt() {
    return expiresAt;
  }

  /**
   * Scopes Zoho reported as granted; empty when Zoho did not say (refresh responses usually don't).
   *
   * @return the granted scopes, unmodifiable, possibly empty
   */
  public List<Scope> scopes() {
    return scopes;
  }

  /**
   * The API domain Zoho named for this user, for example {@code https://www.zohoapis.eu}; may be null.
   *
   * @return the API domain, or null when Zoho named none (calls then go to the data centre's default)
   */
  public String apiDomain() {
    return apiDomain;
  }

  /**
   * The accounts server that issued these tokens; refresh and revoke go there. May be null.
   *
   * @return the accounts server's URL, or null
   */
  public String accountsServer() {
    return accountsServer;
  }

  /**
   * The user's data centre, when known.
   *
   * @return the data centre, or null when it is not known
   */
  public DataCenter dataCenter() {
    return dataCenter;
  }

  /**
   * The OpenID Connect id_token, present when {@code email}/{@code openid}/{@code profile} was requested.
   *
   * @return the id_token, or null
   */
  public Secret idToken() {
    return idToken;
  }

  /**
   * Client-based apps: whether the user allowed silent renewal ({@code granted_for_session=true}).
   *
   * @return true when Zoho said {@code granted_for_session=true}
   */
  public boolean grantedForSession() {
    return grantedForSession;
  }

  /**
   * When Zoho declared the refresh token dead ({@code invalid_code}: revoked, replaced, or the app removed), or
   * {@code null} while it is believed to work. zohokit records it with the stored token so that no process sends the
   * dead token again; a newly stored token starts without it.
   *
   * @return the instant, or null
   */
  public Instant refreshTokenRejectedAt() {
    return refreshTokenRejectedAt;
  }

  /**
   * Whether there is a refresh token that Zoho has not declared dead.
   *
   * @return true when a refresh with it may succeed
   */
  public boolean hasLiveRefreshToken() {
    return refreshToken != null && refreshTokenRejectedAt == null;
  }

  /**
   * Whether the access token has expired at {@code now}.
   *
   * @param now the instant to judge at
   * @return true when {@code now} is at or past {@link #expiresAt()}
   */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /**
   * Whether the access token is still valid at {@code now + margin}.
   *
   * @param now the instant to judge at
   * @param margin how long the token must still live, zero or more
   * @return true when the token expires after {@code now + margin}
   */
  public boolean isFreshAt(Instant now, Duration margin) {
    return now.plus(margin).isBefore(expiresAt);
  }

  @Override
  public String toString() {
    return "ZohoToken{accessToken=" + accessToken + ", refreshToken=" + refreshToken + ", expiresAt=" + expiresAt
        + ", scopes=" + scopes + ", dataCenter=" + dataCenter + ", apiDomain=" + apiDomain
        + ", accountsServer=" + accountsServer + (idToken != null ? ", idToken=" + idToken : "")
        + (grantedForSession ? ", grantedForSession=true" : "")
        + (refreshTokenRejectedAt != null ? ", refreshTokenRejectedAt=" + refreshTokenRejectedAt : "") + "}";
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof ZohoToken)) {
      return false;
    }
    ZohoToken t = (ZohoToken) o;
    return accessToken.equals(t.accessToken) && Objects.equals(refreshToken, t.refreshToken)
        && expiresAt.equals(t.expiresAt) && scopes.equals(t.scopes) && Objects.equals(apiDomain, t.apiDomain)
        && Objects.equals(accountsServer, t.accountsServer) && dataCenter == t.dataCenter
        && Objects.equals(idToken, t.idToken) && grantedForSession == t.grantedForSession
        && Objects.equals(refreshTokenRejectedAt, t.refreshTokenRejectedAt);
  }

  @Override
  public int hashCode() {
    return Objects.hash(accessToken, expiresAt);
  }

  /** Builds a {@link ZohoToken}; the access token and its expiry are required. */
  public static final class Builder {
    private Secret accessToken;
    private Secret refreshToken;
    private Instant expiresAt;
    private List<Scope> scopes = List.of();
    private String apiDomain;
    private String accountsServer;
    private DataCenter dataCenter;
    private Secret idToken;
    private boolean grantedForSession;
    private Instant refreshTokenRejectedAt;

    private Builder() {}

    /**
     * The access token; required.
     *
     * @param accessToken the access token
     * @return this builder
     */
    public Builder accessToken(Secret accessToken) {
      this.accessToken = accessToken;
      return this;
    }

    /**
     * The refresh token; null (the default) for none.
     *
     * @param refreshToken the refresh token, or null
     * @return this builder
     */
    public Builder refreshToken(Secret refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    /**
     * When the access token expires; required.
     *
     * @param expiresAt the expiry instant
     * @return this builder
     */
    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    /**
     * The granted scopes; empty by default. Copied by {@link #build()}.
     *
     * @param scopes the scopes, not null
     * @return this builder
     */
    public Builder scopes(List<Scope> scopes) {
      this.scopes = scopes;
      return this;
    }

    /**
     * The API domain Zoho named, such as {@code https://www.zohoapis.eu}; null (the default) for none.
     *
     * @param apiDomain the API domain, or null
     * @return this builder
     */
    public Builder apiDomain(String apiDomain) {
      this.apiDomain = apiDomain;
      return this;
    }

    /**
     * The accounts server that issued the token, such as {@code https://accounts.zoho.eu}; null (the default) for none.
     *
     * @param accountsServer the accounts server's URL, or null
     * @return this builder
     */
    public Builder accountsServer(String accountsServer) {
      this.accountsServer = accountsServer;
      return this;
    }

    /**
     * The user's data centre; null (the default) when not known.
     *
     * @param dataCenter the data centre, or null
     * @return this builder
     */
    public Builder dataCenter(DataCenter dataCenter) {
      this.dataCenter = dataCenter;
      return this;
    }

    /**
     * The OpenID Connect id_token; null (the default) for none.
     *
     * @param idToken the id_token, or null
     * @return this builder
     */
    public Builder idToken(Secret idToken) {
      this.idToken = idToken;
      return this;
    }

    /**
     * Client-based apps: whether the user allowed silent renewal. False by default.
     *
     * @param grantedForSession Zoho's {@code granted_for_session}
     * @return this builder
     */
    public Builder grantedForSession(boolean grantedForSession) {
      this.grantedForSession = grantedForSession;
      return this;
    }

    /**
     * When Zoho declared the refresh token dead; {@code null} (the default) while it works.
     *
     * @param rejectedAt the instant, or null
     * @return this builder
     */
    public Builder refreshTokenRejectedAt(Instant rejectedAt) {
      this.refreshTokenRejectedAt = rejectedAt;
      return this;
    }

    /**
     * The token.
     *
     * @return a new immutable token
     * @throws NullPointerException when the access token or the expiry is not set, or the scopes are null
     */
    public ZohoToken build() {
      return new ZohoToken(this);
    }
  }
}

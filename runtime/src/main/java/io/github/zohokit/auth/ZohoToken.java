package io.github.zohokit.auth;

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

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this token's values. */
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

  public Secret accessToken() {
    return accessToken;
  }

  /** The refresh token; {@code null} for client-based apps, client-credentials tokens and online access. */
  public Secret refreshToken() {
    return refreshToken;
  }

  public boolean hasRefreshToken() {
    return refreshToken != null;
  }

  public Instant expiresAt() {
    return expiresAt;
  }

  /** Scopes Zoho reported as granted; empty when Zoho did not say (refresh responses usually don't). */
  public List<Scope> scopes() {
    return scopes;
  }

  /** The API domain Zoho named for this user, for example {@code https://www.zohoapis.eu}; may be null. */
  public String apiDomain() {
    return apiDomain;
  }

  /** The accounts server that issued these tokens; refresh and revoke go there. May be null. */
  public String accountsServer() {
    return accountsServer;
  }

  /** The user's data centre, when known. */
  public DataCenter dataCenter() {
    return dataCenter;
  }

  /** The OpenID Connect id_token, present when {@code email}/{@code openid}/{@code profile} was requested. */
  public Secret idToken() {
    return idToken;
  }

  /** Client-based apps: whether the user allowed silent renewal ({@code granted_for_session=true}). */
  public boolean grantedForSession() {
    return grantedForSession;
  }

  /**
   * When Zoho declared the refresh token dead ({@code invalid_code}: revoked, replaced, or the app removed), or
   * {@code null} while it is believed to work. zohokit records it with the stored token so that no process sends the
   * dead token again; a newly stored token starts without it.
   */
  public Instant refreshTokenRejectedAt() {
    return refreshTokenRejectedAt;
  }

  /** Whether there is a refresh token that Zoho has not declared dead. */
  public boolean hasLiveRefreshToken() {
    return refreshToken != null && refreshTokenRejectedAt == null;
  }

  /** Whether the access token has expired at {@code now}. */
  public boolean isExpiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  /** Whether the access token is still valid at {@code now + margin}. */
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

    public Builder accessToken(Secret accessToken) {
      this.accessToken = accessToken;
      return this;
    }

    public Builder refreshToken(Secret refreshToken) {
      this.refreshToken = refreshToken;
      return this;
    }

    public Builder expiresAt(Instant expiresAt) {
      this.expiresAt = expiresAt;
      return this;
    }

    public Builder scopes(List<Scope> scopes) {
      this.scopes = scopes;
      return this;
    }

    public Builder apiDomain(String apiDomain) {
      this.apiDomain = apiDomain;
      return this;
    }

    public Builder accountsServer(String accountsServer) {
      this.accountsServer = accountsServer;
      return this;
    }

    public Builder dataCenter(DataCenter dataCenter) {
      this.dataCenter = dataCenter;
      return this;
    }

    public Builder idToken(Secret idToken) {
      this.idToken = idToken;
      return this;
    }

    public Builder grantedForSession(boolean grantedForSession) {
      this.grantedForSession = grantedForSession;
      return this;
    }

    /** When Zoho declared the refresh token dead; {@code null} (the default) while it works. */
    public Builder refreshTokenRejectedAt(Instant rejectedAt) {
      this.refreshTokenRejectedAt = rejectedAt;
      return this;
    }

    public ZohoToken build() {
      return new ZohoToken(this);
    }
  }
}

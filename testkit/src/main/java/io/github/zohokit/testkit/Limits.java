package io.github.zohokit.testkit;

import java.time.Duration;

/**
 * The token limits the fake enforces, Zoho's documented ones by default ({@link #zoho()}). Lower them to reach a
 * limit quickly in a test; {@link #unlimited()} switches them off.
 *
 * @param accessTokensPerRefreshToken access tokens one refresh token may mint per {@code refreshWindow}
 *     (Zoho: 10 per 10 minutes); past it the fake answers Zoho's {@code "Access Denied"} throttle
 * @param refreshWindow the window of that limit and of the grant-code limit
 * @param liveAccessTokensPerRefreshToken live access tokens per refresh token; the oldest is evicted (Zoho: 15)
 * @param refreshTokensPerUser refresh tokens per user and client; the oldest is evicted with its access tokens
 *     (Zoho: 20)
 * @param grantCodesPerClient grant codes one client may obtain per {@code refreshWindow} (Zoho: 10)
 */
public record Limits(int accessTokensPerRefreshToken, Duration refreshWindow, int liveAccessTokensPerRefreshToken,
    int refreshTokensPerUser, int grantCodesPerClient) {

  /**
   * Zoho's documented limits.
   *
   * @return 10 access tokens per refresh token per 10 minutes, 15 live access tokens per refresh token, 20 refresh
   *     tokens per user and client, 10 grant codes per client per 10 minutes
   */
  public static Limits zoho() {
    return new Limits(10, Duration.ofMinutes(10), 15, 20, 10);
  }

  /**
   * No limits at all.
   *
   * @return every count {@link Integer#MAX_VALUE}, with a 10-minute window
   */
  public static Limits unlimited() {
    return new Limits(Integer.MAX_VALUE, Duration.ofMinutes(10), Integer.MAX_VALUE, Integer.MAX_VALUE,
        Integer.MAX_VALUE);
  }

  /**
   * These limits with another number of access tokens a refresh token may mint per window.
   *
   * @param limit access tokens per refresh token per {@code refreshWindow}; the next refresh gets Zoho's
   *     {@code "Access Denied"} throttle
   * @return a new {@code Limits}; this one is unchanged
   */
  public Limits withAccessTokensPerRefreshToken(int limit) {
    return new Limits(limit, refreshWindow, liveAccessTokensPerRefreshToken, refreshTokensPerUser, grantCodesPerClient);
  }

  /**
   * These limits with another number of live access tokens per refresh token.
   *
   * @param limit live access tokens per refresh token; minting one more evicts the oldest
   * @return a new {@code Limits}; this one is unchanged
   */
  public Limits withLiveAccessTokensPerRefreshToken(int limit) {
    return new Limits(accessTokensPerRefreshToken, refreshWindow, limit, refreshTokensPerUser, grantCodesPerClient);
  }

  /**
   * These limits with another number of refresh tokens per user and client.
   *
   * @param limit refresh tokens per user and client; issuing one more evicts the oldest with its access tokens
   * @return a new {@code Limits}; this one is unchanged
   */
  public Limits withRefreshTokensPerUser(int limit) {
    return new Limits(accessTokensPerRefreshToken, refreshWindow, liveAccessTokensPerRefreshToken, limit,
        grantCodesPerClient);
  }

  /**
   * These limits with another number of grant codes per client and window.
   *
   * @param limit grant codes one client may obtain per {@code refreshWindow}; the next is refused
   * @return a new {@code Limits}; this one is unchanged
   */
  public Limits withGrantCodesPerClient(int limit) {
    return new Limits(accessTokensPerRefreshToken, refreshWindow, liveAccessTokensPerRefreshToken,
        refreshTokensPerUser, limit);
  }
}

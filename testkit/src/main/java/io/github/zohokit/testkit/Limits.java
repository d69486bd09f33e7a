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

  /** Zoho's documented limits. */
  public static Limits zoho() {
    return new Limits(10, Duration.ofMinutes(10), 15, 20, 10);
  }

  /** No limits at all. */
  public static Limits unlimited() {
    return new Limits(Integer.MAX_VALUE, Duration.ofMinutes(10), Integer.MAX_VALUE, Integer.MAX_VALUE,
        Integer.MAX_VALUE);
  }

  public Limits withAccessTokensPerRefreshToken(int limit) {
    return new Limits(limit, refreshWindow, liveAccessTokensPerRefreshToken, refreshTokensPerUser, grantCodesPerClient);
  }

  public Limits withLiveAccessTokensPerRefreshToken(int limit) {
    return new Limits(accessTokensPerRefreshToken, refreshWindow, limit, refreshTokensPerUser, grantCodesPerClient);
  }

  public Limits withRefreshTokensPerUser(int limit) {
    return new Limits(accessTokensPerRefreshToken, refreshWindow, liveAccessTokensPerRefreshToken, limit,
        grantCodesPerClient);
  }

  public Limits withGrantCodesPerClient(int limit) {
    return new Limits(accessTokensPerRefreshToken, refreshWindow, liveAccessTokensPerRefreshToken,
        refreshTokensPerUser, limit);
  }
}

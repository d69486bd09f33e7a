package io.github.zohokit.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A started device login: the code the user types at the verification URL, and what polling needs. Show
 * {@link #userCode()} and {@link #verificationUrl()} (or {@link #verificationUrlComplete()}, which has the code
 * filled in) to the user.
 */
public final class DeviceAuthorization {
  private final String userCode;
  private final Secret deviceCode;
  private final String verificationUrl;
  private final String verificationUrlComplete;
  private final Duration interval;
  private final Instant expiresAt;
  private final List<Scope> scopes;
  private final CountDownLatch cancelled = new CountDownLatch(1);

  DeviceAuthorization(String userCode, Secret deviceCode, String verificationUrl, String verificationUrlComplete,
      Duration interval, Instant expiresAt, List<Scope> scopes) {
    this.userCode = userCode;
    this.deviceCode = deviceCode;
    this.verificationUrl = verificationUrl;
    this.verificationUrlComplete = verificationUrlComplete;
    this.interval = interval;
    this.expiresAt = expiresAt;
    this.scopes = List.copyOf(scopes);
  }

  /** The code the user enters at {@link #verificationUrl()}. */
  public String userCode() {
    return userCode;
  }

  Secret deviceCode() {
    return deviceCode;
  }

  /** Where the user enters the code, for example {@code https://accounts.zoho.com/oauth/v3/device}. */
  public String verificationUrl() {
    return verificationUrl;
  }

  /** The verification URL with the code filled in, when Zoho sends one; otherwise {@link #verificationUrl()}. */
  public String verificationUrlComplete() {
    return verificationUrlComplete != null ? verificationUrlComplete : verificationUrl;
  }

  /** How often Zoho allows polling. */
  public Duration interval() {
    return interval;
  }

  /** When the user code stops working. */
  public Instant expiresAt() {
    return expiresAt;
  }

  /** The scopes the user is asked to grant. */
  public List<Scope> scopes() {
    return scopes;
  }

  /**
   * Cancels the login: a thread waiting in {@link DeviceFlow#awaitToken} stops polling at once and throws
   * {@link java.util.concurrent.CancellationException}. Safe to call from any thread, more than once.
   */
  public void cancel() {
    cancelled.countDown();
  }

  /** Whether {@link #cancel()} was called. */
  public boolean isCancelled() {
    return cancelled.getCount() == 0;
  }

  /** Waits up to {@code duration}, returning early when cancelled. */
  void awaitCancel(Duration duration) throws InterruptedException {
    cancelled.await(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS);
  }

  @Override
  public String toString() {
    return "DeviceAuthorization{userCode=" + userCode + ", verificationUrl=" + verificationUrl + ", interval="
        + interval + ", expiresAt=" + expiresAt + "}";
  }
}

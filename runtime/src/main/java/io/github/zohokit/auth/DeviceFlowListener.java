package io.github.zohokit.auth;

import java.time.Duration;

/** What a device login tells its user interface. Only {@link #onUserCode} is required. */
public interface DeviceFlowListener {

  /** Show the user code and verification URL now; the user has until {@link DeviceAuthorization#expiresAt()}. */
  void onUserCode(DeviceAuthorization authorization);

  /** The user has not approved yet; the next poll is in {@code nextPoll}, the code expires in {@code remaining}. */
  default void onPending(Duration nextPoll, Duration remaining) {}

  /** Zoho asked to poll more slowly; polling continues every {@code interval}. */
  default void onSlowDown(Duration interval) {}

  /** The user's account lives in another data centre; polling continues at its accounts server. */
  default void onDataCenterChanged(DataCenter dataCenter) {}
}

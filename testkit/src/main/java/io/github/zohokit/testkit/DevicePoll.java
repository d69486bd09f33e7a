package io.github.zohokit.testkit;

import io.github.zohokit.token.DataCenter;

/** What one device-token poll gives when it is not an OAuth error: tokens, or the user's other data centre. */
sealed interface DevicePoll permits DevicePoll.Granted, DevicePoll.OtherDataCenter {

  /** The login was approved at the user's own data centre: the issued tokens. */
  record Granted(Accounts.Issued issued) implements DevicePoll {}

  /** The login was approved, but the user lives in {@code home}: Zoho answers {@code other_dc}. */
  record OtherDataCenter(DataCenter home) implements DevicePoll {}
}

package io.github.zohokit.notifications;

import java.time.Instant;

/**
 * What one {@link ChannelManager#maintain()} did for one module.
 *
 * @param module the module's API name
 * @param channelId Zoho's channel id (0 when the channel could not be created)
 * @param expiry when Zoho expires the channel now (null when it could not be created)
 * @param action what was done to the channel
 * @param caughtUp true when the module's {@link CatchUp} ran and finished
 * @param failure what went wrong (the channel or the catch-up is tried again at the next maintenance), or null
 */
public record ChannelStatus(String module, long channelId, Instant expiry, Action action, boolean caughtUp,
    String failure) {

  /** What was done to a channel. */
  public enum Action {
    /** Nothing: the channel is live and not yet due for renewal. */
    UNCHANGED,
    /** Subscribed for the first time. */
    SUBSCRIBED,
    /** Its expiry was moved on before it expired. */
    RENEWED,
    /** Zoho no longer had it (expired and deleted, or disabled): subscribed again. */
    RESUBSCRIBED,
    /** Nothing could be done; see {@link ChannelStatus#failure()}. */
    FAILED
  }

  @Override
  public String toString() {
    return module + ": " + action + (channelId > 0 ? " channel " + channelId : "")
        + (expiry != null ? " until " + expiry : "") + (caughtUp ? ", caught up" : "")
        + (failure != null ? ", failed: " + failure : "");
  }
}

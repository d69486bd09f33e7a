package io.github.zohokit.notifications;

import io.github.zohokit.token.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One Zoho watch channel as zohokit keeps it: which application and module it serves, Zoho's {@code channel_id},
 * the token Zoho echoes in every notification, when Zoho drops it, where Zoho posts, and the events it watches.
 * The token is a {@link Secret}: {@code toString()} never shows it.
 *
 * @param key the store key, {@code <application>.<module>}
 * @param module the module's API name, such as {@code Leads}
 * @param channelId Zoho's {@code channel_id}, unique per application and module
 * @param token the verification token (at most 50 characters) Zoho sends back in each notification
 * @param expiry when Zoho expires the channel (and then deletes it)
 * @param notifyUrl where Zoho posts the notifications
 * @param events Zoho's event names, such as {@code Leads.all}
 */
public record Channel(String key, String module, long channelId, Secret token, Instant expiry, String notifyUrl,
    List<String> events) {

  /**
   * Checks the values.
   *
   * @param key not null
   * @param module not null
   * @param channelId positive
   * @param token 1 to 50 characters
   * @param expiry not null
   * @param notifyUrl not null
   * @param events copied
   * @throws NullPointerException when a value is null
   * @throws IllegalArgumentException when the channel id is not positive or the token is longer than 50 characters
   */
  public Channel {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(module, "module");
    Objects.requireNonNull(token, "token");
    Objects.requireNonNull(expiry, "expiry");
    Objects.requireNonNull(notifyUrl, "notifyUrl");
    events = List.copyOf(events);
    if (channelId <= 0) {
      throw new IllegalArgumentException("a Zoho channel id is a positive number, not " + channelId);
    }
    if (token.reveal().isEmpty() || token.reveal().length() > 50) {
      throw new IllegalArgumentException("Zoho accepts a channel token of 1 to 50 characters (enable.html), this one "
          + "has " + token.reveal().length());
    }
  }

  /**
   * The same channel with another expiry.
   *
   * @param newExpiry the new expiry
   * @return a new channel
   */
  public Channel withExpiry(Instant newExpiry) {
    return new Channel(key, module, channelId, token, newExpiry, notifyUrl, events);
  }
}

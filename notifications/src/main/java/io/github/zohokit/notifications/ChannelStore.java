package io.github.zohokit.notifications;

import java.util.Optional;

/**
 * Where watch channels and their tokens live, shared by the {@link ChannelManager} that subscribes them and the
 * {@link NotificationReceiver} that checks each notification's token. Implementations: {@link FileChannelStore}
 * (one host), {@link JdbcChannelStore} (a fleet; the same database as zohokit's token store). Tokens are secrets:
 * an implementation keeps them out of logs and messages.
 */
public interface ChannelStore {
  /**
   * The channel saved under {@code key}.
   *
   * @param key {@code <application>.<module>}
   * @return it, or empty
   * @throws NotificationException when the store cannot be read
   */
  Optional<Channel> load(String key);

  /**
   * The channel with Zoho's {@code channel_id}, for the receiver.
   *
   * @param channelId the id a notification names
   * @return it, or empty when no channel of this store has that id
   * @throws NotificationException when the store cannot be read
   */
  Optional<Channel> findByChannelId(long channelId);

  /**
   * Saves {@code channel} under its key, replacing what was there.
   *
   * @param channel the channel
   * @throws NotificationException when the store cannot be written
   */
  void save(Channel channel);

  /**
   * Forgets the channel saved under {@code key}; nothing happens when there is none.
   *
   * @param key {@code <application>.<module>}
   * @throws NotificationException when the store cannot be written
   */
  void delete(String key);
}

package io.github.zohokit.notifications;

/**
 * The application's side of a {@link NotificationReceiver}: takes each checked notification. Called on the thread
 * that received the HTTP request; return quickly (queue slow work). Throwing makes the receiver answer 500; Zoho
 * documents no redelivery, so a failed notification is recovered by the next catch-up, not by Zoho.
 */
@FunctionalInterface
public interface NotificationListener {
  /**
   * Takes one notification.
   *
   * @param event the notification, its token already checked
   * @throws Exception to answer 500 (logged); the receiver keeps working
   */
  void onNotification(NotificationEvent event) throws Exception;
}

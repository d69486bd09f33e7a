/**
 * Zoho CRM change notifications that never lapse. {@link io.github.zohokit.notifications.ChannelManager} keeps one
 * watch channel per application and module subscribed (renewed well before Zoho's one-week expiry, subscribed again
 * when Zoho answers {@code NOT_SUBSCRIBED} after deleting an expired channel) and runs a catch-up through zoho-sync's
 * incremental cursor after any gap; {@link io.github.zohokit.notifications.NotificationReceiver} checks each
 * notification's channel token in constant time and hands typed
 * {@link io.github.zohokit.notifications.NotificationEvent}s to the application. Channels and their tokens live in
 * a {@link io.github.zohokit.notifications.ChannelStore} (file or JDBC) shared by the manager and the receiver.
 */
package io.github.zohokit.notifications;

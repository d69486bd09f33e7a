package io.github.zohokit.spring;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code zoho.notifications.*}: Zoho CRM change notifications (zoho-notifications on the class path). The receiver
 * endpoint, the channel store, and the channel manager that keeps one watch channel per module alive.
 */
public class ZohoNotificationsProperties {
  /** Whether the notification receiver endpoint (and, with notify-url and modules, the channel manager) is set up. */
  private boolean enabled;

  /** The path (POST) Zoho posts notifications to; the path of notify-url. Exempt it from CSRF protection. */
  private String path = "/zoho/notifications";

  /**
   * The public URL of the endpoint, which Zoho posts to; with modules, a channel manager subscribes the channels and
   * renews them. Unset: only the endpoint (channels subscribed by another process sharing the channel store).
   */
  private String notifyUrl;

  /** The application's name: channel ids are unique per application and module, and the store keys start with it. */
  private String application = "zohokit";

  /** The modules to watch (API names such as Leads); each gets its own channel. */
  private List<String> modules = new ArrayList<>();

  /**
   * Where channels and their tokens are kept: jdbc (the application's DataSource) or file (channel-directory).
   * Default: jdbc when the application has a single DataSource, else file.
   */
  private String store;

  /** The directory of the file channel store; the file holds the channel tokens and is readable by its owner only. */
  private Path channelDirectory = Path.of(".zohokit", "notifications");

  /** The table of the JDBC channel store, created on first use. */
  private String channelTable = "zohokit_notification_channels";

  /** How long before Zoho's expiry (at most a week after subscribing) a channel is renewed. */
  private Duration renewBefore = Duration.ofDays(2);

  /** How often the channel manager renews, re-subscribes and catches up. */
  private Duration maintenanceInterval = Duration.ofHours(1);

  /** The longest notification body accepted, in bytes; a longer one is answered 413. */
  private int maxBodyBytes = 1 << 20;

  public boolean isEnabled() { return enabled; }
  public void setEnabled(boolean enabled) { this.enabled = enabled; }

  public String getPath() { return path; }
  public void setPath(String path) { this.path = path; }

  public String getNotifyUrl() { return notifyUrl; }
  public void setNotifyUrl(String notifyUrl) { this.notifyUrl = notifyUrl; }

  public String getApplication() { return application; }
  public void setApplication(String application) { this.application = application; }

  public List<String> getModules() { return modules; }
  public void setModules(List<String> modules) { this.modules = modules; }

  public String getStore() { return store; }
  public void setStore(String store) { this.store = store; }

  public Path getChannelDirectory() { return channelDirectory; }
  public void setChannelDirectory(Path channelDirectory) { this.channelDirectory = channelDirectory; }

  public String getChannelTable() { return channelTable; }
  public void setChannelTable(String channelTable) { this.channelTable = channelTable; }

  public Duration getRenewBefore() { return renewBefore; }
  public void setRenewBefore(Duration renewBefore) { this.renewBefore = renewBefore; }

  public Duration getMaintenanceInterval() { return maintenanceInterval; }
  public void setMaintenanceInterval(Duration maintenanceInterval) { this.maintenanceInterval = maintenanceInterval; }

  public int getMaxBodyBytes() { return maxBodyBytes; }
  public void setMaxBodyBytes(int maxBodyBytes) { this.maxBodyBytes = maxBodyBytes; }
}

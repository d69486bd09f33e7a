package io.github.zohokit.spring;

import io.github.zohokit.Zoho;
import io.github.zohokit.notifications.CatchUp;
import io.github.zohokit.notifications.ChannelManager;
import io.github.zohokit.notifications.ChannelStore;
import io.github.zohokit.notifications.FileChannelStore;
import io.github.zohokit.notifications.JdbcChannelStore;
import io.github.zohokit.notifications.NotificationListener;
import io.github.zohokit.notifications.NotificationReceiver;
import java.util.List;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Zoho CRM change notifications with {@code zoho.notifications.enabled=true} and zoho-notifications on the class
 * path: the {@link ChannelStore} (JDBC on the application's DataSource, or a file), the {@link NotificationReceiver}
 * handing each checked notification to every {@link NotificationListener} bean in order, its endpoint
 * {@code POST zoho.notifications.path} (Spring MVC), and with {@code zoho.notifications.notify-url} and
 * {@code zoho.notifications.modules} a {@link ChannelManager} maintained every
 * {@code zoho.notifications.maintenance-interval}, catching up after a gap through the application's {@link CatchUp}
 * bean when there is one. Each bean backs off when the application defines its own.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(name = "io.github.zohokit.notifications.NotificationReceiver")
@ConditionalOnBooleanProperty(name = "zoho.notifications.enabled")
class ZohoNotificationsConfiguration {

  @Bean
  @ConditionalOnMissingBean
  ChannelStore zohoChannelStore(ZohoProperties properties, ObjectProvider<DataSource> dataSource) {
    ZohoNotificationsProperties n = properties.getNotifications();
    DataSource db = dataSource.getIfUnique();
    String kind = n.getStore() == null ? (db != null ? "jdbc" : "file") : n.getStore().trim().toLowerCase(java.util.Locale.ROOT);
    switch (kind) {
      case "jdbc":
        if (db == null) {
          throw new ZohoPropertyException("zoho.notifications.store", "is jdbc, but the application has no single "
              + "DataSource bean (none, or several without a primary)", "Set zoho.notifications.store=file, or add a "
              + "DataSource");
        }
        return JdbcChannelStore.builder(db).table(n.getChannelTable()).build();
      case "file":
        return new FileChannelStore(n.getChannelDirectory());
      default:
        throw new ZohoPropertyException("zoho.notifications.store", "is '" + n.getStore() + "'",
            "Set it to jdbc or file");
    }
  }

  @Bean
  @ConditionalOnMissingBean
  NotificationReceiver zohoNotificationReceiver(ZohoProperties properties, ChannelStore store,
      ObjectProvider<NotificationListener> listeners) {
    List<NotificationListener> ordered = listeners.orderedStream().collect(Collectors.toList());
    return NotificationReceiver.builder(store).maxBodyBytes(properties.getNotifications().getMaxBodyBytes())
        .listener(event -> {
          for (NotificationListener listener : ordered) {
            listener.onNotification(event);
          }
        }).build();
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  @ConditionalOnProperty(name = "zoho.notifications.notify-url")
  ChannelManager zohoChannelManager(ZohoProperties properties, Zoho zoho, ChannelStore store,
      ObjectProvider<CatchUp> catchUp) {
    ZohoNotificationsProperties n = properties.getNotifications();
    if (n.getModules().isEmpty()) {
      throw new ZohoPropertyException("zoho.notifications.modules", "is empty while zoho.notifications.notify-url is "
          + "set", "Name the modules to watch, such as zoho.notifications.modules=Leads,Contacts");
    }
    ChannelManager.Builder builder = ChannelManager.builder(zoho, store).application(n.getApplication())
        .notifyUrl(n.getNotifyUrl()).renewBefore(n.getRenewBefore());
    CatchUp gap = catchUp.getIfUnique();
    n.getModules().forEach(module -> builder.watch(module.trim(), gap));
    ChannelManager manager = builder.build();
    manager.start(n.getMaintenanceInterval());
    return manager;
  }

  /** The endpoint, in a Spring MVC application. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springframework.web.servlet.DispatcherServlet")
  static class Endpoint {
    @Bean
    ZohoNotificationsController zohoNotificationsController(NotificationReceiver receiver) {
      return new ZohoNotificationsController(receiver);
    }
  }
}

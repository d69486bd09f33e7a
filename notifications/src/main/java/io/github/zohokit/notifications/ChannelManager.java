package io.github.zohokit.notifications;

import io.github.zohokit.Zoho;
import io.github.zohokit.sync.IncrementalSync;
import io.github.zohokit.sync.SyncHandler;
import io.github.zohokit.token.Secret;
import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Zoho watch channels alive, one per application and module, so that notifications never lapse silently:
 *
 * <ul>
 *   <li>each channel gets a random {@code channel_id} and a random token (32 characters from {@link SecureRandom};
 *       Zoho allows 50), saved in the {@link ChannelStore} the {@link NotificationReceiver} checks against;
 *   <li>Zoho keeps a channel at most a week and deletes it once expired ("maximum of one week"; a longer expiry
 *       silently becomes one hour: enable.html); the manager asks for {@link Builder#channelLifetime} (default
 *       7 days minus 1 hour) and renews ({@code PATCH channel_expiry}) once less than {@link Builder#renewBefore}
 *       (default 2 days) is left;
 *   <li>when Zoho answers {@code NOT_SUBSCRIBED} (it deleted the channel), when the saved expiry has passed, or when
 *       Zoho's details no longer list the channel, it subscribes again ({@code POST}) with the same id and token;
 *   <li>after any gap — the first subscription, a lapsed or deleted channel, and the first maintenance of the
 *       process (notifications sent while it was down are lost) — it runs the module's {@link CatchUp}, typically
 *       zoho-sync's {@link IncrementalSync}, whose cursor reads everything changed since its last run. The channel is
 *       subscribed first and caught up second, so no change falls between the two.
 * </ul>
 *
 * <pre>{@code
 * ChannelStore channels = JdbcChannelStore.builder(dataSource).build();
 * ChannelManager manager = ChannelManager.builder(zoho, channels)
 *     .application("billing")
 *     .notifyUrl("https://billing.example.com/zoho/notifications")
 *     .watch("Leads", leadsSync, leadsHandler)       // catch-up: leadsSync.run(leadsHandler)
 *     .build();
 * manager.start(Duration.ofHours(1));                 // maintain() now and every hour
 * }</pre>
 *
 * The token needs {@code ZohoCRM.notifications.ALL} (or CREATE, UPDATE, READ and DELETE) besides the catch-up's
 * module scopes. Run the maintenance in one process of a fleet (two maintaining at once subscribe the same channel
 * twice, which is harmless but costs calls).
 */
public final class ChannelManager implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ChannelManager.class);
  private static final Duration MAX_LIFETIME = Duration.ofDays(7);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final String application;
  private final String notifyUrl;
  private final ChannelStore store;
  private final Map<String, CatchUp> modules;
  private final Duration lifetime;
  private final Duration renewBefore;
  private final boolean affectedValues;
  private final boolean checkWithZoho;
  private final Clock clock;
  private final WatchRequests watch;
  private final Set<String> caughtUpSinceStart = Collections.synchronizedSet(new HashSet<>());
  private ScheduledExecutorService scheduler;

  private ChannelManager(Builder b) {
    this.application = Objects.requireNonNull(b.application, "application");
    this.notifyUrl = Objects.requireNonNull(b.notifyUrl, "notifyUrl");
    this.store = b.store;
    if (b.modules.isEmpty()) {
      throw new IllegalArgumentException("watch at least one module (Builder.watch)");
    }
    this.modules = Collections.unmodifiableMap(new LinkedHashMap<>(b.modules));
    this.lifetime = b.lifetime;
    this.renewBefore = b.renewBefore;
    if (renewBefore.compareTo(lifetime) >= 0) {
      throw new IllegalArgumentException("renewBefore (" + renewBefore + ") must be shorter than the channel "
          + "lifetime (" + lifetime + ")");
    }
    this.affectedValues = b.affectedValues;
    this.checkWithZoho = b.checkWithZoho;
    this.clock = b.clock;
    this.watch = new WatchRequests(b.zoho);
  }

  /**
   * A builder for the channels of one application, kept in {@code store}.
   *
   * @param zoho the connection whose user owns the channels (its token needs {@code ZohoCRM.notifications.ALL})
   * @param store where the channels and tokens are kept; the receiver reads the same store
   * @return a new builder
   */
  public static Builder builder(Zoho zoho, ChannelStore store) {
    return new Builder(zoho, store);
  }

  /**
   * The store key of {@code module}'s channel.
   *
   * @param module the module's API name
   * @return {@code <application>.<module>}
   */
  public String key(String module) {
    return application + "." + module;
  }

  /**
   * One maintenance pass over every watched module: subscribe what has no channel, renew what is due, subscribe
   * again what Zoho dropped, and catch up after each gap. A failure of one module is logged and reported; the others
   * go on.
   *
   * @return what was done, one status per module in the order they were added
   */
  public synchronized List<ChannelStatus> maintain() {
    List<ChannelStatus> statuses = new ArrayList<>();
    for (Map.Entry<String, CatchUp> m : modules.entrySet()) {
      statuses.add(maintain(m.getKey(), m.getValue()));
    }
    return statuses;
  }

  private ChannelStatus maintain(String module, CatchUp catchUp) {
    Instant now = clock.instant();
    Channel channel;
    ChannelStatus.Action action;
    boolean gap = caughtUpSinceStart.add(module); // notifications sent before this process ran were not received
    try {
      Optional<Channel> saved = store.load(key(module));
      if (saved.isEmpty()) {
        channel = subscribe(newChannel(module, now), now);
        action = ChannelStatus.Action.SUBSCRIBED;
        gap = true;
        log.info("{}: subscribed channel {} for {} until {}", application, channel.channelId(), module,
            channel.expiry());
      } else {
        channel = saved.get();
        boolean lapsed = !now.isBefore(channel.expiry());
        boolean dropped = !lapsed && checkWithZoho && watch.details(channel.channelId()).isEmpty();
        if (lapsed || dropped || !now.isBefore(channel.expiry().minus(renewBefore))) {
          Channel renewed = channel.withExpiry(now.plus(lifetime));
          String why = lapsed ? "has expired, and Zoho deletes expired channels"
              : dropped ? "is no longer listed by Zoho" : null;
          if (why == null) {
            try {
              channel = renewed.withExpiry(watch.update(renewed, affectedValues));
              store.save(channel);
              log.info("{}: renewed channel {} for {} until {}", application, channel.channelId(), module,
                  channel.expiry());
            } catch (NotificationException e) {
              if (!"NOT_SUBSCRIBED".equals(e.code())) {
                throw e;
              }
              why = "is unknown to Zoho (NOT_SUBSCRIBED on renewal: Zoho deleted it)";
            }
          }
          if (why == null) {
            action = ChannelStatus.Action.RENEWED;
          } else {
            log.warn("{}: channel {} for {} {} (its expiry was {}); subscribing it again and catching up",
                application, channel.channelId(), module, why, channel.expiry());
            channel = subscribe(renewed, now);
            action = ChannelStatus.Action.RESUBSCRIBED;
            gap = true;
            log.info("{}: subscribed channel {} for {} again until {}", application, channel.channelId(), module,
                channel.expiry());
          }
        } else {
          action = ChannelStatus.Action.UNCHANGED;
        }
      }
    } catch (RuntimeException e) {
      caughtUpSinceStart.remove(module);
      log.warn("{}: the channel for {} could not be kept alive: {}; trying again at the next maintenance",
          application, module, e.getMessage());
      return new ChannelStatus(module, 0, null, ChannelStatus.Action.FAILED, false, e.getMessage());
    }
    if (!gap || catchUp == null) {
      return new ChannelStatus(module, channel.channelId(), channel.expiry(), action, false, null);
    }
    try {
      catchUp.run(module);
      log.info("{}: caught up {} after a gap in its notifications", application, module);
      return new ChannelStatus(module, channel.channelId(), channel.expiry(), action, true, null);
    } catch (Exception e) {
      caughtUpSinceStart.remove(module); // the next maintenance catches up again
      log.warn("{}: the catch-up of {} failed: {}; trying again at the next maintenance", application, module,
          e.getMessage());
      return new ChannelStatus(module, channel.channelId(), channel.expiry(), action, false,
          "catch-up failed: " + e.getMessage());
    }
  }

  private Channel subscribe(Channel channel, Instant now) {
    Channel wanted = channel.withExpiry(now.plus(lifetime));
    Channel subscribed = wanted.withExpiry(watch.enable(wanted, affectedValues));
    store.save(subscribed);
    return subscribed;
  }

  private Channel newChannel(String module, Instant now) {
    long id;
    do {
      id = 1_000_000_000_000L + (RANDOM.nextLong() & Long.MAX_VALUE) % 9_000_000_000_000_000L;
    } while (store.findByChannelId(id).isPresent());
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes); // 32 characters
    return new Channel(key(module), module, id, Secret.of(token), now.plus(lifetime), notifyUrl,
        List.of(module + ".all"));
  }

  /**
   * Runs {@link #maintain()} now and then every {@code interval} on a daemon thread, until {@link #close()}.
   *
   * @param interval the time between two maintenances; well below {@link Builder#renewBefore} (an hour is usual)
   * @throws IllegalStateException when already started
   */
  public synchronized void start(Duration interval) {
    if (scheduler != null) {
      throw new IllegalStateException("the channel manager of " + application + " is already started");
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "zoho-channels-" + application);
      t.setDaemon(true);
      return t;
    });
    scheduler.scheduleWithFixedDelay(() -> {
      try {
        maintain();
      } catch (RuntimeException e) {
        log.warn("{}: channel maintenance failed: {}", application, e.getMessage());
      }
    }, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Disables every channel of this application at Zoho ({@code DELETE}) and forgets it; notifications stop.
   *
   * @throws NotificationException when Zoho refuses
   */
  public synchronized void disable() {
    for (String module : modules.keySet()) {
      Optional<Channel> saved = store.load(key(module));
      if (saved.isPresent()) {
        watch.disable(saved.get().channelId());
        store.delete(key(module));
        log.info("{}: disabled channel {} for {}", application, saved.get().channelId(), module);
      }
    }
  }

  /** Stops the maintenance started by {@link #start}; the channels stay subscribed until they expire. */
  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
      scheduler = null;
    }
  }

  @Override
  public String toString() {
    return "ChannelManager{" + application + " " + modules.keySet() + " -> " + notifyUrl + "}";
  }

  /** Configures a {@link ChannelManager}. */
  public static final class Builder {
    private final Zoho zoho;
    private final ChannelStore store;
    private String application;
    private String notifyUrl;
    private final Map<String, CatchUp> modules = new LinkedHashMap<>();
    private Duration lifetime = MAX_LIFETIME.minusHours(1);
    private Duration renewBefore = Duration.ofDays(2);
    private boolean affectedValues;
    private boolean checkWithZoho = true;
    private Clock clock = Clock.systemUTC();

    private Builder(Zoho zoho, ChannelStore store) {
      this.zoho = Objects.requireNonNull(zoho, "zoho");
      this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * The application's name: channels are unique per application and module, and two applications of one org
     * never share one. Required.
     *
     * @param name 1 to 40 letters, digits, '_' or '-'
     * @return this builder
     */
    public Builder application(String name) {
      if (name == null || !name.matches("[A-Za-z0-9_-]{1,40}")) {
        throw new IllegalArgumentException("an application name is 1 to 40 letters, digits, '_' or '-', not " + name);
      }
      this.application = name;
      return this;
    }

    /**
     * Where Zoho posts the notifications: the public address of the application's {@link NotificationReceiver}.
     * Required.
     *
     * @param url an absolute http(s) URL; its query is echoed in each notification's {@code query_params}
     * @return this builder
     */
    public Builder notifyUrl(String url) {
      URI uri;
      try {
        uri = URI.create(url);
      } catch (IllegalArgumentException | NullPointerException e) {
        throw new IllegalArgumentException("the notify URL must be an absolute http(s) URL, not " + url, e);
      }
      if (uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
        throw new IllegalArgumentException("the notify URL must be an absolute http(s) URL, not " + url);
      }
      this.notifyUrl = url;
      return this;
    }

    /**
     * Watches {@code module} (every create, edit and delete) and catches up after a gap by running {@code sync}
     * with {@code handler}.
     *
     * @param module the module's API name, such as {@code Leads}
     * @param sync the module's incremental sync; its cursor is what makes a lapse lose nothing
     * @param handler what the sync hands the records to
     * @return this builder
     */
    public Builder watch(String module, IncrementalSync sync, SyncHandler handler) {
      Objects.requireNonNull(sync, "sync");
      Objects.requireNonNull(handler, "handler");
      return watch(module, m -> log.info("catch-up: {}", sync.run(handler)));
    }

    /**
     * Watches {@code module} with a catch-up of the application's own.
     *
     * @param module the module's API name, such as {@code Leads}
     * @param catchUp what runs after a gap; null for none (changes during a gap are then lost)
     * @return this builder
     */
    public Builder watch(String module, CatchUp catchUp) {
      if (module == null || !module.matches("[A-Za-z0-9_]{1,100}")) {
        throw new IllegalArgumentException("a module API name such as Leads is needed, not " + module);
      }
      modules.put(module, catchUp);
      return this;
    }

    /**
     * The expiry asked for at each subscription and renewal (default 7 days minus 1 hour). Zoho keeps a channel at
     * most a week; asking for more silently gets one hour, so this is at most 7 days.
     *
     * @param lifetime more than {@link #renewBefore}, at most 7 days
     * @return this builder
     */
    public Builder channelLifetime(Duration lifetime) {
      if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
        throw new IllegalArgumentException("Zoho keeps a channel at most 7 days (a longer expiry becomes one hour); "
            + lifetime + " asked for");
      }
      this.lifetime = lifetime;
      return this;
    }

    /**
     * How long before the expiry a channel is renewed (default 2 days: a week's channel is renewed after 5 days,
     * leaving two days of maintenances to succeed).
     *
     * @param margin positive, less than the lifetime
     * @return this builder
     */
    public Builder renewBefore(Duration margin) {
      if (margin.isNegative() || margin.isZero()) {
        throw new IllegalArgumentException("renewBefore must be positive, was " + margin);
      }
      this.renewBefore = margin;
      return this;
    }

    /**
     * Whether notifications carry the changed values ({@code return_affected_field_values}, default false).
     *
     * @param include true to ask Zoho for them
     * @return this builder
     */
    public Builder returnAffectedFieldValues(boolean include) {
      this.affectedValues = include;
      return this;
    }

    /**
     * Whether each maintenance asks Zoho whether a channel not yet due still exists ({@code GET ?channel_id=}, one
     * call per module; default true), so a channel disabled behind the application's back is noticed within one
     * maintenance instead of at its renewal.
     *
     * @param check false to trust the saved expiry until the renewal
     * @return this builder
     */
    public Builder checkWithZoho(boolean check) {
      this.checkWithZoho = check;
      return this;
    }

    /**
     * The clock expiries are computed and compared on (default: the system's UTC clock).
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * The manager; it calls Zoho only from {@link ChannelManager#maintain()}.
     *
     * @return a new manager
     * @throws NullPointerException when the application or the notify URL is not set
     * @throws IllegalArgumentException when no module is watched, or renewBefore is not shorter than the lifetime
     */
    public ChannelManager build() {
      return new ChannelManager(this);
    }
  }
}

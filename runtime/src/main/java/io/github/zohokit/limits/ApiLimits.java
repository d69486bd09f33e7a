package io.github.zohokit.limits;

import io.github.zohokit.store.JdbcTokenStore;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How zohokit keeps to Zoho's API limits for one organisation: set with {@code ZohoOAuth.Builder.apiLimits(...)}; it
 * then applies to every generated call and every request of {@code Zoho.httpClient()} (and so to bulk jobs and
 * syncs), never to Zoho Accounts.
 *
 * <pre>{@code
 * ZohoOAuth oauth = ZohoOAuth.selfClient(id, secret)
 *     .tokenStore(store)                                  // a JdbcTokenStore shared by the fleet
 *     .apiLimits(ApiLimits.builder()
 *         .edition(ApiLimits.Edition.ENTERPRISE)           // or read from the org API (ZohoCRM.org.READ)
 *         .headroom(4)                                     // concurrent calls left to the org's other integrations
 *         .stopAtPercent(90)                               // fail fast once 90 % of the daily credits are spent
 *         .sharedThrough(store)                            // one budget for every process
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>What the governor does (Zoho's API limits page, v8; Kaizen #203 for concurrency):
 *
 * <ul>
 *   <li><b>Concurrency</b>: at most {@link #concurrency()} calls in flight for the organisation: Zoho's cap by
 *       edition (Free 5, Standard 10, Professional 15, Enterprise 20, Ultimate 25) minus the {@link #headroom()}.
 *       The edition is read from the org API's {@code license_details} on the first call when the token's scopes
 *       allow it ({@code ZohoCRM.org.READ}), else the configured {@link #edition()} (default Free) is used.
 *   <li><b>Heavy calls</b>: Zoho's resource-intensive calls (COQL, search, writes of more than 10 records, bulk
 *       jobs, lead conversion, mail, record reads by custom view, composite requests) also take a permit of a
 *       second pool of {@link #heavyConcurrency()} (Zoho: 10 in every edition).
 *   <li><b>Credits</b>: a ledger of the credits spent over Zoho's rolling 24 hours, with Zoho's cost per call (1 per
 *       call, 1 per 10 records written, COQL 1–3 by its LIMIT, 50 per Bulk Read job, 500 per Bulk Write job, ...),
 *       corrected whenever Zoho sends {@code X-API-CREDITS-REMAINING}. Once spending a call's credits would pass
 *       {@link #stopAtPercent()} % of {@link #dailyCredits()}, the call fails at once with
 *       {@link ApiCreditsExhaustedException} and nothing is sent.
 *   <li><b>429</b>: Zoho's {@code TOO_MANY_REQUESTS} (credits or concurrency; it sends no {@code Retry-After}) starts
 *       one cool-down for every call of the organisation, exponential with jitter ({@link #coolDownInitial()}
 *       doubling up to {@link #coolDownMax()}), instead of every thread retrying on its own. A GET or HEAD that got
 *       the 429 waits it out and is sent again; any other call is never sent again by the governor (it fails with
 *       the 429 as a {@code RateLimitException}).
 *   <li><b>Waiting</b>: a call waits for a permit, or for the end of a cool-down, at most {@link #maxWait()}; past
 *       it the call fails with a {@code RateLimitException} and nothing is sent.
 *   <li><b>Fleet</b>: by default the permits and the ledger are this process's. With
 *       {@link Builder#sharedThrough(JdbcTokenStore)} every process sharing that store's database shares them
 *       (tables {@code <table>_permits}, {@code <table>_credits}, {@code <table>_limits}, DDL in
 *       {@code META-INF/zohokit/sql/limits.sql}); a permit is a lease of {@link #leaseTime()} that expires when
 *       its holder dies.
 * </ul>
 *
 * Immutable; {@link #builder()} starts from the defaults.
 */
public final class ApiLimits {
  private static final Pattern ORGANIZATION = Pattern.compile("[A-Za-z0-9_.:@-]{1,100}");

  /**
   * Zoho CRM's editions and their limits: concurrent calls (Kaizen #203, "Concurrency ... capped ... based on CRM
   * edition") and daily credits (API limits page: 50,000 + users × the per-user credits, capped; Free 5,000).
   */
  public enum Edition {
    /** Free: 5 concurrent calls, 5,000 credits a day. */
    FREE(5, 0, 5_000),
    /** Standard/Starter: 10 concurrent calls, 50,000 + 250 per user licence credits, at most 100,000. */
    STANDARD(10, 250, 100_000),
    /** Professional: 15 concurrent calls, 50,000 + 500 per user licence credits, at most 3,000,000. */
    PROFESSIONAL(15, 500, 3_000_000),
    /** Enterprise/Zoho One: 20 concurrent calls, 50,000 + 1,000 per user licence credits, at most 5,000,000. */
    ENTERPRISE(20, 1_000, 5_000_000),
    /** Ultimate/CRM Plus: 25 concurrent calls, 50,000 + 2,000 per user licence credits, no maximum. */
    ULTIMATE(25, 2_000, Long.MAX_VALUE);

    private final int concurrency;
    private final long perUser;
    private final long maximum;

    Edition(int concurrency, long perUser, long maximum) {
      this.concurrency = concurrency;
      this.perUser = perUser;
      this.maximum = maximum;
    }

    /**
     * Zoho's cap on the organisation's concurrent calls in this edition.
     *
     * @return 5, 10, 15, 20 or 25
     */
    public int concurrency() {
      return concurrency;
    }

    /**
     * The daily API credits of an organisation of this edition with {@code userLicences} users, add-ons not
     * included.
     *
     * @param userLicences the user licences purchased, 0 or more
     * @return the credits per rolling 24 hours
     */
    public long dailyCredits(int userLicences) {
      if (this == FREE) {
        return maximum;
      }
      return Math.min(maximum, 50_000 + perUser * Math.max(0, userLicences));
    }
  }

  /**
   * What the governor reports, for meters and health checks; every method has an empty default. Called on the
   * calling thread: keep it quick and never throw.
   */
  public interface Listener {
    /**
     * The permits this process holds changed.
     *
     * @param pool {@code "calls"} (every call) or {@code "heavy"} (Zoho's heavy calls)
     * @param inUse the permits of the pool this process holds now
     * @param size the pool's size for the organisation (all processes together)
     */
    default void permitsInUse(String pool, int inUse, int size) {}

    /**
     * A call waited for a permit or for a cool-down to end before it was sent.
     *
     * @param waited how long it waited
     */
    default void waited(Duration waited) {}

    /** Zoho answered 429 {@code TOO_MANY_REQUESTS}: a cool-down started. */
    default void tooManyRequests() {}

    /**
     * The credits left changed (the ledger's estimate, corrected by {@code X-API-CREDITS-REMAINING}).
     *
     * @param remaining credits left of the daily credits
     * @param dailyCredits the organisation's daily credits
     */
    default void creditsRemaining(long remaining, long dailyCredits) {}

    /**
     * The stop rule refused a call; it was not sent.
     *
     * @param refused what the call failed with
     */
    default void refused(ApiCreditsExhaustedException refused) {}
  }

  private final Edition edition;
  private final boolean detectEdition;
  private final Integer concurrency;
  private final int headroom;
  private final int heavyConcurrency;
  private final Long dailyCredits;
  private final int userLicences;
  private final int stopAtPercent;
  private final Duration maxWait;
  private final Duration coolDownInitial;
  private final Duration coolDownMax;
  private final Duration leaseTime;
  private final JdbcTokenStore sharedThrough;
  private final String organization;
  private final Listener listener;

  private ApiLimits(Builder b) {
    this.edition = b.edition;
    this.detectEdition = b.detectEdition;
    this.concurrency = b.concurrency;
    this.headroom = b.headroom;
    this.heavyConcurrency = b.heavyConcurrency;
    this.dailyCredits = b.dailyCredits;
    this.userLicences = b.userLicences;
    this.stopAtPercent = b.stopAtPercent;
    this.maxWait = b.maxWait;
    this.coolDownInitial = b.coolDownInitial;
    this.coolDownMax = b.coolDownMax;
    this.leaseTime = b.leaseTime;
    this.sharedThrough = b.sharedThrough;
    this.organization = b.organization;
    this.listener = b.listener;
  }

  /**
   * A builder with the defaults: edition read from the org API (else Free), no headroom, 10 heavy calls, daily
   * credits from the edition, stop at 100 %, wait at most 30 s, cool-down from 1 s doubling to 60 s, leases of 2
   * minutes, this process only.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * The edition configured, used when it cannot be read from the org API (or reading is off).
   *
   * @return the edition, or null when none was configured (then Free, Zoho's lowest, is assumed)
   */
  public Edition edition() {
    return edition;
  }

  /**
   * Whether the edition and user licences are read from the org API's {@code license_details} on the first call.
   *
   * @return true unless turned off or the concurrency was set explicitly
   */
  public boolean detectEdition() {
    return detectEdition && concurrency == null;
  }

  /**
   * The concurrent calls zohokit allows itself when the edition is the configured one (or Free): the edition's cap
   * (or the explicit {@link Builder#concurrency(int)}) minus the headroom, at least 1.
   *
   * @return the permits of the pool of every call
   */
  public int concurrency() {
    return concurrencyFor(edition != null ? edition : Edition.FREE);
  }

  /**
   * The concurrent calls zohokit allows itself in {@code edition}, unless set explicitly.
   *
   * @param edition the organisation's edition
   * @return the edition's cap (or the explicit concurrency) minus the headroom, at least 1
   */
  public int concurrencyFor(Edition edition) {
    int cap = concurrency != null ? concurrency : edition.concurrency();
    return Math.max(1, cap - headroom);
  }

  /**
   * Concurrent calls left to the organisation's other integrations.
   *
   * @return the headroom, 0 or more
   */
  public int headroom() {
    return headroom;
  }

  /**
   * The size of the pool of Zoho's heavy calls (Zoho: 10 in every edition).
   *
   * @return the permits of the heavy pool
   */
  public int heavyConcurrency() {
    return heavyConcurrency;
  }

  /**
   * The organisation's daily credits as configured.
   *
   * @return the credits per rolling 24 hours, or null when they come from the edition and user licences
   */
  public Long dailyCredits() {
    return dailyCredits;
  }

  /**
   * The daily credits in {@code edition} with {@code userLicences} users, unless set explicitly.
   *
   * @param edition the organisation's edition
   * @param userLicences the user licences, 0 or more
   * @return the credits per rolling 24 hours
   */
  public long dailyCreditsFor(Edition edition, int userLicences) {
    return dailyCredits != null ? dailyCredits : edition.dailyCredits(userLicences);
  }

  /**
   * The user licences configured, for the daily credits when the org API cannot be read.
   *
   * @return the user licences, 0 when not configured
   */
  public int userLicences() {
    return userLicences;
  }

  /**
   * The share of the daily credits zohokit may spend; past it calls fail with {@link ApiCreditsExhaustedException}.
   *
   * @return 1 to 100
   */
  public int stopAtPercent() {
    return stopAtPercent;
  }

  /**
   * The longest a call waits for a permit or for a cool-down to end before it fails without being sent.
   *
   * @return the wait
   */
  public Duration maxWait() {
    return maxWait;
  }

  /**
   * The first cool-down after a 429.
   *
   * @return the initial cool-down
   */
  public Duration coolDownInitial() {
    return coolDownInitial;
  }

  /**
   * The longest cool-down after repeated 429s.
   *
   * @return the cap
   */
  public Duration coolDownMax() {
    return coolDownMax;
  }

  /**
   * How long a permit lasts at most: a process that dies holding one frees it after this. Keep it longer than the
   * HTTP client's call timeout.
   *
   * @return the lease time
   */
  public Duration leaseTime() {
    return leaseTime;
  }

  /**
   * The store whose database every process shares the permits and the ledger through.
   *
   * @return the store, or null for this process only
   */
  public JdbcTokenStore sharedThrough() {
    return sharedThrough;
  }

  /**
   * The name the organisation's permits and ledger are kept under in the shared store.
   *
   * @return the name, {@code "default"} unless set
   */
  public String organization() {
    return organization;
  }

  /**
   * Who hears what the governor does.
   *
   * @return the listener, never null (a no-op by default)
   */
  public Listener listener() {
    return listener;
  }

  @Override
  public String toString() {
    return "ApiLimits{edition=" + (edition == null ? "detect" : edition) + (concurrency == null ? ""
        : ", concurrency=" + concurrency) + ", headroom=" + headroom + ", heavy=" + heavyConcurrency
        + (dailyCredits == null ? "" : ", dailyCredits=" + dailyCredits) + ", stopAt=" + stopAtPercent + "%"
        + ", maxWait=" + maxWait + (sharedThrough == null ? ", this process" : ", shared through " + sharedThrough)
        + "}";
  }

  /** Configures {@link ApiLimits}; every method checks its argument and says what was wrong. */
  public static final class Builder {
    private static final Listener NO_LISTENER = new Listener() {};

    private Edition edition;
    private boolean detectEdition = true;
    private Integer concurrency;
    private int headroom;
    private int heavyConcurrency = 10;
    private Long dailyCredits;
    private int userLicences;
    private int stopAtPercent = 100;
    private Duration maxWait = Duration.ofSeconds(30);
    private Duration coolDownInitial = Duration.ofSeconds(1);
    private Duration coolDownMax = Duration.ofSeconds(60);
    private Duration leaseTime = Duration.ofMinutes(2);
    private JdbcTokenStore sharedThrough;
    private String organization = "default";
    private Listener listener = NO_LISTENER;

    private Builder() {}

    /**
     * The organisation's edition, used when the org API cannot be read (no {@code ZohoCRM.org.READ}) or reading is
     * off. Default: Free, Zoho's lowest.
     *
     * @param edition the edition, not null
     * @return this builder
     */
    public Builder edition(Edition edition) {
      this.edition = Objects.requireNonNull(edition, "edition");
      return this;
    }

    /**
     * Whether to read the edition and the user licences from the org API ({@code GET /crm/v8/org},
     * {@code license_details}) on the first call. Default true; it costs one call and one credit.
     *
     * @param detect false to use the configured edition only
     * @return this builder
     */
    public Builder detectEdition(boolean detect) {
      this.detectEdition = detect;
      return this;
    }

    /**
     * The organisation's cap on concurrent calls, instead of the edition's (for example a limit Zoho agreed
     * with you); the edition is then not read.
     *
     * @param calls 1 or more
     * @return this builder
     * @throws IllegalArgumentException when {@code calls} is below 1
     */
    public Builder concurrency(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("the concurrency must be at least 1 call, was " + calls);
      }
      this.concurrency = calls;
      return this;
    }

    /**
     * Concurrent calls to leave to the organisation's other integrations (the CRM's own extensions, other apps).
     * Default 0. zohokit always keeps at least one.
     *
     * @param calls 0 or more
     * @return this builder
     * @throws IllegalArgumentException when {@code calls} is negative
     */
    public Builder headroom(int calls) {
      if (calls < 0) {
        throw new IllegalArgumentException("the headroom must not be negative, was " + calls);
      }
      this.headroom = calls;
      return this;
    }

    /**
     * The size of the pool of Zoho's heavy calls. Default 10, Zoho's sub-concurrency limit in every edition.
     *
     * @param calls 1 or more
     * @return this builder
     * @throws IllegalArgumentException when {@code calls} is below 1
     */
    public Builder heavyConcurrency(int calls) {
      if (calls < 1) {
        throw new IllegalArgumentException("the heavy-call concurrency must be at least 1 call, was " + calls);
      }
      this.heavyConcurrency = calls;
      return this;
    }

    /**
     * The organisation's API credits per rolling 24 hours (Setup → Developer Hub → APIs shows them), instead of
     * the edition's formula; set it when the organisation bought add-on credits.
     *
     * @param credits 1 or more
     * @return this builder
     * @throws IllegalArgumentException when {@code credits} is below 1
     */
    public Builder dailyCredits(long credits) {
      if (credits < 1) {
        throw new IllegalArgumentException("the daily credits must be at least 1, was " + credits);
      }
      this.dailyCredits = credits;
      return this;
    }

    /**
     * The organisation's user licences, for the edition's credit formula when the org API cannot be read.
     *
     * @param users 0 or more
     * @return this builder
     * @throws IllegalArgumentException when {@code users} is negative
     */
    public Builder userLicences(int users) {
      if (users < 0) {
        throw new IllegalArgumentException("the user licences must not be negative, was " + users);
      }
      this.userLicences = users;
      return this;
    }

    /**
     * Stop at this share of the daily credits: a call that would spend past it fails at once with
     * {@link ApiCreditsExhaustedException}, leaving the rest of the organisation's day to its other integrations.
     * Default 100.
     *
     * @param percent 1 to 100
     * @return this builder
     * @throws IllegalArgumentException when {@code percent} is outside 1 to 100
     */
    public Builder stopAtPercent(int percent) {
      if (percent < 1 || percent > 100) {
        throw new IllegalArgumentException("stopAtPercent must be between 1 and 100, was " + percent);
      }
      this.stopAtPercent = percent;
      return this;
    }

    /**
     * The longest a call waits for a permit, or for a cool-down after a 429 to end, before it fails with a
     * {@code RateLimitException} without being sent. Default 30 seconds.
     *
     * @param wait zero (never wait) or more
     * @return this builder
     * @throws IllegalArgumentException when {@code wait} is negative
     */
    public Builder maxWait(Duration wait) {
      if (Objects.requireNonNull(wait, "maxWait").isNegative()) {
        throw new IllegalArgumentException("maxWait must not be negative, was " + wait);
      }
      this.maxWait = wait;
      return this;
    }

    /**
     * The cool-down after a 429: the first lasts {@code initial}, each further 429 in a row doubles it up to
     * {@code max}; each is jittered to between half and all of it. Default 1 s to 60 s.
     *
     * @param initial more than zero
     * @param max at least {@code initial}
     * @return this builder
     * @throws IllegalArgumentException when {@code initial} is not positive or {@code max} is shorter
     */
    public Builder coolDown(Duration initial, Duration max) {
      Objects.requireNonNull(initial, "initial");
      Objects.requireNonNull(max, "max");
      if (initial.isZero() || initial.isNegative() || max.compareTo(initial) < 0) {
        throw new IllegalArgumentException("the cool-down must start above zero and its maximum must not be "
            + "shorter, was " + initial + " to " + max);
      }
      this.coolDownInitial = initial;
      this.coolDownMax = max;
      return this;
    }

    /**
     * How long a shared permit lasts at most: a process that dies holding one frees it after this. Keep it longer
     * than the HTTP client's call timeout. Default 2 minutes.
     *
     * @param lease at least 1 second
     * @return this builder
     * @throws IllegalArgumentException when {@code lease} is shorter than a second
     */
    public Builder leaseTime(Duration lease) {
      if (Objects.requireNonNull(lease, "leaseTime").compareTo(Duration.ofSeconds(1)) < 0) {
        throw new IllegalArgumentException("the lease time must be at least 1 second, was " + lease);
      }
      this.leaseTime = lease;
      return this;
    }

    /**
     * Shares the permits, the ledger and the cool-down with every process using the same database as
     * {@code store} (PostgreSQL, MySQL/MariaDB or H2): the database coordinates, no other server is needed. Usually
     * the store the fleet already shares its token through.
     *
     * @param store the JDBC store whose database and table name (as prefix) to use, not null
     * @return this builder
     */
    public Builder sharedThrough(JdbcTokenStore store) {
      this.sharedThrough = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The name the organisation's permits and ledger are kept under in the shared store; give each organisation
     * (each {@code ZohoOAuth} of another organisation) its own. Default {@code "default"}.
     *
     * @param name letters, digits and {@code _.:@-}, 1 to 100 characters
     * @return this builder
     * @throws IllegalArgumentException when {@code name} is not like that
     */
    public Builder organization(String name) {
      if (name == null || !ORGANIZATION.matcher(name).matches()) {
        throw new IllegalArgumentException("the organization name '" + name + "' must be 1 to 100 letters, digits "
            + "or _.:@-");
      }
      this.organization = name;
      return this;
    }

    /**
     * Who hears what the governor does (the Spring Boot starter's meters use this).
     *
     * @param listener the listener, not null
     * @return this builder
     */
    public Builder listener(Listener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * The limits.
     *
     * @return a new, immutable {@code ApiLimits}
     */
    public ApiLimits build() {
      return new ApiLimits(this);
    }
  }
}

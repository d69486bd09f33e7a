package io.github.zohokit.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.zohokit.RateLimitException;
import io.github.zohokit.internal.session.Authorization;
import io.github.zohokit.limits.ApiCreditsExhaustedException;
import io.github.zohokit.limits.ApiLimits;
import io.github.zohokit.spi.LimitsLedger;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import okio.ForwardingSource;
import okio.Okio;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Not API: may change in any release. The governor: keeps every call of one {@code ZohoOAuth} within Zoho's API
 * limits for the organisation, as {@link ApiLimits} describes. For each request, before anything is sent:
 *
 * <ol>
 *   <li>its price ({@link OperationCosts}) is taken from the credit ledger; when that would pass the stop rule the
 *       call fails at once with {@link ApiCreditsExhaustedException};
 *   <li>it waits out the organisation's cool-down after a 429, if one runs;
 *   <li>it takes a permit of the heavy pool (heavy calls only), then one of the pool of every call, waiting at most
 *       {@link ApiLimits#maxWait()} in all;
 * </ol>
 *
 * then it is sent, and the permits are given back when the answer's body is closed (Zoho counts a call until its
 * answer is complete). An answer's {@code X-API-CREDITS-REMAINING} corrects the ledger; a 429 starts the shared
 * cool-down, and a GET or HEAD is sent again after it (within the same wait), any other method never.
 *
 * <p>It sits after the retry interceptor and before the authorization interceptor, so each retry takes its own
 * permit and a permit is never held while a retry sleeps.
 */
public final class GovernorInterceptor implements Interceptor {
  static final String CALLS = "calls";
  static final String HEAVY = "heavy";
  private static final Logger LOG = LoggerFactory.getLogger(GovernorInterceptor.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long RECONCILE_EVERY_MILLIS = 1000;
  /** Credits a process reserves beyond what a call needs when the ledger is shared: one write per ~10 calls. */
  private static final long SHARED_BATCH = 9;

  private final ApiLimits limits;
  private final LimitsLedger ledger;
  private final Clock clock;
  private final ApiLimits.Listener listener;
  private final long batch;
  private final Object setupLock = new Object();
  private volatile Setup setup;
  private final Object creditLock = new Object();
  private long reservedCredits;
  private volatile long coolDownUntilMillis;
  private final AtomicInteger tooManyInARow = new AtomicInteger();
  private volatile long lastReconciled;

  /** What the governor knows of the organisation once it has looked. */
  record Setup(PermitPool calls, PermitPool heavy, long dailyCredits, String edition) {}

  GovernorInterceptor(ApiLimits limits, LimitsLedger ledger, Clock clock, boolean shared) {
    this.limits = limits;
    this.ledger = ledger;
    this.clock = clock;
    this.listener = limits.listener();
    this.batch = shared ? SHARED_BATCH : 0;
  }

  /**
   * {@code http} with the governor of {@code limits} added after its own interceptors; the same client when
   * {@code limits} is null. Add zohokit's authorization interceptor to the result.
   *
   * @param http the client to build on (the application's, after the retry interceptor)
   * @param limits the limits, or null for none
   * @return the client
   */
  public static OkHttpClient install(OkHttpClient http, ApiLimits limits) {
    if (limits == null) {
      return http;
    }
    LimitsLedger ledger = limits.sharedThrough() != null
        ? limits.sharedThrough().limitsLedger(limits.organization())
        : new InMemoryLedger(Clock.systemUTC());
    return http.newBuilder()
        .addInterceptor(new GovernorInterceptor(limits, ledger, Clock.systemUTC(), limits.sharedThrough() != null))
        .build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Setup s = setup(chain);
    OperationCosts.Cost cost = OperationCosts.of(request);
    String what = request.method() + " " + request.url().encodedPath();
    spend(s, cost.credits(), what);
    boolean resendable = request.method().equals("GET") || request.method().equals("HEAD");
    long start = System.nanoTime();
    long deadline = start + limits.maxWait().toNanos();
    while (true) {
      awaitCoolDown(deadline, what);
      LimitsLedger.Permit heavy = cost.heavy() ? acquire(s.heavy(), deadline, what) : null;
      LimitsLedger.Permit call;
      try {
        call = acquire(s.calls(), deadline, what);
      } catch (IOException | RuntimeException e) {
        release(s.heavy(), heavy);
        throw e;
      }
      if (call.coolDownUntil() != null && call.coolDownUntil().toEpochMilli() > clock.millis()) {
        coolDownUntilMillis = Math.max(coolDownUntilMillis, call.coolDownUntil().toEpochMilli());
        release(s.calls(), call); // another process started a cool-down: wait it out first
        release(s.heavy(), heavy);
        continue;
      }
      long waited = System.nanoTime() - start;
      if (waited > 2_000_000) {
        listener.waited(Duration.ofNanos(waited));
      }
      Response response;
      try {
        response = chain.proceed(request);
      } catch (IOException | RuntimeException e) {
        release(s.calls(), call);
        release(s.heavy(), heavy);
        throw e;
      }
      if (response.code() == 429) {
        response = releaseOnClose(response, s, call, heavy);
        coolDown();
        if (resendable && request.body() == null && System.nanoTime() < deadline) {
          response.close();
          continue;
        }
        return response;
      }
      if (tooManyInARow.get() != 0) {
        tooManyInARow.set(0);
      }
      reconcile(s, response.header("X-API-CREDITS-REMAINING"));
      return releaseOnClose(response, s, call, heavy);
    }
  }

  /** The pools, sized from the edition: read from the org API once when allowed, else the configured one. */
  private Setup setup(Chain chain) {
    Setup s = setup;
    if (s != null) {
      return s;
    }
    synchronized (setupLock) {
      if (setup != null) {
        return setup;
      }
      ApiLimits.Edition edition = limits.edition();
      int users = limits.userLicences();
      boolean known = edition != null || limits.dailyCredits() != null;
      if (limits.detectEdition()) {
        JsonNode license = license(chain);
        ApiLimits.Edition read = license == null ? null : edition(license);
        if (read != null) {
          edition = read;
          users = license.path("users_license_purchased").asInt(users);
          known = true;
          LOG.info("Zoho CRM edition {} with {} user licences (org API license_details)", read, users);
        }
      }
      ApiLimits.Edition used = edition != null ? edition : ApiLimits.Edition.FREE;
      Duration lease = limits.leaseTime();
      setup = new Setup(new PermitPool(CALLS, limits.concurrencyFor(used), ledger, lease),
          new PermitPool(HEAVY, limits.heavyConcurrency(), ledger, lease),
          known ? limits.dailyCreditsFor(used, users) : 0, used.name());
      LOG.info("API limits: {} concurrent calls, {} heavy, {} daily credits (stop at {} %), ledger in {}",
          setup.calls().size(), setup.heavy().size(), known ? setup.dailyCredits() : "unknown",
          limits.stopAtPercent(), ledger);
      return setup;
    }
  }

  /** The org API's {@code license_details}, or null when it cannot be read (no scope, no answer). */
  private JsonNode license(Chain chain) {
    Request request = chain.request();
    HttpUrl url = request.url();
    List<String> path = url.pathSegments();
    int crm = path.indexOf("crm");
    if (crm < 0) {
      return null;
    }
    HttpUrl.Builder org = url.newBuilder().query(null);
    for (int i = path.size() - 1; i >= crm; i--) {
      org.removePathSegment(i);
    }
    Request.Builder get = new Request.Builder().url(org.addPathSegments("crm/v8/org").build());
    Authorization authorization = request.tag(Authorization.class);
    if (authorization != null) {
      get.tag(Authorization.class, authorization);
    }
    try (Response response = chain.proceed(get.build())) {
      if (response.code() != 200) {
        LOG.info("the org API answered {} (needs ZohoCRM.org.READ); using the configured edition {}",
            response.code(), limits.edition() == null ? "(none: Free)" : limits.edition());
        return null;
      }
      JsonNode license = JSON.readTree(response.body().byteStream()).path("org").path(0).path("license_details");
      return license.isObject() ? license : null;
    } catch (IOException | RuntimeException e) {
      LOG.info("the org API could not be read ({}); using the configured edition", e.toString());
      return null;
    }
  }

  /** The edition {@code license_details} names: {@code paid_type} when paid, else the trial's, else paid_type. */
  static ApiLimits.Edition edition(JsonNode license) {
    String type = license.path("paid").asBoolean(false) || license.path("trial_type").isNull()
        || license.path("trial_type").isMissingNode() ? license.path("paid_type").asText("")
        : license.path("trial_type").asText("");
    String t = type.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
    if (t.contains("ultimate") || t.contains("crmplus")) {
      return ApiLimits.Edition.ULTIMATE;
    }
    if (t.contains("enterprise") || t.contains("zohoone")) {
      return ApiLimits.Edition.ENTERPRISE;
    }
    if (t.contains("professional")) {
      return ApiLimits.Edition.PROFESSIONAL;
    }
    if (t.contains("standard") || t.contains("starter")) {
      return ApiLimits.Edition.STANDARD;
    }
    if (t.contains("free")) {
      return ApiLimits.Edition.FREE;
    }
    return null;
  }

  /** Takes {@code credits} from the ledger, or refuses the call when that would pass the stop rule. */
  private void spend(Setup s, long credits, String what) throws LimitRefusedException {
    long daily = s.dailyCredits();
    if (daily <= 0) {
      return;
    }
    synchronized (creditLock) {
      if (reservedCredits >= credits) {
        reservedCredits -= credits;
        return;
      }
    }
    long ceiling = daily / 100 * limits.stopAtPercent() + daily % 100 * limits.stopAtPercent() / 100;
    LimitsLedger.Grant grant = ledger.reserve(credits, credits + batch, ceiling, daily);
    listener.creditsRemaining(Math.max(0, daily - grant.spent()), daily);
    if (grant.granted() < credits) {
      ApiCreditsExhaustedException refused = new ApiCreditsExhaustedException(what, credits,
          daily - grant.spent(), daily, limits.stopAtPercent(), grant.freesUpAt(), clock.instant());
      listener.refused(refused);
      throw new LimitRefusedException(refused);
    }
    synchronized (creditLock) {
      reservedCredits += grant.granted() - credits;
    }
  }

  private void reconcile(Setup s, String header) {
    if (header == null || s.dailyCredits() <= 0) {
      return;
    }
    long remaining;
    try {
      remaining = Long.parseLong(header.trim());
    } catch (NumberFormatException e) {
      return;
    }
    long now = clock.millis();
    if (now - lastReconciled < RECONCILE_EVERY_MILLIS) {
      return;
    }
    lastReconciled = now;
    synchronized (creditLock) {
      reservedCredits = 0; // Zoho's count is the truth now; what this process reserved is spent or given up
    }
    ledger.reconcile(remaining, s.dailyCredits());
    listener.creditsRemaining(remaining, s.dailyCredits());
  }

  /** Waits until the organisation's cool-down ends; refuses the call when it ends past the deadline. */
  private void awaitCoolDown(long deadline, String what) throws IOException {
    long until = coolDownUntilMillis;
    long wait = until - clock.millis();
    if (wait <= 0) {
      return;
    }
    if (System.nanoTime() + wait * 1_000_000 > deadline) {
      throw new LimitRefusedException(new RateLimitException(what + " was not sent: Zoho answered 429 "
          + "TOO_MANY_REQUESTS and the organisation's calls wait until " + Instant.ofEpochMilli(until)
          + ", longer than the wait allowed (ApiLimits.maxWait " + limits.maxWait() + ")", Duration.ofMillis(wait)));
    }
    sleep(wait, what);
  }

  private void coolDown() {
    listener.tooManyRequests();
    int n = tooManyInARow.incrementAndGet();
    long initial = limits.coolDownInitial().toMillis();
    long cap = limits.coolDownMax().toMillis();
    long backoff = n > 31 ? cap : Math.min(cap, initial << Math.min(30, n - 1));
    long jittered = backoff / 2 + ThreadLocalRandom.current().nextLong(backoff - backoff / 2 + 1);
    long until = clock.millis() + jittered;
    if (until > coolDownUntilMillis) {
      coolDownUntilMillis = until;
      try {
        ledger.coolDown(Instant.ofEpochMilli(until));
      } catch (RuntimeException e) {
        LOG.warn("could not share the cool-down after a 429: {}", e.getMessage());
      }
    }
  }

  private LimitsLedger.Permit acquire(PermitPool pool, long deadline, String what) throws IOException {
    LimitsLedger.Permit permit;
    try {
      permit = pool.acquire(deadline);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while " + what + " waited for a permit");
    }
    if (permit == null) {
      throw new LimitRefusedException(new RateLimitException(what + " was not sent: all " + pool.size()
          + " permits of the organisation's " + (pool.name().equals(HEAVY) ? "heavy calls" : "concurrent calls")
          + " stayed taken for " + limits.maxWait() + " (ApiLimits.maxWait; this process holds " + pool.inUse()
          + "). Lower this application's parallelism or raise the wait", null));
    }
    listener.permitsInUse(pool.name(), pool.inUse(), pool.size());
    return permit;
  }

  private void release(PermitPool pool, LimitsLedger.Permit permit) {
    if (permit == null) {
      return;
    }
    try {
      pool.release(permit);
    } catch (RuntimeException e) {
      LOG.warn("could not give back permit {} (its lease expires on its own): {}", permit, e.getMessage());
    }
    listener.permitsInUse(pool.name(), pool.inUse(), pool.size());
  }

  /** {@code response} whose body gives the permits back when closed or read to its end. */
  private Response releaseOnClose(Response response, Setup s, LimitsLedger.Permit call, LimitsLedger.Permit heavy) {
    AtomicBoolean released = new AtomicBoolean();
    Runnable giveBack = () -> {
      if (released.compareAndSet(false, true)) {
        release(s.calls(), call);
        release(s.heavy(), heavy);
      }
    };
    ResponseBody body = response.body();
    if (body == null) {
      giveBack.run();
      return response;
    }
    BufferedSource source = Okio.buffer(new ForwardingSource(body.source()) {
      @Override
      public long read(Buffer sink, long byteCount) throws IOException {
        long read = super.read(sink, byteCount);
        if (read == -1) {
          giveBack.run();
        }
        return read;
      }

      @Override
      public void close() throws IOException {
        try {
          super.close();
        } finally {
          giveBack.run();
        }
      }
    });
    return response.newBuilder().body(ResponseBody.create(source, body.contentType(), body.contentLength())).build();
  }

  private static void sleep(long millis, String what) throws InterruptedIOException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while " + what + " waited for the cool-down after a 429");
    }
  }
}

package io.github.zohokit.spring;

import io.github.zohokit.RateLimitException;
import io.github.zohokit.ReauthorizationRequiredException;
import io.github.zohokit.ZohoAuthException;
import io.github.zohokit.auth.TokenRenewalListener;
import io.github.zohokit.token.ZohoToken;
import io.github.zohokit.Operation;
import io.github.zohokit.token.TokenKey;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.FunctionTimer;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import org.springframework.beans.factory.ObjectProvider;

/**
 * zohokit's Micrometer meters:
 *
 * <ul>
 *   <li>{@code zoho.token.renewals} (counter, tag {@code outcome}: {@code success}, {@code rate_limited},
 *       {@code reauthorization_required}, {@code refused}, {@code error});
 *   <li>{@code zoho.api.requests} (timer, tags {@code method}, {@code uri} — the declared path template such as
 *       {@code /crm/v8/Leads/{id}}, never the concrete URL — and {@code status}: the HTTP status, or
 *       {@code IO_ERROR}); only calls of generated clients, which tag their requests with their operation;
 *   <li>{@code zoho.api.credits.remaining} (gauge): the last {@code X-API-CREDITS-REMAINING} Zoho sent; NaN before;
 *   <li>with {@code zoho.limits.enabled=true}, the governor's: {@code zoho.limits.permits.in.use} and
 *       {@code zoho.limits.permits.size} (gauges, tag {@code pool}: {@code calls} or {@code heavy}; in use is this
 *       instance's, the size the organisation's), {@code zoho.limits.waits} (function timer: calls that waited for
 *       a permit or a cool-down, and how long), {@code zoho.limits.too.many.requests} (counter: Zoho's 429s),
 *       {@code zoho.limits.credits.remaining} (gauge: the ledger's credits left; NaN before the first call) and
 *       {@code zoho.limits.refused} (counter: calls the stop rule refused unsent).
 * </ul>
 *
 * The registry is looked up on first use, so no ordering against Micrometer's auto-configuration is needed; without
 * a {@link MeterRegistry} bean nothing is recorded.
 */
final class ZohoMetrics implements Interceptor, TokenRenewalListener {
  static final String RENEWALS = "zoho.token.renewals";
  static final String REQUESTS = "zoho.api.requests";
  static final String CREDITS = "zoho.api.credits.remaining";
  static final String LIMITS_IN_USE = "zoho.limits.permits.in.use";
  static final String LIMITS_SIZE = "zoho.limits.permits.size";
  static final String LIMITS_WAITS = "zoho.limits.waits";
  static final String LIMITS_429 = "zoho.limits.too.many.requests";
  static final String LIMITS_REFUSED = "zoho.limits.refused";
  static final String LIMITS_CREDITS = "zoho.limits.credits.remaining";
  private static final long UNKNOWN = Long.MIN_VALUE;

  private final ObjectProvider<MeterRegistry> registries;
  private final AtomicLong credits = new AtomicLong(UNKNOWN);
  /** One timer per (method, path template, status), registered once rather than looked up on every request. */
  private final ConcurrentMap<List<String>, Timer> timers = new ConcurrentHashMap<>();
  private volatile MeterRegistry registry;
  private volatile boolean resolved;

  ZohoMetrics(ObjectProvider<MeterRegistry> registries) {
    this.registries = registries;
  }

  private MeterRegistry registry() {
    if (!resolved) {
      synchronized (this) {
        if (!resolved) {
          MeterRegistry found = registries.getIfUnique();
          if (found != null) {
            Gauge.builder(CREDITS, credits, c -> c.get() == UNKNOWN ? Double.NaN : c.get())
                .description("API credits Zoho last said remain (X-API-CREDITS-REMAINING)").register(found);
          }
          registry = found;
          resolved = true;
        }
      }
    }
    return registry;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    Operation operation = request.tag(Operation.class);
    MeterRegistry meters = registry();
    if (operation == null || meters == null) {
      return chain.proceed(request);
    }
    long start = System.nanoTime();
    String status = "IO_ERROR";
    try {
      Response response = chain.proceed(request);
      status = Integer.toString(response.code());
      String remaining = response.header("X-API-CREDITS-REMAINING");
      if (remaining != null) {
        try {
          credits.set(Long.parseLong(remaining.trim()));
        } catch (NumberFormatException ignored) {
          // a header we cannot read tells us nothing; keep the last value
        }
      }
      return response;
    } finally {
      timer(meters, operation, status).record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
    }
  }

  private Timer timer(MeterRegistry meters, Operation operation, String status) {
    return timers.computeIfAbsent(List.of(operation.httpMethod(), operation.pathTemplate(), status),
        k -> Timer.builder(REQUESTS).description("Calls of zohokit's generated clients to Zoho's APIs")
            .tag("method", k.get(0)).tag("uri", k.get(1)).tag("status", k.get(2)).register(meters));
  }

  @Override
  public void renewed(TokenKey key, ZohoToken token) {
    count("success");
  }

  @Override
  public void renewalFailed(TokenKey key, RuntimeException failure) {
    String outcome;
    if (failure instanceof RateLimitException) {
      outcome = "rate_limited";
    } else if (failure instanceof ReauthorizationRequiredException) {
      outcome = "reauthorization_required";
    } else if (failure instanceof ZohoAuthException) {
      outcome = "refused";
    } else {
      outcome = "error";
    }
    count(outcome);
  }

  private void count(String outcome) {
    MeterRegistry meters = registry();
    if (meters != null) {
      Counter.builder(RENEWALS).description("Access-token renewals without the user, by outcome")
          .tag("outcome", outcome).register(meters).increment();
    }
  }

  /** Binds the governor's meters (see the class comment) to {@code registry}. */
  static void bindLimits(MeterRegistry registry, ZohoLimitsState state) {
    for (String pool : List.of("calls", "heavy")) {
      Gauge.builder(LIMITS_IN_USE, state.inUse.get(pool), AtomicLong::get).tag("pool", pool)
          .description("Permits of Zoho's concurrency limits this instance holds").register(registry);
      Gauge.builder(LIMITS_SIZE, state.size.get(pool), AtomicLong::get).tag("pool", pool)
          .description("Permits of Zoho's concurrency limits for the organisation").register(registry);
    }
    FunctionTimer.builder(LIMITS_WAITS, state, s -> s.waits.get(), s -> s.waitedNanos.get(), TimeUnit.NANOSECONDS)
        .description("Calls that waited for a permit or for the cool-down after a 429").register(registry);
    FunctionCounter.builder(LIMITS_429, state, s -> s.tooManyRequests.get())
        .description("Zoho's 429 TOO_MANY_REQUESTS answers").register(registry);
    FunctionCounter.builder(LIMITS_REFUSED, state, s -> s.refused.get())
        .description("Calls the stop rule on API credits refused before sending").register(registry);
    Gauge.builder(LIMITS_CREDITS, state.creditsRemaining,
        c -> c.get() == ZohoLimitsState.UNKNOWN ? Double.NaN : c.get())
        .description("API credits left of the organisation's daily credits, as the ledger counts them")
        .register(registry);
  }

  @Override
  public String toString() {
    return "ZohoMetrics";
  }
}

package io.github.zohokit.internal.http;

import io.github.zohokit.RetryPolicy;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Not API: may change in any release. Sends a request again after a transient failure, as a {@link RetryPolicy}
 * says: answers 500, 502, 503, 504 and 429, timeouts and failed connections, for the policy's methods only, with a
 * capped exponential back-off and jitter, within the policy's attempts and time.
 *
 * <p>It sits in front of {@link ZohoAuthInterceptor} (added to the HTTP client before it), so each attempt is
 * authorized again and keeps the single retry after a rejected token; a token that cannot be obtained
 * ({@code TokenUnavailableException}) is never retried here (Zoho Accounts has its own back-off). A request body
 * OkHttp can send only once is not retried.
 */
public final class RetryInterceptor implements Interceptor {
  /** Waits; replaced in tests. */
  interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final LongSupplier nanoTime;
  private final DoubleSupplier random;

  RetryInterceptor(RetryPolicy policy, Sleeper sleeper, LongSupplier nanoTime, DoubleSupplier random) {
    this.policy = policy;
    this.sleeper = sleeper;
    this.nanoTime = nanoTime;
    this.random = random;
  }

  /**
   * {@code http} with the retries of {@code policy}: the same client when the policy retries nothing, else one
   * sharing its pool and settings with this interceptor added after its own interceptors. Add zohokit's
   * authorization interceptor to the result, so that each attempt goes through it.
   *
   * @param http the application's client
   * @param policy when to retry, not null
   * @return the client to build zohokit's authorizing clients on
   */
  public static OkHttpClient install(OkHttpClient http, RetryPolicy policy) {
    Objects.requireNonNull(policy, "retryPolicy");
    if (policy.maxAttempts() <= 1) {
      return http;
    }
    return http.newBuilder().addInterceptor(new RetryInterceptor(policy, d -> Thread.sleep(d.toMillis()),
        System::nanoTime, () -> ThreadLocalRandom.current().nextDouble())).build();
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request request = chain.request();
    if (!policy.retries(request.method()) || request.body() != null && request.body().isOneShot()) {
      return chain.proceed(request);
    }
    long start = nanoTime.getAsLong();
    for (int attempt = 1; ; attempt++) {
      Response response = null;
      IOException failure = null;
      try {
        response = chain.proceed(request);
        if (!retryable(response.code())) {
          return response;
        }
      } catch (IOException e) {
        if (!retryable(e) || chain.call().isCanceled()) {
          throw e;
        }
        failure = e;
      }
      Duration wait = delay(attempt, response);
      Duration elapsed = Duration.ofNanos(nanoTime.getAsLong() - start);
      if (attempt >= policy.maxAttempts() || wait == null
          || elapsed.plus(wait).compareTo(policy.maxElapsed()) > 0) {
        if (response != null) {
          return response;
        }
        throw failure;
      }
      if (response != null) {
        response.close();
      }
      try {
        sleeper.sleep(wait);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException interrupted = new InterruptedIOException("interrupted while waiting " + wait.toMillis()
            + " ms to send " + request.method() + " " + request.url().encodedPath() + " again (attempt "
            + (attempt + 1) + " of " + policy.maxAttempts() + ")");
        if (failure != null) {
          interrupted.addSuppressed(failure);
        }
        throw interrupted;
      }
    }
  }

  /** The statuses worth another attempt: Zoho's limits and server errors that say nothing about the request. */
  static boolean retryable(int status) {
    return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
  }

  /** Failures worth another attempt: not a missing token, an interrupt or a certificate problem. */
  private static boolean retryable(IOException e) {
    if (e instanceof TokenUnavailableException || e instanceof LimitRefusedException
        || e instanceof SSLPeerUnverifiedException
        || e instanceof SSLHandshakeException) {
      return false;
    }
    return !(e instanceof InterruptedIOException && Thread.currentThread().isInterrupted());
  }

  /**
   * The wait before attempt {@code attempt + 1}: the capped exponential back-off, jittered to between half and all
   * of it, or the answer's {@code Retry-After} when longer; null when {@code Retry-After} exceeds the cap.
   */
  Duration delay(int attempt, Response response) {
    long initial = policy.initialBackoff().toMillis();
    long cap = policy.maxBackoff().toMillis();
    long backoff = attempt > 31 ? cap : Math.min(cap, initial << (attempt - 1));
    long jittered = backoff / 2 + (long) (random.getAsDouble() * (backoff - backoff / 2));
    Duration retryAfter = response == null ? null : retryAfter(response.header("Retry-After"));
    if (retryAfter != null && retryAfter.toMillis() > cap) {
      return null;
    }
    return retryAfter != null && retryAfter.toMillis() > jittered ? retryAfter : Duration.ofMillis(jittered);
  }

  private static Duration retryAfter(String header) {
    if (header == null) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
